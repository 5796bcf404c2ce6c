// The pure parts of many nodes: identities every node derives alike, the ipcache of remote pods
// and nodes, the routes to other nodes' pod CIDRs, and the pod MTU.

import { describe, expect, it } from 'vitest';
import { podMtu, withConfig } from '../../agent/config/config.js';
import {
  noIpv6Routes,
  planRoutes,
  ROUTE_PROTO,
  routeArgs,
  TUNNEL_DEVICE,
} from '../../agent/datapath/routing.js';
import {
  assignIdentities,
  homeOf,
  IDENTITY_SPACES,
  IdentityAllocator,
} from '../../agent/identity/allocator.js';
import type { Node, Pod } from '../../agent/model/types.js';
import { ID_HOST, ID_REMOTE_NODE, ID_WORLD } from '../../agent/policy/types.js';
import { ipcacheEntries } from '../../agent/reconciler/reconciler.js';
import { CommandError } from '../../agent/sys/exec.js';

describe('identities', () => {
  const keys = Array.from({ length: 500 }, (_, i) => `ns=n${i % 7};pod:app=a${i}`);

  it('are the same whatever order the keys come in (every node derives the same numbers)', () => {
    const a = assignIdentities(keys);
    const b = assignIdentities([...keys].reverse());
    expect([...b].sort()).toEqual([...a].sort());
    for (const id of a.values()) {
      expect(id).toBeGreaterThanOrEqual(256);
      expect(id).toBeLessThanOrEqual(0x7fffff); // fits a VXLAN VNI beside its flag bit
    }
    expect(new Set(a.values()).size).toBe(keys.length);
  });

  it('keep their number when other label sets come and go, unless they collide', () => {
    const a = assignIdentities(keys);
    const b = assignIdentities([...keys.slice(100), 'ns=new;pod:app=z']);
    for (const k of keys.slice(100)) expect(b.get(k)).toBe(a.get(k));
    expect(a.get(keys[0]!)).toBe(homeOf(keys[0]!, IDENTITY_SPACES.labels));
  });

  it('resolve collisions by key order, deterministically, and say when the space is full', () => {
    const tiny = { first: 10, last: 12 };
    const three = ['c', 'a', 'b'];
    const one = assignIdentities(three, tiny);
    expect(new Set(one.values())).toEqual(new Set([10, 11, 12]));
    expect(assignIdentities(['b', 'c', 'a'], tiny)).toEqual(one);
    expect(() => assignIdentities(['a', 'b', 'c', 'd'], tiny)).toThrow(/exhausted/);
  });

  it('namespaces get their own space; the allocator returns the same map while nothing changes', () => {
    const ns = assignIdentities(['x', 'y'], IDENTITY_SPACES.namespaces);
    for (const id of ns.values()) expect(id).toBeGreaterThan(0x40000000);
    const alloc = new IdentityAllocator();
    const first = alloc.assign(['k1', 'k2']);
    expect(alloc.assign(['k2', 'k1'])).toBe(first);
    expect(alloc.assign(['k1'])).not.toBe(first);
  });
});

const NODES: Node[] = [
  { name: 'n1', internalIp: '192.168.0.1', podCidr: '10.1.0.0/24' },
  { name: 'n2', internalIp: '192.168.0.2', podCidr: '10.1.1.0/24' },
  { name: 'n3', internalIp: '192.168.0.3' },
];
const pod = (name: string, ip: string, nodeName?: string): Pod => ({
  namespace: 'ns',
  name,
  labels: { app: name },
  ip,
  ports: [],
  ...(nodeName ? { nodeName } : {}),
});

describe('ipcache of a cluster', () => {
  const snapshot = {
    namespaces: [],
    policies: [],
    pods: [pod('here', '10.1.0.5', 'n1'), pod('there', '10.1.1.5', 'n2'), pod('unplaced', '10.1.1.9')],
  };
  const out = ipcacheEntries({
    snapshot,
    endpoints: [],
    podIdentities: new Map([
      ['ns/here', 300],
      ['ns/there', 301],
      ['ns/unplaced', 302],
    ]),
    namespaceIdentities: new Map([['ns', 0x40000005]]),
    nodeIps: ['192.168.0.1'],
    nodes: NODES,
    nodeName: 'n1',
  });
  const at = (prefix: string) => out.ipcache.filter((e) => e.prefix === prefix);

  it('this node is host, other nodes remote-node; their pod CIDRs go to them', () => {
    expect(at('192.168.0.1')).toEqual([{ prefix: '192.168.0.1', identity: ID_HOST }]);
    expect(at('192.168.0.2')).toEqual([{ prefix: '192.168.0.2', identity: ID_REMOTE_NODE }]);
    expect(at('10.1.1.0/24')).toEqual([
      { prefix: '10.1.1.0/24', identity: ID_WORLD, tunnelEndpoint: '192.168.0.2' },
    ]);
    expect(at('10.1.0.0/24'), 'no entry for our own pod CIDR').toEqual([]);
  });

  it('remote pods carry their node (by nodeName, else by pod CIDR); local ones none', () => {
    expect(at('10.1.1.5')[0]).toMatchObject({ identity: 301, tunnelEndpoint: '192.168.0.2' });
    expect(at('10.1.1.9')[0]).toMatchObject({ identity: 302, tunnelEndpoint: '192.168.0.2' });
    expect(at('10.1.0.5')[0]!.tunnelEndpoint).toBeUndefined();
    expect(out.identityNamespaces.get(301)).toBe(0x40000005);
  });
});

