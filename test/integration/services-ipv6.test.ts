// Services over IPv6, with real packets: dual-stack Services (a ClusterIP of each family, each
// family's backends from its own EndpointSlices), IPv6-only ones, NodePorts on the node's IPv6
// address, policy decided after translation (kube-dns through its IPv6 ClusterIP from an
// egress-isolated pod), session affinity, hairpin, replies from a backend behind the host stack,
// an immediate ICMPv6 reject without backends, and crafted IPv6 frames through from_pod.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpMap } from '../../agent/datapath/bpftool.js';
import {
  ct6KeyCodec,
  ctValueCodec,
  lb6AffinityKeyCodec,
  lb6FrontendKeyCodec,
} from '../../agent/datapath/codecs.js';
import { mapPin } from '../../agent/datapath/maps.js';
import type { EndpointSlice, NetworkPolicy, Service } from '../../agent/model/types.js';
import {
  CFG_F_EVENTS_VERDICT,
  EVENT_VERDICT,
  EventReader,
  type FlowEvent,
  setEventFlags,
} from '../../agent/observe/events.js';
import { toFlow } from '../../agent/observe/flows.js';
import type { Reconciler } from '../../agent/reconciler/reconciler.js';
import { readLbStats } from '../../agent/services/stats.js';
import { Store } from '../../agent/state/store.js';
import { run } from '../../agent/sys/exec.js';
import { NODE_IP, TestCluster, tcpMany } from '../harness/cluster.js';
import { frame6, parseFrame6, progRun, TC_ACT_OK, TC_ACT_REDIRECT, TC_ACT_SHOT } from '../harness/packets.js';
import { applyPolicies, clearPolicies } from '../harness/policies.js';
import { addPodFrom, podObject, type ServicePod, svc } from '../harness/services.js';

const NODE_IPV6 = 'fd00:250::1';
const EXT = { node: '10.253.1.1', host: '10.253.1.2', node6: 'fd00:253::1', host6: 'fd00:253::2' };

const PODS: ServicePod[] = [
  { key: 'x/client', ip: '10.251.1.1', ipv6: 'fd00:251:1::1', labels: { app: 'client' } },
  {
    key: 'x/web-1',
    ip: '10.251.1.2',
    ipv6: 'fd00:251:1::2',
    labels: { app: 'web' },
    tcp: [8080],
    udp: [8080],
    sctp: [80],
  },
  {
    key: 'x/web-2',
    ip: '10.251.1.3',
    ipv6: 'fd00:251:1::3',
    labels: { app: 'web' },
    tcp: [8080],
    udp: [8080],
    sctp: [80],
  },
  { key: 'x/self', ip: '10.251.1.4', ipv6: 'fd00:251:1::4', labels: { app: 'self' }, tcp: [8080] },
  { key: 'x/isolated', ip: '10.251.1.5', ipv6: 'fd00:251:1::5', labels: { app: 'isolated' } },
  {
    key: 'kube-system/dns',
    ip: '10.251.3.1',
    ipv6: 'fd00:251:3::1',
    labels: { 'k8s-app': 'kube-dns' },
    tcp: [53],
    udp: [53],
  },
];
const ip6 = (key: string) => PODS.find((p) => p.key === key)!.ipv6!;
const WEB6 = [ip6('x/web-1'), ip6('x/web-2')];

