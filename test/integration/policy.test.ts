// Issue 3's proof: NetworkPolicy enforced on real connections. Six pods (namespaces x, y, z; pods
// a, b) serve TCP, UDP and SCTP on ports 80 and 81; every scenario applies policies through the
// store and the reconciler (identities, compiler, map sync) and then probes the full matrix,
// comparing it with the verdicts written out by hand from the NetworkPolicy semantics.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdentityAllocator } from '../../agent/identity/allocator.js';
import type { NetworkPolicy, Pod, Protocol } from '../../agent/model/types.js';
import {
  CFG_F_EVENTS_DROP,
  CFG_F_EVENTS_VERDICT,
  EVENT_DROP,
  EVENT_VERDICT,
  EventReader,
  type FlowEvent,
  setEventFlags,
} from '../../agent/observe/events.js';
import { Reconciler } from '../../agent/reconciler/reconciler.js';
import { Store } from '../../agent/state/store.js';
import { silentLogger } from '../../agent/sys/log.js';
import { probeFrom } from '../../tools/net/probes.js';
import { NODE_IP, TestCluster } from '../harness/cluster.js';
import { applyPolicies, clearPolicies as clearAllPolicies } from '../harness/policies.js';

const NAMESPACES = ['x', 'y', 'z'] as const;
const POD_NAMES = ['a', 'b'] as const;
const PORTS = [80, 81];

interface P {
  ns: string;
  pod: string;
  key: string;
  ip: string;
}
const PODS: P[] = NAMESPACES.flatMap((ns, i) =>
  POD_NAMES.map((pod, j) => ({ ns, pod, key: `${ns}/${pod}`, ip: `10.251.${i + 1}.${j + 1}` })),
);

type Expect = (from: P, to: P, port: number, protocol: Protocol) => boolean;

let cluster: TestCluster;
let store: Store;
let reconciler: Reconciler;

function podObject(p: P, labels: Record<string, string> = { pod: p.pod }): Pod {
  return {
    namespace: p.ns,
    name: p.pod,
    labels,
    ip: p.ip,
    ports: (['TCP', 'UDP', 'SCTP'] as const).flatMap((protocol) =>
      PORTS.map((port) => ({
        name: `serve-${port}-${protocol.toLowerCase()}`,
        containerPort: port,
        protocol,
      })),
    ),
  };
}

function policy(ns: string, name: string, spec: Omit<NetworkPolicy, 'namespace' | 'name'>): NetworkPolicy {
  return { namespace: ns, name, ...spec };
}

const apply = (...policies: NetworkPolicy[]) => applyPolicies(store, reconciler, ...policies);
const clearPolicies = () => clearAllPolicies(store, reconciler);

/** Probes every pod to every other pod and compares with the expectation; returns mismatches. */
async function mismatches(
  expected: Expect,
  protocols: Protocol[] = ['TCP'],
  ports = PORTS,
): Promise<string[]> {
  const wrong: string[] = [];
  await Promise.all(
    PODS.map(async (from) => {
      const cases = PODS.filter((to) => to !== from).flatMap((to) =>
        protocols.flatMap((protocol) => ports.map((port) => ({ to, port, protocol }))),
      );
      const results = await cluster.probeMany(
        cluster.pod(from.key),
        cases.map((c) => `${c.to.ip}:${c.port}/${c.protocol}`),
      );
      cases.forEach((c, i) => {
        const got = results[i]!;
        const want = expected(from, c.to, c.port, c.protocol);
        if (got.connected !== want)
          wrong.push(
            `${from.key} -> ${c.to.key}:${c.port}/${c.protocol}: want ${want ? 'allowed' : 'denied'}, got ${got.connected ? 'allowed' : 'denied'}`,
          );
        if (got.connected) expect(got.reply).toBe(c.to.key);
      });
    }),
  );
  return wrong.sort();
}

const allowAll: Expect = () => true;

