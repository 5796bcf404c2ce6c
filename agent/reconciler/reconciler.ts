// From the store to the maps: identities for every pod, the compiled policy, the desired map
// contents, and one map sync. Runs are serialised; changes that arrive during a run are coalesced
// into one more run. The core, planDatapath, is pure.

import { performance } from 'node:perf_hooks';
import { policyValueCodec } from '../datapath/codecs.js';
import {
  type DesiredCache,
  type DesiredMaps,
  desiredMaps,
  type IpcacheEntry,
  newDesiredCache,
} from '../datapath/desired.js';
import { MapFullError, type MapSyncer, type SyncStats } from '../datapath/map-sync.js';
import { isThisNode } from '../datapath/routing.js';
import type { Endpoint } from '../endpoints/types.js';
import type { IdentityAllocator } from '../identity/allocator.js';
import { identityKey, namespaceLabels } from '../identity/labels.js';
import type { AgentMetrics } from '../metrics/registry.js';
import { type Namespace, type Node, type Pod, podKey, type Snapshot } from '../model/types.js';
import type { PolicyError } from '../model/validate-policy.js';
import type { ServiceProblem } from '../model/validate-service.js';
import { containsIp, ipv4OrMinusOne, parseCidr } from '../net/ipv4.js';
import { type CompileCache, compilePolicies, newCompileCache } from '../policy/compile.js';
import {
  type CompileOutput,
  ID_FIRST_LABELS,
  ID_HOST,
  ID_INIT,
  ID_REMOTE_NODE,
  ID_WORLD,
} from '../policy/types.js';
import { compileServices, type Frontend } from '../services/compile.js';
import { deriveEndpointSlices } from '../services/derive.js';
import { encodeLb, type LbCache } from '../services/encode.js';
import { FrontendIds } from '../services/frontend-ids.js';
import type { Store } from '../state/store.js';
import type { Logger } from '../sys/log.js';