const SERVICES: Service[] = [
  svc('x', 'web', {
    clusterIP: '10.96.1.10',
    clusterIPs: ['10.96.1.10', 'fd00:10:96::10'],
    ipFamilies: ['IPv4', 'IPv6'],
    ipFamilyPolicy: 'PreferDualStack',
    selector: { app: 'web' },
    ports: [
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
      { name: 'udp', port: 80, protocol: 'UDP', targetPort: 8080 },
      // SCTP ports are translated without the CRC32c: targetPort = port (decision 18).
      { name: 'sctp', port: 80, protocol: 'SCTP', targetPort: 80 },
    ],
  }),
  svc('x', 'web6-np', {
    type: 'NodePort',
    clusterIP: 'fd00:10:96::11',
    ipFamilies: ['IPv6'],
    selector: { app: 'web' },
    ports: [{ port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30081 }],
  }),
  svc('x', 'empty6', {
    clusterIP: '10.96.1.20',
    clusterIPs: ['10.96.1.20', 'fd00:10:96::20'],
    ipFamilies: ['IPv4', 'IPv6'],
    selector: { app: 'nothing' },
    ports: [
      { name: 'tcp', port: 80, protocol: 'TCP' },
      { name: 'udp', port: 81, protocol: 'UDP' },
    ],
  }),
  svc('x', 'sticky6', {
    clusterIP: 'fd00:10:96::30',
    ipFamilies: ['IPv6'],
    selector: { app: 'web' },
    sessionAffinity: 'ClientIP',
    affinityTimeoutSeconds: 600,
    ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
  }),
  svc('x', 'self6', {
    clusterIP: 'fd00:10:96::40',
    ipFamilies: ['IPv6'],
    selector: { app: 'self' },
    ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
  }),
  svc('x', 'on-node6', {
    clusterIP: 'fd00:10:96::60',
    ipFamilies: ['IPv6'],
    ports: [{ port: 80, protocol: 'TCP' }],
  }),
  {
    namespace: 'kube-system',
    name: 'kube-dns',
    type: 'ClusterIP',
    clusterIP: '10.96.1.53',
    clusterIPs: ['10.96.1.53', 'fd00:10:96::53'],
    ipFamilies: ['IPv4', 'IPv6'],
    ipFamilyPolicy: 'RequireDualStack',
    selector: { 'k8s-app': 'kube-dns' },
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
    ],
  },
];

// A backend in the node's own namespace, on its IPv6 address: replies reach the client through
// the host stack and to_pod.
const SLICES: EndpointSlice[] = [
  {
    namespace: 'x',
    name: 'on-node6-manual',
    serviceName: 'on-node6',
    addressType: 'IPv6',
    endpoints: [{ addresses: [NODE_IPV6], conditions: { ready: true } }],
    ports: [{ protocol: 'TCP', port: 9090 }],
  },
];

let cluster: TestCluster;
let store: Store;
let reconciler: Reconciler;
let extNs = '';
const pod = (key: string) => cluster.pod(key);

beforeAll(async () => {
  cluster = await TestCluster.start();
  const node = cluster.cfg.hostNetns!;
  // Replies the datapath routes itself (a NodePort's) take the IPv6 FIB, which needs forwarding.
  await run(['sysctl', '-q', '-w', 'net.ipv6.conf.all.forwarding=1'], { netns: node });
  await run(['ip', '-6', 'addr', 'add', `${NODE_IPV6}/128`, 'dev', 'lo'], { netns: node });
  for (const p of PODS) await addPodFrom(cluster, p);
  await cluster.serveOnNode('node', [9090], true);
  extNs = await cluster.addExternalHost('ext6', 'ext6', EXT.node, EXT.host, {
    nodeAddr: EXT.node6,
    hostAddr: EXT.host6,
  });
  await cluster.loader.attachNetdev(['ext6']);

  store = new Store();
  for (const ns of ['x', 'kube-system']) store.upsertNamespace({ name: ns, labels: {} });
  for (const p of PODS) store.upsertPod(podObject(p));
  for (const s of SERVICES) expect(store.upsertService(s), `${s.name}`).toEqual([]);
  for (const s of SLICES) expect(store.upsertEndpointSlice(s)).toEqual([]);
  reconciler = cluster.reconciler(store, {
    nodeIps: [NODE_IP, EXT.node],
    nodeIpsV6: [NODE_IPV6, EXT.node6],
    nodeName: 'node-a',
    deriveEndpointSlices: true,
  });
  await reconciler.reconcile();
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
});