beforeAll(async () => {
  cluster = await TestCluster.start();
  for (const p of PODS) await cluster.addPod(p.key, p.ip, { tcp: PORTS, udp: PORTS, sctp: PORTS, echo: [7] });
  store = new Store();
  for (const ns of NAMESPACES) store.upsertNamespace({ name: ns, labels: { ns } });
  for (const p of PODS) store.upsertPod(podObject(p));
  const identities = new IdentityAllocator();
  reconciler = new Reconciler({
    store,
    endpoints: () => [...cluster.pods.values()].map((p) => p.endpoint),
    identities,
    namespaceIdentities: new IdentityAllocator('namespaces'),
    syncer: cluster.syncer,
    nodeIps: [NODE_IP],
    log: silentLogger,
  });
  await reconciler.reconcile();
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
});

describe('NetworkPolicy on real connections', () => {
  it('allows everything without policies, over TCP, UDP and SCTP', async () => {
    await clearPolicies();
    expect(await mismatches(allowAll, ['TCP', 'UDP', 'SCTP'])).toEqual([]);
  });

  it('default-deny ingress isolates a namespace; its pods still connect out and get replies', async () => {
    await clearPolicies();
    await apply(policy('x', 'deny-in', { podSelector: {}, policyTypes: ['Ingress'] }));
    expect(await mismatches((_f, t) => t.ns !== 'x', ['TCP', 'UDP'])).toEqual([]);
  });

  it('default-deny egress isolates a namespace outbound; others still reach it', async () => {
    await clearPolicies();
    await apply(policy('x', 'deny-out', { podSelector: {}, policyTypes: ['Egress'] }));
    expect(await mismatches((f) => f.ns !== 'x', ['TCP', 'UDP'])).toEqual([]);
  });

  it('podSelector: only pods of the policy namespace with the label', async () => {
    await clearPolicies();
    await apply(
      policy('x', 'a-from-b', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }],
      }),
    );
    expect(await mismatches((f, t) => t.key !== 'x/a' || f.key === 'x/b')).toEqual([]);
  });

  it('namespaceSelector: every pod of the matching namespaces', async () => {
    await clearPolicies();
    await apply(
      policy('x', 'a-from-y', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [
          {
            from: [
              { namespaceSelector: { matchExpressions: [{ key: 'ns', operator: 'In', values: ['y'] }] } },
            ],
          },
        ],
      }),
    );
    expect(await mismatches((f, t) => t.key !== 'x/a' || f.ns === 'y')).toEqual([]);
  });

  it('pod and namespace selector in one peer is AND; in two peers it is OR', async () => {
    await clearPolicies();
    await apply(
      policy('x', 'and', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: { matchLabels: { pod: 'b' } } },
            ],
          },
        ],
      }),
    );
    expect(await mismatches((f, t) => t.key !== 'x/a' || f.key === 'y/b')).toEqual([]);
    await clearPolicies();
    await apply(
      policy('x', 'or', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { ns: 'y' } } },
              { podSelector: { matchLabels: { pod: 'b' } } },
            ],
          },
        ],
      }),
    );
    expect(await mismatches((f, t) => t.key !== 'x/a' || f.ns === 'y' || f.key === 'x/b')).toEqual([]);
  });

  it('ipBlock with except matches pod IPs, for egress and for ingress', async () => {
    await clearPolicies();
    await apply(
      policy('x', 'a-to-y-but-b', {
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ ipBlock: { cidr: '10.251.2.0/24', except: ['10.251.2.2/32'] } }] }],
      }),
      policy('x', 'b-from-z', {
        podSelector: { matchLabels: { pod: 'b' } },
        ingress: [{ from: [{ ipBlock: { cidr: '10.251.3.0/24' } }] }],
      }),
    );
    expect(
      await mismatches((f, t) => {
        if (f.key === 'x/a' && t.key !== 'y/a') return false;
        if (t.key === 'x/b') return f.ns === 'z';
        return true;
      }),
    ).toEqual([]);
  });

  it('named port resolves against the destination pod, by name and protocol', async () => {
    await clearPolicies();
    await apply(
      policy('x', 'named', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ ports: [{ port: 'serve-81-tcp' }] }],
      }),
    );
    expect(
      await mismatches(
        (_f, t, port, proto) => t.key !== 'x/a' || (port === 81 && proto === 'TCP'),
        ['TCP', 'UDP'],
      ),
    ).toEqual([]);
  });

  it('endPort admits exactly the range', async () => {
    await clearPolicies();
    await apply(
      policy('x', 'range', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ ports: [{ protocol: 'TCP', port: 81, endPort: 90 }] }],
      }),
    );
    expect(await mismatches((_f, t, port) => t.key !== 'x/a' || port === 81)).toEqual([]);
  });

  it('UDP rules admit UDP only, on their port', async () => {
    await clearPolicies();
    await apply(
      policy('x', 'udp', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ ports: [{ protocol: 'UDP', port: 80 }] }],
      }),
    );
    expect(
      await mismatches(
        (_f, t, port, proto) => t.key !== 'x/a' || (proto === 'UDP' && port === 80),
        ['TCP', 'UDP'],
      ),
    ).toEqual([]);
  });

  it('SCTP rules admit SCTP only, and an SCTP rule isolates the pod for TCP', async () => {
    await clearPolicies();
    await apply(
      policy('x', 'sctp', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ ports: [{ protocol: 'SCTP', port: 81 }] }],
      }),
    );
    expect(
      await mismatches(
        (_f, t, port, proto) => t.key !== 'x/a' || (proto === 'SCTP' && port === 81),
        ['TCP', 'SCTP'],
      ),
    ).toEqual([]);
  });

  it('makes an SCTP INIT on the tuple of an earlier association meet policy again', async () => {
    await clearPolicies();
    const from = cluster.pod('z/a');
    const to = PODS.find((p) => p.key === 'x/b')!;
    // The same source port both times: the second INIT finds the first association's entry.
    const init = async () =>
      (await probeFrom(from.netns, [`${to.ip}:80/SCTP`], 1500, { sctpSourcePort: 40123 }))[0]!;
    expect((await init()).connected).toBe(true);
    await apply(policy('x', 'isolate-b', { podSelector: { matchLabels: { pod: 'b' } }, ingress: [] }));
    expect((await init()).connected).toBe(false);
  });

  it('follows a policy update', async () => {
    await clearPolicies();
    const spec = (ns: string) =>
      policy('x', 'moving', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns } } }] }],
      });
    await apply(spec('y'));
    expect(await mismatches((f, t) => t.key !== 'x/a' || f.ns === 'y')).toEqual([]);
    await apply(spec('z'));
    expect(await mismatches((f, t) => t.key !== 'x/a' || f.ns === 'z')).toEqual([]);
    store.deletePolicy('x', 'moving');
    await reconciler.reconcile();
    expect(await mismatches(allowAll)).toEqual([]);
  });

  it('follows a pod label change', async () => {
    await clearPolicies();
    await apply(
      policy('x', 'clients', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { role: 'client' } } }] }],
      }),
    );
    expect(await mismatches((_f, t) => t.key !== 'x/a')).toEqual([]);
    const yb = PODS.find((p) => p.key === 'y/b')!;
    store.upsertPod(podObject(yb, { pod: 'b', role: 'client' }));
    await reconciler.reconcile();
    try {
      expect(await mismatches((f, t) => t.key !== 'x/a' || f.key === 'y/b')).toEqual([]);
    } finally {
      store.upsertPod(podObject(yb));
      await reconciler.reconcile();
    }
  });

  it('follows a namespace label change', async () => {
    await clearPolicies();
    await apply(
      policy('x', 'blue', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'blue' } } }] }],
      }),
    );
    expect(await mismatches((_f, t) => t.key !== 'x/a')).toEqual([]);
    store.upsertNamespace({ name: 'z', labels: { ns: 'z', team: 'blue' } });
    await reconciler.reconcile();
    try {
      expect(await mismatches((f, t) => t.key !== 'x/a' || f.ns === 'z')).toEqual([]);
    } finally {
      store.upsertNamespace({ name: 'z', labels: { ns: 'z' } });
      await reconciler.reconcile();
    }
  });

  it('passes replies of an allowed connection while denying new connections the other way', async () => {
    await clearPolicies();
    await apply(
      policy('y', 'b-only-from-x-a', {
        podSelector: { matchLabels: { pod: 'b' } },
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { ns: 'x' } }, podSelector: { matchLabels: { pod: 'a' } } },
            ],
          },
        ],
      }),
      policy('x', 'a-isolated', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'] }),
    );
    const xa = cluster.pod('x/a');
    const yb = cluster.pod('y/b');
    // x/a -> y/b: allowed both sides; the replies (SYN-ACK, data, UDP answer) come back into an
    // isolated pod through conntrack.
    expect(await cluster.probe(xa, '10.251.2.2', 80, 'TCP')).toMatchObject({ connected: true, reply: 'y/b' });
    expect(await cluster.probe(xa, '10.251.2.2', 80, 'UDP')).toMatchObject({ connected: true, reply: 'y/b' });
    // y/b -> x/a: a new connection into the isolated x/a is denied.
    expect((await cluster.probe(yb, '10.251.1.1', 80, 'TCP')).connected).toBe(false);
    expect((await cluster.probe(yb, '10.251.1.1', 80, 'UDP')).connected).toBe(false);
  });

  it('always admits the node (kubelet probes) into isolated pods', async () => {
    await clearPolicies();
    await apply(policy('x', 'deny-in', { podSelector: {}, policyTypes: ['Ingress'] }));
    expect(await cluster.probe(undefined, '10.251.1.1', 80, 'TCP')).toMatchObject({
      connected: true,
      reply: 'x/a',
    });
  });
});

