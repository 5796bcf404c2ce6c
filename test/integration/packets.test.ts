// Packet tables: the programs run on crafted frames (BPF_PROG_TEST_RUN through `bpftool prog
// run`), each row a frame in, the verdict and the drop reason the datapath counted out. Rows the
// kernel's own sockets would never send: spoofed sources, other L3, fragments, TTL 1, ICMP errors
// quoting a header with options, a SYN on a closed entry, and every lookup path of the policy.
// IPv6 frames: test/integration/ipv6.test.ts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkPolicy, Pod } from '../../agent/model/types.js';
import type { Reconciler } from '../../agent/reconciler/reconciler.js';
import { Store } from '../../agent/state/store.js';
import { NODE_IP, TestCluster } from '../harness/cluster.js';
import { checksum, type Frame, frame, TC_ACT_OK, TC_ACT_REDIRECT, TC_ACT_SHOT } from '../harness/packets.js';

const A = '10.254.1.1'; // x/a: a client, not isolated
const B = '10.254.2.1'; // y/b: ingress isolated by the policy below
const C = '10.254.2.2'; // y/c: not isolated
let cluster: TestCluster;
let store: Store;
let reconciler: Reconciler;

const pods: Pod[] = [
  { namespace: 'x', name: 'a', labels: { app: 'a' }, ip: A, ports: [] },
  {
    namespace: 'y',
    name: 'b',
    labels: { app: 'b' },
    ip: B,
    ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }],
  },
  { namespace: 'y', name: 'c', labels: { app: 'c' }, ip: C, ports: [] },
];

const POLICY: NetworkPolicy = {
  namespace: 'y',
  name: 'b-in',
  podSelector: { matchLabels: { app: 'b' } },
  policyTypes: ['Ingress'],
  ingress: [
    // peer identity: pods app=a (any namespace), TCP 80
    { from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'a' } } }], ports: [{ port: 80 }] },
    // any peer: UDP 53
    { ports: [{ protocol: 'UDP', port: 53 }] },
    // namespace identity: every pod of y, TCP 81
    {
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'y' } } }],
      ports: [{ port: 81 }],
    },
    // cluster pods: namespaceSelector {}, TCP 82
    { from: [{ namespaceSelector: {} }], ports: [{ port: 82 }] },
    // ipBlock with an except: TCP 83 from 10.200.0.0/16 but not 10.200.9.0/24
    { from: [{ ipBlock: { cidr: '10.200.0.0/16', except: ['10.200.9.0/24'] } }], ports: [{ port: 83 }] },
  ],
};

beforeAll(async () => {
  cluster = await TestCluster.start();
  await cluster.addPod('x/a', A);
  await cluster.addPod('y/b', B);
  await cluster.addPod('y/c', C);
  store = new Store();
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

/** Runs one frame and says what the datapath did: verdict, and the reason it counted. */
const verdict = (prog: 'from_pod' | 'to_pod', device: string, input: Buffer) =>
  cluster.runFrame(prog, device, input);

const tcp = (saddr: string, daddr: string, dport: number, extra: Partial<Frame> = {}): Buffer =>
  frame({ saddr, daddr, protocol: 'TCP', sport: 40000 + dport, dport, ...extra });

/** A frame of neither IPv4, IPv6 nor ARP (LLDP's ethertype). */
function otherL3(): Buffer {
  const f = Buffer.alloc(14 + 46);
  f.writeUInt16BE(0x88cc, 12);
  return f;
}

/** An ICMP frame (echo, or an error quoting `quoted`). */
function icmp(saddr: string, daddr: string, type: number, code: number, rest: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from([type, code, 0, 0]), rest]);
  body.writeUInt16BE(checksum(body), 2);
  const ip = Buffer.alloc(20);
  ip[0] = 0x45;
  ip.writeUInt16BE(20 + body.length, 2);
  ip[8] = 64;
  ip[9] = 1;
  Buffer.from(saddr.split('.').map(Number)).copy(ip, 12);
  Buffer.from(daddr.split('.').map(Number)).copy(ip, 16);
  ip.writeUInt16BE(checksum(ip), 10);
  const eth = Buffer.alloc(14);
  eth.writeUInt16BE(0x0800, 12);
  return Buffer.concat([eth, ip, body]);
}
const echo = (id: number) => Buffer.from([id >> 8, id & 0xff, 0, 1]);

