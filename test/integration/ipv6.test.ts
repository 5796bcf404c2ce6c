// IPv6 through the datapath, beside IPv4: dual-stack pods wired by sluice-cni's own wiring on one
// node with the programs attached, real sockets over IPv6 (TCP, UDP, ICMPv6 echo), conntrack in
// sluice_ct6, NetworkPolicy by identity and by IPv6 ipBlock (with an except, matched against pod
// addresses), and crafted IPv6 frames the kernel's sockets would not send: spoofed sources,
// extension headers, fragments, hop limit 1, neighbour discovery, ICMPv6 errors.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import { ct6KeyCodec, ctValueCodec } from '../../agent/datapath/codecs.js';
import { mapPin } from '../../agent/datapath/maps.js';
import { REASONS } from '../../agent/datapath/reasons.js';
import type { NetworkPolicy, Pod } from '../../agent/model/types.js';
import {
  CFG_F_EVENTS_DROP,
  CFG_F_EVENTS_VERDICT,
  EVENT_DROP,
  EVENT_VERDICT,
  EventReader,
  type FlowEvent,
  setEventFlags,
} from '../../agent/observe/events.js';
import { toFlow } from '../../agent/observe/flows.js';
import type { Reconciler } from '../../agent/reconciler/reconciler.js';
import { Store } from '../../agent/state/store.js';
import { TestCluster } from '../harness/cluster.js';
import { frame6, TC_ACT_OK, TC_ACT_REDIRECT, TC_ACT_SHOT } from '../harness/packets.js';

const A = { ip: '10.254.11.1', ipv6: 'fd00:254:11::1' }; // x/a: app=a
const D = { ip: '10.254.11.4', ipv6: 'fd00:254:11::4' }; // x/d: app=d, inside the ipBlock
const B = { ip: '10.254.12.1', ipv6: 'fd00:254:12::1' }; // y/b: ingress isolated
const C = { ip: '10.254.12.2', ipv6: 'fd00:254:12::2' }; // y/c: open

let cluster: TestCluster;
let reconciler: Reconciler;

const pods: Pod[] = [
  { namespace: 'x', name: 'a', labels: { app: 'a' }, ...A, ports: [] },
  { namespace: 'x', name: 'd', labels: { app: 'd' }, ...D, ports: [] },
  { namespace: 'y', name: 'b', labels: { app: 'b' }, ...B, ports: [] },
  { namespace: 'y', name: 'c', labels: { app: 'c' }, ...C, ports: [] },
];

const POLICY: NetworkPolicy = {
  namespace: 'y',
  name: 'b-in',
  podSelector: { matchLabels: { app: 'b' } },
  policyTypes: ['Ingress'],
  ingress: [
    { from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'a' } } }], ports: [{ port: 80 }] },
    // An IPv6 ipBlock holding x/a and x/d, x/a excepted: pod addresses match ipBlocks.
    {
      from: [{ ipBlock: { cidr: 'fd00:254:11::/64', except: ['fd00:254:11::1/128'] } }],
      ports: [{ port: 83 }],
    },
  ],
};

beforeAll(async () => {
  cluster = await TestCluster.start();
  await cluster.addPod('x/a', A.ip, { ipv6: A.ipv6 });
  await cluster.addPod('x/d', D.ip, { ipv6: D.ipv6 });
  await cluster.addPod('y/b', B.ip, { ipv6: B.ipv6, tcp: [80, 81, 83], sctp: [80] });
  await cluster.addPod('y/c', C.ip, { ipv6: C.ipv6, tcp: [80], udp: [53], sctp: [80] });
  const store = new Store();
  store.upsertNamespace({ name: 'x', labels: {} });
  store.upsertNamespace({ name: 'y', labels: {} });
  for (const p of pods) store.upsertPod(p);
  expect(store.upsertPolicy(POLICY)).toEqual([]);
  reconciler = cluster.reconciler(store);
  await reconciler.reconcile();
}, 60_000);

afterAll(async () => {
  reconciler?.stop();
  await cluster?.destroy();
});

/** Drops charged to a pod's endpoint for a reason (either direction). */
async function drops(pod: string, reason: string): Promise<number> {
  const id = cluster.pod(pod).endpoint.id;
  const code = Number(Object.entries(REASONS).find(([, r]) => r.name === reason)?.[0]);
  return (await cluster.metrics())
    .filter((m) => m.endpointId === id && m.reason === code)
    .reduce((n, m) => n + m.packets, 0);
}

