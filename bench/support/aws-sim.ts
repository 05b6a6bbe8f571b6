/** The simulators in processes of their own (bench/support/*-child.ts), each announcing itself with one JSON line. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export type SimChild = { endpoint: string; accessKeyId: string; secretAccessKey: string; stop(): void };

/** Starts `script` with `args`, resolves with its first stdout line parsed, plus `stop()` (SIGTERM). */
export async function startJsonChild<T>(script: string, args: string[] = []): Promise<T & { stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code})`)));
  });
  return { ...(JSON.parse(line) as T), stop: () => child.kill('SIGTERM') };
}

/** The EC2 + CloudWatch simulator (bench/support/aws-sim-child.ts): its endpoint and keys. */
export const startSimChild = () => startJsonChild<Omit<SimChild, 'stop'>>('bench/support/aws-sim-child.ts');
