'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useLiveTopic } from '@/components/live/use-live-topic';
import { Icon } from '@/components/ui/icon';
import { LocalTime } from '@/components/ui/local-time';

type TItem = { id: string; kind: string; title: string; body: string | null; link: string | null; read: boolean; createdAt: string };
type TBell = { unread: number; items: TItem[] };

const KEY = ['notifications'];

async function load(): Promise<TBell> {
  const res = await fetch('/api/notifications', { cache: 'no-store' });
  if (!res.ok) throw new Error(`notifications: HTTP ${res.status}`);
  return (await res.json()) as TBell;
}

async function markRead(body: { ids?: string[]; all?: boolean }): Promise<void> {
  await fetch('/api/notifications/read', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** The console's bell: unread count, the latest notifications, live through the `notifications` topic. */
export function NotificationBell() {
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: KEY, queryFn: load });
  useLiveTopic(['notifications'], () => void client.invalidateQueries({ queryKey: KEY }));
  const read = useMutation({ mutationFn: markRead, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  const unread = data?.unread ?? 0;
  return (
    <div ref={box} className="relative">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
        className="relative rounded-md p-2 text-muted hover:bg-raised hover:text-ink"
      >
        <Icon name="bell" className="h-5 w-5" />
        {unread ? (
          <span data-testid="bell-unread" className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-accent px-1 text-center text-[10px] font-semibold leading-4 text-accent-ink">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div role="dialog" aria-label="Notifications" className="absolute right-0 z-30 mt-2 w-96 rounded-lg border border-line bg-panel shadow-xl">
          <div className="flex items-center justify-between border-b border-line px-3 py-2">
            <span className="text-sm font-medium">Notifications</span>
            <button type="button" className="text-xs text-muted hover:text-ink disabled:opacity-50" disabled={!unread || read.isPending} onClick={() => read.mutate({ all: true })}>
              Mark all read
            </button>
          </div>
          {!data?.items.length ? (
            <p className="px-3 py-6 text-center text-sm text-muted">Nothing yet.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-line/60 overflow-y-auto">
              {data.items.map((n) => (
                <li key={n.id} className={n.read ? 'opacity-70' : ''}>
                  <Link
                    href={n.link ?? '#'}
                    onClick={() => {
                      if (!n.read) read.mutate({ ids: [n.id] });
                      setOpen(false);
                    }}
                    className="block px-3 py-2 hover:bg-raised"
                  >
                    <p className="text-sm">{n.read ? null : <span className="mr-1.5 inline-block h-2 w-2 rounded-full bg-accent" aria-label="unread" />}{n.title}</p>
                    {n.body ? <p className="mt-0.5 line-clamp-3 whitespace-pre-line text-xs text-muted">{n.body}</p> : null}
                    <p className="mt-0.5 text-xs text-faint"><LocalTime iso={n.createdAt} mode="relative" /></p>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <div className="border-t border-line px-3 py-2 text-right">
            <Link href="/settings/notifications" onClick={() => setOpen(false)} className="text-xs text-muted hover:text-ink">Notification settings</Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
