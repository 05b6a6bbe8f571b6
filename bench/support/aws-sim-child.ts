/**
 * The EC2 simulator in its own process for the benchmarks, so the CPU a benchmark measures is the control
 * plane's, not the simulator's. Prints one JSON line with its endpoint and keys; SIGTERM stops it.
 */
import { startAwsSimulator } from '../../sim/aws/server';

const sim = await startAwsSimulator({ port: 0, throttling: false, transitionMs: 0 });
process.stdout.write(JSON.stringify({ endpoint: sim.endpoint, accessKeyId: sim.accessKeyId, secretAccessKey: sim.secretAccessKey }) + '\n');
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