describe('ClusterIP over IPv6', () => {
  it('a dual-stack Service serves both its ClusterIPs, each with its own family of backends', async () => {
    const targets = [
      '[fd00:10:96::10]:80/TCP',
      '[fd00:10:96::10]:80/UDP',
      '[fd00:10:96::10]:80/SCTP',
      '10.96.1.10:80/TCP',
      '10.96.1.10:80/UDP',
    ];
    for (const r of await cluster.probeMany(pod('x/client'), targets)) {
      expect(r.connected, `${r.target}: ${JSON.stringify(r)}`).toBe(true);
      expect(['x/web-1', 'x/web-2']).toContain(r.reply);
    }
    // The IPv6 connection was translated to an IPv6 backend: conntrack (sluice_ct6) keys it by
    // the backend, with the frontend for its replies.
    const ct = (await dumpMap(mapPin(cluster.cfg.pinRoot, 'ct6'))).map((e) => ({
      k: ct6KeyCodec.decode(e.key),
      v: ctValueCodec.decode(e.value),
    }));
    const conn = ct.find(
      (e) => e.k.saddr === ip6('x/client') && WEB6.includes(e.k.daddr) && e.k.dport === 8080,
    );
    expect(conn, JSON.stringify(ct)).toBeDefined();
    expect(conn!.v.rev_nat_id).toBeGreaterThan(0);
  });

  it('spreads new connections over every backend, and counts them per frontend', async () => {
    const replies = await tcpMany(pod('x/client').netns, 'fd00:10:96::10', 80, 16);
    expect([...new Set(replies)].sort()).toEqual(['x/web-1', 'x/web-2']);
    const ids = (await dumpMap(mapPin(cluster.cfg.pinRoot, 'lbFrontends6')))
      .map((e) => ({ k: lb6FrontendKeyCodec.decode(e.key), id: e.value.readUInt32LE(0) }))
      .filter((e) => e.k.addr === 'fd00:10:96::10' && e.k.protocol === 6);
    expect(ids).toHaveLength(1);
    const stats = (await readLbStats(cluster.cfg.pinRoot)).find((s) => s.frontendId === ids[0]!.id);
    expect(stats?.translations).toBeGreaterThanOrEqual(16);
  });

  it('sessionAffinity ClientIP keeps a client on one backend (sluice_lb_affinity6)', async () => {
    const replies = await tcpMany(pod('x/client').netns, 'fd00:10:96::30', 80, 8);
    expect(new Set(replies).size, JSON.stringify(replies)).toBe(1);
    expect(['x/web-1', 'x/web-2']).toContain(replies[0]);
    const clients = (await dumpMap(mapPin(cluster.cfg.pinRoot, 'lbAffinity6'))).map(
      (e) => lb6AffinityKeyCodec.decode(e.key).client,
    );
    expect(clients).toContain(ip6('x/client'));
  });

  it('hairpin: a pod reaches itself through its IPv6 Service', async () => {
    expect(await cluster.probe(pod('x/self'), 'fd00:10:96::40', 80)).toMatchObject({
      connected: true,
      reply: 'x/self',
    });
  });

  it('replies from a backend behind the host stack are translated back too', async () => {
    expect(await cluster.probe(pod('x/client'), 'fd00:10:96::60', 80)).toMatchObject({
      connected: true,
      reply: 'node',
    });
  });

  it('a Service without backends rejects at once: TCP and UDP see "connection refused"', async () => {
    const [tcp, udp] = await cluster.probeMany(
      pod('x/client'),
      ['[fd00:10:96::20]:80/TCP', '[fd00:10:96::20]:81/UDP'],
      3000,
    );
    expect(tcp).toMatchObject({ connected: false, refused: true });
    expect(udp).toMatchObject({ connected: false, refused: true });
    // Refused by the answer to the first SYN, not after a retransmission (1 s) or the timeout.
    expect(tcp!.ms).toBeLessThan(1000);
  });
});

describe('observe over IPv6', () => {
  it('a verdict names the IPv6 frontend the client addressed and the backend it was given', async () => {
    const events: FlowEvent[] = [];
    const reader = new EventReader(cluster.cfg.pinRoot, (e) => events.push(e));
    await setEventFlags(cluster.cfg.pinRoot, CFG_F_EVENTS_VERDICT);
    await reader.start();
    try {
      expect(await cluster.probe(pod('x/client'), 'fd00:10:96::11', 80)).toMatchObject({ connected: true });
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      reader.stop();
      await setEventFlags(cluster.cfg.pinRoot, 0);
    }
    const id = reconciler.last!.plan.frontendIds.get('[fd00:10:96::11]:80/TCP')!;
    const v = events.find(
      (e) => e.type === EVENT_VERDICT && e.saddr === ip6('x/client') && e.frontend_id === id,
    );
    expect(v, JSON.stringify(events)).toMatchObject({ family: 6, dport: 8080 });
    expect(WEB6).toContain(v!.daddr);
    const names = {
      endpoint: () => undefined,
      identityKey: () => undefined,
      rule: () => undefined,
      frontend: (n: number) =>
        n === id ? { service: 'x/web6-np:80', frontend: '[fd00:10:96::11]:80/TCP' } : undefined,
    };
    expect(toFlow(v!, names)).toMatchObject({
      source_ip: ip6('x/client'),
      service: 'x/web6-np:80',
      frontend: '[fd00:10:96::11]:80/TCP',
    });
  });
});

