/** Placeholder replaced below once the Open Clip writer lands. */
import type { SimEndpoints } from '../lib/studio';

export async function seedDemoPublish(_opts: { sim: SimEndpoints; dataDir: string }): Promise<void> {}
