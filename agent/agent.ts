// The node agent's core: the datapath, the store and its reconciler, IPAM and endpoints, and the
// operations the CNI plugin asks for. Sources (manifests, Kubernetes) feed the store; the API
// server (api/server.ts) calls the operations.

import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { linkExists, unwirePod } from '../cni/wiring.js';
import type { sluice } from './api/gen/sluice.js';
import type { SluiceConfig } from './config.js';
import { lbFrontendCodec, lbFrontendKeyCodec } from './datapath/codecs.js';
import { forgetEndpoint, sweepExpired } from './datapath/gc.js';
import { Loader } from './datapath/loader.js';
import { MapSyncer } from './datapath/map-sync.js';
import { NodeRouting, planRoutes } from './datapath/routing.js';
import { EndpointRegistry, hostIfName } from './endpoints/registry.js';
import type { Endpoint } from './endpoints/types.js';
import { run } from './exec.js';
import { IdentityAllocator } from './identity/allocator.js';
import { labelsOfKey } from './identity/labels.js';
import { Ipam } from './ipam/ipam.js';
import { attachmentKey, PoolExhaustedError } from './ipam/pool.js';
import type { Logger } from './log.js';
import { AgentMetrics } from './metrics/registry.js';
import { CFG_F_EVENTS_DROP, CFG_F_EVENTS_VERDICT, EventReader, setEventFlags } from './observe/events.js';
import { type FlowNames, FlowRing, toFlow } from './observe/flows.js';
import { selectingPolicies } from './policy/compile.js';
import { protocolName, protocolNumber } from './policy/ports.js';
import { lookupPolicy } from './policy/simulate.js';
import { DIR_EGRESS, DIR_INGRESS, type Direction } from './policy/types.js';
import { type DatapathPlan, Reconciler } from './reconciler.js';
import { type Frontend, LB_F_AFFINITY, LB_F_LOCAL_ONLY, servicePortLabel } from './services/compile.js';
import { applyManifests, loadManifests } from './sources/manifests.js';
import { Store } from './state/store.js';
import type { Pod, Snapshot } from './state/types.js';

export interface ExplainSide {
  pod: string;
  direction: string;
  local: boolean;
  selectedBy: string[];
  allowed: boolean;
  rule: string;
  via: string;
}

/** CNI error codes the agent answers with (the plugin passes them on). */
export const CNI_TRY_AGAIN = 11;
export const CNI_INVALID_CONFIG = 7;
export const CNI_INTERNAL = 999;

export class AgentOpError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface AttachmentRef {
  containerId: string;
  ifname: string;
}

export interface PodRef {
  namespace: string;
  name: string;
}

interface HostLink {
  ifname: string;
  addr_info?: { local: string; scope: string }[];
}

/** The host namespace's IPv4 links and addresses: one `ip` call at start for both uses below. */
async function hostLinks(netns: string | undefined): Promise<HostLink[]> {
  const { stdout } = await run(['ip', '-j', '-4', 'addr', 'show'], { netns });
  return JSON.parse(stdout) as HostLink[];
}

/** Addresses of the host namespace, for the host identity. */
function hostAddresses(links: readonly HostLink[]): string[] {
  return links.flatMap((l) => (l.addr_info ?? []).filter((a) => a.scope !== 'host').map((a) => a.local));
}

/** The devices holding the node's addresses (not lo, not pod veths): where NodePort clients come in. */
function nodeDevices(links: readonly HostLink[], nodeIps: readonly string[], podPrefix: string): string[] {
  return links
    .filter((l) => l.ifname !== 'lo' && !l.ifname.startsWith(podPrefix))
    .filter((l) => (l.addr_info ?? []).some((a) => nodeIps.includes(a.local)))
    .map((l) => l.ifname);
}

/** Frontend key -> id of what the pinned sluice_lb_frontends map holds. */
function frontendIdsIn(entries: [string, Buffer][]): [string, number][] {
  return entries.map(([k, v]) => {
    const key = lbFrontendKeyCodec.decode(Buffer.from(k, 'hex'));
    const proto = protocolName(key.protocol);
    return [`${key.addr}:${key.port}/${proto}`, lbFrontendCodec.decode(v).id];
  });
}