describe('connection tracking', () => {
  it('keeps established connections that stay allowed through policy, pod label and namespace label changes', async () => {
    await clearPolicies();
    await apply(
      policy('x', 'from-y', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }] }],
      }),
    );
    const yb = PODS.find((p) => p.key === 'y/b')!;
    const conversation = cluster.stream(cluster.pod('y/b'), '10.251.1.1', 7, 3000);
    await new Promise((r) => setTimeout(r, 400));
    try {
      await apply(policy('z', 'unrelated', { podSelector: {}, policyTypes: ['Ingress'] }));
      store.upsertPod(podObject(yb, { pod: 'b', extra: 'yes' }));
      await reconciler.reconcile();
      store.upsertNamespace({ name: 'y', labels: { ns: 'y', tier: 'gold' } });
      await reconciler.reconcile();
      await apply(
        policy('x', 'from-y', {
          podSelector: { matchLabels: { pod: 'a' } },
          ingress: [
            {
              from: [
                { namespaceSelector: { matchLabels: { ns: 'y' } } },
                { namespaceSelector: { matchLabels: { ns: 'z' } } },
              ],
            },
          ],
        }),
      );
      const result = await conversation;
      expect(result.error).toBe('');
      expect(result.sent).toBeGreaterThan(30);
      expect(result.received).toBe(result.sent);
    } finally {
      store.upsertPod(podObject(yb));
      store.upsertNamespace({ name: 'y', labels: { ns: 'y' } });
      await reconciler.reconcile();
    }
  });

  it('lets a related ICMP error into an isolated pod (UDP to a closed port is refused, not timed out)', async () => {
    await clearPolicies();
    await apply(policy('x', 'deny-in', { podSelector: {}, policyTypes: ['Ingress'] }));
    const res = await cluster.probe(cluster.pod('x/a'), '10.251.2.1', 99, 'UDP', 2000);
    expect(res).toMatchObject({ connected: false, refused: true });
    // And a TCP RST from a closed port is a reply too.
    const tcp = await cluster.probe(cluster.pod('x/a'), '10.251.2.1', 99, 'TCP', 2000);
    expect(tcp).toMatchObject({ connected: false, refused: true });
  });
});

