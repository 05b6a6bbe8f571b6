/**
 * Seeds the demo studio on first start: three sites on the simulators (Studio East is home), users for every
 * role, the `projects` share, launch profiles, prices, a few workstations as desired state (the reconciler
 * launches them), the studio objective preset, and a Flame project whose Open Clip files are written to the
 * home site's share folder. Returns false (and changes nothing) when the database already has users.
 */
import bcrypt from 'bcryptjs';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { db } from '../../lib/db/client';
import { writeAudit } from '../../lib/db/audit';
import { sealSecret } from '../../lib/services/secrets';
import type { SimEndpoints } from '../lib/studio';
import { DEMO_USERS } from './demo-users';
import { seedDemoPublish } from './demo-publish';
import { seedDemoHammerspace } from './demo-hammerspace';

export const DEMO_SITES = [
  { region: 'us-east-1', name: 'Studio East', isHome: true },
  { region: 'us-west-2', name: 'Studio West', isHome: false },
  { region: 'eu-west-2', name: 'London', isHome: false },
];

const PRICES: Record<string, number> = { 'g4dn.2xlarge': 0.752, 'g5.4xlarge': 1.624, 'g6e.4xlarge': 3.004, 'g5.2xlarge': 1.212 };

const PROFILES = [
  { name: 'Flame', kind: 'flame' as const, image: 'Flame 2026.1 Rocky 9', instanceTypes: ['g5.4xlarge', 'g6e.4xlarge', 'g4dn.2xlarge'] },
  { name: 'Flare', kind: 'flare' as const, image: 'Flare 2026.1 Rocky 9', instanceTypes: ['g4dn.2xlarge', 'g5.2xlarge'] },
  { name: 'Flame Assist', kind: 'flame_assist' as const, image: 'Flame Assist 2026.1 Rocky 9', instanceTypes: ['g4dn.2xlarge'] },
];

async function amiIds(sim: SimEndpoints, region: string): Promise<Map<string, string>> {
  const ec2 = new EC2Client({ region, endpoint: sim.aws.endpoint, credentials: { accessKeyId: sim.aws.accessKeyId, secretAccessKey: sim.aws.secretAccessKey } });
  const out = await ec2.send(new DescribeImagesCommand({ Filters: [{ Name: 'name', Values: PROFILES.map((p) => p.image) }] }));
  ec2.destroy();
  return new Map((out.Images ?? []).map((i) => [i.Name ?? '', i.ImageId ?? '']));
}

export async function seedDemoStudio({ sim, dataDir }: { sim: SimEndpoints; dataDir: string }): Promise<boolean> {
  const client = db();
  if ((await client.user.count()) > 0) return false;
  const images = new Map(await Promise.all(DEMO_SITES.map(async (s) => [s.region, await amiIds(sim, s.region)] as const)));
  const hashes = new Map(await Promise.all([...new Set(DEMO_USERS.map((u) => u.password))].map(async (p) => [p, await bcrypt.hash(p, 10)] as const)));

  await client.$transaction(async (tx) => {
    const users = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const user = await tx.user.create({ data: { email: u.email, name: u.name, roles: [...u.roles], passwordHash: hashes.get(u.password) } });
      users.set(u.email, user.id);
    }
    const share = await tx.share.create({ data: { name: 'projects', path: '/projects', lagAlertSeconds: 30 } });
    for (const [type, price] of Object.entries(PRICES)) await tx.instanceTypePrice.create({ data: { instanceType: type, hourlyUsd: price } });

    const sites = new Map<string, string>();
    for (const s of DEMO_SITES) {
      const anvil = sim.anvils[s.region];
      const site = await tx.site.create({
        data: {
          region: s.region, name: s.name, isHome: s.isHome, state: 'active',
          anvilUrl: anvil?.url, anvilUsername: anvil?.username, anvilPasswordEnc: anvil ? sealSecret(anvil.password) : null,
          publishRoot: anvil ? `${anvil.shareRoot}/projects` : null, idleStopMinutes: 120,
        },
      });
      sites.set(s.region, site.id);
      await tx.shareParticipant.create({ data: { shareId: share.id, siteId: site.id, operState: 'UP' } });
      for (const p of PROFILES) {
        await tx.launchProfile.create({
          data: { siteId: site.id, name: p.name, kind: p.kind, amiId: images.get(s.region)?.get(p.image) ?? 'ami-unknown', instanceTypes: p.instanceTypes, volumeSizeGb: 500 },
        });
      }
    }
    const demoWorkstations = [
      { region: 'us-east-1', name: 'east-flame-01', type: 'g5.4xlarge', artist: 'ana@studio.example' },
      { region: 'us-east-1', name: 'east-flame-02', type: 'g5.4xlarge', artist: null },
      { region: 'us-west-2', name: 'west-flame-01', type: 'g5.4xlarge', artist: 'ben@studio.example' },
      { region: 'eu-west-2', name: 'london-flare-01', type: 'g4dn.2xlarge', artist: 'chloe@studio.example' },
    ];
    for (const w of demoWorkstations) {
      const siteId = sites.get(w.region)!;
      const profile = await tx.launchProfile.findFirstOrThrow({ where: { siteId, instanceTypes: { has: w.type } } });
      const id = `ws_demo_${w.name.replace(/-/g, '_')}`;
      await tx.workstation.create({
        data: { id, siteId, profileId: profile.id, name: w.name, instanceType: w.type, desiredState: 'running', clientToken: `${id}-g1`, artistId: w.artist ? users.get(w.artist) : null },
      });
    }
    await writeAudit(tx, { actorId: null, actorLabel: 'system:seed', action: 'studio.seed', entityType: 'studio', summary: 'Seeded the demo studio' });
  });
  await seedDemoPublish({ sim, dataDir });
  // ── Hammerspace: the studio objective preset at the home site, and the lag collectors (demo-hammerspace.ts) ──
  await seedDemoHammerspace();
  return true;
}
