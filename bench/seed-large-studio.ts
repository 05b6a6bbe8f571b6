/**
 * Seeds a large studio on top of whatever the database holds (the demo studio, in bench/pages.ts):
 * 32 sites, 5,000 workstations, 20,000 shots, 100,000 versions, 200 users, with the rows a studio of
 * that size accumulates around them (events, assignments). Written straight into PostgreSQL with
 * multi-row INSERTs, in one transaction, so a run seeds in seconds. Deterministic: same counts, same rows.
 * `npx tsx bench/seed-large-studio.ts <databaseUrl>` seeds an existing, migrated database.
 */
import pg from 'pg';
import { insertRows, pad, seeded } from './support/bulk-insert';
import { BENCH_REGIONS } from './support/regions';

export const LARGE_STUDIO = { sites: 32, workstations: 5000, shots: 20_000, versionsPerShot: 5, users: 200, sequencesPerProject: 20, shotsPerSequence: 100 };
export type SeedCounts = Record<'sites' | 'users' | 'workstations' | 'workstationEvents' | 'projects' | 'sequences' | 'shots' | 'versions' | 'shotEvents' | 'assignments', number>;

const ASSIGNMENT_STATUSES = ['assigned', 'in_progress', 'pending_review', 'approved', 'on_hold'];

