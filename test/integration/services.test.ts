// Services in the datapath, with real packets: ClusterIP and NodePort translated on the first
// packet, replies translated back (local delivery and through the host stack), policy decided on
// the backend, and what kube-proxy users rely on — named targetPorts, one port number for TCP, UDP
// and SCTP, session affinity, traffic policy Local, publishNotReadyAddresses, hairpin, an
// immediate reject without backends, and re-steering when a backend goes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bpftool, dumpMap, hexArgs } from '../../agent/datapath/bpftool.js';
import {
  ctKeyCodec,
  ctValueCodec,
  lbAffinityCodec,
  lbAffinityKeyCodec,
  lbFrontendKeyCodec,
} from '../../agent/datapath/codecs.js';
import { mapPin } from '../../agent/datapath/maps.js';
import type { EndpointSlice, NetworkPolicy, Service } from '../../agent/model/types.js';
import type { Reconciler } from '../../agent/reconciler/reconciler.js';
import { readLbStats } from '../../agent/services/stats.js';
import { Store } from '../../agent/state/store.js';
import { run } from '../../agent/sys/exec.js';
import { NODE_IP, TestCluster, tcpMany } from '../harness/cluster.js';
import {
  type Frame,
  frame,
  parseFrame,
  progRun,
  TC_ACT_OK,
  TC_ACT_REDIRECT,
  TC_ACT_SHOT,
} from '../harness/packets.js';
import { applyPolicies, clearPolicies as clearAllPolicies } from '../harness/policies.js';
import { addPodFrom, podObject, type ServicePod, svc } from '../harness/services.js';

const NODE_NAME = 'node-a';
const EXT_NODE_IP = '10.253.0.1';
const EXT_CLIENT_IP = '10.253.0.2';

const PODS: ServicePod[] = [
  { key: 'x/client', ip: '10.252.1.1', labels: { app: 'client' } },
  { key: 'x/web-1', ip: '10.252.1.2', labels: { app: 'web' }, tcp: [8080], udp: [8080], sctp: [80] },
  { key: 'x/web-2', ip: '10.252.1.3', labels: { app: 'web' }, tcp: [8080], udp: [8080], sctp: [80] },
  { key: 'x/self', ip: '10.252.1.4', labels: { app: 'self' }, tcp: [8080] },
  { key: 'x/frontend', ip: '10.252.1.5', labels: { app: 'client', role: 'frontend' } },
  { key: 'y/api-1', ip: '10.252.2.1', labels: { app: 'api' }, tcp: [9000] },
  { key: 'kube-system/dns', ip: '10.252.3.1', labels: { 'k8s-app': 'kube-dns' }, tcp: [53], udp: [53] },
];

const SERVICES: Service[] = [
  svc('x', 'web', {
    clusterIP: '10.96.0.10',
    selector: { app: 'web' },
    ports: [
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
      { name: 'udp', port: 80, protocol: 'UDP', targetPort: 8080 },
      { name: 'sctp', port: 80, protocol: 'SCTP', targetPort: 80 },
    ],
  }),
  svc('x', 'web-np', {
    type: 'NodePort',
    clusterIP: '10.96.0.11',
    selector: { app: 'web' },
    externalTrafficPolicy: 'Local',
    ports: [{ port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30080 }],
  }),
  svc('x', 'empty', {
    clusterIP: '10.96.0.20',
    selector: { app: 'nothing' },
    ports: [
      { name: 'tcp', port: 80, protocol: 'TCP' },
      { name: 'udp', port: 81, protocol: 'UDP' },
    ],
  }),
  svc('x', 'sticky', {
    clusterIP: '10.96.0.30',
    selector: { app: 'web' },
    sessionAffinity: 'ClientIP',
    affinityTimeoutSeconds: 600,
    ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
  }),
  svc('x', 'sticky-short', {
    clusterIP: '10.96.0.31',
    selector: { app: 'web' },
    sessionAffinity: 'ClientIP',
    affinityTimeoutSeconds: 5,
    ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
  }),
  svc('x', 'self', {
    clusterIP: '10.96.0.40',
    selector: { app: 'self' },
    ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
  }),
  svc('y', 'api', {
    clusterIP: '10.96.0.50',
    selector: { app: 'api' },
    ports: [{ port: 80, protocol: 'TCP', targetPort: 9000 }],
  }),
  svc('x', 'on-node', { clusterIP: '10.96.0.60', ports: [{ port: 80, protocol: 'TCP' }] }),
  svc('x', 'elsewhere', {
    clusterIP: '10.96.0.70',
    internalTrafficPolicy: 'Local',
    ports: [{ port: 80, protocol: 'TCP' }],
  }),
  svc('x', 'not-ready', { clusterIP: '10.96.0.80', ports: [{ port: 80, protocol: 'TCP' }] }),
  svc('x', 'not-ready-published', {
    clusterIP: '10.96.0.81',
    publishNotReadyAddresses: true,
    ports: [{ port: 80, protocol: 'TCP' }],
  }),
  svc('kube-system', 'kube-dns', {
    clusterIP: '10.96.0.53',
    selector: { 'k8s-app': 'kube-dns' },
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
    ],
  }),
];

