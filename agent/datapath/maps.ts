// The pinned maps of bpf/lib/maps.h: how to create each one at its configured size, and which
// codecs read it. Names must be in sync with bpf/lib/maps.h; a layout change gets a new name.

import { readFileSync } from 'node:fs';
import type { MapSizes, SluiceConfig } from '../config/config.js';
import { isDualStack } from '../net/ipv6.js';
import {
  addr6Codec,
  cidr6KeyCodec,
  cidrKeyCodec,
  cidrValueCodec,
  ct6KeyCodec,
  ctKeyCodec,
  ctValueCodec,
  dpConfigCodec,
  endpointInfoCodec,
  endpointKeyCodec,
  frag6KeyCodec,
  frag6ValueCodec,
  fragKeyCodec,
  fragPortsCodec,
  fibCacheKeyCodec,
  fibCacheValueCodec,
  identityInfoCodec,
  ipcache6KeyCodec,
  ipcacheKeyCodec,
  ipcacheValueCodec,
  lb6AffinityCodec,
  lb6AffinityKeyCodec,
  lb6BackendKeyCodec,
  lb6ConnCodec,
  lb6FrontendKeyCodec,
  lb6TargetCodec,
  lbAffinityCodec,
  lbAffinityKeyCodec,
  lbBackendCodec,
  lbBackendKeyCodec,
  lbConnCodec,
  lbFrontendCodec,
  lbFrontendKeyCodec,
  lbRevnatCodec,
  lbSlotCodec,
  lbSlotKeyCodec,
  lbStatsCodec,
  metricsKeyCodec,
  metricsValueCodec,
  nodeConfigCodec,
  policyKeyCodec,
  policyValueCodec,
  type StructCodec,
  tunnelReturnCodec,
  u32Codec,
} from './codecs.js';

const BPF_F_NO_PREALLOC = 1;

export interface MapSpec {
  name: string;
  type:
    | 'hash'
    | 'lru_hash'
    | 'percpu_hash'
    | 'lpm_trie'
    | 'array'
    | 'percpu_array'
    | 'perf_event_array'
    | 'prog_array';
  keySize: number;
  valueSize: number;
  /** The mapSizes setting that sizes it, or a size of its own. */
  size: keyof MapSizes | (() => number);
  flags: number;
  key?: StructCodec<unknown>;
  value?: StructCodec<unknown>;
  /** The agent owns the first N bytes of each value; the rest are datapath counters it keeps. */
  ownedValueBytes?: number;
  /** A preallocated IPv6 twin: only a dual-stack node (podCidrV6) fills it, so elsewhere it is
   * created at IPV6_IDLE_ENTRIES (mapCapacity). */
  ipv6?: true;
}

/** The size of a preallocated IPv6 twin on a node without IPv6 pods: it holds nothing there, and
 * at full size it would cost ~140 MB of kernel memory (conntrack, endpoints, Service connections, tunnel
 * returns, affinity). The loader re-creates it at full size when the node becomes dual-stack. */
export const IPV6_IDLE_ENTRIES = 256;

/** How many entries a map is created with on this node. */
export function mapCapacity(spec: MapSpec, cfg: Pick<SluiceConfig, 'mapSizes' | 'podCidrV6'>): number {
  if (spec.ipv6 && !isDualStack(cfg)) return IPV6_IDLE_ENTRIES;
  return typeof spec.size === 'function' ? spec.size() : cfg.mapSizes[spec.size];
}

export function possibleCpus(): number {
  // "0-7" or "0,2-3": the perf event array needs one slot per possible CPU.
  const text = readFileSync('/sys/devices/system/cpu/possible', 'utf8').trim();
  let max = 0;
  for (const part of text.split(',')) max = Math.max(max, Number(part.split('-').at(-1)));
  return max + 1;
}

const as = <T>(c: StructCodec<T>) => c as StructCodec<unknown>;
/** A map's key and value: their codecs and the sizes the map is created with (one source). */
const codecs = <K, V>(key: StructCodec<K>, value: StructCodec<V>) => ({
  keySize: key.size,
  valueSize: value.size,
  key: as(key),
  value: as(value),
});