describe('IPv6 with real sockets', () => {
  it('carries TCP, UDP and ICMPv6 echo between pods of the node', async () => {
    const a = cluster.pod('x/a');
    expect(await cluster.probe(a, C.ipv6, 80)).toMatchObject({ connected: true, reply: 'y/c' });
    expect(await cluster.probe(a, C.ipv6, 53, 'UDP')).toMatchObject({ connected: true, reply: 'y/c' });
    expect(await cluster.ping(a, C.ipv6)).toBe(true);
  });

  it('carries SCTP over IPv6, and policy decides on it: a TCP-only rule does not admit it', async () => {
    const [open, isolated] = await cluster.probeMany(cluster.pod('x/a'), [
      `[${C.ipv6}]:80/SCTP`,
      `[${B.ipv6}]:80/SCTP`,
    ]);
    expect(open).toMatchObject({ connected: true, reply: 'y/c' });
    expect(isolated).toMatchObject({ connected: false });
  });

  it('tracks IPv6 connections in sluice_ct6', async () => {
    expect(await cluster.probe(cluster.pod('x/a'), C.ipv6, 80)).toMatchObject({ connected: true });
    const entries = (await dumpMap(mapPin(cluster.cfg.pinRoot, 'ct6'))).map((e) => ({
      k: ct6KeyCodec.decode(e.key),
      v: ctValueCodec.decode(e.value),
    }));
    const conn = entries.find((e) => e.k.saddr === A.ipv6 && e.k.daddr === C.ipv6 && e.k.dport === 80);
    expect(conn, JSON.stringify(entries)).toBeDefined();
    expect(conn!.v.packets_rev).toBeGreaterThan(0);
    expect(conn!.v.src_endpoint).toBe(cluster.pod('x/a').endpoint.id);
  });

  it('enforces ingress policy by identity over IPv6, as over IPv4', async () => {
    const before = await drops('y/b', 'POLICY_DENIED');
    expect(await cluster.probe(cluster.pod('x/a'), B.ipv6, 80)).toMatchObject({
      connected: true,
      reply: 'y/b',
    });
    expect(await cluster.probe(cluster.pod('x/a'), B.ip, 80)).toMatchObject({
      connected: true,
      reply: 'y/b',
    });
    expect(await cluster.probe(cluster.pod('x/a'), B.ipv6, 81)).toMatchObject({ connected: false });
    expect(await cluster.probe(cluster.pod('y/c'), B.ipv6, 80)).toMatchObject({ connected: false });
    expect(await drops('y/b', 'POLICY_DENIED')).toBeGreaterThan(before);
  });

  it('matches an IPv6 ipBlock and its except against pod addresses', async () => {
    expect(await cluster.probe(cluster.pod('x/d'), B.ipv6, 83)).toMatchObject({
      connected: true,
      reply: 'y/b',
    });
    expect(await cluster.probe(cluster.pod('x/a'), B.ipv6, 83)).toMatchObject({ connected: false });
    // The IPv6 block says nothing about IPv4: x/d's IPv4 address is in no block.
    expect(await cluster.probe(cluster.pod('x/d'), B.ip, 83)).toMatchObject({ connected: false });
  });
});

describe('IPv6 flow events', () => {
  it('carry the IPv6 addresses of a denied and an allowed connection', async () => {
    const events: FlowEvent[] = [];
    const reader = new EventReader(cluster.cfg.pinRoot, (e) => events.push(e));
    await setEventFlags(cluster.cfg.pinRoot, CFG_F_EVENTS_DROP | CFG_F_EVENTS_VERDICT);
    await reader.start();
    try {
      expect((await cluster.probe(cluster.pod('y/c'), B.ipv6, 81)).connected).toBe(false);
      expect((await cluster.probe(cluster.pod('x/a'), B.ipv6, 80)).connected).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      reader.stop();
      await setEventFlags(cluster.cfg.pinRoot, 0);
    }
    const drop = events.find((e) => e.type === EVENT_DROP && e.saddr === C.ipv6 && e.daddr === B.ipv6);
    expect(drop, JSON.stringify(events)).toMatchObject({
      family: 6,
      reason: 1,
      dport: 81,
      protocol: 6,
      dst_endpoint: cluster.pod('y/b').endpoint.id,
    });
    const allowed = events.find((e) => e.type === EVENT_VERDICT && e.saddr === A.ipv6 && e.daddr === B.ipv6);
    expect(allowed).toMatchObject({ family: 6, dport: 80, src_endpoint: cluster.pod('x/a').endpoint.id });
    // As observe shows it.
    const names = {
      endpoint: () => undefined,
      identityKey: () => undefined,
      rule: () => undefined,
      frontend: () => undefined,
    };
    expect(toFlow(drop!, names)).toMatchObject({
      source_ip: C.ipv6,
      destination_ip: B.ipv6,
      destination_port: 81,
    });
    expect(reader.lost).toBe(0);
  });
});

