/**
 * `npm run demo:render -- --shot <name> --site <region>`: what a remote artist's render does to a shot,
 * at that site's share folder. Like Flame's Write File node it reads the shot's Open Clip where the
 * artist works (on a Hammerspace mount the read pulls the bytes over; here the simulator's read-through
 * does that), saves a Batch setup, appends a version whose paths sit under that site's mount, makes it
 * current, and writes the clip back in place. Replication then carries it to the other sites.
 *
 *   --shot <name>        the shot (e.g. sh010)                       (required)
 *   --site <region>      where the artist renders (e.g. us-west-2)   (required)
 *   --project <name>     only when two projects have a shot of that name
 *   --data-dir <dir>     the studio's data folder (default .data; e2e runs use .data/e2e-<pid>)
 *   --control-url <url>  the simulator's control API (default: from .data/e2e-studio.json for that data
 *                        folder, else the dev port)
 *   --keep-current       append without moving currentVersion
 *
 * Prints one JSON line: { shot, site, version, clip, readThrough, writtenAt }.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { walkFiles } from '../lib/adapters/publish/clip-files';
import { appendVersion, isOpenClipCandidate, parseOpenClip, trailingNumber } from '../lib/domain/openclip';
import { identifyShotClip } from '../lib/domain/shots/project-layout';
import { DEFAULT_SITES } from '../sim/hammerspace/cluster';
import { batchSetupText, demoVersion } from './seed/demo-publish';

const SHARE = 'projects';

function fail(message: string): never {
  console.error(`demo:render: ${message}`);
  process.exit(1);
}

const { values: args } = parseArgs({
  options: {
    shot: { type: 'string' },
    site: { type: 'string' },
    project: { type: 'string' },
    'data-dir': { type: 'string', default: '.data' },
    'control-url': { type: 'string' },
    'keep-current': { type: 'boolean', default: false },
  },
});
if (!args.shot || !args.site) fail('usage: npm run demo:render -- --shot <name> --site <region> [--data-dir .data]');
const shot = args.shot;
const region = args.site;
const dataDir = path.resolve(args['data-dir'] ?? '.data');
const sitesDir = path.join(dataDir, 'sim', 'sites');
const root = path.join(sitesDir, region, SHARE);
if (!fs.existsSync(path.join(sitesDir, region))) {
  const known = fs.existsSync(sitesDir) ? fs.readdirSync(sitesDir).join(', ') : 'none';
  fail(`no simulated site ${region} under ${sitesDir} (sites there: ${known}). Is the studio running with this --data-dir?`);
}

/** The shot's clip path inside the share: the namespace is global, so any site's folder can tell it. */
async function findClip(): Promise<string> {
  const hits = new Set<string>();
  for (const site of fs.readdirSync(sitesDir)) {
    const siteRoot = path.join(sitesDir, site, SHARE);
    const walked = await walkFiles(siteRoot, isOpenClipCandidate);
    for (const abs of walked.files) {
      const id = identifyShotClip(path.relative(siteRoot, abs), new Map());
      if (id?.shot === shot && (!args.project || id.project === args.project)) hits.add(id.clipPath);
    }
  }
  if (hits.size === 0) fail(`no shot ${shot}${args.project ? ` in ${args.project}` : ''} is published under ${sitesDir}/*/${SHARE}`);
  if (hits.size > 1) fail(`${shot} exists in several places (${[...hits].join(', ')}); pass --project`);
  return [...hits][0] as string;
}

function controlUrl(): string {
  if (args['control-url']) return args['control-url'].replace(/\/+$/, '');
  const e2e = path.resolve('.data', 'e2e-studio.json');
  if (fs.existsSync(e2e)) {
    const info = JSON.parse(fs.readFileSync(e2e, 'utf8')) as { dataDir?: string; sim?: { anvils?: Record<string, { controlUrl?: string }> } };
    const url = info.sim?.anvils?.[region]?.controlUrl;
    if (info.dataDir && path.resolve(info.dataDir) === dataDir && url) return url.replace(/\/sites\/[^/]+$/, '');
  }
  const base = Number(process.env.SIM_ANVIL_BASE_PORT ?? 4620);
  return `http://127.0.0.1:${base + DEFAULT_SITES.length}/_sim`;
}

/** Reads the clip as the artist's workstation at `region` would: through the site, which fetches the bytes if needed. */
async function readAtSite(rel: string): Promise<{ text: string; via: 'site-read' | 'local-copy' }> {
  const url = `${controlUrl()}/sites/${region}/read?share=${SHARE}&path=${encodeURIComponent(`/${rel}`)}`;
  try {
    const res = await fetch(url);
    if (res.ok) return { text: await res.text(), via: 'site-read' };
    const local = path.join(root, rel);
    if (res.status === 404 && !fs.existsSync(local)) fail(`${region} cannot read /${SHARE}/${rel}: ${await res.text()}`);
  } catch {
    // No simulator control API at that address: fall back to a copy already at the site.
  }
  const local = path.join(root, rel);
  if (!fs.existsSync(local)) fail(`the clip is not at ${region} yet and the simulator's control API did not answer at ${url} (pass --control-url)`);
  return { text: fs.readFileSync(local, 'utf8'), via: 'local-copy' };
}

async function main() {
  const rel = await findClip();
  const id = identifyShotClip(rel, new Map());
  if (!id) fail(`${rel} is not a shot clip under the default layout`);
  const abs = path.join(root, rel);
  const { text, via } = await readAtSite(rel);
  const parsed = parseOpenClip(text, { clipPath: abs });
  if (!parsed.ok) fail(`the clip at ${region} does not parse (${parsed.error.code}: ${parsed.error.reason}); not writing over it`);
  const numbers = parsed.clip.versions.map((v) => v.versionNumber ?? trailingNumber(v.uid) ?? 0);
  const next = Math.max(0, ...numbers) + 1;
  const last = parsed.clip.versions.at(-1)?.frameRange;
  const version = demoVersion(root, id, next, new Date(), last ? last.last - last.first + 1 : 48);
  const appended = appendVersion(text, version, { makeCurrent: !args['keep-current'], clipPath: abs });
  if (!appended.ok) fail(`could not add ${version.name}: ${appended.error.reason}`);

  const batch = version.batchSetup as string;
  fs.mkdirSync(path.dirname(batch), { recursive: true });
  fs.writeFileSync(batch, batchSetupText(shot, version.name, region));
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  // In place, as Flame's Write File node saves it; the control plane's stable-file check copes.
  fs.writeFileSync(abs, appended.xml);
  const writtenAt = new Date().toISOString();
  console.log(JSON.stringify({ shot, project: id.project, sequence: id.sequence, site: region, version: version.name, clip: abs, readThrough: via, writtenAt }));
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
