/** Starts bench/support/aws-sim-child.ts (the EC2 simulator in its own process) and returns its endpoint and keys. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export type SimChild = { endpoint: string; accessKeyId: string; secretAccessKey: string; stop(): void };

export async function startSimChild(): Promise<SimChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/aws-sim-child.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
  });
  return { ...(JSON.parse(line) as { endpoint: string; accessKeyId: string; secretAccessKey: string }), stop: () => child.kill('SIGTERM') };
}
