/**
 * A small studio for the assignment tests, written straight into the test's own database: three sites
 * (East is home), the `projects` share, a producer, an admin and three artists each with a workstation
 * (Ana at East running, Ben at West running, Chloe at London stopped), and shots of one sequence. Sites
 * get Anvil settings only when a simulated cluster is passed, so tests without one see "locality unknown".
 */
import path from 'node:path';
import type { Db } from '@/lib/db/client';
import type { Actor } from '@/lib/domain/auth/actor';
import { sealSecret } from '@/lib/services/secrets';
import type { AnvilCluster } from '@/sim/hammerspace/cluster';

export const SITES = [
  { key: 'east', region: 'us-east-1', name: 'Studio East', isHome: true },
  { key: 'west', region: 'us-west-2', name: 'Studio West', isHome: false },
  { key: 'london', region: 'eu-west-2', name: 'London', isHome: false },
] as const;

const person = (id: string, email: string, name: string, roles: Actor['roles']): Actor => ({ kind: 'user', userId: id, email, name, roles });

export const producer = person('u_producer', 'producer@studio.example', 'Priya Producer', ['producer']);
export const admin = person('u_admin', 'admin@studio.example', 'Alex Admin', ['admin']);
export const ana = person('u_ana', 'ana@studio.example', 'Ana Artist', ['artist']);
export const ben = person('u_ben', 'ben@studio.example', 'Ben Artist', ['artist']);
export const chloe = person('u_chloe', 'chloe@studio.example', 'Chloe Artist', ['artist']);

export type Studio = {
  sites: Record<'east' | 'west' | 'london', string>;
  roots: Record<'east' | 'west' | 'london', string>;
  shareId: string;
  sequenceId: string;
  workstations: Record<'ana' | 'ben' | 'chloe', string>;
};

export const userId = (a: Actor) => (a.kind === 'user' ? a.userId : '');

export async function seedStudio(db: Db, opts: { cluster?: AnvilCluster } = {}): Promise<Studio> {
  for (const a of [producer, admin, ana, ben, chloe]) {
    if (a.kind === 'user') await db.user.create({ data: { id: a.userId, email: a.email, name: a.name, roles: a.roles } });
  }
  const share = await db.share.create({ data: { name: 'projects', path: '/projects' } });
  const described = opts.cluster?.describe();
  const sites = {} as Studio['sites'];
  const roots = {} as Studio['roots'];
  for (const s of SITES) {
    const anvil = described?.[s.region];
    const publishRoot = anvil ? path.join(anvil.shareRoot, 'projects') : `/mnt/hs/${s.key}/projects`;
    const row = await db.site.create({
      data: {
        region: s.region, name: s.name, isHome: s.isHome, state: 'active', publishRoot,
        ...(anvil ? { anvilUrl: anvil.url, anvilUsername: anvil.username, anvilPasswordEnc: sealSecret(anvil.password) } : {}),
      },
    });
    await db.shareParticipant.create({ data: { shareId: share.id, siteId: row.id, operState: 'UP' } });
    sites[s.key] = row.id;
    roots[s.key] = publishRoot;
  }
  const ws = async (name: string, site: string, artistId: string, running: boolean) =>
    (await db.workstation.create({
      data: { name, siteId: site, instanceType: 'g5.4xlarge', desiredState: running ? 'running' : 'stopped', observedState: running ? 'running' : 'stopped', clientToken: `${name}-g1`, artistId },
    })).id;
  const workstations = {
    ana: await ws('east-flame-01', sites.east, userId(ana), true),
    ben: await ws('west-flame-01', sites.west, userId(ben), true),
    chloe: await ws('london-flare-01', sites.london, userId(chloe), false),
  };
  const project = await db.project.create({ data: { name: 'acme' } });
  const sequence = await db.sequence.create({ data: { projectId: project.id, name: 'sq010' } });
  return { sites, roots, shareId: share.id, sequenceId: sequence.id, workstations };
}

/** Shots sh010, sh020… of the studio's sequence, folders relative to the projects root. */
export async function addShots(db: Db, studio: Studio, count: number, opts: { start?: number; sequenceId?: string } = {}): Promise<Array<{ id: string; name: string; folderPath: string }>> {
  const start = opts.start ?? 1;
  const data = Array.from({ length: count }, (_, i) => {
    const name = `sh${String((start + i) * 10).padStart(4, '0')}`;
    return { sequenceId: opts.sequenceId ?? studio.sequenceId, name, folderPath: `acme/sequences/sq010/${name}`, batchPath: `acme/sequences/sq010/${name}/batch/${name}_v001.batch` };
  });
  return db.shot.createManyAndReturn({ data, select: { id: true, name: true, folderPath: true } });
}

export async function auditOf(db: Db, action: string) {
  return db.auditLog.findMany({ where: { action }, orderBy: { id: 'asc' } });
}

/** graphile-worker jobs waiting in the queue, by task name. */
export async function queuedJobs(db: Db, task: string): Promise<Array<{ key: string | null; payload: Record<string, unknown>; attempts: number; run_at: Date; last_error: string | null }>> {
  return db.$queryRaw`SELECT j.key, j.payload, j.attempts, j.run_at, j.last_error FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${task} ORDER BY j.id`;
}
