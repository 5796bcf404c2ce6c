// From the store to the maps: identities for every pod, the compiled policy, the desired map
// contents, and one map sync. Runs are serialised; changes that arrive during a run are coalesced
// into one more run. The core, planDatapath, is pure.

import { performance } from 'node:perf_hooks';
import { policyValueCodec } from './datapath/codecs.js';
import type { DesiredMaps, IpcacheEntry } from './datapath/desired.js';
import { desiredMaps } from './datapath/desired.js';
import { MapFullError, type MapSyncer, type SyncStats } from './datapath/map-sync.js';
import type { Endpoint } from './endpoints/types.js';
import type { IdentityAllocator } from './identity/allocator.js';
import { identityKey, namespaceLabels } from './identity/labels.js';
import type { Logger } from './log.js';
import type { AgentMetrics } from './metrics/registry.js';
import { compilePolicies } from './policy/compile.js';
import { type CompileOutput, ID_HOST, ID_INIT, type PolicyError } from './policy/types.js';
import type { Store } from './state/store.js';
import { type Namespace, podKey, type Snapshot } from './state/types.js';

export interface DatapathPlan {
  desired: DesiredMaps;
  compiled: CompileOutput;
  errors: PolicyError[];
  /** podKey -> identity */
  podIdentities: Map<string, number>;
}

/** Identity keys of every pod that takes part in policy (hostNetwork pods do not). */
export function podIdentityKeys(snapshot: Snapshot): Map<string, string> {
  const namespaces = new Map<string, Namespace>(snapshot.namespaces.map((n) => [n.name, n]));
  const out = new Map<string, string>();
  for (const pod of snapshot.pods) {
    if (pod.hostNetwork) continue;
    out.set(podKey(pod), identityKey(pod, namespaceLabels(namespaces, pod.namespace)));
  }
  return out;
}

export function planDatapath(input: {
  snapshot: Snapshot;
  endpoints: readonly Endpoint[];
  identityOfKey: ReadonlyMap<string, number>;
  nodeIps: readonly string[];
}): DatapathPlan {
  const podIdentities = new Map<string, number>();
  for (const [pod, key] of podIdentityKeys(input.snapshot))
    podIdentities.set(pod, input.identityOfKey.get(key) ?? ID_INIT);
  // An endpoint whose pod the store does not know yet is "init": matched by no selector.
  for (const ep of input.endpoints) if (!podIdentities.has(ep.podKey)) podIdentities.set(ep.podKey, ID_INIT);

  const { output: compiled, errors } = compilePolicies({
    snapshot: input.snapshot,
    endpoints: new Map(input.endpoints.map((e) => [e.podKey, e.id])),
    identities: podIdentities,
  });
  const ipcache: IpcacheEntry[] = input.nodeIps.map((ip) => ({ prefix: ip, identity: ID_HOST }));
  for (const pod of input.snapshot.pods) {
    if (pod.hostNetwork || !pod.ip) continue;
    ipcache.push({ prefix: pod.ip, identity: podIdentities.get(podKey(pod)) ?? ID_INIT });
  }
  for (const ep of input.endpoints)
    ipcache.push({ prefix: ep.ip, identity: podIdentities.get(ep.podKey) ?? ID_INIT });
  const desired = desiredMaps({ endpoints: input.endpoints, identities: podIdentities, ipcache, compiled });
  return { desired, compiled, errors, podIdentities };
}

export interface ReconcileResult {
  storeVersion: number;
  stats: SyncStats;
  plan: DatapathPlan;
  durationMs: number;
}

export interface ReconcilerDeps {
  store: Store;
  endpoints: () => readonly Endpoint[];
  identities: IdentityAllocator;
  syncer: MapSyncer;
  nodeIps: readonly string[];
  log: Logger;
  /** Called with the policies the compiler refused (logged already). */
  onPolicyErrors?: (errors: PolicyError[]) => void;
  metrics?: AgentMetrics;
}

/** The NetworkPolicies behind policy entries that did not fit, for the error report. */
export function policiesOf(entries: readonly [string, Buffer][], compiled: CompileOutput): string[] {
  const names = new Set<string>();
  for (const [, value] of entries) {
    const rule = compiled.rules.get(policyValueCodec.decode(value).rule_id);
    if (rule) names.add(rule.policy);
  }
  return [...names].sort();
}

export class Reconciler {
  private running: Promise<ReconcileResult> | undefined;
  private pending: Promise<ReconcileResult> | undefined;
  last: ReconcileResult | undefined;

  constructor(private readonly deps: ReconcilerDeps) {}

  /** Resolves with a run that started after this call, i.e. one that saw every earlier change.
   * Callers arriving while a run is in flight share the one run that follows it. */
  reconcile(): Promise<ReconcileResult> {
    if (!this.running) return this.start();
    this.pending ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.pending = undefined;
        return this.running ?? this.start();
      });
    return this.pending;
  }

  private start(): Promise<ReconcileResult> {
    this.running = this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runOnce(): Promise<ReconcileResult> {
    const start = performance.now();
    const { store, identities, syncer, log } = this.deps;
    const storeVersion = store.version;
    const snapshot = store.snapshot();
    const endpoints = this.deps.endpoints();
    const keys = podIdentityKeys(snapshot);
    const identityOfKey = await identities.assign(keys.values());
    const plan = planDatapath({ snapshot, endpoints, identityOfKey, nodeIps: this.deps.nodeIps });
    if (plan.errors.length > 0) {
      for (const e of plan.errors)
        log.warn({ policy: e.policy, field: e.field }, `policy rejected: ${e.message}`);
      this.deps.onPolicyErrors?.(plan.errors);
    }
    const metrics = this.deps.metrics;
    let stats: SyncStats;
    try {
      stats = await syncer.sync(plan.desired);
    } catch (err) {
      if (err instanceof MapFullError) {
        const policies =
          err.mapId === 'policy' || err.mapId === 'cidr' ? policiesOf(err.notApplied, plan.compiled) : [];
        log.error({ map: err.map, capacity: err.capacity, needed: err.needed, policies }, err.message);
        metrics?.mapSyncErrors.inc({ map: err.map, reason: 'full' });
      } else {
        log.error({ err }, 'map sync failed');
        metrics?.mapSyncErrors.inc({ map: 'all', reason: 'bpftool' });
      }
      throw err;
    }
    const result = { storeVersion, stats, plan, durationMs: performance.now() - start };
    this.last = result;
    metrics?.policySyncDuration.observe(result.durationMs / 1000);
    for (const [id, s] of Object.entries(stats.byMap)) metrics?.mapEntries.set({ map: id }, s.size);
    metrics?.endpoints.set(endpoints.length);
    metrics?.identities.set(identityOfKey.size);
    log.debug(
      { storeVersion, updates: stats.updates, deletes: stats.deletes, ms: result.durationMs },
      'maps synced',
    );
    return result;
  }
}
