// Kubernetes as the source: informers for pods (all of them: the ipcache needs every pod's
// identity), namespaces, NetworkPolicies, Services, EndpointSlices (written by the API server's
// endpoint-slice controller) and Nodes (where other nodes' pods are) feed the same store as local
// manifests. A list or watch that fails is retried with backoff; 410 Gone relists (the informer
// does that); a watch silent for too long is restarted by a watchdog. Rejected (or partly ignored) policies, Services and EndpointSlices
// become Kubernetes Events on the object; a Node that cannot be used (no IPv4 InternalIP) is logged.

import {
  CoreV1Api,
  DiscoveryV1Api,
  type Informer,
  KubeConfig,
  type KubernetesObject,
  ListWatch,
  makeInformer,
  NetworkingV1Api,
  type V1EndpointSlice,
  type V1Namespace,
  type V1NetworkPolicy,
  type V1Node,
  type V1ObjectReference,
  type V1Pod,
  type V1Service,
  Watch,
} from '@kubernetes/client-node';
import type { AgentMetrics } from '../metrics/registry.js';
import {
  type ContainerPort,
  type EndpointSlice,
  type NetworkPolicy,
  type Node,
  type Pod,
  PROTOCOLS,
  type Protocol,
  type Service,
} from '../model/types.js';
import type { PolicyError } from '../model/validate-policy.js';
import type { ServiceProblem } from '../model/validate-service.js';
import type { Store } from '../state/store.js';
import type { Logger } from '../sys/log.js';
import {
  type NodeProblem,
  nodePodCidrs,
  parseEndpointSlice,
  parseNode,
  parseService,
  podAddresses,
} from './manifests.js';

export function loadKubeConfig(path?: string): KubeConfig {
  const kc = new KubeConfig();
  if (path) kc.loadFromFile(path);
  else kc.loadFromDefault();
  return kc;
}

export function podFromK8s(p: V1Pod): Pod | undefined {
  const meta = p.metadata;
  if (!meta?.name || !meta.namespace) return undefined;
  // A finished pod's IP may already belong to another pod.
  if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') return undefined;
  const ports: ContainerPort[] = [];
  for (const c of p.spec?.containers ?? []) {
    for (const port of c.ports ?? []) {
      const protocol = (port.protocol ?? 'TCP') as Protocol;
      if (!PROTOCOLS.includes(protocol)) continue;
      ports.push({ containerPort: port.containerPort, protocol, ...(port.name ? { name: port.name } : {}) });
    }
  }
  return {
    namespace: meta.namespace,
    name: meta.name,
    labels: { ...(meta.labels ?? {}) },
    ports,
    ...podAddresses(p.status?.podIPs, p.status?.podIP),
    ...(p.spec?.hostNetwork ? { hostNetwork: true } : {}),
    ...(p.spec?.nodeName ? { nodeName: p.spec.nodeName } : {}),
  };
}

export function policyFromK8s(p: V1NetworkPolicy): NetworkPolicy | undefined {
  const meta = p.metadata;
  if (!meta?.name || !meta.namespace || !p.spec) return undefined;
  // The client already uses the API's field names; keep the spec as the API gave it.
  return {
    ...(JSON.parse(JSON.stringify(p.spec)) as Omit<NetworkPolicy, 'namespace' | 'name'>),
    namespace: meta.namespace,
    name: meta.name,
  };
}

/** The API's object as plain JSON (camelCase fields, as in manifests), for the manifest parsers. */
function plain(o: KubernetesObject): Record<string, unknown> {
  return JSON.parse(JSON.stringify(o)) as Record<string, unknown>;
}

/** A Service in the store's shape, or a problem refusing it (one the parser cannot read). */
export function serviceFromK8s(s: V1Service): Service | ServiceProblem | undefined {
  const meta = s.metadata;
  if (!meta?.name || !meta.namespace) return undefined;
  const object = `Service ${meta.namespace}/${meta.name}`;
  try {
    return parseService(plain(s), meta.namespace, meta.name, object);
  } catch (err) {
    return { object, field: 'spec', message: (err as Error).message };
  }
}

export function endpointSliceFromK8s(s: V1EndpointSlice): EndpointSlice | undefined {
  const meta = s.metadata;
  if (!meta?.name || !meta.namespace) return undefined;
  const doc = plain(s);
  return parseEndpointSlice(
    doc,
    (doc['metadata'] ?? {}) as Record<string, unknown>,
    meta.namespace,
    meta.name,
  );
}

/**
 * A Node in the store's shape (first IPv4 InternalIP, first IPv6 InternalIP; spec.podCIDR, or the
 * first IPv4 of spec.podCIDRs, and the first IPv6 one), or why it cannot be used: a node without
 * an IPv4 InternalIP cannot be reached, nor one whose addresses or pod CIDRs are malformed.
 */