const slice = (
  namespace: string,
  service: string,
  endpoints: EndpointSlice['endpoints'],
  port: number,
): EndpointSlice => ({
  namespace,
  name: `${service}-manual`,
  serviceName: service,
  addressType: 'IPv4',
  endpoints,
  ports: [{ protocol: 'TCP', port }],
});

const SLICES: EndpointSlice[] = [
  // A backend in the node's own namespace: its replies reach the client through the host stack.
  slice('x', 'on-node', [{ addresses: [NODE_IP], conditions: { ready: true } }], 9090),
  // Another node's endpoint only: with internalTrafficPolicy Local this node has none.
  slice(
    'x',
    'elsewhere',
    [{ addresses: ['10.252.1.2'], nodeName: 'node-b', conditions: { ready: true } }],
    8080,
  ),
  slice('x', 'not-ready', [{ addresses: ['10.252.1.2'], conditions: { ready: false } }], 8080),
  slice('x', 'not-ready-published', [{ addresses: ['10.252.1.2'], conditions: { ready: false } }], 8080),
];

let cluster: TestCluster;
let store: Store;
let reconciler: Reconciler;
let extNs = '';

const pod = (key: string) => cluster.pod(key);

const apply = (...policies: NetworkPolicy[]) => applyPolicies(store, reconciler, ...policies);
const clearPolicies = () => clearAllPolicies(store, reconciler);

/** Sends one datagram from a fixed source port and prints who answered (or "refused"/"timeout"). */
async function udpFrom(netns: string, to: string, port: number, sport: number): Promise<string> {
  const script = `
const s = require('node:dgram').createSocket('udp4');
const t = setTimeout(() => { console.log('timeout'); process.exit(0); }, 1000);
s.on('error', (e) => { console.log(e.code === 'ECONNREFUSED' ? 'refused' : e.code); process.exit(0); });
s.on('message', (m) => { console.log(String(m).trim()); clearTimeout(t); process.exit(0); });
s.bind(${sport}, () => { s.connect(${port}, '${to}', () => s.send('hi')); });`;
  const r = await run([process.execPath, '-e', script], { netns, timeoutMs: 10_000 });
  return r.stdout.trim();
}

beforeAll(async () => {
  cluster = await TestCluster.start();
  for (const p of PODS) await addPodFrom(cluster, p);
  // A backend in the node's own namespace (a hostNetwork server, the API server's kind).
  await cluster.serveOnNode('node', [9090]);
  // A client outside the node, routed to the node's second address.
  extNs = await cluster.addExternalHost('ext', 'ext0', EXT_NODE_IP, EXT_CLIENT_IP);
  await cluster.loader.attachNetdev(['ext0']);

  store = new Store();
  for (const ns of ['x', 'y', 'kube-system']) store.upsertNamespace({ name: ns, labels: {} });
  for (const p of PODS) store.upsertPod(podObject(p));
  for (const s of SERVICES) expect(store.upsertService(s)).toEqual([]);
  for (const s of SLICES) expect(store.upsertEndpointSlice(s)).toEqual([]);
  reconciler = cluster.reconciler(store, {
    nodeIps: [NODE_IP, EXT_NODE_IP],
    nodeName: NODE_NAME,
    deriveEndpointSlices: true,
  });
  await reconciler.reconcile();
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
});

