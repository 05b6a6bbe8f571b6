'use client';

import { buttonClass } from '@/components/ui/button';
import type { DcvLinks as TDcvLinks } from '@/lib/domain/workstations/views';
import { CopyButton } from './copy-button';

/** The three ways into a workstation's DCV session: browser, native client URI, and a .dcv file. */
export function DcvLinks({ links, name }: { links: TDcvLinks; name: string }) {
  return (
    <div className="space-y-2" data-testid="dcv-links">
      <div className="flex flex-wrap items-center gap-2">
        <a href={links.browserUrl} target="_blank" rel="noreferrer" className={buttonClass('primary', 'sm')}>
          Open in browser
        </a>
        <a href={links.nativeUri} className={buttonClass('secondary', 'sm')}>
          Open DCV client
        </a>
        <a href={links.fileUrl} download className={buttonClass('secondary', 'sm')}>
          Download .dcv file
        </a>
      </div>
      <dl className="space-y-1 text-xs">
        <div className="flex items-center gap-2">
          <dt className="w-14 text-faint">Browser</dt>
          <dd className="min-w-0 flex-1 truncate font-mono" data-testid="dcv-browser-url">{links.browserUrl}</dd>
          <CopyButton value={links.browserUrl} label={`Copy the browser link of ${name}`} />
        </div>
        <div className="flex items-center gap-2">
          <dt className="w-14 text-faint">Client</dt>
          <dd className="min-w-0 flex-1 truncate font-mono">{links.nativeUri}</dd>
          <CopyButton value={links.nativeUri} label={`Copy the DCV client link of ${name}`} />
        </div>
      </dl>
    </div>
  );
}