export class Agent {
  readonly store: Store;
  readonly loader: Loader;
  readonly syncer: MapSyncer;
  readonly ipam: Ipam;
  readonly endpoints: EndpointRegistry;
  readonly metrics: AgentMetrics;
  reconciler!: Reconciler;
  ready = false;
  notReadyReason = 'starting';
  private pending: Promise<unknown> | undefined;
  /** Local mode: the manifest files the store mirrors. */
  manifestPaths: string[] = [];
  /** No endpoint-slice controller (local mode): Services' selectors are resolved by the agent. */
  deriveEndpointSlices = true;
  readonly flows = new FlowRing();
  private events: EventReader | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  readonly routing: NodeRouting;
  /** This node's addresses (HOST), from the config or read at start. */
  nodeIps: readonly string[] = [];

  constructor(
    readonly cfg: SluiceConfig,
    readonly log: Logger,
    store?: Store,
    metrics?: AgentMetrics,
  ) {
    this.store = store ?? new Store();
    this.metrics = metrics ?? new AgentMetrics();
    this.syncer = new MapSyncer(cfg);
    this.loader = new Loader(cfg, this.syncer.writer);
    this.routing = new NodeRouting(cfg, this.loader, this.syncer.writer);
    this.ipam = new Ipam(cfg.stateDir, cfg.podCidr);
    this.endpoints = new EndpointRegistry(cfg.stateDir);
  }

  /** Loads the datapath (keeping pinned maps), reads state, reconciles. Never flushes. */
  async start(): Promise<void> {
    await this.startDatapath();
    await this.startReconciling();
  }

  /**
   * The datapath without touching its contents: programs loaded (maps reused), state read, what
   * the maps hold learned, endpoints' devices attached. Traffic keeps its last policy meanwhile.
   */
  async startDatapath(): Promise<void> {
    const log = this.log.child({ subsystem: 'agent' });
    const { createdMaps, migrated } = await this.loader.load();
    log.info(
      { pinRoot: this.cfg.pinRoot, attachMode: this.loader.mode, createdMaps, migrated },
      'datapath loaded',
    );
    const outside = await this.ipam.load();
    if (outside.length > 0)
      log.warn(
        { podCidr: this.cfg.podCidr, attachments: outside.map(attachmentKey) },
        'the pod CIDR changed: addresses outside it were forgotten (their pods need a new address)',
      );
    await this.endpoints.load();
    await this.syncer.refresh();
    const needLinks = this.cfg.nodeIps.length === 0 || this.cfg.nodePortDevices.length === 0;
    const links = needLinks ? await hostLinks(this.cfg.hostNetns) : [];
    const nodeIps = this.cfg.nodeIps.length > 0 ? this.cfg.nodeIps : hostAddresses(links);
    const nodeName = this.nodeName;
    this.nodeIps = nodeIps;
    this.reconciler = new Reconciler({
      store: this.store,
      endpoints: () => this.endpoints.list(),
      identities: new IdentityAllocator(),
      namespaceIdentities: new IdentityAllocator('namespaces'),
      syncer: this.syncer,
      nodeIps,
      ...(nodeName ? { nodeName } : {}),
      deriveEndpointSlices: this.deriveEndpointSlices,
      log: this.log.child({ subsystem: 'policy' }),
      metrics: this.metrics,
    });
    // Frontend ids stay with their frontends: conntrack entries of live connections carry them.
    this.reconciler.seedFrontendIds(frontendIdsIn(this.syncer.appliedEntries('lbFrontends')));
    const devices =
      this.cfg.nodePortDevices.length > 0
        ? this.cfg.nodePortDevices
        : nodeDevices(links, nodeIps, this.cfg.interfacePrefix);
    await this.loader.attachNetdev(devices);
    log.info({ devices }, 'NodePort program attached to the node devices');
    const { tunnelIfindex } = await this.routing.start();
    log.info({ routing: this.cfg.routing, tunnelIfindex }, 'routing to other nodes set up');
    // Re-attach every known endpoint's device (a no-op where attached): programs may be new.
    const unattached = await this.loader.attachAll(this.endpoints.list().map((ep) => ep.hostIfName));
    for (const { device, error } of unattached)
      log.warn({ device, err: error }, 'endpoint device not attachable');
    await this.startFlows().catch((err: Error) => log.warn({ err: err.message }, 'flow events unavailable'));
    this.notReadyReason = 'waiting for the cluster state (the maps keep their last contents)';
  }