describe('ClusterIP', () => {
  it('translates TCP, UDP and SCTP on one port number to the backends, named targetPort included', async () => {
    const targets = ['10.96.0.10:80/TCP', '10.96.0.10:80/UDP', '10.96.0.10:80/SCTP'];
    const results = await cluster.probeMany(pod('x/client'), targets);
    for (const r of results) {
      expect(r.connected, `${r.target}: ${JSON.stringify(r)}`).toBe(true);
      expect(['x/web-1', 'x/web-2']).toContain(r.reply);
    }
  });

  it('spreads new connections over every backend', async () => {
    const replies = await tcpMany(pod('x/client').netns, '10.96.0.10', 80, 24);
    expect([...new Set(replies)].sort()).toEqual(['x/web-1', 'x/web-2']);
  });

  it('sessionAffinity ClientIP sends every connection of a client to one backend', async () => {
    const replies = await tcpMany(pod('x/client').netns, '10.96.0.30', 80, 16);
    expect(
      replies.every((r) => r === 'x/web-1' || r === 'x/web-2'),
      replies.join(','),
    ).toBe(true);
    expect(new Set(replies).size).toBe(1);
  });

  it('affinity lasts its timeout: a fresh entry holds, an expired one is chosen anew', async () => {
    const id = reconciler.last!.plan.frontendIds.get('10.96.0.31:80/TCP')!;
    const client = PODS[0]!.ip;
    const pin = mapPin(cluster.cfg.pinRoot, 'lbAffinity');
    const nowS = () => Number(process.hrtime.bigint() / 1_000_000_000n); // CLOCK_MONOTONIC, as bpf_ktime_get_ns
    const pinTo = (lastUsed: number) =>
      bpftool([
        'map',
        'update',
        'pinned',
        pin,
        'key',
        ...hexArgs(lbAffinityKeyCodec.encode({ frontend_id: id, client })).split(' '),
        'value',
        ...hexArgs(lbAffinityCodec.encode({ addr: '10.252.1.3', port: 8080, last_used: lastUsed })).split(
          ' ',
        ),
      ]);
    await pinTo(nowS());
    expect(new Set(await tcpMany(pod('x/client').netns, '10.96.0.31', 80, 8))).toEqual(new Set(['x/web-2']));
    // Timeout 5 s: an entry last used 60 s ago is not followed; over 16 tries both backends come up.
    const chosen = new Set<string>();
    for (let i = 0; i < 16 && chosen.size < 2; i++) {
      await pinTo(nowS() - 60);
      for (const r of await tcpMany(pod('x/client').netns, '10.96.0.31', 80, 1)) chosen.add(r);
    }
    expect([...chosen].sort()).toEqual(['x/web-1', 'x/web-2']);
  });

  it('reaches a backend in another namespace', async () => {
    const r = await cluster.probe(pod('x/client'), '10.96.0.50', 80);
    expect(r).toMatchObject({ connected: true, reply: 'y/api-1' });
  });

  it('hairpin: a pod reaches itself through its Service', async () => {
    const r = await cluster.probe(pod('x/self'), '10.96.0.40', 80);
    expect(r).toMatchObject({ connected: true, reply: 'x/self' });
  });

  it('replies from a backend behind the host stack are translated back too', async () => {
    const r = await cluster.probe(pod('x/client'), '10.96.0.60', 80);
    expect(r).toMatchObject({ connected: true, reply: 'node' });
  });

  it('a Service without backends rejects at once: TCP and UDP see "connection refused"', async () => {
    const [tcp, udp] = await cluster.probeMany(
      pod('x/client'),
      ['10.96.0.20:80/TCP', '10.96.0.20:81/UDP'],
      3000,
    );
    expect(tcp).toMatchObject({ connected: false, refused: true });
    expect(tcp!.ms).toBeLessThan(1000);
    expect(udp).toMatchObject({ connected: false, refused: true });
    const stats = await readLbStats(cluster.cfg.pinRoot);
    const id = reconciler.last!.plan.frontendIds.get('10.96.0.20:80/TCP')!;
    expect(stats.find((s) => s.frontendId === id)?.noBackend).toBeGreaterThan(0);
    const webId = reconciler.last!.plan.frontendIds.get('10.96.0.10:80/TCP')!;
    expect(stats.find((s) => s.frontendId === webId)?.translations).toBeGreaterThan(0);
  });

  it('internalTrafficPolicy Local without a local endpoint drops (no reject, no remote backend)', async () => {
    const r = await cluster.probe(pod('x/client'), '10.96.0.70', 80, 'TCP', 800);
    expect(r).toMatchObject({ connected: false });
    expect(r.refused).toBeFalsy();
  });

  it('not-ready endpoints take no traffic unless publishNotReadyAddresses', async () => {
    const [hidden, published] = await cluster.probeMany(pod('x/client'), [
      '10.96.0.80:80/TCP',
      '10.96.0.81:80/TCP',
    ]);
    expect(hidden).toMatchObject({ connected: false, refused: true });
    expect(published).toMatchObject({ connected: true, reply: 'x/web-1' });
  });
});

