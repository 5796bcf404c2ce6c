// Dual-stack CNI through the real sluice-cni and a real agent with an IPv6 pool (podCidrV6): the
// result lists both addresses, the pod and the node hold the IPv6 wiring, CHECK looks at both
// families, DEL removes everything and frees both addresses, and an exhausted IPv6 pool fails the
// ADD with a CNI error and leaves nothing (the IPv4 address is free again, no interface).
// Traffic over IPv6: test/integration/dual-stack-wiring.test.ts (the wiring alone) and
// test/integration/ipv6.test.ts (through Sluice's programs).

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAgent } from '../../agent/api/client.js';
import { run } from '../../agent/sys/exec.js';
import { TestNode } from '../harness/agent.js';

const POOL_V6 = 'fd00:249::/120';
let configDir: string;
let node: TestNode;

/** An agent with an IPv6 pool beside its IPv4 one (the config file's podCidrV6). */
async function dualStackNode(podCidr: string, podCidrV6: string): Promise<TestNode> {
  const file = path.join(configDir, `agent-${podCidrV6.replace(/[:/]/g, '_')}.yaml`);
  await writeFile(file, `podCidrV6: "${podCidrV6}"\n`);
  return TestNode.start({ podCidr, extraArgs: ['--config', file] });
}

beforeAll(async () => {
  configDir = await mkdtemp(path.join(tmpdir(), 'sluice-dual-'));
  node = await dualStackNode('10.249.0.0/24', POOL_V6);
}, 60_000);
afterAll(async () => {
  await node?.stop();
  await rm(configDir, { recursive: true, force: true });
});

const json = async <T>(argv: string[], netns: string): Promise<T> =>
  JSON.parse((await run(argv, { netns })).stdout || '[]') as T;

const owners = async (n: TestNode, file: string) =>
  JSON.stringify(JSON.parse(await readFile(path.join(n.dir, 'state', file), 'utf8')).allocations);

interface ResultIp {
  address: string;
  gateway: string;
  interface: number;
  version?: string;
}

describe.each(['1.1.0', '0.4.0'])('cniVersion %s', (version) => {
  const id = `dual-${version.replace(/\./g, '')}`;
  let netns: string;
  let ips: ResultIp[];
  let hostIf: string;

  beforeAll(async () => {
    netns = await node.podNetns(id);
  });

  it('ADD answers with both addresses, IPv4 first, and routes for both families', async () => {
    const r = await node.cni(
      {
        command: 'ADD',
        containerId: id,
        netns,
        ifname: 'eth0',
        args: 'K8S_POD_NAMESPACE=default;K8S_POD_NAME=p',
      },
      node.conf(version),
    );
    expect(r.code, r.stdout).toBe(0);
    const result = r.json!;
    ips = result['ips'] as ResultIp[];
    expect(ips).toEqual([
      {
        address: expect.stringMatching(/^10\.249\.0\.\d+\/32$/),
        gateway: '169.254.1.1',
        interface: 1,
        ...(version.startsWith('0.') ? { version: '4' } : {}),
      },
      {
        address: expect.stringMatching(/^fd00:249::[0-9a-f]+\/128$/),
        gateway: 'fe80::1',
        interface: 1,
        ...(version.startsWith('0.') ? { version: '6' } : {}),
      },
    ]);
    expect(result['routes']).toEqual([
      { dst: '0.0.0.0/0', gw: '169.254.1.1' },
      { dst: '::/0', gw: 'fe80::1' },
    ]);
    hostIf = (result['interfaces'] as { name: string }[])[0]!.name;
    expect(await owners(node, 'ipam-v6.json')).toContain(`"${id}"`);
  });

  it('the pod holds its /128 (no DAD, no link-local), a default route via fe80::1 and its neighbour', async () => {
    const v6 = ips[1]!.address.replace('/128', '');
    const [link] = await json<
      { address: string; addr_info: { family: string; local: string; nodad?: boolean }[] }[]
    >(['ip', '-j', 'addr', 'show', 'dev', 'eth0'], netns);
    expect(link!.addr_info.filter((a) => a.family === 'inet6')).toEqual([
      expect.objectContaining({ local: v6, prefixlen: 128, nodad: true }),
    ]);
    expect(await json(['ip', '-j', '-6', 'route', 'show', 'default'], netns)).toEqual([
      expect.objectContaining({ gateway: 'fe80::1', dev: 'eth0' }),
    ]);
    const [hostLink] = await json<{ address: string }[]>(
      ['ip', '-j', 'link', 'show', 'dev', hostIf],
      node.hostNetns,
    );
    expect(await json(['ip', '-j', '-6', 'neigh', 'show', 'dev', 'eth0'], netns)).toEqual([
      expect.objectContaining({ dst: 'fe80::1', lladdr: hostLink!.address, state: ['PERMANENT'] }),
    ]);
    // The node: a /128 route to the pod through its veth, and a permanent neighbour entry.
    expect(await json(['ip', '-j', '-6', 'route', 'show', v6], node.hostNetns)).toEqual([
      expect.objectContaining({ dst: v6, dev: hostIf }),
    ]);
    expect(await json(['ip', '-j', '-6', 'neigh', 'show', 'dev', hostIf], node.hostNetns)).toEqual([
      expect.objectContaining({ dst: v6, lladdr: link!.address, state: ['PERMANENT'] }),
    ]);
  });

  it('a second ADD returns the same two addresses and makes nothing new', async () => {
    const before = await node.hostVeths();
    const r = await node.cni({ command: 'ADD', containerId: id, netns, ifname: 'eth0' }, node.conf(version));
    expect(r.code, r.stdout).toBe(0);
    expect((r.json!['ips'] as ResultIp[]).map((i) => i.address)).toEqual(ips.map((i) => i.address));
    expect(await node.hostVeths()).toEqual(before);
  });

  it('CHECK looks at both families: the prevResult, the addresses and both default routes', async () => {
    const v6 = ips[1]!.address;
    const prevResult = {
      cniVersion: version,
      ips: ips.map(({ address, version: v }) => ({ address, ...(v ? { version: v } : {}) })),
    };
    const check = (prev: unknown) =>
      node.cni(
        { command: 'CHECK', containerId: id, netns, ifname: 'eth0' },
        node.conf(version, { prevResult: prev }),
      );
    const ok = await check(prevResult);
    expect(ok.code, ok.stdout).toBe(0);
    const withoutV6 = await check({ ...prevResult, ips: prevResult.ips.slice(0, 1) });
    expect(String(withoutV6.json!['msg'])).toContain(`prevResult does not list ${v6}`);
    await run(['ip', '-6', 'route', 'del', 'default', 'via', 'fe80::1', 'dev', 'eth0'], { netns });
    expect(String((await check(prevResult)).json!['msg'])).toContain('no default route via fe80::1 on eth0');
    await run(['ip', '-6', 'route', 'add', 'default', 'via', 'fe80::1', 'dev', 'eth0'], { netns });
    await run(['ip', 'addr', 'del', v6, 'dev', 'eth0'], { netns });
    const bad = await check(prevResult);
    expect(bad.code).toBe(1);
    expect(String(bad.json!['msg'])).toContain(`does not have ${v6}`);
    await run(['ip', 'addr', 'add', v6, 'dev', 'eth0', 'nodad'], { netns });
  });

  it('DEL removes the interfaces with their routes and neighbours, and frees both addresses', async () => {
    const del = await node.cni(
      { command: 'DEL', containerId: id, netns, ifname: 'eth0' },
      node.conf(version),
    );
    expect(del.code, del.stdout).toBe(0);
    expect(await node.hostVeths()).toEqual([]);
    expect(await json(['ip', '-j', '-6', 'route', 'show', ips[1]!.address], node.hostNetns)).toEqual([]);
    expect(await json(['ip', '-j', 'link', 'show', 'dev', 'eth0'], netns).catch(() => [])).toEqual([]);
    expect(await owners(node, 'ipam.json')).not.toContain(`"${id}"`);
    expect(await owners(node, 'ipam-v6.json')).not.toContain(`"${id}"`);
    const state = (
      await callAgent(node.socket, { check: { attachment: { container_id: id, ifname: 'eth0' } } })
    ).check!;
    expect(state.found).toBe(false);
  });
});

