// Kubernetes as the source: informers for pods (all of them: the ipcache needs every pod's
// identity), namespaces and NetworkPolicies feed the same store as local manifests. A watch that
// fails is restarted with backoff; 410 Gone relists (the informer does that); a watch silent for
// too long is restarted by a watchdog. Rejected policies become Kubernetes Events on the object.

import {
  CoreV1Api,
  type Informer,
  KubeConfig,
  type KubernetesObject,
  ListWatch,
  makeInformer,
  NetworkingV1Api,
  type V1Namespace,
  type V1NetworkPolicy,
  type V1Pod,
  Watch,
} from '@kubernetes/client-node';
import type { Logger } from '../log.js';
import type { AgentMetrics } from '../metrics/registry.js';
import type { PolicyError } from '../policy/types.js';
import type { Store } from '../state/store.js';
import {
  type ContainerPort,
  type NetworkPolicy,
  type Pod,
  PROTOCOLS,
  type Protocol,
} from '../state/types.js';

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
  const ip = p.status?.podIPs?.map((x) => x.ip).find((x) => x && !x.includes(':')) ?? p.status?.podIP;
  return {
    namespace: meta.namespace,
    name: meta.name,
    labels: { ...(meta.labels ?? {}) },
    ports,
    ...(ip && !ip.includes(':') ? { ip } : {}),
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

interface Watched {
  resource: string;
  informer: Informer<KubernetesObject>;
  lastSeen: number;
  synced: boolean;
}

export class KubernetesSource {
  private readonly watched: Watched[] = [];
  private watchdog: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly core: CoreV1Api;

  constructor(
    private readonly kc: KubeConfig,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly metrics?: AgentMetrics,
    private readonly opts: { silentWatchMs?: number } = {},
  ) {
    this.core = kc.makeApiClient(CoreV1Api);
  }

  /** The node's pod CIDR (Node.spec.podCIDR), read once; retried by the caller. */
  async nodePodCidr(nodeName: string): Promise<string | undefined> {
    const node = await this.core.readNode({ name: nodeName });
    this.metrics?.kubernetesApiCalls.inc({ call: 'readNode' });
    return node.spec?.podCIDR;
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
    const w: Watched = { resource, informer, lastSeen: Date.now(), synced: false };
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
      try {
        await w.informer.start();
        w.synced = true;
        w.lastSeen = Date.now();
        return;
      } catch (err) {
        this.log.warn(
          { resource: w.resource, attempt: a + 1, err: (err as Error).message },
          'cannot list from the API server: retrying',
        );
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
      await this.core
        .createNamespacedEvent({
          namespace,
          body: {
            metadata: { generateName: `${name}.sluice-`, namespace },
            involvedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', name, namespace },
            reason: e.warning ? 'PolicyPartlyIgnored' : 'PolicyRejected',
            message: e.warning
              ? `${e.field}: ${e.message}`
              : `${e.field}: ${e.message}; the previous version stays enforced`,
            type: 'Warning',
            source: { component: 'sluice-agent' },
            firstTimestamp: new Date(),
            lastTimestamp: new Date(),
            count: 1,
          },
        })
        .catch((err: Error) =>
          this.log.warn({ policy: e.policy, err: err.message }, 'could not record the event'),
        );
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.watchdog) clearInterval(this.watchdog);
    await Promise.all(this.watched.map((w) => w.informer.stop().catch(() => undefined)));
  }
}