describe('datapath events', () => {
  it('reports a denied connection (policy denied, both endpoints) and an allowed one (the rule)', async () => {
    await clearPolicies();
    await apply(
      policy('x', 'a-from-b', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }],
      }),
    );
    const events: FlowEvent[] = [];
    const reader = new EventReader(cluster.cfg.pinRoot, (e) => events.push(e));
    await setEventFlags(cluster.cfg.pinRoot, CFG_F_EVENTS_DROP | CFG_F_EVENTS_VERDICT);
    await reader.start();
    try {
      expect((await cluster.probe(cluster.pod('y/a'), '10.251.1.1', 80)).connected).toBe(false);
      expect((await cluster.probe(cluster.pod('x/b'), '10.251.1.1', 80)).connected).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      reader.stop();
      await setEventFlags(cluster.cfg.pinRoot, 0);
    }
    const xa = cluster.pod('x/a').endpoint;
    const drop = events.find(
      (e) => e.type === EVENT_DROP && e.saddr === '10.251.2.1' && e.daddr === '10.251.1.1',
    );
    expect(drop).toMatchObject({
      reason: 1,
      direction: 1,
      dport: 80,
      protocol: 6,
      dst_endpoint: xa.id,
      src_endpoint: cluster.pod('y/a').endpoint.id,
    });
    const verdict = events.find(
      (e) => e.type === EVENT_VERDICT && e.saddr === '10.251.1.2' && e.daddr === '10.251.1.1',
    );
    expect(verdict).toBeDefined();
    const rule = reconciler.last!.plan.compiled.rules.get(verdict!.rule_id);
    expect(rule).toMatchObject({ policy: 'x/a-from-b', direction: 1, index: 0 });
    expect(reader.lost).toBe(0);
  });
});