export const MAPS = {
  endpoints: {
    name: 'sluice_endpoints',
    type: 'hash',
    size: 'endpoints',
    flags: 0,
    ...codecs(endpointKeyCodec, endpointInfoCodec),
  },
  ipcache: {
    name: 'sluice_ipcache_v2',
    type: 'lpm_trie',
    size: 'ipcache',
    flags: BPF_F_NO_PREALLOC,
    ...codecs(ipcacheKeyCodec, ipcacheValueCodec),
  },
  policy: {
    name: 'sluice_policy',
    type: 'lpm_trie',
    size: 'policy',
    flags: BPF_F_NO_PREALLOC,
    ...codecs(policyKeyCodec, policyValueCodec),
    ownedValueBytes: 8,
  },
  cidr: {
    name: 'sluice_cidr',
    type: 'lpm_trie',
    size: 'cidr',
    flags: BPF_F_NO_PREALLOC,
    ...codecs(cidrKeyCodec, cidrValueCodec),
  },
  ct: {
    name: 'sluice_ct',
    type: 'lru_hash',
    size: 'ct',
    flags: 0,
    ...codecs(ctKeyCodec, ctValueCodec),
  },
  metrics: {
    name: 'sluice_metrics',
    type: 'percpu_hash',
    size: 'metrics',
    flags: 0,
    ...codecs(metricsKeyCodec, metricsValueCodec),
  },
  events: {
    name: 'sluice_events',
    type: 'perf_event_array',
    keySize: 4,
    valueSize: 4,
    size: () => possibleCpus(),
    flags: 0,
  },
  config: {
    name: 'sluice_config',
    type: 'array',
    size: () => 1,
    flags: 0,
    ...codecs(u32Codec, dpConfigCodec),
  },
  identities: {
    name: 'sluice_identities',
    type: 'hash',
    size: 'identities',
    flags: 0,
    ...codecs(u32Codec, identityInfoCodec),
  },
  node: {
    name: 'sluice_node',
    type: 'array',
    size: () => 1,
    flags: 0,
    ...codecs(u32Codec, nodeConfigCodec),
  },
  calls: {
    name: 'sluice_calls',
    type: 'prog_array',
    keySize: 4,
    valueSize: 4,
    size: () => 2,
    flags: 0,
  },
  netdevCalls: {
    name: 'sluice_netdev_calls',
    type: 'prog_array',
    keySize: 4,
    valueSize: 4,
    size: () => 1,
    flags: 0,
  },
  tunnelReturns: {
    name: 'sluice_tunnel_returns',
    type: 'lru_hash',
    // NodePort connections whose backend is on another node, as many as Service connections.
    size: 'lbConns',
    flags: 0,
    ...codecs(ctKeyCodec, tunnelReturnCodec),
  },
  overlayCalls: {
    name: 'sluice_overlay_calls',
    type: 'prog_array',
    keySize: 4,
    valueSize: 4,
    size: () => 2,
    flags: 0,
  },
  frags: {
    name: 'sluice_frags',
    type: 'lru_hash',
    size: () => 8192,
    flags: 0,
    ...codecs(fragKeyCodec, fragPortsCodec),
  },
  fibCache: {
    name: 'sluice_fib_cache',
    type: 'lru_hash',
    // Pods of this node times the nodes they talk to; a miss only costs a FIB lookup.
    size: () => 16384,
    flags: 0,
    ...codecs(fibCacheKeyCodec, fibCacheValueCodec),
  },
  // The IPv6 twins of the address-keyed maps (bpf/lib/maps.h), sized like them.
  endpoints6: {
    name: 'sluice_endpoints6',
    type: 'hash',
    size: 'endpoints',
    ipv6: true,
    flags: 0,
    ...codecs(addr6Codec, endpointInfoCodec),
  },
  ipcache6: {
    name: 'sluice_ipcache6',
    type: 'lpm_trie',
    size: 'ipcache',
    flags: BPF_F_NO_PREALLOC,
    ...codecs(ipcache6KeyCodec, ipcacheValueCodec),
  },
  cidr6: {
    name: 'sluice_cidr6',
    type: 'lpm_trie',
    size: 'cidr',
    flags: BPF_F_NO_PREALLOC,
    ...codecs(cidr6KeyCodec, cidrValueCodec),
  },
  ct6: {
    name: 'sluice_ct6',
    type: 'lru_hash',
    size: 'ct',
    ipv6: true,
    flags: 0,
    ...codecs(ct6KeyCodec, ctValueCodec),
  },
  frags6: {
    name: 'sluice_frags6',
    type: 'lru_hash',
    size: () => 8192,
    flags: 0,
    ...codecs(frag6KeyCodec, frag6ValueCodec),
  },
  lbFrontends: {
    name: 'sluice_lb_frontends',
    type: 'hash',
    size: 'lbFrontends',
    flags: 0,
    ...codecs(lbFrontendKeyCodec, lbFrontendCodec),
  },
  lbSlots: {
    name: 'sluice_lb_slots',
    type: 'hash',
    size: 'lbBackends',
    flags: 0,
    ...codecs(lbSlotKeyCodec, lbSlotCodec),
  },
  lbBackends: {
    name: 'sluice_lb_backends',
    type: 'hash',
    size: 'lbBackends',
    flags: 0,
    ...codecs(lbBackendKeyCodec, lbBackendCodec),
  },
  lbRevnat: {
    name: 'sluice_lb_revnat',
    type: 'hash',
    size: 'lbFrontends',
    flags: 0,
    ...codecs(u32Codec, lbRevnatCodec),
  },
  lbAffinity: {
    name: 'sluice_lb_affinity',
    type: 'lru_hash',
    size: 'lbAffinity',
    flags: 0,
    ...codecs(lbAffinityKeyCodec, lbAffinityCodec),
  },
  lbConns: {
    name: 'sluice_lb_conns',
    type: 'lru_hash',
    size: 'lbConns',
    flags: 0,
    ...codecs(ctKeyCodec, lbConnCodec),
  },
  lbStats: {
    name: 'sluice_lb_stats',
    type: 'percpu_hash',
    size: () => 65536,
    flags: 0,
    ...codecs(u32Codec, lbStatsCodec),
  },
  // The IPv6 twins of the Service maps, sized like them. The hashes are not preallocated, so a
  // node without IPv6 Services pays for none of their entries (LRU maps always are).
  lbFrontends6: {
    name: 'sluice_lb_frontends6',
    type: 'hash',
    size: 'lbFrontends',
    flags: BPF_F_NO_PREALLOC,
    ...codecs(lb6FrontendKeyCodec, lbFrontendCodec),
  },
  lbSlots6: {
    name: 'sluice_lb_slots6',
    type: 'hash',
    size: 'lbBackends',
    flags: BPF_F_NO_PREALLOC,
    ...codecs(lbSlotKeyCodec, lb6TargetCodec),
  },
  lbBackends6: {
    name: 'sluice_lb_backends6',
    type: 'hash',
    size: 'lbBackends',
    flags: BPF_F_NO_PREALLOC,
    ...codecs(lb6BackendKeyCodec, lbBackendCodec),
  },
  lbRevnat6: {
    name: 'sluice_lb_revnat6',
    type: 'hash',
    size: 'lbFrontends',
    flags: BPF_F_NO_PREALLOC,
    ...codecs(u32Codec, lb6TargetCodec),
  },
  lbAffinity6: {
    name: 'sluice_lb_affinity6',
    type: 'lru_hash',
    size: 'lbAffinity',
    ipv6: true,
    flags: 0,
    ...codecs(lb6AffinityKeyCodec, lb6AffinityCodec),
  },
  lbConns6: {
    name: 'sluice_lb_conns6',
    type: 'lru_hash',
    size: 'lbConns',
    ipv6: true,
    flags: 0,
    ...codecs(ct6KeyCodec, lb6ConnCodec),
  },
  tunnelReturns6: {
    name: 'sluice_tunnel_returns6',
    type: 'lru_hash',
    size: 'lbConns',
    ipv6: true,
    flags: 0,
    ...codecs(ct6KeyCodec, tunnelReturnCodec),
  },
  /** Per-CPU room for the refusals the datapath builds (bpf/lib/maps.h): bytes, never read here. */
  scratch: {
    name: 'sluice_scratch',
    type: 'percpu_array',
    keySize: 4,
    valueSize: 256,
    size: () => 1,
    flags: 0,
  },
} as const satisfies Record<string, MapSpec>;