/** Runs one frame and says what the datapath did: verdict, and the reason it counted. */
const verdict = (prog: 'from_pod' | 'to_pod', device: string, input: Buffer) =>
  cluster.runFrame(prog, device, input);

const tcp6 = (saddr: string, daddr: string, dport: number, extra: object = {}) =>
  frame6({ saddr, daddr, protocol: 'TCP', sport: 40000 + dport, dport, ...extra });

/** An ICMPv6 router or neighbour discovery message (or MLD report), hop limit 255 as on the link. */
const nd = (saddr: string, daddr: string, type: number) =>
  frame6({
    saddr,
    daddr,
    protocol: 'ICMPV6',
    hopLimit: 255,
    icmp: {
      type,
      rest: Buffer.concat([Buffer.alloc(4), Buffer.from('fe800000000000000000000000000001', 'hex')]),
    },
  });

describe('IPv6 packet table: from_pod of x/a', () => {
  const rows: [string, () => Buffer, number, string][] = [
    ['allowed by identity (TCP 80 to y/b)', () => tcp6(A.ipv6, B.ipv6, 80), TC_ACT_REDIRECT, 'FORWARDED'],
    ['denied (TCP 84 to y/b)', () => tcp6(A.ipv6, B.ipv6, 84), TC_ACT_SHOT, 'POLICY_DENIED'],
    ['a spoofed IPv6 source', () => tcp6('fd00:254:11::99', C.ipv6, 80), TC_ACT_SHOT, 'SOURCE_SPOOFED'],
    [
      "another pod's IPv6 source",
      () => tcp6(D.ipv6, C.ipv6, 80, { sport: 41100 }),
      TC_ACT_SHOT,
      'SOURCE_SPOOFED',
    ],
    [
      'hop-by-hop and destination options before TCP',
      () => tcp6(A.ipv6, C.ipv6, 80, { ext: ['hop', 'dest'], sport: 41101 }),
      TC_ACT_REDIRECT,
      'FORWARDED',
    ],
    [
      'hop limit 1 to a pod: left to the host stack (time exceeded)',
      () => tcp6(A.ipv6, C.ipv6, 80, { hopLimit: 1, sport: 41102 }),
      TC_ACT_OK,
      'FORWARDED',
    ],
    [
      'a later fragment whose first was never seen',
      () => tcp6(A.ipv6, B.ipv6, 80, { frag: { offset: 100, more: false, id: 7 }, sport: 41103 }),
      TC_ACT_SHOT,
      'FRAGMENT',
    ],
    [
      'a neighbour solicitation for the gateway: its gateway is static, so no',
      () => nd(A.ipv6, 'ff02::1:ff00:1', 135),
      TC_ACT_SHOT,
      'NEIGHBOUR_DISCOVERY',
    ],
    [
      'a router advertisement from the pod: it would reconfigure the node',
      () => nd(A.ipv6, 'ff02::1', 134),
      TC_ACT_SHOT,
      'NEIGHBOUR_DISCOVERY',
    ],
    [
      'a router advertisement from a spoofed link-local source',
      () => nd('fe80::1', 'ff02::1', 134),
      TC_ACT_SHOT,
      'NEIGHBOUR_DISCOVERY',
    ],
    ['a redirect to a pod address', () => nd(A.ipv6, C.ipv6, 137), TC_ACT_SHOT, 'NEIGHBOUR_DISCOVERY'],
    [
      "a multicast listener report (the kernel's, for the groups it joins): the host stack's",
      () => nd('::', 'ff02::16', 143),
      TC_ACT_OK,
      'NONE',
    ],
    [
      'a truncated TCP header after the IPv6 header',
      () => tcp6(A.ipv6, C.ipv6, 80).subarray(0, 14 + 40 + 10),
      TC_ACT_SHOT,
      'INVALID_PACKET',
    ],
  ];
  it.each(rows)('%s', async (_name, input, retval, reason) => {
    expect(await verdict('from_pod', 'x/a', input())).toEqual({ retval, reason });
  });

  it("fragments of an allowed datagram pass: the later one takes the first one's ports", async () => {
    const id = 0x4242;
    const first = tcp6(A.ipv6, B.ipv6, 80, { frag: { offset: 0, more: true, id }, sport: 41200 });
    const later = frame6({
      saddr: A.ipv6,
      daddr: B.ipv6,
      protocol: 'UDP', // a later fragment's bytes are payload, whatever they look like
      sport: 1,
      dport: 2,
      frag: { offset: 4, more: false, id },
    });
    later[14 + 40] = 6; // the fragment header names TCP, as its first fragment's did
    expect(await verdict('from_pod', 'x/a', first)).toEqual({ retval: TC_ACT_REDIRECT, reason: 'FORWARDED' });
    expect(await verdict('from_pod', 'x/a', later)).toEqual({ retval: TC_ACT_REDIRECT, reason: 'FORWARDED' });
  });

  it('fragments with destination options after the fragment header (as RFC 8200 orders them) pass', async () => {
    const id = 0x4444;
    const first = tcp6(A.ipv6, B.ipv6, 80, {
      frag: { offset: 0, more: true, id, after: ['dest'] },
      sport: 41202,
    });
    const later = tcp6(A.ipv6, B.ipv6, 1, {
      frag: { offset: 4, more: false, id, after: ['dest'] },
      sport: 1,
    });
    expect(await verdict('from_pod', 'x/a', first)).toEqual({ retval: TC_ACT_REDIRECT, reason: 'FORWARDED' });
    expect(await verdict('from_pod', 'x/a', later)).toEqual({ retval: TC_ACT_REDIRECT, reason: 'FORWARDED' });
  });

  it('fragments of a denied datagram stay denied', async () => {
    const id = 0x4343;
    const first = tcp6(A.ipv6, B.ipv6, 84, { frag: { offset: 0, more: true, id }, sport: 41201 });
    const later = tcp6(A.ipv6, B.ipv6, 1, { frag: { offset: 4, more: false, id }, sport: 1 });
    expect(await verdict('from_pod', 'x/a', first)).toEqual({ retval: TC_ACT_SHOT, reason: 'POLICY_DENIED' });
    expect(await verdict('from_pod', 'x/a', later)).toEqual({ retval: TC_ACT_SHOT, reason: 'POLICY_DENIED' });
  });
});

