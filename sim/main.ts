/**
 * `npm run sim`: starts every simulator in the foreground and prints one JSON line with every endpoint
 * and the credentials it accepts. Options: --aws-port, --anvil-base-port, --data-dir (or env SIM_AWS_PORT,
 * SIM_ANVIL_BASE_PORT, SIM_DATA_DIR). Port 0 means any free port.
 */
import path from 'node:path';
import { startAwsSimulator } from './aws/server';
import { startAnvilCluster, DEFAULT_SITES } from './hammerspace/cluster';

function option(name: string, envName: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1] as string;
  return process.env[envName] ?? fallback;
}

async function main() {
  const awsPort = Number(option('aws-port', 'SIM_AWS_PORT', '0'));
  const anvilBasePort = Number(option('anvil-base-port', 'SIM_ANVIL_BASE_PORT', '0'));
  const dataDir = path.resolve(option('data-dir', 'SIM_DATA_DIR', '.data/sim'));

  // Real AWS does not forget instances on a restart; the studio's database remembers them across one.
  const aws = await startAwsSimulator({ port: awsPort, stateFile: path.join(dataDir, 'aws-state.json') });
  const anvils = await startAnvilCluster({ sites: DEFAULT_SITES, basePort: anvilBasePort, dataDir });

  process.stdout.write(
    JSON.stringify({
      aws: { endpoint: aws.endpoint, accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey },
      anvils: anvils.describe(),
    }) + '\n',
  );

  const stop = async () => {
    await Promise.allSettled([aws.close(), anvils.close()]);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`simulators failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