  /** Once the store holds the cluster: the first reconcile, then one on every change. Ready. */
  async startReconciling(): Promise<void> {
    await this.reconciler.reconcile();
    await this.syncRoutes();
    this.reconciler.startPeriodicRepair(this.cfg.resyncIntervalMs);
    this.startSweeper(this.cfg.ctSweepIntervalMs);
    this.store.onChange(() => this.schedule());
    this.ready = true;
    this.notReadyReason = '';
    this.log.child({ subsystem: 'agent' }).info({ endpoints: this.endpoints.list().length }, 'agent ready');
  }

  /** Reads datapath events into the flow ring (drops and verdicts of new connections). */
  private async startFlows(): Promise<void> {
    // Lookups per event are map hits: the reverse maps are rebuilt only when their source changes.
    let epSource: readonly Endpoint[] | undefined;
    let epById = new Map<number, Endpoint>();
    let idSource: ReadonlyMap<string, number> | undefined;
    let keyById = new Map<number, string>();
    let feSource: DatapathPlan | undefined;
    let feById = new Map<number, Frontend>();
    const names: FlowNames = {
      endpoint: (id) => {
        const list = this.endpoints.list();
        if (list !== epSource) {
          epSource = list;
          epById = new Map(list.map((e) => [e.id, e]));
        }
        const ep = epById.get(id);
        return ep ? { pod: ep.podKey } : undefined;
      },
      identityKey: (id) => {
        const table = this.reconciler.identityTable();
        if (table !== idSource) {
          idSource = table;
          keyById = new Map([...table].map(([key, v]) => [v, key]));
        }
        return keyById.get(id);
      },
      rule: (id) => {
        const r = this.reconciler.last?.plan.compiled.rules.get(id);
        return r ? `${r.policy} ${r.direction === 1 ? 'ingress' : 'egress'}[${r.index}]` : undefined;
      },
      frontend: (id) => {
        const plan = this.reconciler.last?.plan;
        if (plan !== feSource) {
          feSource = plan;
          feById = new Map((plan?.frontends ?? []).map((f) => [plan?.frontendIds.get(f.key) ?? 0, f]));
        }
        const f = feById.get(id);
        return f ? { service: servicePortLabel(f), frontend: f.key } : undefined;
      },
    };
    this.events = new EventReader(
      this.cfg.pinRoot,
      (e) => this.flows.push(toFlow(e, names)),
      (n) => this.flows.lost(n),
      (why) => this.log.error({ err: why }, 'flow events stopped: restart the agent to see flows again'),
    );
    await this.events.start();
    await setEventFlags(this.cfg.pinRoot, CFG_F_EVENTS_DROP | CFG_F_EVENTS_VERDICT);
  }

  /** Stops reading events (maps and programs stay). */
  async stop(): Promise<void> {
    this.events?.stop();
    this.reconciler?.stop();
    clearInterval(this.sweeper);
    this.syncer.close();
  }

  private forget(endpointId: number): void {
    forgetEndpoint(this.syncer.writer, this.cfg.pinRoot, endpointId).then(
      (n) => {
        this.metrics.garbageDeleted.inc({ map: 'sluice_ct', reason: 'endpoint-gone' }, n.ct);
        this.metrics.garbageDeleted.inc({ map: 'sluice_metrics', reason: 'endpoint-gone' }, n.metrics);
      },
      (err: Error) => this.log.warn({ endpoint: endpointId, err: err.message }, 'endpoint entries not swept'),
    );
  }