describe('NodePort over IPv6', () => {
  it("serves a client outside the node on the node's IPv6 address and keeps its source address", async () => {
    const [r] = await cluster.probeMany(extNs, [`[${EXT.node6}]:30081/TCP`], 2000);
    expect(r, JSON.stringify(r)).toMatchObject({ connected: true });
    expect(['x/web-1', 'x/web-2']).toContain(r!.reply);
    const ct = (await dumpMap(mapPin(cluster.cfg.pinRoot, 'ct6'))).map((e) => ct6KeyCodec.decode(e.key));
    expect(ct.some((k) => k.saddr === EXT.host6 && WEB6.includes(k.daddr) && k.dport === 8080)).toBe(true);
  });

  it('an IPv6-only Service has no NodePort on the IPv4 addresses', async () => {
    const [r] = await cluster.probeMany(extNs, [`${EXT.node}:30081/TCP`], 700);
    expect(r!.connected).toBe(false);
  });
});

describe('policy after translation over IPv6', () => {
  const egressToKubeSystem: NetworkPolicy = {
    namespace: 'x',
    name: 'isolated-egress',
    podSelector: { matchLabels: { app: 'isolated' } },
    policyTypes: ['Egress'],
    egress: [
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }] },
    ],
  };

  it('kube-dns through its IPv6 ClusterIP from a pod whose egress is allowed only to kube-system', async () => {
    store.upsertNamespace({ name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' } });
    await applyPolicies(store, reconciler, egressToKubeSystem);
    try {
      const results = await cluster.probeMany(pod('x/isolated'), [
        '[fd00:10:96::53]:53/UDP',
        '[fd00:10:96::53]:53/TCP',
        '[fd00:10:96::10]:80/TCP',
      ]);
      expect(results[0]).toMatchObject({ connected: true, reply: 'kube-system/dns' });
      expect(results[1]).toMatchObject({ connected: true, reply: 'kube-system/dns' });
      // A Service whose backends the policy does not allow: denied on the backend, not the ClusterIP.
      expect(results[2]).toMatchObject({ connected: false });
    } finally {
      await clearPolicies(store, reconciler);
    }
  });
});

