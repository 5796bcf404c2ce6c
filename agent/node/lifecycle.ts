// The node agent's parts (the datapath, the store and its reconciler, IPAM and endpoints, flows)
// and their lifecycle: start, reconcile on every change, sweep, route to other nodes, stop. The
// CNI operations (cni-ops.ts) and the queries (queries.ts) work on these parts; agent.ts puts
// them together.

import { ApiError, ApiErrorCode } from '../api/errors.js';
import { type SluiceConfig, serviceCidrV6Of } from '../config/config.js';
import { lb6FrontendKeyCodec, lbFrontendCodec, lbFrontendKeyCodec } from '../datapath/codecs.js';
import { forgetEndpoint, sweepExpired } from '../datapath/gc.js';
import { Loader } from '../datapath/loader.js';
import { MapSyncer } from '../datapath/map-sync.js';
import { NodeRouting, planRoutes } from '../datapath/routing.js';
import { EndpointRegistry } from '../endpoints/registry.js';
import type { Endpoint } from '../endpoints/types.js';
import { IdentityAllocator } from '../identity/allocator.js';
import { Ipam } from '../ipam/ipam.js';
import { attachmentKey } from '../ipam/pool.js';
import { AgentMetrics } from '../metrics/registry.js';
import type { Protocol, Snapshot } from '../model/types.js';
import { canonicalIPv6, isDualStack } from '../net/ipv6.js';
import { protocolName } from '../net/protocols.js';
import { CFG_F_EVENTS_DROP, CFG_F_EVENTS_VERDICT, EventReader, setEventFlags } from '../observe/events.js';
import { type FlowNames, FlowRing, toFlow } from '../observe/flows.js';
import { type DatapathPlan, Reconciler } from '../reconciler/reconciler.js';
import { type Frontend, frontendKey, servicePortLabel } from '../services/compile.js';
import { applyManifests, loadManifests } from '../sources/manifests.js';
import { Store } from '../state/store.js';
import { run } from '../sys/exec.js';
import type { Logger } from '../sys/log.js';

interface HostLink {
  ifname: string;
  addr_info?: { family: 'inet' | 'inet6'; local: string; scope: string }[];
}

/** The host namespace's links and addresses, IPv6 ones only on a dual-stack node: one `ip` call
 * at start for the uses below. A kernel without IPv6 lists none. */
async function hostLinks(netns: string | undefined, ipv6: boolean): Promise<HostLink[]> {
  const { stdout } = await run(['ip', '-j', ...(ipv6 ? [] : ['-4']), 'addr', 'show'], { netns });
  return JSON.parse(stdout || '[]') as HostLink[];
}

/** A link's addresses of a family, IPv6 ones canonical. */
const addressesOf = (l: HostLink, family: 'inet' | 'inet6') =>
  (l.addr_info ?? [])
    .filter((a) => a.family === family)
    .map((a) => ({ ...a, local: family === 'inet6' ? canonicalIPv6(a.local) : a.local }));

/** The node's IPv4 addresses (not loopback's), for the host identity. */
function hostAddresses(links: readonly HostLink[]): string[] {
  return links.flatMap((l) =>
    addressesOf(l, 'inet')
      .filter((a) => a.scope !== 'host')
      .map((a) => a.local),
  );
}

/** A dual-stack node's IPv6 addresses (global scope: not loopback, not link-local): the host
 * identity's too. */
function hostAddressesV6(links: readonly HostLink[]): string[] {
  return [
    ...new Set(
      links.flatMap((l) =>
        addressesOf(l, 'inet6')
          .filter((a) => a.scope === 'global')
          .map((a) => a.local),
      ),
    ),
  ];
}

/** The devices holding the node's addresses of either family (not lo, not pod veths): where
 * NodePort clients come in. */
function nodeDevices(links: readonly HostLink[], nodeIps: readonly string[], podPrefix: string): string[] {
  return links
    .filter((l) => l.ifname !== 'lo' && !l.ifname.startsWith(podPrefix))
    .filter((l) =>
      [...addressesOf(l, 'inet'), ...addressesOf(l, 'inet6')].some((a) => nodeIps.includes(a.local)),
    )
    .map((l) => l.ifname);
}

/** Frontend key -> id of what a pinned frontends map (either family's) holds. */
function frontendIdsIn(
  entries: [string, Buffer][],
  keyCodec: typeof lbFrontendKeyCodec | typeof lb6FrontendKeyCodec,
): [string, number][] {
  return entries.map(([k, v]) => {
    const key = keyCodec.decode(Buffer.from(k, 'hex'));
    return [
      frontendKey(key.addr, key.port, protocolName(key.protocol) as Protocol),
      lbFrontendCodec.decode(v).id,
    ];
  });
}

