/** Plain, accessible tables: real <table> markup so screen readers and keyboard users get rows and headers. */
export function Table({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table aria-label={label} className="w-full border-collapse text-left text-sm">
        {children}
      </table>
    </div>
  );
}

export function Th({ children, className = '' }: { children?: React.ReactNode; className?: string }) {
  return <th scope="col" className={`border-b border-line bg-panel px-3 py-2 text-xs font-medium uppercase tracking-wider text-muted ${className}`}>{children}</th>;
}

export function Td({ children, className = '' }: { children?: React.ReactNode; className?: string }) {
  return <td className={`border-b border-line/60 px-3 py-2 align-middle ${className}`}>{children}</td>;
}