export interface DatapathPlan {
  desired: DesiredMaps;
  compiled: CompileOutput;
  errors: PolicyError[];
  /** podKey -> identity */
  podIdentities: Map<string, number>;
  /** The Service frontends this node serves, and their ids. */
  frontends: readonly Frontend[];
  frontendIds: ReadonlyMap<string, number>;
  serviceProblems: ServiceProblem[];
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

/**
 * Memo of earlier plans, owned by the caller. Plans are the same with or without it; it skips the
 * steps whose inputs are the same objects as last time (the store keeps per-kind arrays, the
 * compiler and encoders keep per-endpoint results), so one policy change costs the endpoints it
 * touches, not the cluster.
 */
export interface PlanCache {
  compile: CompileCache;
  desired: DesiredCache;
  keys?: { pods: Snapshot['pods']; namespaces: Snapshot['namespaces']; value: Map<string, string> };
  podIdentities?: {
    keys: Map<string, string>;
    identityOfKey: ReadonlyMap<string, number>;
    endpoints: readonly Endpoint[];
    value: Map<string, number>;
  };
  ipcache?: {
    namespaceIdentities: ReadonlyMap<string, number> | undefined;
    pods: Snapshot['pods'];
    nodes: Snapshot['nodes'];
    identityNamespaces: Map<number, number>;
    podIdentities: Map<string, number>;
    endpoints: readonly Endpoint[];
    nodeIps: readonly string[];
    nodeIpsV6: readonly string[] | undefined;
    value: IpcacheEntry[];
  };
  services?: {
    pods: Snapshot['pods'];
    services: Snapshot['services'];
    slices: Snapshot['endpointSlices'];
    endpoints: readonly Endpoint[];
    nodeIps: readonly string[];
    nodeIpsV6: readonly string[] | undefined;
    value: ReturnType<typeof compileServices>;
  };
  lb: LbCache;
  /** Frontend ids in use; a caller that restarts over pinned maps seeds it from them. */
  frontendIds: FrontendIds;
}

export function newPlanCache(): PlanCache {
  return {
    compile: newCompileCache(),
    desired: newDesiredCache(),
    lb: new Map(),
    frontendIds: new FrontendIds(),
  };
}

/** podIdentityKeys, memoised on the store's pod and namespace arrays. */
export function cachedIdentityKeys(snapshot: Snapshot, cache: PlanCache): Map<string, string> {
  const k = cache.keys;
  if (k && k.pods === snapshot.pods && k.namespaces === snapshot.namespaces) return k.value;
  const value = podIdentityKeys(snapshot);
  cache.keys = { pods: snapshot.pods, namespaces: snapshot.namespaces, value };
  return value;
}

/** Every namespace the snapshot mentions: objects and the namespaces of pods. */
export function namespaceNames(snapshot: Snapshot): string[] {
  return [
    ...new Set([...snapshot.namespaces.map((n) => n.name), ...snapshot.pods.map((p) => p.namespace)]),
  ].sort();
}

/**
 * Pure: what the ipcache holds. This node's addresses are HOST, other nodes' REMOTE_NODE; every
 * pod with an address has its identity and namespace identity, and a pod of another node (by
 * spec.nodeName, else by the node whose pod CIDR holds it) also that node's address, where the
 * tunnel takes it. Another node's whole pod CIDR goes there too (WORLD until its pods are known).
 * Dual-stack: a pod's IPv6 address is an entry like its IPv4 one, another node's IPv6 pod CIDR too
 * (reached through that node's InternalIP, IPv4 underneath); this node's IPv6 addresses are HOST
 * and other nodes' IPv6 InternalIPs REMOTE_NODE, as their IPv4 ones. Also: the namespace identity
 * of every label identity, for packets from the tunnel.
 */
export function ipcacheEntries(input: {
  snapshot: Snapshot;
  endpoints: readonly Endpoint[];
  podIdentities: ReadonlyMap<string, number>;
  namespaceIdentities?: ReadonlyMap<string, number> | undefined;
  nodeIps: readonly string[];
  /** A dual-stack node's own IPv6 addresses. */
  nodeIpsV6?: readonly string[] | undefined;
  nodes: readonly Node[];
  nodeName?: string | undefined;
}): { ipcache: IpcacheEntry[]; identityNamespaces: Map<number, number> } {
  const { snapshot, endpoints, podIdentities, namespaceIdentities, nodeIps } = input;
  const nodeIpsV6 = input.nodeIpsV6 ?? [];
  const self = { name: input.nodeName, addresses: [...nodeIps, ...nodeIpsV6] };
  const others = input.nodes.filter((n) => !isThisNode(n, self));
  const byName = new Map(others.map((n) => [n.name, n]));
  const cidrs = others.flatMap((n) => (n.podCidr ? [{ node: n, ...parseCidr(n.podCidr) }] : []));
  const nodeOf = (pod: Pod): Node | undefined => {
    if (pod.nodeName !== undefined) return byName.get(pod.nodeName);
    const addr = ipv4OrMinusOne(pod.ip!);
    return cidrs.find((c) => containsIp(c, addr))?.node;
  };
  const ipcache: IpcacheEntry[] = [...nodeIps, ...nodeIpsV6].map((ip) => ({ prefix: ip, identity: ID_HOST }));
  for (const n of others) {
    ipcache.push({ prefix: n.internalIp, identity: ID_REMOTE_NODE });
    // Never one of this node's own (HOST) addresses: isThisNode kept such a node out of others.
    if (n.internalIpV6) ipcache.push({ prefix: n.internalIpV6, identity: ID_REMOTE_NODE });
    if (n.podCidr) ipcache.push({ prefix: n.podCidr, identity: ID_WORLD, tunnelEndpoint: n.internalIp });
    if (n.podCidrV6) ipcache.push({ prefix: n.podCidrV6, identity: ID_WORLD, tunnelEndpoint: n.internalIp });
  }
  const identityNamespaces = new Map<number, number>();
  const entry = (ip: string, podKeyOf: string, namespace: string, node?: Node): IpcacheEntry => {
    const identity = podIdentities.get(podKeyOf) ?? ID_INIT;
    const namespaceIdentity = namespaceIdentities?.get(namespace) ?? 0;
    if (identity >= ID_FIRST_LABELS && namespaceIdentity) identityNamespaces.set(identity, namespaceIdentity);
    return { prefix: ip, identity, namespaceIdentity, ...(node ? { tunnelEndpoint: node.internalIp } : {}) };
  };
  const localPods = new Set(endpoints.map((e) => e.podKey));
  for (const pod of snapshot.pods) {
    if (pod.hostNetwork || !pod.ip) continue;
    const key = podKey(pod);
    const node = localPods.has(key) ? undefined : nodeOf(pod);
    ipcache.push(entry(pod.ip, key, pod.namespace, node));
    if (pod.ipv6) ipcache.push(entry(pod.ipv6, key, pod.namespace, node));
  }
  for (const ep of endpoints) {
    const namespace = ep.podKey.split('/')[0]!;
    ipcache.push(entry(ep.ip, ep.podKey, namespace));
    if (ep.ipv6) ipcache.push(entry(ep.ipv6, ep.podKey, namespace));
  }
  return { ipcache, identityNamespaces };
}

export function planDatapath(
  input: {
    snapshot: Snapshot;
    endpoints: readonly Endpoint[];
    identityOfKey: ReadonlyMap<string, number>;
    /** Namespace name -> namespace identity; without it namespace peers enumerate pods. */
    namespaceIdentities?: ReadonlyMap<string, number> | undefined;
    nodeIps: readonly string[];
    /** A dual-stack node's own IPv6 addresses (the ipcache's HOST entries; the NodePorts of
     * Services with the IPv6 family). */
    nodeIpsV6?: readonly string[] | undefined;
    /** This node's name: Services with a traffic policy Local keep its endpoints. */
    nodeName?: string | undefined;
    /** Local mode: no endpoint-slice controller runs, so Services' selectors are resolved here. */
    deriveEndpointSlices?: boolean | undefined;
  },
  cache: PlanCache = newPlanCache(),
): DatapathPlan {
  const { snapshot, endpoints, identityOfKey, nodeIps, namespaceIdentities } = input;
  const keys = cachedIdentityKeys(snapshot, cache);
  const pi = cache.podIdentities;
  let podIdentities: Map<string, number>;
  if (pi && pi.keys === keys && pi.identityOfKey === identityOfKey && pi.endpoints === endpoints) {
    podIdentities = pi.value;
  } else {
    podIdentities = new Map();
    for (const [pod, key] of keys) podIdentities.set(pod, identityOfKey.get(key) ?? ID_INIT);
    // An endpoint whose pod the store does not know yet is "init": matched by no selector.
    for (const ep of endpoints) if (!podIdentities.has(ep.podKey)) podIdentities.set(ep.podKey, ID_INIT);
    cache.podIdentities = { keys, identityOfKey, endpoints, value: podIdentities };
  }

  const { output: compiled, errors } = compilePolicies(
    {
      snapshot,
      endpoints: new Map(endpoints.map((e) => [e.podKey, e.id])),
      identities: podIdentities,
      ...(namespaceIdentities ? { namespaceIdentities } : {}),
    },
    cache.compile,
  );

  const ic = cache.ipcache;
  let ipcache: IpcacheEntry[];
  let identityNamespaces: Map<number, number>;
  if (
    ic &&
    ic.pods === snapshot.pods &&
    ic.nodes === snapshot.nodes &&
    ic.podIdentities === podIdentities &&
    ic.endpoints === endpoints &&
    ic.nodeIps === nodeIps &&
    ic.nodeIpsV6 === input.nodeIpsV6 &&
    ic.namespaceIdentities === namespaceIdentities
  ) {
    ipcache = ic.value;
    identityNamespaces = ic.identityNamespaces;
  } else {
    ({ ipcache, identityNamespaces } = ipcacheEntries({
      ...input,
      podIdentities,
      nodes: snapshot.nodes ?? [],
    }));
    cache.ipcache = {
      pods: snapshot.pods,
      nodes: snapshot.nodes,
      podIdentities,
      endpoints,
      nodeIps,
      nodeIpsV6: input.nodeIpsV6,
      namespaceIdentities,
      value: ipcache,
      identityNamespaces,
    };
  }
  const sc = cache.services;
  let services: ReturnType<typeof compileServices>;
  if (
    sc &&
    sc.services === snapshot.services &&
    sc.slices === snapshot.endpointSlices &&
    sc.endpoints === endpoints &&
    sc.nodeIps === nodeIps &&
    sc.nodeIpsV6 === input.nodeIpsV6 &&
    (!input.deriveEndpointSlices || sc.pods === snapshot.pods)
  ) {
    services = sc.value;
  } else {
    const given = snapshot.endpointSlices ?? [];
    services = compileServices({
      services: snapshot.services ?? [],
      endpointSlices: input.deriveEndpointSlices
        ? [
            ...given,
            ...deriveEndpointSlices(
              snapshot.services ?? [],
              snapshot.pods,
              new Map(endpoints.map((e) => [e.podKey, e.ip])),
              new Map(endpoints.flatMap((e): [string, string][] => (e.ipv6 ? [[e.podKey, e.ipv6]] : []))),
            ),
          ]
        : given,
      nodeIps,
      ...(input.nodeIpsV6 ? { nodeIpsV6: input.nodeIpsV6 } : {}),
      ...(input.nodeName ? { nodeName: input.nodeName } : {}),
      localAddresses: new Set(endpoints.flatMap((e) => (e.ipv6 ? [e.ip, e.ipv6] : [e.ip]))),
    });
    cache.services = {
      pods: snapshot.pods,
      services: snapshot.services,
      slices: snapshot.endpointSlices,
      endpoints,
      nodeIps,
      nodeIpsV6: input.nodeIpsV6,
      value: services,
    };
  }
  const frontendIds = cache.frontendIds.assign(services.frontends.map((f) => f.key));
  const desired = desiredMaps(
    {
      endpoints,
      identities: podIdentities,
      ipcache,
      identityNamespaces,
      compiled,
      ...(namespaceIdentities ? { namespaceIdentities } : {}),
      lb: encodeLb(services.frontends, frontendIds, cache.lb),
    },
    cache.desired,
  );
  return {
    desired,
    compiled,
    errors,
    podIdentities,
    frontends: services.frontends,
    frontendIds,
    serviceProblems: services.problems,
  };
}

export interface ReconcileResult {
  storeVersion: number;
  stats: SyncStats;
  plan: DatapathPlan;
  durationMs: number;
  /** Where the time went: identity keys and allocation, compile and encode, map sync. */
  phases: { identitiesMs: number; planMs: number; syncMs: number };
}

export interface ReconcilerDeps {
  store: Store;
  endpoints: () => readonly Endpoint[];
  identities: IdentityAllocator;
  /** Namespace identities (IdentityAllocator of kind 'namespaces'); without them namespace
   * selectors enumerate pods into the policy map. */
  namespaceIdentities?: IdentityAllocator;
  syncer: MapSyncer;
  nodeIps: readonly string[];
  /** A dual-stack node's own IPv6 addresses. */
  nodeIpsV6?: readonly string[];
  nodeName?: string;
  deriveEndpointSlices?: boolean;
  log: Logger;
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
  private readonly cache = newPlanCache();
  private reported = new Set<string>();
  private lastKeys: Map<string, string> | undefined;
  private identityOfKey: ReadonlyMap<string, number> = new Map();
  private lastNamespaces: Snapshot['namespaces'] | undefined;
  private lastNamespacePods: Snapshot['pods'] | undefined;
  private namespaceIdentityOf: ReadonlyMap<string, number> | undefined;