export function nodeFromKubernetes(n: V1Node, skippedIpv6?: NodeProblem[]): Node | NodeProblem | undefined {
  const name = n.metadata?.name;
  if (!name) return undefined;
  return parseNode(plain(n), name, skippedIpv6);
}

interface Watched {
  resource: string;
  informer: Informer<KubernetesObject>;
  lastSeen: number;
  synced: boolean;
  /** run() is starting the informer: a list or watch failure is its to retry. */
  starting: boolean;
  /** The failure reported while starting, if any. */
  startError?: unknown;
}

export class KubernetesSource {
  private readonly watched: Watched[] = [];
  private watchdog: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly core: CoreV1Api;
  /** Per Service, EndpointSlice or Node: the problems last reported (again only when they change). */
  private readonly reportedProblems = new Map<string, string>();

  constructor(
    private readonly kc: KubeConfig,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly metrics?: AgentMetrics,
    private readonly opts: { silentWatchMs?: number } = {},
  ) {
    this.core = kc.makeApiClient(CoreV1Api);
  }

  /** The node's pod CIDRs, IPv4 and (dual-stack) IPv6, as parseNode reads them (spec.podCIDR,
   * spec.podCIDRs); a field that is not a CIDR is an error naming it. Read once; retried by the
   * caller. */
  async nodePodCidrs(nodeName: string): Promise<{ podCidr?: string; podCidrV6?: string }> {
    const node = await this.core.readNode({ name: nodeName });
    this.metrics?.kubernetesApiCalls.inc({ call: 'readNode' });
    const cidrs = nodePodCidrs(plain(node)['spec']);
    if ('field' in cidrs) throw new Error(`node ${nodeName}: ${cidrs.field}: ${cidrs.message}`);
    return cidrs;
  }