describe('crafted IPv6 frames through from_pod (BPF_PROG_TEST_RUN)', () => {
  const run1 = (f: Parameters<typeof frame6>[0], from = 'x/client') =>
    progRun(
      cluster.cfg.hostNetns!,
      cluster.loader.progPath('from_pod'),
      frame6(f),
      pod(from).endpoint.hostIfindex,
    );
  const client = ip6('x/client');

  it('a SYN to an IPv6 ClusterIP leaves as a SYN to a backend, checksum right, hop limit down by one', async () => {
    const { retval, out } = await run1({
      saddr: client,
      daddr: 'fd00:10:96::10',
      protocol: 'TCP',
      sport: 51001,
      dport: 80,
    });
    const p = parseFrame6(out);
    expect(retval).toBe(TC_ACT_REDIRECT);
    expect(WEB6).toContain(p.daddr);
    expect(p).toMatchObject({ saddr: client, sport: 51001, dport: 8080, hopLimit: 63, l4ChecksumOk: true });
  });

  it('UDP too (port 80 -> 8080), and behind a destination options header', async () => {
    for (const ext of [undefined, ['dest' as const]]) {
      const { retval, out } = await run1({
        saddr: client,
        daddr: 'fd00:10:96::10',
        protocol: 'UDP',
        sport: 51002 + (ext ? 1 : 0),
        dport: 80,
        payload: Buffer.from('hello'),
        ...(ext ? { ext } : {}),
      });
      expect(retval).toBe(TC_ACT_REDIRECT);
      // The addresses are in the fixed header; the ports lie past the extension header.
      const p = parseFrame6(out);
      expect(WEB6).toContain(p.daddr);
      if (!ext) expect(p).toMatchObject({ dport: 8080, l4ChecksumOk: true });
      else expect(out.readUInt16BE(14 + 40 + 8 + 2)).toBe(8080);
    }
  });

  it('no backend: a SYN is answered by a reset from the ClusterIP, acknowledging it', async () => {
    const { retval, out } = await run1({
      saddr: client,
      daddr: 'fd00:10:96::20',
      protocol: 'TCP',
      sport: 51004,
      dport: 80,
    });
    expect(retval).toBe(TC_ACT_REDIRECT);
    expect(out.length).toBe(14 + 40 + 20);
    expect(parseFrame6(out)).toMatchObject({
      saddr: 'fd00:10:96::20',
      daddr: client,
      nextHeader: 6,
      sport: 80,
      dport: 51004,
      l4ChecksumOk: true,
    });
    const tcp = out.subarray(54);
    expect(tcp[13]).toBe(0x14); // RST, ACK
    expect(tcp.readUInt32BE(8)).toBe(1); // the SYN's sequence number (0) plus one
  });

  it('no backend: a UDP datagram comes back as ICMPv6 port unreachable from the ClusterIP, quoting it', async () => {
    const { retval, out } = await run1({
      saddr: client,
      daddr: 'fd00:10:96::20',
      protocol: 'UDP',
      sport: 51009,
      dport: 81,
      payload: Buffer.from('hello'),
    });
    expect(retval).toBe(TC_ACT_REDIRECT);
    const p = parseFrame6(out);
    expect(p).toMatchObject({
      saddr: 'fd00:10:96::20',
      daddr: client,
      nextHeader: 58,
      icmp: { type: 1, code: 4 },
      l4ChecksumOk: true,
    });
    // The quote: the offending IPv6 header (to the ClusterIP) and the UDP header.
    expect(p.icmp!.quote.length).toBe(48);
    const quoted = parseFrame6(Buffer.concat([Buffer.alloc(14), p.icmp!.quote]));
    expect(quoted).toMatchObject({ saddr: client, daddr: 'fd00:10:96::20', sport: 51009, dport: 81 });
  });

  it('a spoofed source is dropped before any translation', async () => {
    const { retval, out } = await run1({
      saddr: 'fd00:251:1::99',
      daddr: 'fd00:10:96::10',
      protocol: 'TCP',
      sport: 51005,
      dport: 80,
    });
    expect(retval).toBe(TC_ACT_SHOT);
    expect(parseFrame6(out).daddr).toBe('fd00:10:96::10');
  });

  it('a later fragment to an IPv6 ClusterIP whose first was never seen is dropped', async () => {
    const { retval } = await run1({
      saddr: client,
      daddr: 'fd00:10:96::10',
      protocol: 'UDP',
      sport: 51006,
      dport: 80,
      frag: { offset: 100, more: false, id: 0x5eed },
    });
    expect(retval).toBe(TC_ACT_SHOT);
  });

  it('hop limit 1: translated, then handed to the host stack to answer time-exceeded', async () => {
    const { retval, out } = await run1({
      saddr: client,
      daddr: 'fd00:10:96::10',
      protocol: 'TCP',
      sport: 51007,
      dport: 80,
      hopLimit: 1,
    });
    expect(retval).toBe(TC_ACT_OK);
    expect(parseFrame6(out)).toMatchObject({ hopLimit: 1, dport: 8080, l4ChecksumOk: true });
  });

  it('hairpin: source becomes the ClusterIP, destination the pod itself', async () => {
    const self = ip6('x/self');
    const { retval, out } = await run1(
      { saddr: self, daddr: 'fd00:10:96::40', protocol: 'TCP', sport: 51008, dport: 80 },
      'x/self',
    );
    expect(retval).toBe(TC_ACT_REDIRECT);
    expect(parseFrame6(out)).toMatchObject({
      saddr: 'fd00:10:96::40',
      daddr: self,
      dport: 8080,
      l4ChecksumOk: true,
    });
  });
});
