/**
 * Child processes for the dev and test orchestration: each in its own process group, so stopping it stops
 * everything it started (Next's own workers included) and Ctrl-C leaves nothing behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export type Child = { name: string; proc: ChildProcess; stop(): Promise<void>; exited: Promise<number | null> };

export function startChild(name: string, args: string[], opts: { env: NodeJS.ProcessEnv; onLine?: (line: string) => void; quiet?: boolean }): Child {
  const proc = spawn(process.execPath, args, { env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  for (const stream of [proc.stdout, proc.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      opts.onLine?.(line);
      if (!opts.quiet) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (proc.pid) process.kill(-proc.pid, signal);
    } catch {
      /* already gone */
    }
  };
  return {
    name,
    proc,
    exited,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return signalGroup('SIGKILL');
      signalGroup('SIGTERM');
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 8000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') signalGroup('SIGKILL');
      signalGroup('SIGKILL'); // grandchildren that ignored SIGTERM
    },
  };
}

/** Resolves with the first line the predicate accepts; rejects if the child exits first or time runs out. */
export function waitForLine<T>(child: Child, pick: (line: string) => T | undefined, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${child.name} did not become ready within ${timeoutMs / 1000}s`)), timeoutMs);
    const onData = (buf: Buffer) => {
      for (const line of buf.toString().split('\n')) {
        const value = pick(line);
        if (value !== undefined) {
          clearTimeout(timer);
          child.proc.stdout?.off('data', onData);
          resolve(value);
          return;
        }
      }
    };
    child.proc.stdout?.on('data', onData);
    void child.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${child.name} exited with code ${code} before it was ready`));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}