describe('IPv6 ICMP errors', () => {
  /** An ICMPv6 destination unreachable (port) from `from` to `to`, quoting a UDP datagram (with a
   * hop-by-hop header before its UDP header when `hop`). */
  const unreachable = (
    from: string,
    to: string,
    quotedSrc: string,
    quotedDst: string,
    sport: number,
    dport: number,
    hop = false,
  ) => {
    const quoted = frame6({
      saddr: quotedSrc,
      daddr: quotedDst,
      protocol: 'UDP',
      sport,
      dport,
      ...(hop ? { ext: ['hop' as const] } : {}),
    }).subarray(14);
    return frame6({
      saddr: from,
      daddr: to,
      protocol: 'ICMPV6',
      icmp: { type: 1, code: 4, rest: Buffer.concat([Buffer.alloc(4), quoted]) },
    });
  };

  it('an error about a tracked connection reaches an isolated pod; one about nothing is denied', async () => {
    // y/b (ingress isolated, y/c not allowed in) sends to y/c: tracked.
    const out = frame6({ saddr: B.ipv6, daddr: C.ipv6, protocol: 'UDP', sport: 5300, dport: 9 });
    expect(await verdict('from_pod', 'y/b', out)).toEqual({ retval: TC_ACT_REDIRECT, reason: 'FORWARDED' });
    const related = unreachable(C.ipv6, B.ipv6, B.ipv6, C.ipv6, 5300, 9);
    expect(await verdict('from_pod', 'y/c', related)).toEqual({
      retval: TC_ACT_REDIRECT,
      reason: 'FORWARDED',
    });
    // The quoted datagram's extension headers are walked too.
    const relatedHop = unreachable(C.ipv6, B.ipv6, B.ipv6, C.ipv6, 5300, 9, true);
    expect(await verdict('from_pod', 'y/c', relatedHop)).toEqual({
      retval: TC_ACT_REDIRECT,
      reason: 'FORWARDED',
    });
    const unrelated = unreachable(C.ipv6, B.ipv6, B.ipv6, C.ipv6, 5301, 9);
    expect(await verdict('from_pod', 'y/c', unrelated)).toEqual({
      retval: TC_ACT_SHOT,
      reason: 'POLICY_DENIED',
    });
  });
});