describe('NodePort', () => {
  it('serves clients outside the node on every node address and keeps their source address', async () => {
    const [r] = await cluster.probeMany(extNs, [`${EXT_NODE_IP}:30080/TCP`], 1500);
    expect(r).toMatchObject({ connected: true });
    expect(['x/web-1', 'x/web-2']).toContain(r!.reply);
    // The backend saw the client's own address: conntrack holds client -> backend, not node -> backend.
    const ct = (await dumpMap(mapPin(cluster.cfg.pinRoot, 'ct'))).map((e) => ({
      key: ctKeyCodec.decode(e.key),
      value: ctValueCodec.decode(e.value),
    }));
    const entry = ct.find((e) => e.key.saddr === EXT_CLIENT_IP && e.key.dport === 8080);
    expect(entry, 'a conntrack entry from the outside client to a backend').toBeDefined();
    expect(entry!.value.rev_nat_id).toBe(reconciler.last!.plan.frontendIds.get(`${EXT_NODE_IP}:30080/TCP`));
  });

  it('a pod reaches a NodePort on the node address too', async () => {
    const r = await cluster.probe(pod('x/client'), NODE_IP, 30080);
    expect(r).toMatchObject({ connected: true });
    expect(['x/web-1', 'x/web-2']).toContain(r.reply);
  });
});

describe('policy after translation', () => {
  it('kube-dns through its ClusterIP from a pod whose egress is allowed only to kube-system', async () => {
    await apply({
      namespace: 'x',
      name: 'client-egress-dns-only',
      podSelector: { matchLabels: { app: 'client' } },
      policyTypes: ['Egress'],
      egress: [
        { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }] },
      ],
    });
    try {
      expect(await udpFrom(pod('x/client').netns, '10.96.0.53', 53, 40053)).toBe('kube-system/dns');
      const [dnsTcp, web] = await cluster.probeMany(pod('x/client'), [
        '10.96.0.53:53/TCP',
        '10.96.0.10:80/TCP',
      ]);
      expect(dnsTcp).toMatchObject({ connected: true, reply: 'kube-system/dns' });
      expect(web).toMatchObject({ connected: false });
    } finally {
      await clearPolicies();
    }
  });

  it('ingress policy on the backends sees the client pod, through the ClusterIP', async () => {
    await apply({
      namespace: 'x',
      name: 'web-from-frontend',
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }] }],
    });
    try {
      const [denied] = await cluster.probeMany(pod('x/client'), ['10.96.0.10:80/TCP']);
      const [allowed] = await cluster.probeMany(pod('x/frontend'), ['10.96.0.10:80/TCP']);
      expect(denied).toMatchObject({ connected: false });
      expect(allowed).toMatchObject({ connected: true });
    } finally {
      await clearPolicies();
    }
  });

  it('egress policy by backend labels denies through the ClusterIP', async () => {
    await apply({
      namespace: 'x',
      name: 'client-not-to-web',
      podSelector: { matchLabels: { app: 'client' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'self' } } }] }],
    });
    try {
      const [web, self] = await cluster.probeMany(pod('x/client'), [
        '10.96.0.10:80/TCP',
        '10.96.0.40:80/TCP',
      ]);
      expect(web).toMatchObject({ connected: false });
      expect(self).toMatchObject({ connected: true, reply: 'x/self' });
    } finally {
      await clearPolicies();
    }
  });
});