  /** Sweeps expired conntrack, Service connection and tunnel return entries every intervalMs (0: never). */
  private startSweeper(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.sweeper = setInterval(() => {
      sweepExpired(this.syncer.writer, this.cfg.pinRoot).then(
        (n) => {
          this.metrics.garbageDeleted.inc({ map: 'sluice_ct', reason: 'expired' }, n.ct);
          this.metrics.garbageDeleted.inc({ map: 'sluice_lb_conns', reason: 'expired' }, n.lbConns);
          this.metrics.garbageDeleted.inc(
            { map: 'sluice_tunnel_returns', reason: 'expired' },
            n.tunnelReturns,
          );
        },
        (err: Error) => this.log.warn({ err: err.message }, 'expired conntrack entries not swept'),
      );
    }, intervalMs);
    this.sweeper.unref();
  }

  /** Coalesces store changes into one reconcile; errors are logged (and counted) by the reconciler. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = new Promise((r) => setImmediate(r)).then(() => {
      this.pending = undefined;
      return Promise.all([this.reconciler.reconcile().catch(() => undefined), this.syncRoutes()]);
    });
  }

  /** This node's name: the config's, else the DaemonSet's K8S_NODE_NAME ('' = unnamed). */
  get nodeName(): string {
    return this.cfg.nodeName || (process.env['K8S_NODE_NAME'] ?? '');
  }

  private routedNodes: Snapshot['nodes'];
  private routeSync: Promise<void> = Promise.resolve();

  /** Routes to other nodes' pod CIDRs follow the store's nodes (serialised; failures logged and
   * retried on the next change or repair). */
  private syncRoutes(): Promise<void> {
    this.routeSync = this.routeSync.then(async () => {
      const nodes = this.store.snapshot().nodes;
      if (nodes === this.routedNodes) return;
      const routes = planRoutes(
        nodes ?? [],
        { name: this.nodeName, addresses: this.nodeIps },
        this.cfg.routing,
      );
      try {
        const r = await this.routing.sync(routes);
        this.routedNodes = nodes;
        if (r.added + r.removed > 0)
          this.log
            .child({ subsystem: 'routing' })
            .info({ ...r, routes: routes.length }, 'routes to other nodes synced');
      } catch (err) {
        this.log
          .child({ subsystem: 'routing' })
          .error({ err: (err as Error).message }, 'routes to other nodes not synced');
      }
    });
    return this.routeSync;
  }

  private readonly busy = new Map<string, Promise<unknown>>();

