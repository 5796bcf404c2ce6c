// The containerd harness on its own, without Sluice: a private containerd runs two busybox
// containers networked by the reference ptp plugin with host-local IPAM (CNI run from a node
// network namespace), they reach each other, and removing them runs CNI DEL (veths and IPAM
// allocations gone).

import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config/config.js';
import { run } from '../../agent/sys/exec.js';
import { TestContainerd } from '../harness/containerd.js';
import { instanceId, runId, TEST_NETNS_PREFIX } from '../harness/names.js';
import { deleteNetns } from '../harness/sweep.js';

const NETWORK = 'sluice-smoke';
const SUBNET_PREFIX = '10.251.0.';

let ctrd: TestContainerd | undefined;
let work = '';
let nodeNs = '';
let image = '';
const ipamDir = () => path.join(work, 'ipam');

beforeAll(async () => {
  const build = await run([path.join(REPO_ROOT, 'scripts', 'build-cni-tools.sh')], { timeoutMs: 600_000 });
  const binDir = build.stdout.trim().split('\n').at(-1)!;
  work = await mkdtemp(path.join(tmpdir(), 'sluice-smoke-'));
  const confDir = path.join(work, 'net.d');
  await run(['mkdir', '-p', confDir, ipamDir()]);
  await writeFile(
    path.join(confDir, '10-smoke.conflist'),
    JSON.stringify({
      cniVersion: '1.0.0',
      name: NETWORK,
      plugins: [
        {
          type: 'ptp',
          ipMasq: false,
          ipam: {
            type: 'host-local',
            ranges: [[{ subnet: `${SUBNET_PREFIX}0/24` }]],
            dataDir: ipamDir(),
          },
        },
      ],
    }),
  );
  nodeNs = `${TEST_NETNS_PREFIX}${runId()}${instanceId()}-ctrd`;
  await run(['ip', 'netns', 'add', nodeNs]);
  ctrd = await TestContainerd.start({
    cniBinDir: binDir,
    cniConfDir: confDir,
    netns: `/run/netns/${nodeNs}`,
  });
  image = await ctrd.importBusybox();
}, 600_000);

afterAll(async () => {
  await ctrd?.stop();
  if (nodeNs) await deleteNetns(nodeNs);
  if (work) await rm(work, { recursive: true, force: true });
});

async function addressOf(name: string): Promise<string> {
  const r = await ctrd!.exec(name, ['ip', '-4', '-o', 'addr', 'show', 'dev', 'eth0']);
  expect(r.code, r.stderr).toBe(0);
  const m = /inet (\d+\.\d+\.\d+\.\d+)\//.exec(r.stdout);
  expect(m, r.stdout).not.toBeNull();
  return m![1]!;
}

async function hostVeths(): Promise<string[]> {
  const { stdout } = await run(['ip', '-o', 'link', 'show', 'type', 'veth'], {
    netns: `/run/netns/${nodeNs}`,
  });
  return stdout.split('\n').filter(Boolean);
}

async function allocations(): Promise<string[]> {
  const files = await readdir(path.join(ipamDir(), NETWORK)).catch(() => [] as string[]);
  return files.filter((f) => f.startsWith(SUBNET_PREFIX));
}

it('runs two containers on ptp/host-local that reach each other, and cleans up on remove', async () => {
  expect(image).toBe('localhost/sluice-busybox:test');
  const a = await ctrd!.run('smoke-a', { cmd: ['sleep', '3600'], labels: { app: 'a' } });
  const b = await ctrd!.run('smoke-b', { cmd: ['sleep', '3600'], labels: { app: 'b' } });
  expect(a.netnsPath).toBe(`/proc/${a.pid}/ns/net`);
  expect(a.netnsPath).not.toBe(b.netnsPath);

  const ipA = await addressOf('smoke-a');
  const ipB = await addressOf('smoke-b');
  expect(ipA.startsWith(SUBNET_PREFIX)).toBe(true);
  expect(ipB.startsWith(SUBNET_PREFIX)).toBe(true);
  expect(ipA).not.toBe(ipB);
  expect((await allocations()).sort()).toEqual([ipA, ipB].sort());
  expect(await hostVeths()).toHaveLength(2);

  const ping = await ctrd!.exec('smoke-a', ['ping', '-c', '2', '-W', '2', ipB]);
  expect(ping.code, ping.stdout + ping.stderr).toBe(0);
  const back = await ctrd!.exec('smoke-b', ['ping', '-c', '1', '-W', '2', ipA]);
  expect(back.code, back.stdout + back.stderr).toBe(0);
  const exit = await ctrd!.exec('smoke-b', ['sh', '-c', 'echo out; echo err >&2; exit 3']);
  expect(exit).toEqual({ stdout: 'out\n', stderr: 'err\n', code: 3 });

  await ctrd!.remove('smoke-a');
  await ctrd!.remove('smoke-b');
  expect(await allocations()).toEqual([]);
  expect(await hostVeths()).toEqual([]);
  const { stdout } = await ctrd!.ctr(['container', 'ls', '-q']);
  expect(stdout.trim()).toBe('');
}, 60_000);