describe('invalid policies', () => {
  it('refuses an invalid update naming the field, and keeps the last valid version enforced', async () => {
    await clearPolicies();
    const valid = policy('x', 'web', {
      podSelector: { matchLabels: { pod: 'a' } },
      ingress: [{ ports: [{ protocol: 'TCP', port: 81 }] }],
    });
    await apply(valid);
    const broken = { ...valid, ingress: [{ ports: [{ protocol: 'TCP', port: 81, endPort: 80 }] }] };
    const errors = store.upsertPolicy(broken);
    expect(errors).toEqual([
      expect.objectContaining({ policy: 'x/web', field: 'spec.ingress[0].ports[0].endPort' }),
    ]);
    const others = [
      policy('y', 'bad-cidr', {
        podSelector: {},
        ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.300/8' } }] }],
      }),
      policy('y', 'bad-proto', { podSelector: {}, ingress: [{ ports: [{ protocol: 'ICMP', port: 1 }] }] }),
      policy('y', 'named-range', {
        podSelector: {},
        ingress: [{ ports: [{ port: 'serve-80-tcp', endPort: 90 }] }],
      }),
    ];
    const fields = others.map((p) => store.upsertPolicy(p).map((e) => `${e.policy} ${e.field}`));
    expect(fields).toEqual([
      ['y/bad-cidr spec.ingress[0].from[0].ipBlock.cidr'],
      ['y/bad-proto spec.ingress[0].ports[0].protocol'],
      ['y/named-range spec.ingress[0].ports[0].endPort'],
    ]);
    await reconciler.reconcile();
    // x/web as it was: only TCP 81 into x/a; nothing of the refused policies (y stays open).
    expect(await mismatches((_f, t, port) => t.key !== 'x/a' || port === 81)).toEqual([]);
  });
});
