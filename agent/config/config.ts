// Every machine-global name the agent, the CNI plugin, the CLI and the tests use comes from here,
// so isolated instances (tests in parallel, the lab, simulated nodes) can run side by side.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from '../model/types.js';

export type AttachMode = 'tcx' | 'tc' | 'auto';
/** How pod traffic reaches other nodes: encapsulated (tunnel) or through the underlay's routes. */
export type RoutingMode = 'tunnel' | 'native';
export type TunnelProtocol = 'vxlan';

export interface MapSizes {
  endpoints: number;
  ipcache: number;
  policy: number;
  cidr: number;
  ct: number;
  metrics: number;
  /** Service frontends (and their reverse-NAT entries): one per Service port and address. */
  lbFrontends: number;
  /** Backends of all frontends together (and as many slots). */
  lbBackends: number;
  /** Connections through a Service (the backend each was given). */
  lbConns: number;
  /** sessionAffinity ClientIP: one per client and frontend. */
  lbAffinity: number;
  /** Label identities in the cluster (their namespaces, for packets from the tunnel). */
  identities: number;
}

export interface SluiceConfig {
  /** bpffs directory holding maps/ and progs/ of this instance. */
  pinRoot: string;
  /** IPAM allocations, identities; written atomically. */
  stateDir: string;
  socketPath: string;
  metricsHost: string;
  metricsPort: number;
  /** Prefix of host-side veth names. */
  interfacePrefix: string;
  attachMode: AttachMode;
  /** The compiled per-pod object. */
  bpfObject: string;
  /** Network namespace (path) holding the host-side devices; undefined = the agent's own. */
  hostNetns?: string;
  mapSizes: MapSizes;
  /** This node's pod CIDR (IPAM pool). */
  podCidr: string;
  /** This node's IPv6 pod CIDR (the IPv6 IPAM pool) on a dual-stack node; absent = IPv4 only. */
  podCidrV6?: string;
  /** Addresses of this node (identity host); empty = read from the host namespace at start. */
  nodeIps: string[];
  /** The underlay's MTU; pods get it less the tunnel's overhead (podMtu). */
  mtu: number;
  /** The node's own devices where clients from outside reach NodePorts (from_netdev is attached);
   * empty = those holding a node address. */
  nodePortDevices: string[];
  /** Where manifests' Services without a clusterIP get one (local mode; the lab uses the default). */
  serviceCidr: string;
  /** The same for IPv6 clusterIPs (canonical): Services whose ipFamilies or ipFamilyPolicy ask for
   * IPv6 (local mode; kind's default range). Used on a dual-stack node only: serviceCidrV6Of. */
  serviceCidrV6: string;
  /** How often expired conntrack entries are swept (ms; 0 = never: only lookups remove them). */
  ctSweepIntervalMs: number;
  /** How often every map is re-read and differences rewritten (ms; 0 = never). */
  resyncIntervalMs: number;
  /** This node's name (Kubernetes: K8S_NODE_NAME; local mode: its entry in `nodes`). */
  nodeName: string;
  /** Local mode: the cluster's nodes (Kubernetes mode reads Node objects instead). */
  nodes: Node[];
  /** `tunnel`: pods on other nodes are reached through a VXLAN device carrying the source's
   * identity; `native`: through the node's routes to other nodes' pod CIDRs. */
  routing: RoutingMode;
  tunnel: TunnelProtocol;
  /** UDP port of the tunnel (8472, as the Linux kernel's and Flannel's VXLAN default). */
  tunnelPort: number;
  /** How long CNI ADD waits for the pod object to reach the store before it proceeds (ms). */
  podWaitMs: number;
}

/** The checkout (or installed tree) this code runs from: sources under vitest, build/js otherwise. */
// (In the bundled CNI executable import.meta has no url; nothing there needs the repo.)
export const REPO_ROOT = findRoot(
  typeof import.meta.url === 'string' ? path.dirname(fileURLToPath(import.meta.url)) : process.cwd(),
);

function findRoot(dir: string): string {
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    if (existsSync(path.join(d, 'package.json')) && existsSync(path.join(d, 'bpf'))) return d;
  }
  return dir;
}

export const DEFAULT_MAP_SIZES: MapSizes = {
  endpoints: 65536,
  ipcache: 524288,
  policy: 1048576,
  cidr: 262144,
  ct: 524288,
  metrics: 65536,
  lbFrontends: 65536,
  lbBackends: 262144,
  lbConns: 262144,
  lbAffinity: 65536,
  identities: 65536,
};

/** Where local mode's Services get their IPv4 clusterIPs unless the config says (kind's range). */
export const DEFAULT_SERVICE_CIDR = '10.96.0.0/16';
/** The same for IPv6 clusterIPs on a dual-stack node (kind's range); see serviceCidrV6Of. */
export const DEFAULT_SERVICE_CIDR_V6 = 'fd00:10:96::/112';

export function defaultConfig(): SluiceConfig {
  return {
    pinRoot: '/sys/fs/bpf/sluice',
    stateDir: '/var/lib/sluice',
    socketPath: '/run/sluice/agent.sock',
    metricsHost: '127.0.0.1',
    metricsPort: 9962,
    interfacePrefix: 'slc',
    attachMode: 'auto',
    bpfObject: path.join(REPO_ROOT, 'build', 'bpf', 'lxc.o'),
    mapSizes: { ...DEFAULT_MAP_SIZES },
    podCidr: '10.244.0.0/24',
    nodeIps: [],
    mtu: 1500,
    nodePortDevices: [],
    serviceCidr: DEFAULT_SERVICE_CIDR,
    serviceCidrV6: DEFAULT_SERVICE_CIDR_V6,
    podWaitMs: 5000,
    resyncIntervalMs: 300_000,
    ctSweepIntervalMs: 30_000,
    nodeName: '',
    nodes: [],
    routing: 'tunnel',
    tunnel: 'vxlan',
    tunnelPort: 8472,
  };
}

/** IPv4 + UDP + VXLAN + the inner Ethernet header. */
export const VXLAN_OVERHEAD = 50;

/** The MTU pods get: the underlay's, less what encapsulation adds in tunnel mode. */
export function podMtu(cfg: Pick<SluiceConfig, 'mtu' | 'routing'>): number {
  return cfg.routing === 'tunnel' ? cfg.mtu - VXLAN_OVERHEAD : cfg.mtu;
}

export function withConfig(
  overrides: Partial<Omit<SluiceConfig, 'mapSizes'>> & { mapSizes?: Partial<MapSizes> },
): SluiceConfig {
  const base = defaultConfig();
  return { ...base, ...overrides, mapSizes: { ...base.mapSizes, ...overrides.mapSizes } };
}

/** The IPv6 Service range local mode allocates from: only on a dual-stack node (podCidrV6); null
 * makes its "cluster" IPv4 only, as the API server of a single-stack cluster is. */
export function serviceCidrV6Of(cfg: Pick<SluiceConfig, 'podCidrV6' | 'serviceCidrV6'>): string | null {
  return cfg.podCidrV6 ? cfg.serviceCidrV6 : null;
}