/** The first 8 bytes of a datagram inside an ICMP error, its IPv4 header with 4 bytes of options. */
function quotedWithOptions(saddr: string, daddr: string, sport: number, dport: number): Buffer {
  const ip = Buffer.alloc(24);
  ip[0] = 0x46; // ihl 6: one 4-byte option (NOP NOP NOP EOL)
  ip.writeUInt16BE(24 + 8, 2);
  ip[8] = 64;
  ip[9] = 17;
  Buffer.from(saddr.split('.').map(Number)).copy(ip, 12);
  Buffer.from(daddr.split('.').map(Number)).copy(ip, 16);
  Buffer.from([1, 1, 1, 0]).copy(ip, 20);
  const udp = Buffer.alloc(8);
  udp.writeUInt16BE(sport, 0);
  udp.writeUInt16BE(dport, 2);
  return Buffer.concat([Buffer.alloc(4), ip, udp]); // 4 unused bytes of the ICMP header first
}

describe('packet table: from_pod of x/a', () => {
  const rows: [string, () => Buffer, number, string][] = [
    ['allowed by the peer identity (pods app=a, TCP 80)', () => tcp(A, B, 80), TC_ACT_REDIRECT, 'FORWARDED'],
    ['no rule for TCP 84', () => tcp(A, B, 84), TC_ACT_SHOT, 'POLICY_DENIED'],
    [
      'allowed for any peer (UDP 53)',
      () => frame({ saddr: A, daddr: B, protocol: 'UDP', sport: 4053, dport: 53 }),
      TC_ACT_REDIRECT,
      'FORWARDED',
    ],
    ['namespace identity: x/a is not in y (TCP 81)', () => tcp(A, B, 81), TC_ACT_SHOT, 'POLICY_DENIED'],
    ['cluster pods: any pod (TCP 82)', () => tcp(A, B, 82), TC_ACT_REDIRECT, 'FORWARDED'],
    ['a spoofed source', () => tcp('10.254.1.99', B, 80), TC_ACT_SHOT, 'SOURCE_SPOOFED'],
    ['neither IPv4, IPv6 nor ARP', otherL3, TC_ACT_SHOT, 'UNSUPPORTED_L3'],
    [
      'a later fragment whose first was never seen',
      () => tcp(A, B, 80, { fragOffset: 100, sport: 41001 }),
      TC_ACT_SHOT,
      'FRAGMENT',
    ],
    [
      'TTL 1 to a pod: left to the host stack (time exceeded)',
      () => tcp(A, C, 80, { ttl: 1, sport: 41002 }),
      TC_ACT_OK,
      'FORWARDED',
    ],
    ['a truncated TCP header', () => tcp(A, B, 80).subarray(0, 14 + 20 + 10), TC_ACT_SHOT, 'INVALID_PACKET'],
  ];
  it.each(rows)('%s', async (_name, input, retval, reason) => {
    expect(await verdict('from_pod', 'x/a', input())).toEqual({ retval, reason });
  });

  it("fragments of an allowed datagram pass: the later one takes the first one's ports", async () => {
    const first = frame({
      saddr: A,
      daddr: B,
      protocol: 'UDP',
      sport: 5353,
      dport: 53,
      fragOffset: 0x2000,
      ipId: 0x4242,
      payload: Buffer.alloc(32),
    });
    // Where ports would be, a later fragment has payload bytes: 1 and 2 here.
    const later = frame({
      saddr: A,
      daddr: B,
      protocol: 'UDP',
      sport: 1,
      dport: 2,
      fragOffset: 4,
      ipId: 0x4242,
    });
    expect(await verdict('from_pod', 'x/a', first)).toEqual({ retval: TC_ACT_REDIRECT, reason: 'FORWARDED' });
    expect(await verdict('from_pod', 'x/a', later)).toEqual({ retval: TC_ACT_REDIRECT, reason: 'FORWARDED' });
  });

  it('fragments of a denied datagram stay denied', async () => {
    const first = tcp(A, B, 84, { fragOffset: 0x2000, sport: 41003, ipId: 0x4343 });
    const later = tcp(A, B, 1, { fragOffset: 4, sport: 1, ipId: 0x4343 });
    expect(await verdict('from_pod', 'x/a', first)).toEqual({ retval: TC_ACT_SHOT, reason: 'POLICY_DENIED' });
    expect(await verdict('from_pod', 'x/a', later)).toEqual({ retval: TC_ACT_SHOT, reason: 'POLICY_DENIED' });
  });

  it('a SYN on a closed entry is a new connection: policy decides again', async () => {
    expect(await verdict('from_pod', 'x/a', tcp(A, B, 80, { sport: 42000 }))).toMatchObject({
      reason: 'FORWARDED',
    });
    expect(await verdict('from_pod', 'x/a', tcp(A, B, 80, { sport: 42000, tcpFlags: 0x14 }))).toMatchObject({
      reason: 'FORWARDED',
    }); // RST: the entry is closed
    store.upsertPolicy({ ...POLICY, ingress: POLICY.ingress!.slice(1) }); // port 80 no longer allowed
    await reconciler.reconcile();
    try {
      expect(await verdict('from_pod', 'x/a', tcp(A, B, 80, { sport: 42000 }))).toEqual({
        retval: TC_ACT_SHOT,
        reason: 'POLICY_DENIED',
      });
      // While an open connection's packets ride its entry.
      expect(await verdict('from_pod', 'x/a', tcp(A, B, 82, { sport: 42001 }))).toMatchObject({
        reason: 'FORWARDED',
      });
      expect(await verdict('from_pod', 'x/a', tcp(A, B, 82, { sport: 42001, tcpFlags: 0x10 }))).toMatchObject(
        {
          reason: 'FORWARDED',
        },
      );
    } finally {
      store.upsertPolicy(POLICY);
      await reconciler.reconcile();
    }
  });
});

