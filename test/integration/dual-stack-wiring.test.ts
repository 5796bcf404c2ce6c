// Dual-stack pod wiring with sluice-cni's own code (tools/net/wire-pod.ts), in a node namespace
// without Sluice's programs (the wiring alone; IPv6 through the programs is ipv6.test.ts): what the kernel holds
// after wiring on both sides, that the wiring carries real IPv6 packets between two pods through
// the node (ping and a TCP connection), that the interfaces stay quiet (no DAD, neighbour or router
// solicitations; the kernel's MLD reports are all that leaves), and that an IPv4-only pod's wiring
// touches nothing of IPv6.

import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { macFor } from '../../agent/endpoints/wiring.js';
import { netnsArgv, run } from '../../agent/sys/exec.js';
import { wirePod } from '../../tools/net/wire-pod.js';
import { instanceId, runId, TEST_NETNS_PREFIX } from '../harness/names.js';
import { deleteNetns } from '../harness/sweep.js';

const prefix = `${TEST_NETNS_PREFIX}${runId()}${instanceId()}`;
const made: string[] = [];
const netns = (name: string) => `/run/netns/${prefix}-${name}`;
const nodeNs = netns('node');

// Host-side names need not be unique beyond the node namespace, which is this file's own.
const pods = {
  a: { ip: '10.247.0.2', ipv6: 'fd00:247::2', host: 'lxc-a' },
  b: { ip: '10.247.0.3', ipv6: 'fd00:247::3', host: 'lxc-b' },
  v4: { ip: '10.247.0.4', ipv6: undefined, host: 'lxc-v4' },
};
let server: ChildProcess | undefined;

async function addNetns(name: string): Promise<void> {
  await run(['ip', 'netns', 'add', `${prefix}-${name}`]);
  made.push(`${prefix}-${name}`);
}

const json = async <T>(argv: string[], ns: string): Promise<T> =>
  JSON.parse((await run(argv, { netns: ns })).stdout || '[]') as T;

const sysctl = async (ns: string, key: string) =>
  (await run(['sysctl', '-n', key], { netns: ns })).stdout.trim();

interface Addr {
  family: string;
  local: string;
  prefixlen: number;
  scope: string;
  nodad?: boolean;
}

const addresses = async (ns: string, dev: string) =>
  (await json<{ addr_info: Addr[] }[]>(['ip', '-j', 'addr', 'show', 'dev', dev], ns))[0]!.addr_info;

/** Packets an interface has sent and received. */
async function packets(ns: string, dev: string): Promise<{ rx: number; tx: number }> {
  const [link] = await json<{ stats64: { rx: { packets: number }; tx: { packets: number } } }[]>(
    ['ip', '-j', '-s', 'link', 'show', 'dev', dev],
    ns,
  );
  return { rx: link!.stats64.rx.packets, tx: link!.stats64.tx.packets };
}

/** The interface's ICMPv6 output counters (/proc/net/dev_snmp6 of its namespace). */
async function icmp6Out(ns: string, dev: string): Promise<Record<string, number>> {
  const { stdout } = await run(['cat', `/proc/net/dev_snmp6/${dev}`], { netns: ns });
  return Object.fromEntries(
    stdout
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter(([k]) => k?.startsWith('Icmp6Out'))
      .map(([k, v]) => [k!, Number(v)]),
  );
}

beforeAll(async () => {
  await addNetns('node');
  for (const name of Object.keys(pods)) await addNetns(name);
  await run(['ip', 'link', 'set', 'lo', 'up'], { netns: nodeNs });
  await run(['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1', 'net.ipv6.conf.all.forwarding=1'], {
    netns: nodeNs,
  });
  for (const [name, p] of Object.entries(pods)) {
    await wirePod({
      hostNetns: nodeNs,
      podNetns: netns(name),
      hostIfName: p.host,
      podIfName: 'eth0',
      ip: p.ip,
      ipv6: p.ipv6,
    });
  }
});

afterAll(async () => {
  if (server?.pid && server.exitCode === null) process.kill(server.pid, 'SIGKILL');
  for (const ns of made.reverse()) await deleteNetns(ns);
});