  /**
   * Starts the informers; resolves once each has listed at least once. With nodeName, pods on
   * this node are also watched (field selector spec.nodeName) so that a pod removed without a CNI
   * DEL (a crashed kubelet, a forced delete) still gets its endpoint released: onLocalPodGone.
   */
  async start(local?: {
    nodeName: string;
    onLocalPodGone: (namespace: string, name: string) => void;
  }): Promise<void> {
    const net = this.kc.makeApiClient(NetworkingV1Api);
    const discovery = this.kc.makeApiClient(DiscoveryV1Api);
    this.add<V1Namespace>('namespaces', '/api/v1/namespaces', () => this.core.listNamespace(), {
      upsert: (o) =>
        o.metadata?.name &&
        this.store.upsertNamespace({ name: o.metadata.name, labels: { ...(o.metadata.labels ?? {}) } }),
      remove: (o) => o.metadata?.name && this.store.deleteNamespace(o.metadata.name),
    });
    this.add<V1Pod>('pods', '/api/v1/pods', () => this.core.listPodForAllNamespaces(), {
      upsert: (o) => {
        const pod = podFromK8s(o);
        if (pod) this.store.upsertPod(pod);
        else if (o.metadata?.name && o.metadata.namespace)
          this.store.deletePod(o.metadata.namespace, o.metadata.name);
      },
      remove: (o) =>
        o.metadata?.name &&
        o.metadata.namespace &&
        this.store.deletePod(o.metadata.namespace, o.metadata.name),
    });
    this.add<V1NetworkPolicy>(
      'networkpolicies',
      '/apis/networking.k8s.io/v1/networkpolicies',
      () => net.listNetworkPolicyForAllNamespaces(),
      {
        upsert: (o) => {
          const policy = policyFromK8s(o);
          if (!policy) return;
          const errors = this.store.upsertPolicy(policy);
          if (errors.length > 0) void this.reportPolicyErrors(errors);
        },
        remove: (o) =>
          o.metadata?.name &&
          o.metadata.namespace &&
          this.store.deletePolicy(o.metadata.namespace, o.metadata.name),
      },
    );
    this.add<V1Service>('services', '/api/v1/services', () => this.core.listServiceForAllNamespaces(), {
      upsert: (o) => {
        const svc = serviceFromK8s(o);
        if (!svc) return;
        const ref = this.ref('v1', 'Service', o);
        if ('object' in svc) return this.reportServiceProblems(ref, [svc]);
        this.reportServiceProblems(ref, this.store.upsertService(svc));
      },
      remove: (o) => {
        if (!o.metadata?.name || !o.metadata.namespace) return;
        this.store.deleteService(o.metadata.namespace, o.metadata.name);
        this.reportedProblems.delete(this.ref('v1', 'Service', o).key);
      },
    });
    this.add<V1EndpointSlice>(
      'endpointslices',
      '/apis/discovery.k8s.io/v1/endpointslices',
      () => discovery.listEndpointSliceForAllNamespaces(),
      {
        upsert: (o) => {
          const slice = endpointSliceFromK8s(o);
          if (!slice) return;
          const ref = this.ref('discovery.k8s.io/v1', 'EndpointSlice', o);
          this.reportServiceProblems(ref, this.store.upsertEndpointSlice(slice));
        },
        remove: (o) => {
          if (!o.metadata?.name || !o.metadata.namespace) return;
          this.store.deleteEndpointSlice(o.metadata.namespace, o.metadata.name);
          this.reportedProblems.delete(this.ref('discovery.k8s.io/v1', 'EndpointSlice', o).key);
        },
      },
    );
    this.add<V1Node>('nodes', '/api/v1/nodes', () => this.core.listNode(), {
      upsert: (o) => {
        // An IPv6 InternalIP no node can route to leaves the node usable over IPv4, with a warning.
        const skipped: NodeProblem[] = [];
        const node = nodeFromKubernetes(o, skipped);
        if (!node) return;
        const key = `Node ${o.metadata?.name}`;
        if ('field' in node) {
          // The last usable version (if any) stays: an address the kubelet drops for a moment
          // should not cut the node's pods off.
          const text = `${node.field}: ${node.message}`;
          if (this.reportedProblems.get(key) === text) return;
          this.reportedProblems.set(key, text);
          this.log.warn(
            { object: key, field: node.field },
            `Node ignored: ${node.message}; its last usable version (if any) stays`,
          );
          return;
        }
        const text = skipped.map((p) => `${p.field}: ${p.message}`).join('; ');
        if (text && this.reportedProblems.get(key) !== text)
          this.log.warn(
            { object: key, fields: skipped.map((p) => p.field) },
            `Node's IPv6 InternalIP ignored (its pods get no IPv6 route through it): ${text}`,
          );
        if (text) this.reportedProblems.set(key, text);
        else this.reportedProblems.delete(key);
        this.store.upsertNode(node);
      },
      remove: (o) => {
        if (!o.metadata?.name) return;
        this.store.deleteNode(o.metadata.name);
        this.reportedProblems.delete(`Node ${o.metadata.name}`);
      },
    });
    if (local) {
      this.add<V1Pod>(
        'pods on this node',
        '/api/v1/pods',
        () => this.core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${local.nodeName}` }),
        {
          upsert: () => undefined,
          remove: (o) =>
            o.metadata?.name &&
            o.metadata.namespace &&
            local.onLocalPodGone(o.metadata.namespace, o.metadata.name),
        },
        `spec.nodeName=${local.nodeName}`,
      );
    }
    await Promise.all(this.watched.map((w) => this.run(w, 0)));
    const silent = this.opts.silentWatchMs ?? 5 * 60_000;
    this.watchdog = setInterval(
      () => {
        for (const w of this.watched) {
          if (Date.now() - w.lastSeen > silent) {
            this.log.warn({ resource: w.resource }, 'watch silent for too long: restarting it');
            this.metrics?.kubernetesWatchRestarts.inc({ resource: w.resource, reason: 'silent' });
            w.lastSeen = Date.now();
            void w.informer.stop().then(() => this.run(w, 0));
          }
        }
      },
      Math.min(silent, 30_000),
    );
    this.watchdog.unref();
  }

  get synced(): boolean {
    return this.watched.length > 0 && this.watched.every((w) => w.synced);
  }

  private add<T extends KubernetesObject>(
    resource: string,
    path: string,
    list: () => Promise<{ items: T[]; metadata?: { resourceVersion?: string } }>,
    on: { upsert: (o: T) => unknown; remove: (o: T) => unknown },
    fieldSelector?: string,
  ): void {
    const listFn = async () => {
      const r = await list();
      this.metrics?.kubernetesApiCalls.inc({ call: `list ${resource}` });
      return r as never;
    };
    const informer = (fieldSelector
      ? new ListWatch<T>(path, new Watch(this.kc), listFn, false, undefined, fieldSelector)
      : makeInformer<T>(this.kc, path, listFn)) as unknown as Informer<KubernetesObject>;
    const w: Watched = { resource, informer, lastSeen: Date.now(), synced: false, starting: false };
    const event = (type: string, fn: (o: T) => unknown) => (o: KubernetesObject) => {
      w.lastSeen = Date.now();
      this.metrics?.kubernetesEvents.inc({ resource, type });
      fn(o as T);
    };
    informer.on('add', event('add', on.upsert));
    informer.on('update', event('update', on.upsert));
    informer.on('delete', event('delete', on.remove));
    informer.on('connect', () => {
      w.lastSeen = Date.now();
    });
    informer.on('error', (err: unknown) => {
      if (this.stopped) return;
      // The informer reports a failed list or watch here, not by rejecting start(): while run()
      // is starting it, the failure is run()'s to retry (with growing backoff, not synced).
      if (w.starting) {
        w.startError = err;
        return;
      }
      this.log.warn(
        { resource, err: (err as Error)?.message ?? String(err) },
        'watch failed: restarting with backoff',
      );
      this.metrics?.kubernetesWatchRestarts.inc({ resource, reason: 'error' });
      void this.run(w, 1);
    });
    this.watched.push(w);
  }

  /** Starts (or restarts) one informer, retrying with exponential backoff up to 30 s. */
  private async run(w: Watched, attempt: number): Promise<void> {
    for (let a = attempt; !this.stopped; a++) {
      if (a > 0) await new Promise((r) => setTimeout(r, Math.min(30_000, 250 * 2 ** Math.min(a, 7))));
      w.starting = true;
      w.startError = undefined;
      try {
        await w.informer.start();
        if (w.startError !== undefined) throw w.startError;
        w.synced = true;
        w.lastSeen = Date.now();
        return;
      } catch (err) {
        this.log.warn(
          { resource: w.resource, attempt: a + 1, err: (err as Error)?.message ?? String(err) },
          'cannot list from the API server: retrying',
        );
      } finally {
        w.starting = false;
      }
    }
  }

  /** A Kubernetes Event on each rejected policy, naming the field (best effort). */
  async reportPolicyErrors(errors: PolicyError[]): Promise<void> {
    for (const e of errors) {
      const [namespace, name] = e.policy.split('/') as [string, string];
      this.log.warn(
        { policy: e.policy, field: e.field },
        `${e.warning ? 'policy partly ignored' : 'policy rejected'}: ${e.message}`,
      );
      if (!e.warning) this.metrics?.policyRejected.inc();
      await this.recordEvent(
        { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', name, namespace },
        e.warning ? 'PolicyPartlyIgnored' : 'PolicyRejected',
        e.warning
          ? `${e.field}: ${e.message}`
          : `${e.field}: ${e.message}; the previous version stays enforced`,
      );
    }
  }

  private ref(
    apiVersion: string,
    kind: 'Service' | 'EndpointSlice',
    o: KubernetesObject,
  ): V1ObjectReference & { key: string } {
    const namespace = o.metadata?.namespace ?? '';
    const name = o.metadata?.name ?? '';
    // With the uid, `kubectl describe` lists the Event under the object.
    const uid = o.metadata?.uid ? { uid: o.metadata.uid } : {};
    return { apiVersion, kind, namespace, name, ...uid, key: `${kind} ${namespace}/${name}` };
  }

  /**
   * Problems of a Service or EndpointSlice: logged, and a Kubernetes Event on the object for each
   * (best effort). Only when they differ from the last ones reported for the object: slices change
   * often, and each change would repeat the same Events.
   */
  private reportServiceProblems(ref: V1ObjectReference & { key: string }, problems: ServiceProblem[]): void {
    const text = problems.map((p) => `${p.warning ? 'w' : 'e'} ${p.field}: ${p.message}`).join('\n');
    if ((this.reportedProblems.get(ref.key) ?? '') === text) return;
    if (text) this.reportedProblems.set(ref.key, text);
    else this.reportedProblems.delete(ref.key);
    const { key, ...involvedObject } = ref;
    void (async () => {
      for (const p of problems) {
        this.log.warn(
          { object: key, field: p.field },
          `${ref.kind} ${p.warning ? 'partly ignored' : 'rejected'}: ${p.message}`,
        );
        await this.recordEvent(
          involvedObject,
          `${ref.kind}${p.warning ? 'PartlyIgnored' : 'Rejected'}`,
          p.warning
            ? `${p.field}: ${p.message}`
            : `${p.field}: ${p.message}; the last valid version (if any) stays in effect`,
        );
      }
    })();
  }

  /** A Warning Event on the object (best effort: a failure is logged). */
  private async recordEvent(
    involvedObject: V1ObjectReference,
    reason: string,
    message: string,
  ): Promise<void> {
    const namespace = involvedObject.namespace ?? '';
    await this.core
      .createNamespacedEvent({
        namespace,
        body: {
          metadata: { generateName: `${involvedObject.name}.sluice-`, namespace },
          involvedObject,
          reason,
          message,
          type: 'Warning',
          source: { component: 'sluice-agent' },
          firstTimestamp: new Date(),
          lastTimestamp: new Date(),
          count: 1,
        },
      })
      .catch((err: Error) =>
        this.log.warn(
          { object: `${involvedObject.kind} ${namespace}/${involvedObject.name}`, err: err.message },
          'could not record the event',
        ),
      );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.watchdog) clearInterval(this.watchdog);
    await Promise.all(this.watched.map((w) => w.informer.stop().catch(() => undefined)));
  }
}