  constructor(private readonly deps: ReconcilerDeps) {}

  /** Frontend ids the pinned maps hold (a restarted agent keeps them: conntrack refers to them). */
  seedFrontendIds(entries: Iterable<[string, number]>): void {
    this.cache.frontendIds.seed(entries);
  }

  /** Label identities in use: canonical label key -> id. */
  identityTable(): ReadonlyMap<string, number> {
    return this.identityOfKey;
  }

  /** Namespace identities in use: namespace -> id. */
  namespaceIdentityTable(): ReadonlyMap<string, number> {
    return this.namespaceIdentityOf ?? new Map();
  }

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

  private repairNext = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private repairTimer: NodeJS.Timeout | undefined;

  /** A run that first re-reads every map, so entries changed behind the agent's back are rewritten. */
  repair(): Promise<ReconcileResult> {
    this.repairNext = true;
    return this.reconcile();
  }

  /** Repairs every intervalMs (0: never). */
  startPeriodicRepair(intervalMs: number): void {
    if (this.repairTimer) clearInterval(this.repairTimer);
    if (intervalMs <= 0) return;
    this.repairTimer = setInterval(() => this.repair().catch(() => undefined), intervalMs);
    this.repairTimer.unref();
  }

  /** No more retries or repairs (the agent is stopping). */
  stop(): void {
    clearTimeout(this.retryTimer);
    clearInterval(this.repairTimer);
    this.retryTimer = undefined;
    this.repairTimer = undefined;
  }

