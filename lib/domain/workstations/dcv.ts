/**
 * Amazon DCV links for one workstation: the web client URL, the native `dcv://` URI and a `.dcv`
 * connection file. Hosts come from EC2 or from an admin (the site's gateway), so each is checked to be a
 * plain hostname or IP before it is put into a URL or an INI file: nothing else can be smuggled in.
 */
export type DcvEndpoint = { host: string; port: number; sessionId: string };

const HOSTNAME_RE = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV6_RE = /^[0-9A-Fa-f:]{2,39}$/;
const SESSION_RE = /^[A-Za-z0-9._-]{1,64}$/;

export function isValidDcvHost(host: string): boolean {
  return HOSTNAME_RE.test(host) || (host.includes(':') && IPV6_RE.test(host));
}

/**
 * The endpoint an artist connects to, or null when there is nothing to connect to yet. With a DCV
 * Connection Gateway in front of the site (instances in private subnets), the link points at the gateway.
 */
export function resolveDcvEndpoint(w: {
  observedState: string | null;
  dcvHost: string | null;
  dcvPort: number;
  dcvSessionId: string;
  gatewayHost: string | null;
}): DcvEndpoint | null {
  if (w.observedState !== 'running') return null;
  const host = w.gatewayHost || w.dcvHost;
  if (!host || !isValidDcvHost(host)) return null;
  if (!Number.isInteger(w.dcvPort) || w.dcvPort < 1 || w.dcvPort > 65535) return null;
  if (!SESSION_RE.test(w.dcvSessionId)) return null;
  return { host, port: w.dcvPort, sessionId: w.dcvSessionId };
}

const hostPart = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** The web client: `https://host:8443/#console`. */
export function dcvBrowserUrl(e: DcvEndpoint): string {
  return `https://${hostPart(e.host)}:${e.port}/#${encodeURIComponent(e.sessionId)}`;
}

/** The native client URI: `dcv://host:8443/#console` opens the installed DCV client. */
export function dcvNativeUri(e: DcvEndpoint): string {
  return `dcv://${hostPart(e.host)}:${e.port}/#${encodeURIComponent(e.sessionId)}`;
}

/** A `.dcv` connection file (INI) that opens the native client with everything filled in. */
export function dcvConnectionFile(e: DcvEndpoint, opts: { user?: string | null; title?: string } = {}): string {
  const lines = ['[version]', 'format=1.0', '', '[connect]', `host=${e.host}`, `port=${e.port}`, `sessionid=${e.sessionId}`];
  // Only a plain login name goes into the file: a newline in it would inject INI keys.
  if (opts.user && /^[A-Za-z0-9._@+-]{1,128}$/.test(opts.user)) lines.push(`user=${opts.user}`);
  if (opts.title && /^[A-Za-z0-9 ._-]{1,128}$/.test(opts.title)) lines.push('', '[options]', `title=${opts.title}`);
  return lines.join('\r\n') + '\r\n';
}

export function dcvFileName(workstationName: string): string {
  return `${workstationName.replace(/[^A-Za-z0-9._-]/g, '_')}.dcv`;
}
