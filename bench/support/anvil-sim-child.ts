/**
 * The Hammerspace simulator in its own process for the benchmarks (one Anvil per site, all joined by
 * `projects`), so the CPU a benchmark measures is the control plane's, not the simulator's.
 * Argument: the regions, comma-separated; `--data-dir`. Prints one JSON line (controlUrl and each
 * Anvil's description) once ready; SIGTERM stops it.
 */
import { defaultPassword } from '../../sim/hammerspace/anvil';
import { startAnvilCluster } from '../../sim/hammerspace/cluster';

const regions = (process.argv[2] ?? '').split(',').filter(Boolean);
const dataDir = process.argv[process.argv.indexOf('--data-dir') + 1]!;
const cluster = await startAnvilCluster({
  sites: regions.map((region, i) => ({
    region, name: `Site ${region}`, home: i === 0, joined: true, shares: ['projects'],
    username: 'admin', password: defaultPassword(region), viewerUsername: 'viewer', viewerPassword: defaultPassword(region, 'viewer'),
  })),
  basePort: 0, dataDir, linkDelayMs: 200, config: { taskStepMs: 30 },
});
process.stdout.write(JSON.stringify({ controlUrl: cluster.controlUrl, anvils: cluster.describe() }) + '\n');
process.on('SIGTERM', () => void cluster.close().then(() => process.exit(0)));
