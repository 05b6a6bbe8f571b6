'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** Copies a value to the clipboard and says so (for screen readers too, through a live region). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard access can be refused (an insecure origin); selecting a hidden field is the fallback.
      const el = document.createElement('textarea');
      el.value = value;
      document.body.append(el);
      el.select();
      document.execCommand('copy');
      el.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <Button size="sm" variant="ghost" onClick={copy} aria-label={label}>
      <span aria-live="polite">{copied ? 'Copied' : 'Copy'}</span>
    </Button>
  );
}