export async function seedLargeStudio(databaseUrl: string, size = LARGE_STUDIO): Promise<{ counts: SeedCounts; seconds: number }> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rnd = seeded(32);
  const now = new Date();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
  try {
    await client.query('BEGIN');
    // ── sites: keep the ones there (the demo's), add bench sites up to 32 ──
    const existing = (await client.query<{ id: string; region: string; publish_root: string | null; is_home: boolean }>('SELECT id, region, publish_root, is_home FROM sites')).rows;
    const taken = new Set(existing.map((s) => s.region));
    const added = BENCH_REGIONS.filter((r) => !taken.has(r)).slice(0, Math.max(0, size.sites - existing.length));
    await insertRows(client, 'sites', ['id', 'region', 'name', 'state', 'is_home', 'updated_at'], added.map((r) => [`bench_site_${r}`, r, `Bench ${r}`, 'active', existing.length === 0 && r === added[0], now]));
    const siteIds = [...existing.map((s) => s.id), ...added.map((r) => `bench_site_${r}`)];
    await insertRows(client, 'launch_profiles', ['id', 'site_id', 'name', 'kind', 'ami_id', 'instance_types', 'updated_at'], added.map((r) => [`bench_lp_${r}`, `bench_site_${r}`, 'Flame', 'flame', 'ami-0bench0000000000', ['g5.4xlarge', 'g4dn.2xlarge'], now]));
    const profileBySite = new Map((await client.query<{ id: string; site_id: string }>(`SELECT DISTINCT ON (site_id) id, site_id FROM launch_profiles ORDER BY site_id, name`)).rows.map((p) => [p.site_id, p.id]));
    const home = existing.find((s) => s.is_home) ?? existing[0];
    const root = home?.publish_root ?? '/bench/projects';

    // ── users: to 200, mostly artists ──
    const userCount = Number((await client.query('SELECT count(*) FROM users')).rows[0].count);
    const newUsers = Array.from({ length: Math.max(0, size.users - userCount) }, (_, i) => {
      const role = i < 10 ? 'admin' : i < 35 ? 'producer' : 'artist';
      return [`bench_user_${pad(i, 3)}`, `${role}${pad(i, 3)}@bench.example`, `Bench ${role[0]!.toUpperCase()}${role.slice(1)} ${pad(i, 3)}`, [role], now];
    });
    await insertRows(client, 'users', ['id', 'email', 'name', 'roles', 'updated_at'], newUsers);
    const artists = (await client.query<{ id: string }>(`SELECT id FROM users WHERE 'artist' = ANY(roles) ORDER BY email`)).rows.map((u) => u.id);
    const producer = (await client.query<{ id: string }>(`SELECT id FROM users WHERE 'producer' = ANY(roles) ORDER BY email LIMIT 1`)).rows[0]?.id ?? null;

    // ── workstations: a fleet in every state, two per artist assigned, the rest shared ──
    const wsCount = Number((await client.query('SELECT count(*) FROM workstations')).rows[0].count);
    const ws: unknown[][] = [];
    const events: unknown[][] = [];
    for (let i = 0; i < size.workstations - wsCount; i++) {
      const siteId = siteIds[i % siteIds.length]!;
      const id = `ws_bench${pad(i, 5)}`;
      const roll = rnd();
      const [desired, observed] = roll < 0.6 ? ['running', 'running'] : roll < 0.88 ? ['stopped', 'stopped'] : roll < 0.92 ? ['running', 'pending'] : roll < 0.96 ? ['terminated', 'terminated'] : roll < 0.98 ? ['running', null] : ['running', 'running'];
      const lost = roll >= 0.99;
      const failed = observed === null && i % 2 === 0;
      const instanceId = observed ? `i-0b${pad(i, 15)}` : null;
      const launched = daysAgo(20 + (i % 30));
      ws.push([id, siteId, profileBySite.get(siteId) ?? null, `bench-${pad(i, 5)}`, i % 3 ? 'g5.4xlarge' : 'g4dn.2xlarge', desired, observed, instanceId, `${id}-g1`,
        i < artists.length * 2 ? artists[i % artists.length] : null, lost, failed ? 'InsufficientInstanceCapacity' : null, failed ? 'No capacity for g5.4xlarge in this zone.' : null,
        observed ? launched : null, observed ? now : null, now]);
      events.push([id, daysAgo(40), 'requested', 'running', 'Launch requested.'], [id, launched, 'launch', 'pending', 'Launched.']);
      if (observed) events.push([id, new Date(Math.max(monthStart.getTime(), launched.getTime()) + 60_000), 'state', observed, `Now ${observed}.`]);
    }
    await insertRows(client, 'workstations', ['id', 'site_id', 'profile_id', 'name', 'instance_type', 'desired_state', 'observed_state', 'instance_id', 'client_token', 'artist_id', 'lost', 'last_error_code', 'last_error', 'launched_at', 'observed_at', 'updated_at'], ws);
    await insertRows(client, 'workstation_events', ['workstation_id', 'at', 'kind', 'state', 'message'], events);

    // ── shots: projects × sequences × shots, five versions each, under the home site's publish root ──
    const proj: unknown[][] = [];
    const seqs: unknown[][] = [];
    const shots: unknown[][] = [];
    const versions: unknown[][] = [];
    const shotEvents: unknown[][] = [];
    const assignments: unknown[][] = [];
    for (let s = 0; s < size.shots; s++) {
      const p = Math.floor(s / (size.sequencesPerProject * size.shotsPerSequence));
      const q = Math.floor(s / size.shotsPerSequence);
      const projectId = `bench_proj_${pad(p, 2)}`;
      const seqId = `bench_seq_${pad(q, 4)}`;
      if (s % (size.sequencesPerProject * size.shotsPerSequence) === 0) proj.push([projectId, `Bench${pad(p, 2)}`]);
      if (s % size.shotsPerSequence === 0) seqs.push([seqId, projectId, `sq${pad(q % size.sequencesPerProject, 3)}`]);
      const shotId = `bench_shot_${pad(s, 5)}`;
      const name = `sh${pad(s % size.shotsPerSequence, 3)}0`;
      const folder = `${root}/Bench${pad(p, 2)}/sequences/sq${pad(q % size.sequencesPerProject, 3)}/${name}`;
      const latest = `v${pad(size.versionsPerShot, 3)}`;
      shots.push([shotId, seqId, name, folder, `${folder}/${name}.clip`, latest, latest, now]);
      for (let v = 1; v <= size.versionsPerShot; v++) {
        versions.push([`bench_ver_${pad(s, 5)}_${v}`, shotId, `v${pad(v, 3)}`, `${name}_v${pad(v, 3)}`, v, `${folder}/renders/${name}_v${v}.[1001-1096].exr`, siteIds[0], daysAgo(size.versionsPerShot - v)]);
      }
      shotEvents.push([shotId, daysAgo(30), 'discovered', `${name} published`]);
      // One shot in five is held by an artist: 4,000 active assignments, about 25 per artist.
      if (s % 5 === 0) {
        const status = ASSIGNMENT_STATUSES[Math.floor(rnd() * ASSIGNMENT_STATUSES.length)];
        const due = new Date(now.getTime() + Math.floor(rnd() * 60 - 20) * 86_400_000);
        assignments.push([`bench_asg_${pad(s, 5)}`, shotId, artists[s % artists.length], siteIds[s % siteIds.length], status, due, producer, now]);
      }
    }
    await insertRows(client, 'projects', ['id', 'name'], proj);
    await insertRows(client, 'sequences', ['id', 'project_id', 'name'], seqs);
    await insertRows(client, 'shots', ['id', 'sequence_id', 'name', 'folder_path', 'clip_path', 'current_vuid', 'latest_vuid', 'updated_at'], shots);
    await insertRows(client, 'versions', ['id', 'shot_id', 'vuid', 'name', 'position', 'media_path', 'site_id', 'discovered_at'], versions);
    await insertRows(client, 'shot_events', ['shot_id', 'at', 'kind', 'summary'], shotEvents);
    await insertRows(client, 'assignments', ['id', 'shot_id', 'artist_id', 'site_id', 'status', 'due_date', 'created_by_id', 'updated_at'], assignments);
    await client.query('COMMIT');
    // Fresh statistics, as autovacuum would have gathered them on a studio that grew to this size.
    await client.query('ANALYZE');
    const count = async (table: string) => Number((await client.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
    const counts: SeedCounts = {
      sites: await count('sites'), users: await count('users'), workstations: await count('workstations'), workstationEvents: await count('workstation_events'),
      projects: await count('projects'), sequences: await count('sequences'), shots: await count('shots'), versions: await count('versions'),
      shotEvents: await count('shot_events'), assignments: await count('assignments WHERE active'),
    };
    return { counts, seconds: Math.round((performance.now() - started) / 100) / 10 };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) throw new Error('usage: tsx bench/seed-large-studio.ts <databaseUrl>');
  process.stdout.write(JSON.stringify(await seedLargeStudio(url)) + '\n');
}
