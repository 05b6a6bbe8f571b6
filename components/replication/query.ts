/** Links within the Replication page keep the chosen share, pair and range in the URL. */
export type TReplicationQuery = { share?: string; from?: string; to?: string; range?: string };

export function replicationHref(q: TReplicationQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `/replication?${s}` : '/replication';
}