describe('an exhausted IPv6 pool', () => {
  it('fails the ADD with code 11 naming the pool, and leaves nothing: the IPv4 address is free again', async () => {
    const small = await dualStackNode('10.248.0.0/24', 'fd00:248::/127');
    try {
      const a = await small.podNetns('a');
      const b = await small.podNetns('b');
      const first = await small.cni(
        { command: 'ADD', containerId: 'a', netns: a, ifname: 'eth0' },
        small.conf('1.1.0'),
      );
      expect(first.code, first.stdout).toBe(0);
      expect((first.json!['ips'] as ResultIp[]).map((i) => i.address)).toEqual([
        '10.248.0.1/32',
        'fd00:248::1/128',
      ]);
      const full = await small.cni(
        { command: 'ADD', containerId: 'b', netns: b, ifname: 'eth0' },
        small.conf('1.1.0'),
      );
      expect(full.code).toBe(1);
      expect(full.json).toMatchObject({ code: 11 });
      expect(String(full.json!['msg'])).toMatch(/no free address in fd00:248::\/127/);
      expect(await small.hostVeths()).toHaveLength(1);
      expect(await json(['ip', '-j', 'link', 'show', 'dev', 'eth0'], b).catch(() => [])).toEqual([]);
      expect(await owners(small, 'ipam.json')).not.toContain('"b"');
      expect(await owners(small, 'ipam-v6.json')).not.toContain('"b"');
      // Once a's addresses are free, b gets both.
      expect(
        (await small.cni({ command: 'DEL', containerId: 'a', netns: a, ifname: 'eth0' }, small.conf('1.1.0')))
          .code,
      ).toBe(0);
      const again = await small.cni(
        { command: 'ADD', containerId: 'b', netns: b, ifname: 'eth0' },
        small.conf('1.1.0'),
      );
      expect((again.json!['ips'] as ResultIp[]).map((i) => i.address)).toEqual([
        '10.248.0.2/32',
        'fd00:248::1/128',
      ]);
    } finally {
      await small.stop();
    }
  }, 60_000);
});
