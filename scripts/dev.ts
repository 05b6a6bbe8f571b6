/**
 * `npm run dev`: the whole studio on this machine in one command. Ctrl-C stops every process it started.
 */
import path from 'node:path';
import { startStudio, type Studio } from './lib/studio';
import { DEMO_USERS } from './seed/demo-users';

const started = Date.now();
let studio: Studio | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\n[studio] stopping…\n');
  await studio?.stop();
  process.stdout.write('[studio] stopped\n');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  studio = await startStudio({
    dataDir: path.resolve(process.env.STUDIO_DATA_DIR ?? '.data'),
    webPort: Number(process.env.PORT ?? 3000),
    webMode: 'dev',
    pgPort: Number(process.env.DEV_PG_PORT ?? 54329),
    awsPort: Number(process.env.SIM_AWS_PORT ?? 4610),
    anvilBasePort: Number(process.env.SIM_ANVIL_BASE_PORT ?? 4620),
  });
  const port = process.env.PORT ?? 3000;
  process.stdout.write(
    `\n  Studio Control Plane is ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${port}\n\n` +
      DEMO_USERS.map((u) => `    ${u.roles.join('+').padEnd(9)} ${u.email.padEnd(28)} ${u.password}`).join('\n') +
      '\n\n  Ctrl-C stops everything.\n\n',
  );
  for (const child of studio.children) {
    void child.exited.then((code) => {
      if (!stopping) {
        console.error(`[studio] ${child.name} exited unexpectedly (code ${code}); stopping the rest.`);
        void shutdown(1);
      }
    });
  }
} catch (err) {
  console.error(`[studio] could not start: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}