export type MapId = keyof typeof MAPS;
export const ALL_MAPS: readonly MapSpec[] = Object.values(MAPS);

/** Programs of bpf/lxc.c: the attached entry stubs and what they tail-call (slot in sluice_calls). */
export const PROGRAMS = {
  entryIngress: 'entry_from_pod',
  entryEgress: 'entry_to_pod',
  calls: [
    { slot: 0, name: 'from_pod' },
    { slot: 1, name: 'to_pod' },
  ],
  /** On the node's own devices (tcx ingress): tail-calls from_netdev through sluice_netdev_calls. */
  entryNetdev: 'entry_from_netdev',
  netdevCalls: [{ slot: 0, name: 'from_netdev' }],
  /** On the VXLAN device: tcx ingress and egress, through sluice_overlay_calls. */
  entryOverlayIngress: 'entry_from_overlay',
  entryOverlayEgress: 'entry_to_overlay',
  overlayCalls: [
    { slot: 0, name: 'from_overlay' },
    { slot: 1, name: 'to_overlay' },
  ],
} as const;

/** The programs attached to devices: pinned once and kept across upgrades (they only tail-call). */
export const ENTRY_PROGRAMS: ReadonlySet<string> = new Set([
  PROGRAMS.entryIngress,
  PROGRAMS.entryEgress,
  PROGRAMS.entryNetdev,
  PROGRAMS.entryOverlayIngress,
  PROGRAMS.entryOverlayEgress,
]);

/** Where a map is pinned under an instance's pin root (its `maps/` directory). */
export function mapsDir(pinRoot: string): string {
  return `${pinRoot}/maps`;
}

export function mapPin(pinRoot: string, id: MapId): string {
  return `${mapsDir(pinRoot)}/${MAPS[id].name}`;
}