describe('repair', () => {
  it("a frontend removed behind the agent's back is written again by the periodic resync", async () => {
    const key = [...reconciler.last!.plan.desired.lbFrontends.keys()].find(
      (k) => lbFrontendKeyCodec.decode(Buffer.from(k, 'hex')).addr === '10.96.0.50',
    )!;
    await bpftool([
      'map',
      'delete',
      'pinned',
      mapPin(cluster.cfg.pinRoot, 'lbFrontends'),
      'key',
      ...hexArgs(Buffer.from(key, 'hex')).split(' '),
    ]);
    expect((await cluster.probe(pod('x/client'), '10.96.0.50', 80)).connected).toBe(false);
    const r = await reconciler.repair();
    expect(r.stats.byMap.lbFrontends.updates).toBe(1);
    expect(r.stats.updates + r.stats.deletes).toBe(1);
    expect(await cluster.probe(pod('x/client'), '10.96.0.50', 80)).toMatchObject({
      connected: true,
      reply: 'y/api-1',
    });
  });
});

describe('backend changes', () => {
  it('a removed backend: new connections go elsewhere and a UDP flow pinned to it moves', async () => {
    // Find a source port whose flow lands on web-2, then remove web-2.
    let sport = 41000;
    let first = '';
    for (; sport < 41040; sport++) {
      first = await udpFrom(pod('x/client').netns, '10.96.0.10', 80, sport);
      if (first === 'x/web-2') break;
    }
    expect(first).toBe('x/web-2');
    expect(await udpFrom(pod('x/client').netns, '10.96.0.10', 80, sport)).toBe('x/web-2'); // pinned
    store.deletePod('x', 'web-2');
    await reconciler.reconcile();
    expect(await udpFrom(pod('x/client').netns, '10.96.0.10', 80, sport)).toBe('x/web-1');
    const replies = await tcpMany(pod('x/client').netns, '10.96.0.10', 80, 12);
    expect([...new Set(replies)]).toEqual(['x/web-1']);
    store.upsertPod(podObject(PODS.find((p) => p.key === 'x/web-2')!));
    await reconciler.reconcile();
  });
});

