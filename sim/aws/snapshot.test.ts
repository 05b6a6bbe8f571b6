import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CreateLaunchTemplateCommand,
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplatesCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type Instance,
} from '@aws-sdk/client-ec2';
import { startAwsSimulator, type AwsSimulator } from './server';
import { clientConfig, controlApi, eventually } from './harness';

// The state file: a restarted simulator still has the instances, tokens and templates the last one had.
let dir: string;
let file: string;
const open: Array<{ sim: AwsSimulator; ec2: EC2Client }> = [];

async function start(opts: { transitionMs?: number; terminatedRetentionMs?: number } = {}) {
  const sim = await startAwsSimulator({ stateFile: file, transitionMs: 100, ...opts });
  const ec2 = new EC2Client({ ...clientConfig(sim, 'us-west-2'), maxAttempts: 1 });
  open.push({ sim, ec2 });
  return { sim, ec2 };
}

async function stop(sim: AwsSimulator) {
  const i = open.findIndex((o) => o.sim === sim);
  const [entry] = open.splice(i, 1);
  entry?.ec2.destroy();
  await sim.close();
}

const describeAll = async (ec2: EC2Client): Promise<Instance[]> =>
  ((await ec2.send(new DescribeInstancesCommand({}))).Reservations ?? []).flatMap((r) => r.Instances ?? []);

const stateOf = async (ec2: EC2Client, id: string) => (await describeAll(ec2)).find((i) => i.InstanceId === id)?.State?.Name;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-sim-state-'));
  file = path.join(dir, 'aws-state.json');
});

