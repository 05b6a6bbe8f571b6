import { describe, expect, it } from 'vitest';
import { unreachableAlertKey } from '@/lib/domain/hammerspace/thresholds';
import { applyObjective } from '@/lib/services/objectives/apply-objective';
import { createObjective } from '@/lib/services/objectives/create-objective';
import { getWorstLag } from '@/lib/services/replication/get-worst-lag';
import { killWorker, startWorker, type WorkerProcess } from '../helpers/worker-process';
import { hsControl, setupSitesWorld, sleep } from '../sites/support';
import { expectInvariants } from './support/invariants';

// An Anvil down for a minute: London's Anvil stops answering (the Hammerspace simulator closes its socket)
// for 60 s while a real worker process runs the Hammerspace work: the lag collector (a chain per site,
// every 15 s) and the objectives reconciler (a pass per site after each edit, and a per-minute fan-out).
// An admin applies a new objective to every site during the outage. While London is down it shows its
// failure (unreachable since, an open alert, the objective's row pending with the reason) and East and
// West carry on (objective set, lag samples still coming). Once it answers again the alert clears and
// London catches up: every Anvil holds exactly the objectives Postgres says. London's catch-up comes
// from the per-minute fan-out (nothing else re-queues its pass), so after the Anvil returns the drill
// waits up to a cron minute: the file takes 75 to 135 s.
const { t, world } = setupSitesWorld({ taskStepMs: 30, linkDelayMs: 150 });
const OUTAGE_MS = 60_000;
const EXPR = (dir: string) => `IF FNMATCH("*/${dir}/*.clip",PATH) THEN {SLO('place-on-local-volumes')}`;

async function until(what: string, probe: () => Promise<boolean>, ms: number, w: WorkerProcess): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (w.child.exitCode !== null) throw new Error(`the worker exited while waiting for ${what}: ${w.log().slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${w.log().slice(-2000)}`);
    await sleep(250);
  }
}

const rowsOf = (objectiveId: string) => t.db.objectiveApplication.findMany({ where: { objectiveId } });
const allApplied = async (objectiveId: string, n: number) => {
  const rows = await rowsOf(objectiveId);
  return rows.length === n && rows.every((r) => r.state === 'applied' && r.lastError === null);
};
const samplesFrom = (siteId: string, since: Date) => t.db.replicationSample.count({ where: { fromSiteId: siteId, at: { gt: since } } });

describe('an Anvil down for a minute', () => {
  it('shows London failing while down, keeps East and West going, and converges once it is back', { timeout: 240_000 }, async () => {
    const { east, west, london } = world.sites;
    const everywhere = [east, west, london];
    const before = await createObjective(world.admin, { name: 'clips-local', expression: EXPR('flame') });
    await applyObjective(world.admin, { objectiveId: before.id, shareId: world.shareId, path: '/', siteIds: everywhere });
    const worker = startWorker({ databaseUrl: t.url, aws: { endpoint: world.aws.endpoint, accessKeyId: world.aws.accessKeyId, secretAccessKey: world.aws.secretAccessKey } });
    try {
      await worker.ready;
      const started = new Date();
      await until('the first objective on every Anvil and a lag sample from each site', async () =>
        (await allApplied(before.id, 3)) && (await Promise.all(everywhere.map((s) => samplesFrom(s, new Date(0))))).every((n) => n > 0), 60_000, worker);

      await hsControl(world, 'POST', '/sites/eu-west-2/down');
      const downAt = new Date();
      const during = await createObjective(world.admin, { name: 'batch-local', expression: EXPR('batch') });
      await applyObjective(world.admin, { objectiveId: during.id, shareId: world.shareId, path: '/', siteIds: everywhere });

      // While down: London shows why, the others are not held up.
      await until('London shown unreachable, its new objective pending with the reason, East and West applied', async () => {
        const site = await t.db.site.findUniqueOrThrow({ where: { id: london } });
        const rows = await rowsOf(during.id);
        const atLondon = rows.find((r) => r.siteId === london);
        return site.anvilHealthy === false && site.anvilUnreachableAt !== null && atLondon?.state === 'pending' && Boolean(atLondon.lastError) &&
          rows.filter((r) => r.siteId !== london).every((r) => r.state === 'applied');
      }, 45_000, worker);
      const londonRow = (await rowsOf(during.id)).find((r) => r.siteId === london)!;
      expect(londonRow.lastError).toMatch(/does not answer|ECONNREFUSED/);
      expect(await t.db.alert.count({ where: { dedupeKey: unreachableAlertKey(london), resolvedAt: null } })).toBe(1);
      expect((await getWorstLag(world.admin)).unreachable).toEqual(['London']);
      const since = (await t.db.site.findUniqueOrThrow({ where: { id: london } })).anvilUnreachableAt!;
      expect(since.getTime()).toBeGreaterThanOrEqual(downAt.getTime() - 1_000);
      await expectInvariants(t.db, world.awsControl, { inFlight: true, anvilSites: [east, west] });

      // The rest of the minute: West's collector (every 15 s) keeps sampling West → East, and "unreachable since" holds still.
      await sleep(Math.max(0, downAt.getTime() + OUTAGE_MS - Date.now()));
      expect(await t.db.replicationSample.count({ where: { fromSiteId: west, toSiteId: east, at: { gt: downAt } } })).toBeGreaterThanOrEqual(2);
      expect((await t.db.site.findUniqueOrThrow({ where: { id: london } })).anvilUnreachableAt).toEqual(since);
      await hsControl(world, 'POST', '/sites/eu-west-2/up');
      const upAt = new Date();

      // Back: the collector clears the failure (a 15 s chain) and, seeing the Anvil answer again, queues London's
      // objectives pass at once (not at the next per-minute sweep).
      await until('London reachable again and its alert resolved', async () => {
        const site = await t.db.site.findUniqueOrThrow({ where: { id: london } });
        const open = await t.db.alert.count({ where: { dedupeKey: unreachableAlertKey(london), resolvedAt: null } });
        return site.anvilHealthy === true && site.anvilUnreachableAt === null && open === 0;
      }, 45_000, worker);
      const reachableAfterMs = Date.now() - upAt.getTime();
      await until('London holding the objective applied during the outage', () => allApplied(during.id, 3), 30_000, worker);
      const convergedAfterMs = Date.now() - upAt.getTime();
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);

      const invariants = await expectInvariants(t.db, world.awsControl, { chains: true, anvilSites: everywhere });
      expect(await t.db.auditLog.count({ where: { action: 'objective.set', entityId: during.id } })).toBe(3);
      console.log(JSON.stringify({ outageMs: upAt.getTime() - downAt.getTime(), reachableAfterMs, convergedAfterMs, setupMs: downAt.getTime() - started.getTime(), invariants }));
    } finally {
      await hsControl(world, 'POST', '/sites/eu-west-2/up').catch(() => undefined);
      await killWorker(worker);
    }
  });
});
