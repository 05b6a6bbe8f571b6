'use client';

import { useEffect, useRef } from 'react';

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape closes it, and the rest
 * of the page is inert while it is open. `open` is controlled by the parent.
 */
export function Dialog({ open, onClose, title, children, wide = false }: { open: boolean; onClose: () => void; title: string; children: React.ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      aria-label={title}
      className={`m-auto w-full ${wide ? 'max-w-2xl' : 'max-w-md'} rounded-lg border border-line bg-panel p-0 text-ink backdrop:bg-black/60`}
    >
      {open ? (
        <div className="p-5">
          <h2 className="mb-4 text-base font-semibold">{title}</h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

/** Field chrome shared by forms in dialogs: label, control, and the server's field errors. */
export function Field({ label, error, children, hint }: { label: string; error?: string[]; children: React.ReactNode; hint?: string }) {
  return (
    <label className="block">
      <span className="text-sm text-muted">{label}</span>
      <div className="mt-1">{children}</div>
      {hint ? <span className="mt-1 block text-xs text-faint">{hint}</span> : null}
      {error?.length ? <span className="mt-1 block text-xs text-bad">{error.join(' ')}</span> : null}
    </label>
  );
}