  /**
   * Runs fn when no other operation holds the attachment: a CNI command (ADD, DEL, CHECK), GC, or
   * the release of a pod that left the cluster. A runtime that gives up on a slow ADD and sends
   * DEL must not have the DEL run while the ADD is still registering the endpoint.
   */
  async exclusive<T>(att: AttachmentRef, fn: () => Promise<T>): Promise<T> {
    const key = attachmentKey(att);
    const before = this.busy.get(key) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.busy.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.busy.get(key) === settled) this.busy.delete(key);
    }
  }

  /** Reserves the attachment's address (the same one again for the same attachment). */
  async allocate(att: AttachmentRef, pod: PodRef | undefined): Promise<{ ip: string; hostIfName: string }> {
    try {
      const ip = await this.ipam.allocate({
        ...att,
        ...(pod ? { podNamespace: pod.namespace, podName: pod.name } : {}),
      });
      return { ip, hostIfName: hostIfName(this.cfg.interfacePrefix, att.containerId, att.ifname) };
    } catch (err) {
      if (err instanceof PoolExhaustedError) throw new AgentOpError(CNI_TRY_AGAIN, `IPAM: ${err.message}`);
      throw err;
    }
  }

  private async waitForPod(pod: PodRef): Promise<boolean> {
    const key = `${pod.namespace}/${pod.name}`;
    const deadline = performance.now() + this.cfg.podWaitMs;
    while (!this.store.getPod(key)) {
      if (performance.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 50));
    }
    return true;
  }

  /** Registers a wired attachment; resolves once its endpoint and its policy are in the maps. */
  async createEndpoint(
    att: AttachmentRef,
    pod: PodRef | undefined,
    wired: {
      ip: string;
      hostIfName: string;
      hostIfindex: number;
      hostMac: string;
      podMac: string;
      newInterface: boolean;
    },
  ): Promise<{ endpoint: Endpoint; identity: number }> {
    const allocated = this.ipam.allocations()[wired.ip];
    if (!allocated || attachmentKey(allocated) !== attachmentKey(att)) {
      throw new AgentOpError(
        CNI_INVALID_CONFIG,
        `address ${wired.ip} is not allocated to ${attachmentKey(att)}: call allocate first`,
      );
    }
    await this.loader.attach(wired.hostIfName, { fresh: wired.newInterface });
    // Runtimes without Kubernetes (ctr run --cni) send no pod args: a Pod that names the
    // container (annotation sluice.dev/container-id) stands in.
    pod ??= this.store.snapshot().pods.find((p) => p.containerId === att.containerId);
    let podKey = `_unmanaged/${att.containerId.slice(0, 16)}`;
    if (pod) {
      podKey = `${pod.namespace}/${pod.name}`;
      if (!(await this.waitForPod(pod))) {
        this.log.warn(
          { pod: podKey },
          'pod not known to the agent yet: its endpoint starts with the init identity',
        );
      }
      const known = this.store.getPod(podKey);
      if (known && known.ip !== wired.ip) this.store.upsertPod({ ...known, ip: wired.ip });
    }
    const endpoint = await this.endpoints.upsert({
      podKey,
      ip: wired.ip,
      hostIfName: wired.hostIfName,
      hostIfindex: wired.hostIfindex,
      hostMac: wired.hostMac,
      podMac: wired.podMac,
      containerId: att.containerId,
      ifName: att.ifname,
    });
    const result = await this.reconciler.reconcile();
    return { endpoint, identity: result.plan.podIdentities.get(podKey) ?? 0 };
  }

  /**
   * Forgets the attachment: endpoint out of the maps first, then the host-side interface (its
   * pod end goes with it), then the address. Idempotent: unknown attachments and vanished
   * interfaces are fine.
   */
  async release(att: AttachmentRef): Promise<{ found: boolean; hostIfName: string }> {
    const ep = await this.endpoints.remove(att.containerId, att.ifname);
    if (ep) {
      await this.reconciler.reconcile();
      // Its counters and connections go too, off the DEL's path (a sweep walks the map).
      this.forget(ep.id);
    }
    const name = ep?.hostIfName ?? hostIfName(this.cfg.interfacePrefix, att.containerId, att.ifname);
    await unwirePod({ hostNetns: this.cfg.hostNetns, hostIfName: name });
    const ip = await this.ipam.release(att.containerId, att.ifname);
    return { found: Boolean(ep || ip), hostIfName: name };
  }

  /** The host side of an attachment: registered, interface present, programs attached. */
  async check(
    att: AttachmentRef,
  ): Promise<{ found: boolean; ip: string; hostIfName: string; endpointId: number; problem: string }> {
    const ep = this.endpoints.get(att.containerId, att.ifname);
    if (!ep) return { found: false, ip: '', hostIfName: '', endpointId: 0, problem: '' };
    let problem = '';
    if (!(await linkExists(ep.hostIfName, this.cfg.hostNetns))) {
      problem = `host interface ${ep.hostIfName} is missing`;
    } else {
      const hooks = (await this.loader.attachments(ep.hostIfName)).map((a) => a.hook).sort();
      if (hooks.join(',') !== 'egress,ingress') {
        problem = `Sluice programs are not attached to ${ep.hostIfName} (found: ${hooks.join(', ') || 'none'})`;
      }
    }
    return { found: true, ip: ep.ip, hostIfName: ep.hostIfName, endpointId: ep.id, problem };
  }

  /** A pod of this node is gone from the cluster: release its endpoints (a CNI DEL may never come). */
  async releasePod(namespace: string, name: string): Promise<number> {
    const key = `${namespace}/${name}`;
    const gone = this.endpoints.list().filter((e) => e.podKey === key);
    for (const e of gone) {
      const att = { containerId: e.containerId ?? '', ifname: e.ifName ?? '' };
      await this.exclusive(att, () => this.release(att));
    }
    if (gone.length)
      this.log.info({ pod: key, endpoints: gone.length }, 'pod deleted from the cluster: endpoints released');
    return gone.length;
  }

  /** Releases every attachment not in valid; returns what it released. */
  async gc(valid: AttachmentRef[]): Promise<{ released: AttachmentRef[]; hostIfNames: string[] }> {
    const keep = new Set(valid.map(attachmentKey));
    const owners = new Map<string, AttachmentRef>();
    for (const ep of this.endpoints.list()) {
      const a = { containerId: ep.containerId ?? '', ifname: ep.ifName ?? '' };
      owners.set(attachmentKey(a), a);
    }
    for (const a of Object.values(this.ipam.allocations()))
      owners.set(attachmentKey(a), { containerId: a.containerId, ifname: a.ifname });
    const released: AttachmentRef[] = [];
    const hostIfNames: string[] = [];
    for (const [key, a] of owners) {
      if (keep.has(key)) continue;
      const r = await this.exclusive(a, () => this.release(a));
      released.push(a);
      hostIfNames.push(r.hostIfName);
    }
    return { released, hostIfNames };
  }

  /** Local mode: re-reads the manifests into the store and waits until the maps (and the routes
   * to other nodes) hold them. */
  async reloadManifests(): Promise<{ storeVersion: number; pods: number; policies: number }> {
    if (this.manifestPaths.length === 0)
      throw new AgentOpError(CNI_INVALID_CONFIG, 'the agent runs without --manifests: nothing to reload');
    let m: Awaited<ReturnType<typeof loadManifests>>;
    try {
      m = await loadManifests(this.manifestPaths, this.cfg.serviceCidr);
    } catch (err) {
      throw new AgentOpError(CNI_INVALID_CONFIG, (err as Error).message);
    }
    applyManifests(this.store, m, this.cfg.nodes);
    const [r] = await Promise.all([this.reconciler.reconcile(), this.syncRoutes()]);
    return { storeVersion: r.storeVersion, pods: m.pods.length, policies: m.policies.length };
  }

  /** Names for the numbers in the maps. */
  describe(): {
    endpoints: {
      id: number;
      pod: string;
      ip: string;
      hostIfName: string;
      identity: number;
      containerId: string;
    }[];
    identities: {
      id: number;
      kind: string;
      namespace: string;
      namespaceLabels: Record<string, string>;
      podLabels: Record<string, string>;
      pods: string[];
    }[];
    rules: { ruleId: number; policy: string; direction: string; index: number }[];
    frontends: sluice.v1.IFrontendName[];
    serviceProblems: sluice.v1.IServiceProblem[];
  } {
    const plan = this.reconciler.last?.plan;
    const podIds = plan?.podIdentities ?? new Map<string, number>();
    const podsOf = new Map<number, string[]>();
    for (const [pod, id] of podIds) podsOf.set(id, [...(podsOf.get(id) ?? []), pod]);
    const identities = [...this.reconciler.identityTable()].map(([key, id]) => {
      const l = labelsOfKey(key);
      return {
        id,
        kind: 'labels',
        namespace: l.namespace,
        namespaceLabels: { ...l.namespaceLabels },
        podLabels: { ...l.podLabels },
        pods: (podsOf.get(id) ?? []).sort(),
      };
    });
    for (const [ns, id] of this.reconciler.namespaceIdentityTable()) {
      identities.push({
        id,
        kind: 'namespace',
        namespace: ns,
        namespaceLabels: { ...(this.store.getNamespace(ns)?.labels ?? {}) },
        podLabels: {},
        pods: [],
      });
    }
    return {
      endpoints: this.endpoints.list().map((e) => ({
        id: e.id,
        pod: e.podKey,
        ip: e.ip,
        hostIfName: e.hostIfName,
        identity: podIds.get(e.podKey) ?? 0,
        containerId: e.containerId ?? '',
      })),
      identities: identities.sort((a, b) => a.id - b.id),
      rules: [...(plan?.compiled.rules.values() ?? [])].map((r) => ({
        ruleId: r.ruleId,
        policy: r.policy,
        direction: r.direction === 1 ? 'ingress' : 'egress',
        index: r.index,
      })),
      frontends: (plan?.frontends ?? []).map((f) => ({
        id: plan?.frontendIds.get(f.key) ?? 0,
        service: f.service,
        port_name: f.portName,
        service_port: f.servicePort,
        kind: f.kind,
        address: f.addr,
        port: f.port,
        protocol: f.protocol,
        affinity: (f.flags & LB_F_AFFINITY) !== 0,
        affinity_timeout: f.affinityTimeout,
        local_only: (f.flags & LB_F_LOCAL_ONLY) !== 0,
        backends: f.backends.map((b) => ({
          address: b.addr,
          port: b.port,
          state: b.state,
          pod: b.pod ?? '',
          node: b.nodeName ?? '',
        })),
      })),
      serviceProblems: (plan?.serviceProblems ?? []).map((p) => ({ ...p, warning: p.warning === true })),
    };
  }

  /** The verdict for a new connection from one pod to another, and why, from the live state. */
  explain(
    from: string,
    to: string,
    port: number,
    protocol: string,
  ): {
    source: ExplainSide;
    destination: ExplainSide;
    allowed: boolean;
  } {
    const snap = this.store.snapshot();
    const src = this.store.getPod(from);
    const dst = this.store.getPod(to);
    for (const [ref, pod] of [
      [from, src],
      [to, dst],
    ] as const) {
      if (!pod) throw new AgentOpError(CNI_INVALID_CONFIG, `no pod ${ref} known to the agent`);
      if (!pod.ip) throw new AgentOpError(CNI_INVALID_CONFIG, `pod ${ref} has no IP yet`);
    }
    const proto = protocolNumber(protocol);
    if (proto === undefined)
      throw new AgentOpError(CNI_INVALID_CONFIG, `protocol ${protocol}: expected TCP, UDP or SCTP`);
    const plan = this.reconciler.last?.plan;
    if (!plan) throw new AgentOpError(CNI_TRY_AGAIN, 'no policy computed yet');
    const nsIds = this.reconciler.namespaceIdentityTable();
    const eps = new Map(this.endpoints.list().map((e) => [e.podKey, e.id]));
    const side = (pod: Pod, peer: Pod, direction: Direction): ExplainSide => {
      const key = `${pod.namespace}/${pod.name}`;
      const endpointId = eps.get(key);
      const selectedBy = selectingPolicies(snap.policies, pod, direction)
        .map((p) => `${p.namespace}/${p.name}`)
        .sort();
      const base = {
        pod: key,
        direction: direction === DIR_INGRESS ? 'ingress' : 'egress',
        local: endpointId !== undefined,
        selectedBy,
      };
      if (endpointId === undefined) return { ...base, allowed: true, rule: '', via: 'not-local' };
      const peerKey = `${peer.namespace}/${peer.name}`;
      const v = lookupPolicy(
        plan.compiled,
        endpointId,
        direction,
        plan.podIdentities.get(peerKey) ?? 0,
        peer.ip!,
        proto,
        port,
        nsIds.get(peer.namespace) ?? 0,
      );
      const r = plan.compiled.rules.get(v.ruleId);
      return {
        ...base,
        allowed: v.allowed,
        rule: r ? `${r.policy} ${r.direction === DIR_INGRESS ? 'ingress' : 'egress'}[${r.index}]` : '',
        via: v.via,
      };
    };
    const source = side(src!, dst!, DIR_EGRESS);
    const destination = side(dst!, src!, DIR_INGRESS);
    return { source, destination, allowed: source.allowed && destination.allowed };
  }

  /** Inode of the host side's network namespace (0: the agent's own), for sluice-cni's WirePod. */
  get hostNetnsInode(): number {
    return this.cfg.hostNetns ? statSync(this.cfg.hostNetns).ino : 0;
  }

  status(): { ready: boolean; message: string } {
    return { ready: this.ready, message: this.ready ? 'ready' : this.notReadyReason };
  }

  requireReady(): void {
    if (!this.ready) throw new AgentOpError(CNI_TRY_AGAIN, `agent not ready: ${this.notReadyReason}`);
  }
}