afterEach(async () => {
  await Promise.all(open.splice(0).map(async ({ sim, ec2 }) => (ec2.destroy(), sim.close())));
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a simulator with a state file', () => {
  it('comes back after a restart with the same instances, states, tags, tokens and templates', async () => {
    const first = await start({ transitionMs: 300 });
    const ami = (await first.ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images?.[0]?.ImageId ?? '';
    const launch = (ec2: EC2Client, token: string) =>
      ec2.send(new RunInstancesCommand({ ImageId: ami, InstanceType: 'g5.4xlarge', MinCount: 1, MaxCount: 1, ClientToken: token }));
    const id = async (token: string) => (await launch(first.ec2, token)).Instances?.[0]?.InstanceId ?? '';
    const [a, b, c, d] = [await id('tok-a'), await id('tok-b'), await id('tok-c'), await id('tok-d')];
    await first.ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'flame-ws', LaunchTemplateData: { ImageId: ami, InstanceType: 'g5.8xlarge' } }));
    await eventually(async () => ((await stateOf(first.ec2, b)) === 'running' ? true : undefined));
    // A slow stop, still under way when the simulator closes.
    await controlApi(first.sim.endpoint).post('transitions', { stoppingMs: 1500 });
    await first.ec2.send(new StopInstancesCommand({ InstanceIds: [b] }));
    await first.ec2.send(new CreateTagsCommand({ Resources: [c], Tags: [{ Key: 'owner', Value: 'ana' }] }));
    // An instance gone behind EC2's back: its ClientToken must still answer with it.
    await controlApi(first.sim.endpoint).delete(`instances/${d}`);
    const before = await describeAll(first.ec2);
    expect(before.find((i) => i.InstanceId === b)?.State?.Name).toBe('stopping');
    await stop(first.sim);

    const second = await start({ transitionMs: 300 });
    const after = await describeAll(second.ec2);
    expect(after.map((i) => i.InstanceId).sort()).toEqual([a, b, c].sort());
    for (const inst of before) {
      const again = after.find((i) => i.InstanceId === inst.InstanceId);
      expect(again?.PrivateIpAddress).toBe(inst.PrivateIpAddress);
      expect(again?.LaunchTime).toEqual(inst.LaunchTime);
    }
    expect(after.find((i) => i.InstanceId === c)?.Tags).toContainEqual({ Key: 'owner', Value: 'ana' });
    // The stop was in flight at close; it completes on the restarted clock.
    expect(await stateOf(second.ec2, b)).toBe('stopping');
    expect(await eventually(async () => ((await stateOf(second.ec2, b)) === 'stopped' ? 'stopped' : undefined), 5000)).toBe('stopped');
    expect(await stateOf(second.ec2, a)).toBe('running');

    expect((await launch(second.ec2, 'tok-a')).Instances?.map((i) => i.InstanceId)).toEqual([a]);
    expect((await launch(second.ec2, 'tok-d')).Instances?.map((i) => i.InstanceId)).toEqual([d]);
    expect(await describeAll(second.ec2)).toHaveLength(3);

    const fresh = (await launch(second.ec2, 'tok-new')).Instances?.[0];
    expect([a, b, c, d]).not.toContain(fresh?.InstanceId);
    expect(fresh?.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(after.map((i) => i.PrivateIpAddress)).not.toContain(fresh?.PrivateIpAddress);

    const templates = await second.ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['flame-ws'] }));
    expect(templates.LaunchTemplates?.[0]?.LaunchTemplateName).toBe('flame-ws');
  });

  it('still lets terminated instances expire after a restart', async () => {
    const first = await start({ transitionMs: 20, terminatedRetentionMs: 800 });
    const ami = (await first.ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images?.[0]?.ImageId ?? '';
    const run = await first.ec2.send(new RunInstancesCommand({ ImageId: ami, InstanceType: 'g5.4xlarge', MinCount: 1, MaxCount: 1 }));
    const id = run.Instances?.[0]?.InstanceId ?? '';
    await first.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    await eventually(async () => ((await stateOf(first.ec2, id)) === 'terminated' ? true : undefined));
    await stop(first.sim);

    const second = await start({ transitionMs: 20, terminatedRetentionMs: 800 });
    expect(await stateOf(second.ec2, id)).toBe('terminated');
    await eventually(async () => ((await describeAll(second.ec2)).length === 0 ? true : undefined));
  });

  it('saves shortly after a change, without waiting for close', async () => {
    const { sim, ec2 } = await start();
    const ami = (await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images?.[0]?.ImageId ?? '';
    const run = await ec2.send(new RunInstancesCommand({ ImageId: ami, InstanceType: 'g5.4xlarge', MinCount: 2, MaxCount: 2 }));
    const saved = await eventually(async () => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; regions: unknown[] }) : undefined), 3000);
    expect(saved.version).toBe(1);
    expect(JSON.stringify(saved)).toContain(run.Instances?.[0]?.InstanceId ?? '?');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    await stop(sim);
  });

  it('sets a corrupt file aside, says so once, and starts empty', async () => {
    fs.writeFileSync(file, '{"version":1,"regions":[{"name":');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { ec2 } = await start();
    expect(await describeAll(ec2)).toEqual([]);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]?.[0])).toContain(file);
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('aws-state.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe('{"version":1,"regions":[{"name":');
  });

  it('sets aside a file from another format version, or one that does not hold together', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fs.writeFileSync(file, JSON.stringify({ version: 99, regions: [] }));
    const one = await start();
    expect(String(logged.mock.calls[0]?.[0])).toContain('format version 99');
    await stop(one.sim);

    // Well-formed, but a ClientToken names an instance the file does not hold.
    const token = { token: 't', fingerprint: '[]', reservationId: 'r-1', instanceIds: ['i-0123456789abcdef0'] };
    const region = { name: 'us-west-2', nextSeq: 1, subnetCounters: [], instances: [], retired: [], templates: [], tokens: [token] };
    fs.writeFileSync(file, JSON.stringify({ version: 1, savedAt: '', seed: 1, rng: 5, regions: [region] }));
    const two = await start();
    expect(String(logged.mock.calls[1]?.[0])).toContain('unknown instance i-0123456789abcdef0');
    expect(await describeAll(two.ec2)).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(2);
  });
});
