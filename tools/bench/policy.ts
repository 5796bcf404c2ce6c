// `sluice bench policy`: first full sync and single-change latency of the control plane on a
// synthetic cluster, writing to real pinned maps of a throwaway instance.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { withConfig } from '../../agent/config/config.js';
import { Loader } from '../../agent/datapath/loader.js';
import { MapSyncer } from '../../agent/datapath/map-sync.js';
import { BpftoolWriter, PinnedMapWriter } from '../../agent/datapath/map-writer.js';
import type { Endpoint } from '../../agent/endpoints/types.js';
import { IdentityAllocator } from '../../agent/identity/allocator.js';
import { podKey } from '../../agent/model/types.js';
import { Reconciler } from '../../agent/reconciler/reconciler.js';
import { Store } from '../../agent/state/store.js';
import { silentLogger } from '../../agent/sys/log.js';
import { percentile, round } from './stats.js';
import { kindOf, policyOfKind, syntheticCluster } from './synthetic.js';

export interface PolicyBenchOptions {
  pods: number;
  namespaces: number;
  policies: number;
  /** Pods on "this" node, whose endpoints get policy entries. */
  localPods: number;
  changes: number;
  /** How maps are written: the agent's long-lived writer (default), or one bpftool process per
   * sync (what the agent did before: the baseline). */
  writer?: 'long-lived' | 'process-per-sync';
}

export interface PolicyBenchResult {
  writer: 'long-lived' | 'process-per-sync';
  pods: number;
  namespaces: number;
  policies: number;
  local_endpoints: number;
  entries: number;
  full_sync_ms: number;
  change_p50_ms: number;
  change_p99_ms: number;
  rss_mb: number;
}

export const POLICY_BENCH_DEFAULTS: PolicyBenchOptions = {
  pods: 5000,
  namespaces: 500,
  policies: 1000,
  localPods: 110,
  changes: 100,
};

const WARMUP_CHANGES = 5;

export async function runPolicyBench(opts: PolicyBenchOptions): Promise<PolicyBenchResult> {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'sluice-bench-'));
  const cfg = withConfig({
    pinRoot: `/sys/fs/bpf/sluice-bench-${process.pid}`,
    stateDir,
    mapSizes: { endpoints: 65536, ipcache: 524288, policy: 4194304, cidr: 262144, ct: 1024, metrics: 1024 },
  });
  const loader = new Loader(cfg);
  let syncer: MapSyncer | undefined;
  try {
    await loader.ensureBpffs();
    await loader.ensureMaps();
    const cluster = syntheticCluster(opts);
    const store = new Store();
    for (const ns of cluster.namespaces) store.upsertNamespace(ns);
    for (const pod of cluster.pods) store.upsertPod(pod);
    for (const p of cluster.policies) store.upsertPolicy(p);
    // Local pods spread over namespaces, as a scheduler would place them.
    const step = Math.max(1, Math.floor(cluster.pods.length / opts.localPods));
    const endpoints: Endpoint[] = [];
    for (let i = 0; endpoints.length < opts.localPods && i < cluster.pods.length; i += step) {
      const pod = cluster.pods[i]!;
      endpoints.push({
        id: endpoints.length + 1,
        podKey: podKey(pod),
        ip: pod.ip!,
        hostIfName: `bench${endpoints.length}`,
        hostIfindex: 1000 + endpoints.length,
        hostMac: '02:00:00:00:00:01',
        podMac: '02:00:00:00:00:02',
      });
    }
    const writer = opts.writer ?? 'long-lived';
    syncer = new MapSyncer(cfg, writer === 'long-lived' ? new PinnedMapWriter() : new BpftoolWriter());
    const reconciler = new Reconciler({
      store,
      endpoints: () => endpoints,
      identities: new IdentityAllocator(),
      namespaceIdentities: new IdentityAllocator('namespaces'),
      syncer,
      nodeIps: ['10.0.0.1'],
      log: silentLogger,
    });
    const t0 = performance.now();
    const first = await reconciler.reconcile();
    const fullSyncMs = performance.now() - t0;

    // The first changes after start run code V8 has not optimised yet: a few unmeasured changes
    // first, so the figures are the agent's steady state (what every later change costs).
    const samples: number[] = [];
    for (let c = -WARMUP_CHANGES; c < opts.changes; c++) {
      const p = ((c + WARMUP_CHANGES) * 7919) % cluster.policies.length;
      const original = cluster.policies[p]!;
      const kind = kindOf(p, opts.namespaces);
      const t = performance.now();
      store.upsertPolicy(policyOfKind(original.namespace, p, kind, (c % 2) + 1));
      const r = await reconciler.reconcile();
      if (c >= 0) samples.push(performance.now() - t);
      if (process.env['SLUICE_BENCH_TRACE']) {
        process.stderr.write(
          `change ${c}: ${(performance.now() - t).toFixed(1)} ms ${JSON.stringify(r.phases)} +${r.stats.updates}/-${r.stats.deletes}\n`,
        );
      }
    }
    return {
      writer,
      pods: opts.pods,
      namespaces: opts.namespaces,
      policies: opts.policies,
      local_endpoints: endpoints.length,
      entries:
        first.stats.byMap.policy.size +
        first.stats.byMap.cidr.size +
        first.stats.byMap.ipcache.size +
        first.stats.byMap.endpoints.size,
      full_sync_ms: round(fullSyncMs),
      change_p50_ms: round(percentile(samples, 50)),
      change_p99_ms: round(percentile(samples, 99)),
      rss_mb: round(process.memoryUsage().rss / 1048576),
    };
  } finally {
    syncer?.close();
    await loader.removePins();
    await rm(stateDir, { recursive: true, force: true });
  }
}

export interface PolicyBenchPair {
  /** The agent as it runs: one long-lived map writer. */
  sluice: PolicyBenchResult;
  /** The same run with one bpftool process per sync. */
  baseline: PolicyBenchResult;
  /** baseline / sluice: above 1 means the long-lived writer is faster (unrounded). */
  ratios: { full_sync_ms: number; change_p50_ms: number; change_p99_ms: number };
}

/** Both writers on the same synthetic cluster, one after the other, in one run. */
export async function runPolicyBenchPair(opts: PolicyBenchOptions): Promise<PolicyBenchPair> {
  const baseline = await runPolicyBench({ ...opts, writer: 'process-per-sync' });
  const sluice = await runPolicyBench({ ...opts, writer: 'long-lived' });
  const ratio = (k: 'full_sync_ms' | 'change_p50_ms' | 'change_p99_ms') => baseline[k] / sluice[k];
  return {
    sluice,
    baseline,
    ratios: {
      full_sync_ms: ratio('full_sync_ms'),
      change_p50_ms: ratio('change_p50_ms'),
      change_p99_ms: ratio('change_p99_ms'),
    },
  };
}
