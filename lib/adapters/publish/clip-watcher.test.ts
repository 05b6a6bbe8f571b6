import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readClipFile, walkFiles } from './clip-files';
import { watchClips, type TClipWatcher } from './clip-watcher';

const isClip = (p: string) => p.endsWith('.clip');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dirs: string[] = [];
const watchers: TClipWatcher[] = [];
afterEach(async () => {
  await Promise.all(watchers.splice(0).map((w) => w.close()));
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'clip-watch-'));
  dirs.push(d);
  return d;
};

describe('watchClips', () => {
  it('hands on a file written in pieces only once it has stopped changing', async () => {
    const root = tmp();
    const seen: string[] = [];
    const w = watchClips({ root, isCandidate: isClip, debounceMs: 30, stableMs: 250, onStable: async (abs) => void seen.push(fs.readFileSync(abs, 'utf8')) });
    watchers.push(w);
    await w.ready;
    fs.mkdirSync(path.join(root, 'p/sq/sh'), { recursive: true });
    const file = path.join(root, 'p/sq/sh/sh.clip');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '<clip>');
    for (let i = 0; i < 4; i++) {
      await sleep(120); // shorter than stableMs: the file is still being written
      fs.writeSync(fd, `<v${i}/>`);
    }
    fs.writeSync(fd, '</clip>');
    fs.closeSync(fd);
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(1);
    await w.idle();
    expect(seen).toEqual(['<clip><v0/><v1/><v2/><v3/></clip>']);
  });

  it('skips backups, hidden temp files and other names; reports removals', async () => {
    const root = tmp();
    const seen: string[] = [];
    const removed: string[] = [];
    const w = watchClips({
      root, debounceMs: 20, stableMs: 50,
      isCandidate: (p) => isClip(p) && !path.basename(p).startsWith('.'),
      onStable: async (abs) => void seen.push(path.basename(abs)),
      onRemoved: async (abs) => void removed.push(path.basename(abs)),
    });
    watchers.push(w);
    await w.ready;
    for (const name of ['a.clip.bak', '.hs-sim-tmp-123', 'notes.txt', 'a.clip']) fs.writeFileSync(path.join(root, name), 'x');
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(['a.clip']);
    fs.rmSync(path.join(root, 'a.clip'));
    await expect.poll(() => removed, { timeout: 5000 }).toEqual(['a.clip']);
  });
});

describe('walkFiles and readClipFile', () => {
  it('lists accepted files under hidden-free folders and reads them whole', async () => {
    const root = tmp();
    for (const rel of ['a/b/one.clip', 'a/c/two.clip', 'a/.hidden/three.clip', 'a/b/skip.txt']) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), rel);
    }
    const walked = await walkFiles(root, isClip, { concurrency: 2 });
    expect(walked.files.map((f) => path.relative(root, f))).toEqual(['a/b/one.clip', 'a/c/two.clip']);
    expect(walked.errors).toEqual([]);
    const read = await readClipFile(path.join(root, 'a/b/one.clip'), 1024);
    expect(read.ok && read.bytes.toString()).toBe('a/b/one.clip');
    expect(await readClipFile(path.join(root, 'nope.clip'), 1024)).toMatchObject({ ok: false, reason: 'missing' });
    // One byte over the cap is read, so the parser can say TOO_LARGE instead of parsing a prefix.
    const capped = await readClipFile(path.join(root, 'a/b/one.clip'), 4);
    expect(capped.ok && capped.bytes.length).toBe(5);
  });

  it('reports an unreadable root instead of an empty publish', async () => {
    const walked = await walkFiles(path.join(tmp(), 'not-mounted'), isClip);
    expect(walked.files).toEqual([]);
    expect(walked.errors[0]).toContain('ENOENT');
  });
});