describe('crafted packets through from_pod (BPF_PROG_TEST_RUN)', () => {
  const run1 = (f: Frame, from = 'x/client') =>
    progRun(
      cluster.cfg.hostNetns!,
      cluster.loader.progPath('from_pod'),
      frame(f),
      pod(from).endpoint.hostIfindex,
    );
  const client = PODS[0]!.ip;
  const backends = ['10.252.1.2', '10.252.1.3'];

  it('a SYN to a ClusterIP leaves as a SYN to a backend, checksums right, redirected into the pod', async () => {
    const { retval, out } = await run1({
      saddr: client,
      daddr: '10.96.0.10',
      protocol: 'TCP',
      sport: 50001,
      dport: 80,
    });
    const p = parseFrame(out);
    expect(retval).toBe(TC_ACT_REDIRECT);
    expect(backends).toContain(p.daddr);
    expect(p).toMatchObject({
      saddr: client,
      dport: 8080,
      sport: 50001,
      ttl: 63,
      ipChecksumOk: true,
      l4ChecksumOk: true,
    });
  });

  it('UDP too (port 80 -> 8080)', async () => {
    const { retval, out } = await run1({
      saddr: client,
      daddr: '10.96.0.10',
      protocol: 'UDP',
      sport: 50002,
      dport: 80,
      payload: Buffer.from('hello'),
    });
    expect(retval).toBe(TC_ACT_REDIRECT);
    expect(parseFrame(out)).toMatchObject({ dport: 8080, ipChecksumOk: true, l4ChecksumOk: true });
  });

  it('no backend: a SYN is answered by a reset from the ClusterIP, acknowledging it', async () => {
    const { retval, out } = await run1({
      saddr: client,
      daddr: '10.96.0.20',
      protocol: 'TCP',
      sport: 50003,
      dport: 80,
    });
    expect(retval).toBe(TC_ACT_REDIRECT);
    expect(out.length).toBe(14 + 20 + 20);
    expect(parseFrame(out)).toMatchObject({
      saddr: '10.96.0.20',
      daddr: client,
      protocol: 6,
      sport: 80,
      dport: 50003,
      ipChecksumOk: true,
      l4ChecksumOk: true,
    });
    expect(out[14 + 20 + 13]).toBe(0x14); // RST, ACK
    expect(out.readUInt32BE(14 + 20 + 8)).toBe(1); // the SYN's sequence number (0) plus one
  });

  it('no backend: a UDP datagram comes back as ICMP port unreachable from the ClusterIP', async () => {
    const { retval, out } = await run1({
      saddr: client,
      daddr: '10.96.0.20',
      protocol: 'UDP',
      sport: 50010,
      dport: 81,
      payload: Buffer.from('hello'),
    });
    expect(retval).toBe(TC_ACT_REDIRECT);
    expect(parseFrame(out)).toMatchObject({
      saddr: '10.96.0.20',
      daddr: client,
      protocol: 1,
      icmp: { type: 3, code: 3 },
      ipChecksumOk: true,
      l4ChecksumOk: true,
    });
  });

  it('a spoofed source is dropped before any translation', async () => {
    const { retval, out } = await run1({
      saddr: '10.252.1.99',
      daddr: '10.96.0.10',
      protocol: 'TCP',
      sport: 50004,
      dport: 80,
    });
    expect(retval).toBe(TC_ACT_SHOT);
    expect(parseFrame(out).daddr).toBe('10.96.0.10');
  });

  it('a later fragment to a ClusterIP is dropped (no ports to translate on)', async () => {
    const { retval } = await run1({
      saddr: client,
      daddr: '10.96.0.10',
      protocol: 'UDP',
      sport: 50005,
      dport: 80,
      fragOffset: 100,
    });
    expect(retval).toBe(TC_ACT_SHOT);
  });

  it('TTL 1: translated, then handed to the host stack to answer time-exceeded', async () => {
    const { retval, out } = await run1({
      saddr: client,
      daddr: '10.96.0.10',
      protocol: 'TCP',
      sport: 50006,
      dport: 80,
      ttl: 1,
    });
    expect(retval).toBe(TC_ACT_OK);
    expect(parseFrame(out)).toMatchObject({ ttl: 1, dport: 8080, ipChecksumOk: true, l4ChecksumOk: true });
  });

  // ct_lookup tries a packet's likelier key first (a reply comes from the lower port): a reply
  // must be found, and translated back, also when the client's port is the lower one.
  it.each([
    [50020, 'the higher'],
    [1020, 'the lower'],
  ])('a reply to a client on port %i (%s) is translated back to the ClusterIP', async (sport) => {
    const syn = await run1({ saddr: client, daddr: '10.96.0.10', protocol: 'TCP', sport, dport: 80 });
    const to = parseFrame(syn.out);
    expect(syn.retval).toBe(TC_ACT_REDIRECT);
    const backend = PODS.find((p) => p.ip === to.daddr)!;
    const reply = await run1(
      { saddr: to.daddr, daddr: client, protocol: 'TCP', sport: to.dport, dport: sport, tcpFlags: 0x12 },
      backend.key,
    );
    expect(reply.retval).toBe(TC_ACT_REDIRECT);
    expect(parseFrame(reply.out)).toMatchObject({
      saddr: '10.96.0.10',
      sport: 80,
      daddr: client,
      dport: sport,
      l4ChecksumOk: true,
    });
  });

  it('hairpin: source becomes the ClusterIP, destination the pod itself', async () => {
    const self = PODS.find((p) => p.key === 'x/self')!.ip;
    const { retval, out } = await run1(
      { saddr: self, daddr: '10.96.0.40', protocol: 'TCP', sport: 50007, dport: 80 },
      'x/self',
    );
    expect(retval).toBe(TC_ACT_REDIRECT);
    expect(parseFrame(out)).toMatchObject({
      saddr: '10.96.0.40',
      daddr: self,
      dport: 8080,
      l4ChecksumOk: true,
    });
  });
});