const DUAL: Node[] = [
  {
    name: 'n1',
    internalIp: '192.168.0.1',
    internalIpV6: 'fd00:9::1',
    podCidr: '10.1.0.0/24',
    podCidrV6: 'fd00:1::/64',
  },
  {
    name: 'n2',
    internalIp: '192.168.0.2',
    internalIpV6: 'fd00:9::2',
    podCidr: '10.1.1.0/24',
    podCidrV6: 'fd00:2::/64',
  },
  // Dual-stack pods, but no IPv6 address of its own.
  { name: 'n3', internalIp: '192.168.0.3', podCidr: '10.1.2.0/24', podCidrV6: 'fd00:3::/64' },
];

describe('ipcache of a dual-stack cluster', () => {
  const out = ipcacheEntries({
    snapshot: {
      namespaces: [],
      policies: [],
      pods: [{ ...pod('there', '10.1.1.5', 'n2'), ipv6: 'fd00:2::5' }],
    },
    endpoints: [],
    podIdentities: new Map([['ns/there', 301]]),
    nodeIps: ['192.168.0.1'],
    nodeIpsV6: ['fd00:9::1'],
    nodes: DUAL,
    nodeName: 'n1',
  });
  const at = (prefix: string) => out.ipcache.filter((e) => e.prefix === prefix);

  it("this node's IPv6 addresses are host, other nodes' IPv6 InternalIPs remote-node", () => {
    expect(at('fd00:9::1')).toEqual([{ prefix: 'fd00:9::1', identity: ID_HOST }]);
    expect(at('fd00:9::2')).toEqual([{ prefix: 'fd00:9::2', identity: ID_REMOTE_NODE }]);
  });

  it("other nodes' IPv6 pod CIDRs and pods go to their node's IPv4 InternalIP (the tunnel's outer header)", () => {
    expect(at('fd00:2::/64')).toEqual([
      { prefix: 'fd00:2::/64', identity: ID_WORLD, tunnelEndpoint: '192.168.0.2' },
    ]);
    expect(at('fd00:3::/64')[0]).toMatchObject({ tunnelEndpoint: '192.168.0.3' });
    expect(at('fd00:2::5')[0]).toMatchObject({ identity: 301, tunnelEndpoint: '192.168.0.2' });
    expect(at('fd00:1::/64'), 'no entry for our own IPv6 pod CIDR').toEqual([]);
  });

  it('an IPv4-only node (no IPv6 addresses given) has no IPv6 host entry', () => {
    const v4 = ipcacheEntries({
      snapshot: { namespaces: [], policies: [], pods: [] },
      endpoints: [],
      podIdentities: new Map(),
      nodeIps: ['192.168.0.1'],
      nodes: NODES,
      nodeName: 'n1',
    });
    expect(v4.ipcache.filter((e) => e.prefix.includes(':'))).toEqual([]);
  });
});