  private start(): Promise<ReconcileResult> {
    this.running = this.runOnce().finally(() => {
      this.running = undefined;
    });
    this.running.then(
      () => {
        this.failures = 0;
      },
      () => this.retryLater(),
    );
    return this.running;
  }

  /** A failed run is tried again with backoff (0.5 s doubling to 30 s) until one succeeds. */
  private retryLater(): void {
    if (this.retryTimer) return;
    const delay = Math.min(30_000, 500 * 2 ** Math.min(this.failures, 6));
    this.failures += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.deps.metrics?.reconcileRetries.inc();
      this.reconcile().catch(() => undefined);
    }, delay);
    this.retryTimer.unref();
  }

  private async runOnce(): Promise<ReconcileResult> {
    const start = performance.now();
    const { store, identities, syncer, log } = this.deps;
    const storeVersion = store.version;
    const snapshot = store.snapshot();
    const endpoints = this.deps.endpoints();
    const keys = cachedIdentityKeys(snapshot, this.cache);
    if (keys !== this.lastKeys) {
      this.identityOfKey = identities.assign(keys.values());
      this.lastKeys = keys;
    }
    const identityOfKey = this.identityOfKey;
    const nsAllocator = this.deps.namespaceIdentities;
    if (
      nsAllocator &&
      (snapshot.namespaces !== this.lastNamespaces || snapshot.pods !== this.lastNamespacePods)
    ) {
      this.namespaceIdentityOf = nsAllocator.assign(namespaceNames(snapshot));
      this.lastNamespaces = snapshot.namespaces;
      this.lastNamespacePods = snapshot.pods;
    }
    const tPlan = performance.now();
    const plan = planDatapath(
      {
        snapshot,
        endpoints,
        identityOfKey,
        namespaceIdentities: this.namespaceIdentityOf,
        nodeIps: this.deps.nodeIps,
        nodeIpsV6: this.deps.nodeIpsV6,
        nodeName: this.deps.nodeName,
        deriveEndpointSlices: this.deps.deriveEndpointSlices,
      },
      this.cache,
    );
    // Each problem is logged once, when it appears, not again on every later reconcile.
    const problems = new Set<string>();
    for (const e of plan.errors) {
      const text = `${e.warning ? 'policy partly ignored' : 'policy rejected'}: ${e.message}`;
      const key = `${e.policy}\0${e.field}\0${text}`;
      problems.add(key);
      if (!this.reported.has(key)) log.warn({ policy: e.policy, field: e.field }, text);
    }
    for (const p of plan.serviceProblems) {
      const key = `${p.object}\0${p.field}\0${p.message}`;
      problems.add(key);
      if (!this.reported.has(key)) log.warn({ object: p.object, field: p.field }, p.message);
    }
    this.reported = problems;
    const metrics = this.deps.metrics;
    const tSync = performance.now();
    let stats: SyncStats;
    try {
      const repairing = this.repairNext;
      this.repairNext = false;
      stats = repairing ? await syncer.repair(plan.desired) : await syncer.sync(plan.desired);
      if (repairing) {
        for (const [id, s] of Object.entries(stats.byMap)) {
          const n = s.updates + s.deletes;
          if (n > 0) {
            metrics?.mapRepairs.inc({ map: id }, n);
            log.warn(
              { map: id, updates: s.updates, deletes: s.deletes },
              'map differed from what the agent wrote: repaired',
            );
          }
        }
      }
    } catch (err) {
      if (err instanceof MapFullError) {
        const policies =
          err.mapId === 'policy' || err.mapId === 'cidr' || err.mapId === 'cidr6'
            ? policiesOf(err.notApplied, plan.compiled)
            : [];
        log.error({ map: err.map, capacity: err.capacity, needed: err.needed, policies }, err.message);
        metrics?.mapSyncErrors.inc({ map: err.map, reason: 'full' });
      } else {
        log.error({ err }, 'map sync failed');
        metrics?.mapSyncErrors.inc({ map: 'all', reason: 'bpftool' });
      }
      throw err;
    }
    const end = performance.now();
    const phases = { identitiesMs: tPlan - start, planMs: tSync - tPlan, syncMs: end - tSync };
    const result = { storeVersion, stats, plan, durationMs: end - start, phases };
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