/** Runs `check` while x/a admits nothing new (ingress isolated, no rule). */
async function whileIsolated(check: () => Promise<void>): Promise<void> {
  store.upsertPolicy({
    namespace: 'x',
    name: 'a-in',
    podSelector: { matchLabels: { app: 'a' } },
    policyTypes: ['Ingress'],
  });
  await reconciler.reconcile();
  try {
    await check();
  } finally {
    store.deletePolicy('x', 'a-in');
    await reconciler.reconcile();
  }
}

describe('packet table: ICMP', () => {
  it('an echo request opens an entry only an echo reply matches as its reply', async () => {
    // c is not isolated: a's request passes; c's reply is a reply.
    expect(await verdict('from_pod', 'x/a', icmp(A, C, 8, 0, echo(7)))).toMatchObject({
      retval: TC_ACT_REDIRECT,
    });
    expect(await verdict('from_pod', 'y/c', icmp(C, A, 0, 0, echo(7)))).toMatchObject({
      retval: TC_ACT_REDIRECT,
    });
    // With a isolated for ingress: c's reply is still a reply, but a request from c with the
    // same identifier is a new connection, and denied.
    await whileIsolated(async () => {
      expect(await verdict('from_pod', 'y/c', icmp(C, A, 0, 0, echo(7)))).toMatchObject({
        retval: TC_ACT_REDIRECT,
      });
      expect(await verdict('from_pod', 'y/c', icmp(C, A, 8, 0, echo(7)))).toEqual({
        retval: TC_ACT_SHOT,
        reason: 'POLICY_DENIED',
      });
    });
  });

  it('an ICMP error quoting a header with options is related to its connection', async () => {
    // a sends UDP to c:9999; c answers port unreachable, quoting a's header (with an option).
    expect(
      await verdict(
        'from_pod',
        'x/a',
        frame({ saddr: A, daddr: C, protocol: 'UDP', sport: 43000, dport: 9999 }),
      ),
    ).toMatchObject({ retval: TC_ACT_REDIRECT });
    await whileIsolated(async () => {
      // a admits nothing new; the error is related, so it passes.
      const err = icmp(C, A, 3, 3, quotedWithOptions(A, C, 43000, 9999));
      expect(await verdict('from_pod', 'y/c', err)).toEqual({ retval: TC_ACT_REDIRECT, reason: 'FORWARDED' });
      // The same error about a datagram a never sent is not.
      const stray = icmp(C, A, 3, 3, quotedWithOptions(A, C, 43001, 9999));
      expect(await verdict('from_pod', 'y/c', stray)).toEqual({
        retval: TC_ACT_SHOT,
        reason: 'POLICY_DENIED',
      });
    });
  });
});

describe('packet table: to_pod of y/b (through the host stack)', () => {
  const rows: [string, string, number, number, string][] = [
    ['ipBlock allows 10.200.1.5 on TCP 83', '10.200.1.5', 83, TC_ACT_OK, 'FORWARDED'],
    ['ipBlock except: 10.200.9.5 is cut out', '10.200.9.5', 83, TC_ACT_SHOT, 'POLICY_DENIED'],
    ['outside the ipBlock', '10.201.0.5', 83, TC_ACT_SHOT, 'POLICY_DENIED'],
    ['the node itself is always allowed', NODE_IP, 84, TC_ACT_OK, 'FORWARDED'],
  ];
  it.each(rows)('%s', async (_name, saddr, dport, retval, reason) => {
    expect(await verdict('to_pod', 'y/b', tcp(saddr, B, dport))).toEqual({ retval, reason });
  });

  it('a packet for another pod on this device is UNKNOWN_ENDPOINT', async () => {
    expect(await verdict('to_pod', 'y/b', tcp(NODE_IP, C, 80))).toEqual({
      retval: TC_ACT_SHOT,
      reason: 'UNKNOWN_ENDPOINT',
    });
  });
});