describe('routes to other nodes', () => {
  it('native: via each other node with a pod CIDR', () => {
    const { routes } = planRoutes(NODES, { name: 'n1', addresses: [] }, 'native');
    expect(routes).toEqual([{ dst: '10.1.1.0/24', via: '192.168.0.2' }]);
    expect(routeArgs(routes[0]!)).toEqual([
      '10.1.1.0/24',
      'via',
      '192.168.0.2',
      'proto',
      String(ROUTE_PROTO),
    ]);
  });

  it('tunnel: through the VXLAN device, from this node own address; found by address too', () => {
    expect(planRoutes(NODES, { name: '', addresses: ['192.168.0.2'] }, 'tunnel').routes).toEqual([
      { dst: '10.1.0.0/24', dev: TUNNEL_DEVICE, src: '192.168.0.2' },
    ]);
  });

  it('dual-stack, tunnel: IPv6 pod CIDRs through the device too, from this node IPv6 address when it has it', () => {
    const self = { name: 'n1', addresses: ['192.168.0.1', 'fd00:9::1'], ipv6: true };
    const plan = planRoutes(DUAL, self, 'tunnel');
    expect(plan.routes).toEqual([
      { dst: '10.1.1.0/24', dev: TUNNEL_DEVICE, src: '192.168.0.1' },
      { dst: '10.1.2.0/24', dev: TUNNEL_DEVICE, src: '192.168.0.1' },
      // IPv4 routes first, then IPv6 ones; a node without an IPv6 InternalIP is reached alike.
      { dst: 'fd00:2::/64', dev: TUNNEL_DEVICE, src: 'fd00:9::1' },
      { dst: 'fd00:3::/64', dev: TUNNEL_DEVICE, src: 'fd00:9::1' },
    ]);
    expect(routeArgs({ dst: 'fd00:2::/64', dev: TUNNEL_DEVICE, src: 'fd00:9::1' })).toEqual([
      'fd00:2::/64',
      'dev',
      TUNNEL_DEVICE,
      'src',
      'fd00:9::1',
      'proto',
      String(ROUTE_PROTO),
    ]);
    // An IPv6 InternalIP that is not on this node makes no source (the kernel would refuse it).
    const elsewhere = planRoutes(DUAL, { ...self, addresses: ['192.168.0.1'] }, 'tunnel');
    expect(elsewhere.routes.filter((r) => r.dst.includes(':'))).toEqual([
      { dst: 'fd00:2::/64', dev: TUNNEL_DEVICE },
      { dst: 'fd00:3::/64', dev: TUNNEL_DEVICE },
    ]);
    expect(plan.unroutedIpv6).toEqual([]);
  });

  it('dual-stack, native: IPv6 pod CIDRs via the IPv6 InternalIP; a node without one is named', () => {
    const self = { name: 'n1', addresses: ['192.168.0.1', 'fd00:9::1'], ipv6: true };
    const plan = planRoutes(DUAL, self, 'native');
    expect(plan.routes).toEqual([
      { dst: '10.1.1.0/24', via: '192.168.0.2' },
      { dst: '10.1.2.0/24', via: '192.168.0.3' },
      { dst: 'fd00:2::/64', via: 'fd00:9::2' },
    ]);
    expect(plan.unroutedIpv6).toEqual([
      { node: 'n3', reason: expect.stringMatching(/node n3 has no IPv6 InternalIP/) },
    ]);
    // This node without an IPv6 InternalIP has no IPv6 next hop at all.
    const fromN3 = planRoutes(DUAL, { name: 'n3', addresses: ['192.168.0.3'], ipv6: true }, 'native');
    expect(fromN3.routes.filter((r) => r.dst.includes(':'))).toEqual([]);
    expect(fromN3.unroutedIpv6.map((g) => g.node)).toEqual(['n1', 'n2']);
    expect(fromN3.unroutedIpv6[0]!.reason).toMatch(/this node has no IPv6 InternalIP/);
  });

  it('dual-stack, native: each reason says how to give the node an IPv6 InternalIP', () => {
    const how = 'kubelet --node-ip=<v4>,<v6>, or nodes[].internalIpV6 in the agent config';
    const self = { name: 'n1', addresses: ['192.168.0.1', 'fd00:9::1'], ipv6: true };
    const [other] = planRoutes(DUAL, self, 'native').unroutedIpv6;
    expect(other!.reason).toBe(
      `node n3 has no IPv6 InternalIP to route its IPv6 pod CIDR via: give it one (${how})`,
    );
    const [own] = planRoutes(
      DUAL,
      { name: 'n3', addresses: ['192.168.0.3'], ipv6: true },
      'native',
    ).unroutedIpv6;
    expect(own!.reason).toBe(
      `this node has no IPv6 InternalIP, so no IPv6 next hop to other nodes: give it one (${how})`,
    );
  });

  it('an IPv4-only node routes no IPv6 pod CIDR and warns of none, in either mode', () => {
    const self = { name: 'n1', addresses: ['192.168.0.1'] };
    for (const routing of ['tunnel', 'native'] as const) {
      const plan = planRoutes(DUAL, self, routing);
      expect(plan.routes.map((r) => r.dst)).toEqual(['10.1.1.0/24', '10.1.2.0/24']);
      expect(plan.unroutedIpv6).toEqual([]);
    }
  });

  it('a kernel without IPv6 has no IPv6 routes to sync; any other failure to list them is a failure', () => {
    const ip6 = ['ip', '-j', '-6', 'route', 'show', 'proto', String(ROUTE_PROTO)];
    const failed = (stderr: string) => new CommandError(ip6, 2, '', stderr);
    expect(noIpv6Routes(failed('RTNETLINK answers: Address family not supported by protocol\n'))).toEqual([]);
    for (const err of [
      failed('Cannot open network namespace "/run/netns/gone": No such file or directory\n'),
      new CommandError(ip6, 'ENOENT', '', ''),
      new SyntaxError('Unexpected end of JSON input'),
    ])
      expect(() => noIpv6Routes(err)).toThrow(err);
  });

  it('pods get the underlay MTU less 50 bytes in tunnel mode', () => {
    expect(podMtu(withConfig({ mtu: 1500, routing: 'tunnel' }))).toBe(1450);
    expect(podMtu(withConfig({ mtu: 9000, routing: 'native' }))).toBe(9000);
  });
});
