// The long-lived map writer against real pinned maps: every entry answered, the first failure
// named (map, key, errno) with the writes after it not made, and a writer that died started
// again on the next write; a reconcile whose writes failed is retried by itself.

import { mkdir, rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bpftoolBatch, dumpMap } from '../../agent/datapath/bpftool.js';
import { MapSyncer } from '../../agent/datapath/map-sync.js';
import { describeFailure, type MapOp, PinnedMapWriter } from '../../agent/datapath/map-writer.js';
import { AgentMetrics } from '../../agent/metrics/registry.js';
import { Store } from '../../agent/state/store.js';
import { TestCluster } from '../harness/cluster.js';
import { instanceId, runId, TEST_PIN_PREFIX } from '../harness/names.js';

const dir = `${TEST_PIN_PREFIX}${runId()}${instanceId()}`;
const pin = `${dir}/small`;
const writer = new PinnedMapWriter();
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const put = (k: number, v: number): MapOp => ({ pin, key: u32(k), value: u32(v) });

beforeAll(async () => {
  await mkdir(dir, { recursive: true });
  await bpftoolBatch([`map create ${pin} type hash key 4 value 4 entries 2 name small flags 0`]);
});
afterAll(async () => {
  writer.close();
  await rm(dir, { recursive: true, force: true });
});

it('writes in order and answers every entry; a full map fails the third, named', async () => {
  const ops = [put(1, 10), put(2, 20), put(3, 30), put(4, 40)];
  const results = await writer.write(ops);
  expect(results).toEqual([0, 0, -7, -125]); // E2BIG: the map holds 2; ECANCELED: not tried
  expect(describeFailure(ops, results)).toBe(
    'update of small key 03000000 failed: E2BIG (7); the 1 writes after it were not made',
  );
  const held = (await dumpMap(pin)).map((e) => [e.key.readUInt32LE(0), e.value.readUInt32LE(0)]);
  expect(held.sort()).toEqual([
    [1, 10],
    [2, 20],
  ]);
});

it('a wrong key size is refused, not written; the next batch starts clean', async () => {
  const bad: MapOp = { pin, key: Buffer.alloc(8), value: u32(1) };
  expect(await writer.write([bad, { pin, key: u32(1) }])).toEqual([-22, -125]);
  expect(await writer.write([{ pin, key: u32(1) }, put(3, 30)])).toEqual([0, 0]);
});

it('is started again after it died', async () => {
  const starts = writer.starts;
  // End the helper this test's writer started, by its pid.
  const child = (writer as unknown as { child?: { pid?: number } }).child;
  expect(child?.pid).toBeGreaterThan(0);
  process.kill(child!.pid!, 'SIGKILL');
  await new Promise((r) => setTimeout(r, 100));
  expect(await writer.write([put(2, 22)])).toEqual([0]);
  expect(writer.starts).toBe(starts + 1);
});

it('a reconcile that failed is retried with backoff until the maps hold the state', async () => {
  const cluster = await TestCluster.start();
  const inner = new PinnedMapWriter();
  let failures = 1;
  // The first batch fails as a full map would; the next ones go through.
  const flaky = {
    write: (ops: readonly MapOp[]) =>
      failures-- > 0 ? Promise.resolve(ops.map((_, i) => (i === 0 ? -7 : -125))) : inner.write(ops),
    sweep: inner.sweep.bind(inner),
    close: () => inner.close(),
  };
  const syncer = new MapSyncer(cluster.cfg, flaky);
  try {
    await cluster.addPod('x/a', '10.253.5.1');
    const store = new Store();
    store.upsertNamespace({ name: 'x', labels: {} });
    store.upsertPod({ namespace: 'x', name: 'a', labels: {}, ip: '10.253.5.1', ports: [] });
    const metrics = new AgentMetrics();
    const reconciler = cluster.reconciler(store, { syncer, metrics });
    await expect(reconciler.reconcile()).rejects.toThrow(/map sync failed: update of .* failed: E2BIG/);
    // Retried after 0.5 s on its own: the endpoint reaches the map without another change.
    for (let i = 0; i < 30 && syncer.appliedSize('endpoints') === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(syncer.appliedSize('endpoints')).toBe(1);
    expect(await metrics.registry.getSingleMetricAsString('sluice_reconcile_retries_total')).toContain(
      'sluice_reconcile_retries_total 1',
    );
  } finally {
    syncer.close();
    await cluster.destroy();
  }
}, 60_000);