describe('a dual-stack pod wired by sluice-cni', () => {
  it('holds its /128 without DAD and nothing else of IPv6 (no link-local)', async () => {
    const v6 = (await addresses(netns('a'), 'eth0')).filter((a) => a.family === 'inet6');
    expect(v6).toEqual([expect.objectContaining({ local: 'fd00:247::2', prefixlen: 128, nodad: true })]);
    expect(v6[0]).not.toHaveProperty('tentative');
    expect((await addresses(netns('a'), 'eth0')).filter((a) => a.family === 'inet')).toEqual([
      expect.objectContaining({ local: '10.247.0.2', prefixlen: 32 }),
    ]);
    // The host side has no IPv6 address at all.
    expect((await addresses(nodeNs, pods.a.host)).filter((a) => a.family === 'inet6')).toEqual([]);
  });

  it('routes ::/0 via fe80::1 with a permanent neighbour entry for the gateway', async () => {
    const routes = await json<{ dst: string; gateway?: string; dev: string }[]>(
      ['ip', '-j', '-6', 'route', 'show', 'default'],
      netns('a'),
    );
    expect(routes).toEqual([expect.objectContaining({ dst: 'default', gateway: 'fe80::1', dev: 'eth0' })]);
    const neigh = await json<{ dst: string; lladdr: string; state: string[] }[]>(
      ['ip', '-j', '-6', 'neigh', 'show', 'dev', 'eth0'],
      netns('a'),
    );
    expect(neigh).toEqual([
      expect.objectContaining({
        dst: 'fe80::1',
        lladdr: macFor(`host/${pods.a.host}`),
        state: ['PERMANENT'],
      }),
    ]);
  });

  it('has a /128 host route and a permanent neighbour for the pod on the node', async () => {
    const routes = await json<{ dst: string; dev: string }[]>(
      ['ip', '-j', '-6', 'route', 'show', 'fd00:247::2'],
      nodeNs,
    );
    expect(routes).toEqual([expect.objectContaining({ dst: 'fd00:247::2', dev: pods.a.host })]);
    const neigh = await json<{ dst: string; lladdr: string; state: string[] }[]>(
      ['ip', '-j', '-6', 'neigh', 'show', 'dev', pods.a.host],
      nodeNs,
    );
    expect(neigh).toEqual([
      expect.objectContaining({
        dst: 'fd00:247::2',
        lladdr: macFor(`pod/${pods.a.host}`),
        state: ['PERMANENT'],
      }),
    ]);
  });

  it('takes no router advertisements and makes no addresses of its own, on either end', async () => {
    for (const [ns, dev] of [
      [netns('a'), 'eth0'],
      [nodeNs, pods.a.host],
    ] as const) {
      expect(await sysctl(ns, `net.ipv6.conf.${dev}.disable_ipv6`)).toBe('0');
      expect(await sysctl(ns, `net.ipv6.conf.${dev}.accept_ra`)).toBe('0');
      expect(await sysctl(ns, `net.ipv6.conf.${dev}.autoconf`)).toBe('0');
      expect(await sysctl(ns, `net.ipv6.conf.${dev}.addr_gen_mode`)).toBe('1'); // none
    }
  });

  it('carries IPv6 between two pods through the node: ping and a TCP connection', async () => {
    await run(['ping', '-6', '-c', '2', '-i', '0.2', '-W', '2', pods.b.ipv6], { netns: netns('a') });
    // IPv4 still works beside it.
    await run(['ping', '-4', '-c', '1', '-W', '2', pods.b.ip], { netns: netns('a') });
    const [file, ...args] = netnsArgv(
      [
        process.execPath,
        '-e',
        `require('node:net').createServer((s) => s.end('hello from b')).listen(8080, '${pods.b.ipv6}', () => console.log('up'))`,
      ],
      netns('b'),
    );
    server = spawn(file!, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.once('data', () => resolve());
      server!.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const { stdout } = await run(
      [
        process.execPath,
        '-e',
        `const s = require('node:net').connect({ host: '${pods.b.ipv6}', port: 8080 }, () => { s.on('data', (d) => process.stdout.write(d + ' to ' + s.localAddress)); });
         s.on('error', (e) => { console.error(e.message); process.exit(1); });
         setTimeout(() => process.exit(2), 5000).unref();`,
      ],
      { netns: netns('a'), timeoutMs: 10_000 },
    );
    expect(stdout).toBe(`hello from b to ${pods.a.ipv6}`);
  });

  it('stays quiet: no DAD, router or neighbour solicitation; only MLD reports leave an idle pod', async () => {
    // Pod c is IPv4-only and b only answered: a fresh dual-stack pod shows what wiring alone sends.
    await addNetns('q');
    const host = 'lxc-q';
    await wirePod({
      hostNetns: nodeNs,
      podNetns: netns('q'),
      hostIfName: host,
      podIfName: 'eth0',
      ip: '10.247.0.9',
      ipv6: 'fd00:247::9',
    });
    // Unsolicited reports and solicitations go out within a second or two of the link going up.
    await new Promise((r) => setTimeout(r, 2500));
    for (const [ns, dev] of [
      [netns('q'), 'eth0'],
      [nodeNs, host],
    ] as const) {
      const sent = await icmp6Out(ns, dev);
      expect(sent, `${dev}`).toMatchObject({
        Icmp6OutNeighborSolicits: 0, // no DAD (nodad) and no resolution (permanent entries)
        Icmp6OutNeighborAdvertisements: 0,
        Icmp6OutRouterSolicits: 0,
      });
      // What the kernel does send: an MLDv2 report from :: for each reportable group it joins
      // (the pod's solicited-node group, the node's all-routers group when it forwards), which
      // no setting turns off. Nothing else leaves.
      expect(sent.Icmp6OutMsgs, `${dev}`).toBe(sent.Icmp6OutMLDv2Reports);
      expect((await packets(ns, dev)).tx, `${dev}`).toBe(sent.Icmp6OutMLDv2Reports);
    }
  });
});

describe('an IPv4-only pod wired by sluice-cni', () => {
  it('has nothing of IPv6 on either end and its IPv6 settings untouched', async () => {
    const pod = netns('v4');
    expect((await addresses(pod, 'eth0')).filter((a) => a.family === 'inet6')).toEqual([]);
    expect((await addresses(nodeNs, pods.v4.host)).filter((a) => a.family === 'inet6')).toEqual([]);
    expect(await json(['ip', '-j', '-6', 'route', 'show', 'dev', 'eth0'], pod)).toEqual([]);
    expect(await json(['ip', '-j', '-6', 'neigh', 'show', 'dev', 'eth0'], pod)).toEqual([]);
    // The namespace's defaults, as the plugin found them.
    for (const [ns, dev] of [
      [pod, 'eth0'],
      [nodeNs, pods.v4.host],
    ] as const) {
      for (const key of ['accept_ra', 'autoconf', 'disable_ipv6']) {
        expect(await sysctl(ns, `net.ipv6.conf.${dev}.${key}`)).toBe(
          await sysctl(ns, `net.ipv6.conf.default.${key}`),
        );
      }
    }
  });
});
