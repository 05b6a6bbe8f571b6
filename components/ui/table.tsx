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

/** Cell styles are the `.th` and `.td` classes of app/globals.css (short: they repeat in every row). */
export function Th({ children, className = '' }: { children?: React.ReactNode; className?: string }) {
  return <th scope="col" className={className ? `th ${className}` : 'th'}>{children}</th>;
}

export function Td({ children, className = '' }: { children?: React.ReactNode; className?: string }) {
  return <td className={className ? `td ${className}` : 'td'}>{children}</td>;
}
