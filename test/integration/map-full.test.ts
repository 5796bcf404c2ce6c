// A sync that would overflow a map writes nothing, names the map and the policies that did not
// fit (log and metric), and leaves what was enforced in force.

import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MapFullError } from '../../agent/datapath/map-sync.js';
import { AgentMetrics } from '../../agent/metrics/registry.js';
import { Store } from '../../agent/state/store.js';
import { TestCluster } from '../harness/cluster.js';

let cluster: TestCluster;
const logs: Record<string, unknown>[] = [];
const log = pino(
  { level: 'info' },
  new Writable({
    write(chunk, _enc, cb) {
      logs.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      cb();
    },
  }),
);

beforeAll(async () => {
  cluster = await TestCluster.start({ mapSizes: { policy: 3 } });
  await cluster.addPod('x/a', '10.253.0.1', { tcp: [80, 81] });
  await cluster.addPod('x/b', '10.253.0.2', { tcp: [80, 81] });
});
afterAll(async () => {
  await cluster?.destroy();
});

/** Namespace x with the two test pods a and b, as the store would hold them. */
function storeWithPods(): Store {
  const store = new Store();
  store.upsertNamespace({ name: 'x', labels: {} });
  for (const [name, ip] of [
    ['a', '10.253.0.1'],
    ['b', '10.253.0.2'],
  ] as const) {
    store.upsertPod({ namespace: 'x', name, labels: { pod: name }, ip, ports: [] });
  }
  return store;
}

it('refuses a sync that does not fit, reports map and policy, keeps the enforced state', async () => {
  const store = storeWithPods();
  const metrics = new AgentMetrics();
  const reconciler = cluster.reconciler(store, { log, metrics, namespaceIdentities: undefined });
  // Two entries: x/a admits TCP 80 from anyone, and x/b the same. Fits in 3.
  store.upsertPolicy({
    namespace: 'x',
    name: 'small',
    podSelector: {},
    ingress: [{ ports: [{ port: 80 }] }],
  });
  await reconciler.reconcile();
  const a = cluster.pod('x/a');
  const b = cluster.pod('x/b');
  expect((await cluster.probe(b, '10.253.0.1', 80)).connected).toBe(true);
  expect((await cluster.probe(b, '10.253.0.1', 81)).connected).toBe(false);

  // Four more entries (81 and a range on both pods) cannot fit.
  store.upsertPolicy({
    namespace: 'x',
    name: 'big',
    podSelector: {},
    ingress: [{ ports: [{ port: 81 }, { port: 1000, endPort: 1001 }] }],
  });
  await expect(reconciler.reconcile()).rejects.toBeInstanceOf(MapFullError);
  const report = logs.find((l) => l['map'] === 'sluice_policy');
  expect(report).toMatchObject({ capacity: 3, policies: ['x/big'] });
  expect(String(report?.['msg'])).toContain('raise mapSizes.policy');
  const errors = await metrics.registry.getSingleMetricAsString('sluice_map_sync_errors_total');
  expect(errors).toContain('sluice_map_sync_errors_total{map="sluice_policy",reason="full"} 1');
  // Nothing half-applied: 80 still open, 81 still closed.
  expect((await cluster.probe(a, '10.253.0.2', 80)).connected).toBe(true);
  expect((await cluster.probe(a, '10.253.0.2', 81)).connected).toBe(false);
  reconciler.stop();
});

it('counts the batch at its peak: replacing every entry of a full map is refused, not half-made', async () => {
  const store = storeWithPods();
  const reconciler = cluster.reconciler(store, { log, namespaceIdentities: undefined });
  store.upsertPolicy({ namespace: 'x', name: 'p', podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] });
  await reconciler.reconcile();
  // Port 81 instead of 80: the end state has 2 entries, but the 2 new ones land before the 2 old
  // ones go, so the batch needs 4 of the 3 places at its peak.
  store.upsertPolicy({ namespace: 'x', name: 'p', podSelector: {}, ingress: [{ ports: [{ port: 81 }] }] });
  const err = await reconciler.reconcile().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(MapFullError);
  expect((err as MapFullError).needed).toBe(4);
  const b = cluster.pod('x/b');
  expect((await cluster.probe(b, '10.253.0.1', 80)).connected).toBe(true);
  expect((await cluster.probe(b, '10.253.0.1', 81)).connected).toBe(false);
  reconciler.stop();
});