export class Lifecycle {
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
  /** A dual-stack node's IPv6 addresses (HOST too), read at start. */
  nodeIpsV6: readonly string[] = [];

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
    this.ipam = new Ipam(cfg.stateDir, cfg.podCidr, cfg.podCidrV6);
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
        {
          podCidr: this.cfg.podCidr,
          ...(this.cfg.podCidrV6 ? { podCidrV6: this.cfg.podCidrV6 } : {}),
          attachments: outside.map(attachmentKey),
        },
        'a pod CIDR changed: addresses outside it were forgotten (their pods need a new address)',
      );
    await this.endpoints.load();
    const v6 = this.ipam.allocationsV6();
    const unowned = await this.endpoints.dropIpv6Unless((ep) => {
      const owner = ep.ipv6 === undefined ? undefined : v6[ep.ipv6];
      return (
        owner !== undefined &&
        attachmentKey(owner) === attachmentKey({ containerId: ep.containerId ?? '', ifname: ep.ifName ?? '' })
      );
    });
    if (unowned.length > 0)
      log.warn(
        { endpoints: unowned.map((e) => `${e.podKey} ${e.ipv6}`) },
        'IPv6 addresses no pool holds any more were dropped from their endpoints (their pods need a new address)',
      );
    await this.syncer.refresh();
    // IPv4-only nodes read no IPv6 addresses: the IPv6 maps of their pods' traffic stay empty.
    const dualStack = isDualStack(this.cfg);
    const needLinks = this.cfg.nodeIps.length === 0 || this.cfg.nodePortDevices.length === 0 || dualStack;
    const links = needLinks ? await hostLinks(this.cfg.hostNetns, dualStack) : [];
    const nodeIps = this.cfg.nodeIps.length > 0 ? this.cfg.nodeIps : hostAddresses(links);
    const nodeName = this.nodeName;
    this.nodeIps = nodeIps;
    const nodeIpsV6 = dualStack ? hostAddressesV6(links) : [];
    this.nodeIpsV6 = nodeIpsV6;
    this.reconciler = new Reconciler({
      store: this.store,
      endpoints: () => this.endpoints.list(),
      identities: new IdentityAllocator(),
      namespaceIdentities: new IdentityAllocator('namespaces'),
      syncer: this.syncer,
      nodeIps,
      nodeIpsV6,
      ...(nodeName ? { nodeName } : {}),
      deriveEndpointSlices: this.deriveEndpointSlices,
      log: this.log.child({ subsystem: 'policy' }),
      metrics: this.metrics,
    });
    // Frontend ids stay with their frontends: conntrack entries of live connections carry them.
    this.reconciler.seedFrontendIds([
      ...frontendIdsIn(this.syncer.appliedEntries('lbFrontends'), lbFrontendKeyCodec),
      ...frontendIdsIn(this.syncer.appliedEntries('lbFrontends6'), lb6FrontendKeyCodec),
    ]);
    const devices =
      this.cfg.nodePortDevices.length > 0
        ? this.cfg.nodePortDevices
        : nodeDevices(links, [...nodeIps, ...nodeIpsV6], this.cfg.interfacePrefix);
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

  /** Its counters and connections out of the maps, off the caller's path (a sweep walks the map). */
  forget(endpointId: number): void {
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
          // Each label counts both families' maps (sluice_ct and sluice_ct6, …).
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

  /** This node's name (config nodeName, which K8S_NODE_NAME sets; '' = unnamed). */
  get nodeName(): string {
    return this.cfg.nodeName;
  }

  private routedNodes: Snapshot['nodes'];
  private routeSync: Promise<void> = Promise.resolve();
  /** Nodes whose pods' IPv6 addresses have no route (native routing), as last warned about. */
  private unrouted = new Set<string>();

  /** Routes to other nodes' pod CIDRs follow the store's nodes (serialised; failures logged and
   * retried on the next change or repair). */
  private syncRoutes(): Promise<void> {
    this.routeSync = this.routeSync.then(async () => {
      const nodes = this.store.snapshot().nodes;
      if (nodes === this.routedNodes) return;
      const self = {
        name: this.nodeName,
        addresses: [...this.nodeIps, ...this.nodeIpsV6],
        ipv6: isDualStack(this.cfg),
      };
      const { routes, unroutedIpv6 } = planRoutes(nodes ?? [], self, this.cfg.routing);
      this.warnUnrouted(unroutedIpv6);
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

  /** Says once (per node and reason) that a node's pods are unreachable over IPv6 from here: their
   * IPv6 packets stay on this node (the host stack has no route for them). */
  private warnUnrouted(gaps: readonly { node: string; reason: string }[]): void {
    const now = new Set(gaps.map((g) => `${g.node}\n${g.reason}`));
    const fresh = gaps.filter((g) => !this.unrouted.has(`${g.node}\n${g.reason}`));
    this.unrouted = now;
    if (fresh.length === 0) return;
    this.log
      .child({ subsystem: 'routing' })
      .warn(
        { nodes: fresh.map((g) => g.node), reasons: [...new Set(fresh.map((g) => g.reason))] },
        "native routing without IPv6 next hops: these nodes' pods are not reachable over IPv6 from this node (their IPv6 packets stay here); the reasons say which node needs an IPv6 InternalIP and how to give it one",
      );
  }

  /** Local mode: re-reads the manifests into the store and waits until the maps (and the routes
   * to other nodes) hold them. */
  async reloadManifests(): Promise<{ storeVersion: number; pods: number; policies: number }> {
    if (this.manifestPaths.length === 0)
      throw new ApiError(
        ApiErrorCode.INVALID_ARGUMENT,
        'the agent runs without --manifests: nothing to reload',
      );
    let m: Awaited<ReturnType<typeof loadManifests>>;
    try {
      m = await loadManifests(this.manifestPaths, this.cfg.serviceCidr, serviceCidrV6Of(this.cfg));
      applyManifests(this.store, m, this.cfg.nodes);
    } catch (err) {
      throw new ApiError(ApiErrorCode.INVALID_ARGUMENT, (err as Error).message);
    }
    const [r] = await Promise.all([this.reconciler.reconcile(), this.syncRoutes()]);
    return { storeVersion: r.storeVersion, pods: m.pods.length, policies: m.policies.length };
  }

  status(): { ready: boolean; message: string } {
    return { ready: this.ready, message: this.ready ? 'ready' : this.notReadyReason };
  }

  requireReady(): void {
    if (!this.ready) throw new ApiError(ApiErrorCode.UNAVAILABLE, `agent not ready: ${this.notReadyReason}`);
  }
}
