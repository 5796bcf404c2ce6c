// Pure: the contents the synced maps should have, as encoded key -> value buffers.

import type { Endpoint } from '../endpoints/types.js';
import { formatIPv4, parseCidr } from '../net/ipv4.js';
import { formatIPv6, isIPv6Text, parseCidrV6 } from '../net/ipv6.js';
import {
  CIDR_PREFIX_BASE,
  type CidrEntry,
  type CompileOutput,
  POLICY_PREFIX_ANY_PROTO,
  type PolicyEntry,
} from '../policy/types.js';
import {
  addr6Codec,
  cidr6KeyCodec,
  cidrKeyCodec,
  cidrValueCodec,
  endpointInfoCodec,
  endpointKeyCodec,
  identityInfoCodec,
  ipcache6KeyCodec,
  ipcacheKeyCodec,
  ipcacheValueCodec,
  policyKeyCodec,
  policyValueCodec,
  u32Codec,
} from './codecs.js';

export type MapContents = Map<string, Buffer>;

/** Contents split by endpoint id: one policy change re-diffs only the endpoints it touched. */
export type Partitioned = Map<number, MapContents>;

/** Every address-keyed map has an IPv6 twin (…6): IPv4 entries go to one, IPv6 to the other. */
export interface DesiredMaps {
  endpoints: MapContents;
  endpoints6: MapContents;
  ipcache: MapContents;
  ipcache6: MapContents;
  /** Label identity -> its namespace identity (for packets from the tunnel). */
  identities: MapContents;
  policy: Partitioned;
  cidr: Partitioned;
  cidr6: Partitioned;
  /** Services (agent/services/encode.ts): frontends whole, the rest per frontend id. */
  lbFrontends: MapContents;
  lbRevnat: Partitioned;
  lbBackends: Partitioned;
  lbSlots: Partitioned;
  lbFrontends6: MapContents;
  lbRevnat6: Partitioned;
  lbBackends6: Partitioned;
  lbSlots6: Partitioned;
}

/** The Service maps, both families (agent/services/encode.ts). */
export const LB_MAPS = [
  'lbFrontends',
  'lbRevnat',
  'lbBackends',
  'lbSlots',
  'lbFrontends6',
  'lbRevnat6',
  'lbBackends6',
  'lbSlots6',
] as const;
export type LbMapId = (typeof LB_MAPS)[number];

export interface IpcacheEntry {
  /** An address or prefix of either family: "a.b.c.d", "a.b.c.d/len", "x::y", "x::/len" */
  prefix: string;
  identity: number;
  /** Pods: their namespace's identity. */
  namespaceIdentity?: number;
  /** Pods of other nodes: their node's address (the tunnel's remote end). */
  tunnelEndpoint?: string;
}

export interface DesiredInput {
  endpoints: readonly Endpoint[];
  /** identity of each endpoint's pod, by podKey */
  identities: ReadonlyMap<string, number>;
  /** namespace name -> namespace identity */
  namespaceIdentities?: ReadonlyMap<string, number>;
  ipcache: readonly IpcacheEntry[];
  /** Label identity -> namespace identity, of every pod in the cluster; omitted = none. */
  identityNamespaces?: ReadonlyMap<number, number>;
  compiled?: CompileOutput;
  /** Encoded Service maps; omitted = no Services. */
  lb?: Pick<DesiredMaps, LbMapId>;
}

export function hexKey(buf: Buffer): string {
  return buf.toString('hex');
}

function put(map: MapContents, key: Buffer, value: Buffer): void {
  map.set(hexKey(key), value);
}

/** Encoded entries of earlier runs, keyed by the (immutable) arrays they came from. */
export interface DesiredCache {
  ipcache?: { entries: readonly IpcacheEntry[]; map: MapContents; map6: MapContents };
  identities?: { input: ReadonlyMap<number, number> | undefined; map: MapContents };
  /** Encoded contents of each per-endpoint entry array (the compiler keeps unchanged ones). */
  parts: WeakMap<object, MapContents>;
  /** Each per-endpoint CIDR array split by family. */
  cidrSplit: WeakMap<object, [CidrEntry[], CidrEntry[]]>;
}

export function newDesiredCache(): DesiredCache {
  return { parts: new WeakMap(), cidrSplit: new WeakMap() };
}

function memo<T extends object>(
  cache: WeakMap<object, MapContents>,
  key: T,
  encode: (k: T) => [string, Buffer][],
) {
  let encoded = cache.get(key);
  if (!encoded) {
    encoded = new Map(encode(key));
    cache.set(key, encoded);
  }
  return encoded;
}

function byEndpoint<T extends { endpointId: number }>(entries: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const e of entries) {
    const list = out.get(e.endpointId);
    if (list) list.push(e);
    else out.set(e.endpointId, [e]);
  }
  return out;
}

function encodePolicy(entries: readonly PolicyEntry[]): [string, Buffer][] {
  return entries.map((p) => [
    hexKey(
      policyKeyCodec.encode({
        prefixlen: p.prefixLen,
        endpoint_id: p.endpointId,
        identity: p.identity,
        direction: p.direction,
        protocol: p.prefixLen > POLICY_PREFIX_ANY_PROTO ? p.protocol : 0,
        dport: p.port,
      }),
    ),
    policyValueCodec.encode({ rule_id: p.ruleId, flags: 0, packets: 0, bytes: 0 }),
  ]);
}

function encodeCidr(entries: readonly CidrEntry[]): [string, Buffer][] {
  return entries.map((c) => {
    const key = {
      prefixlen: CIDR_PREFIX_BASE + c.len,
      endpoint_id: c.endpointId,
      direction: c.direction,
      addr: c.addr,
    };
    return [
      hexKey(isIPv6Text(c.addr) ? cidr6KeyCodec.encode(key) : cidrKeyCodec.encode(key)),
      cidrValueCodec.encode({ set_identity: c.setIdentity, flags: 0 }),
    ];
  });
}

/** The entries of each family, each encoded for its map. */
function encodeIpcache(entries: readonly IpcacheEntry[]): { map: MapContents; map6: MapContents } {
  const map: MapContents = new Map();
  const map6: MapContents = new Map();
  for (const entry of entries) {
    const value = ipcacheValueCodec.encode({
      identity: entry.identity,
      namespace_identity: entry.namespaceIdentity ?? 0,
      tunnel_endpoint: entry.tunnelEndpoint ?? '0.0.0.0',
      flags: 0,
    });
    if (isIPv6Text(entry.prefix)) {
      const { addr, len } = parseCidrV6(entry.prefix.includes('/') ? entry.prefix : `${entry.prefix}/128`);
      put(map6, ipcache6KeyCodec.encode({ prefixlen: len, addr: formatIPv6(addr) }), value);
    } else {
      const { addr, len } = parseCidr(entry.prefix.includes('/') ? entry.prefix : `${entry.prefix}/32`);
      put(map, ipcacheKeyCodec.encode({ prefixlen: len, addr: formatIPv4(addr) }), value);
    }
  }
  return { map, map6 };
}

/** An endpoint's CIDR entries split by family, the same arrays for the same input (for memo). */
function cidrFamilies(cache: DesiredCache, entries: readonly CidrEntry[]): [CidrEntry[], CidrEntry[]] {
  let split = cache.cidrSplit.get(entries);
  if (!split) {
    split = [entries.filter((c) => !isIPv6Text(c.addr)), entries.filter((c) => isIPv6Text(c.addr))];
    cache.cidrSplit.set(entries, split);
  }
  return split;
}

export function desiredMaps(input: DesiredInput, cache: DesiredCache = newDesiredCache()): DesiredMaps {
  const lb = Object.fromEntries(LB_MAPS.map((id) => [id, input.lb?.[id] ?? new Map()]));
  const out: DesiredMaps = {
    endpoints: new Map(),
    endpoints6: new Map(),
    ipcache: new Map(),
    ipcache6: new Map(),
    identities: new Map(),
    policy: new Map(),
    cidr: new Map(),
    cidr6: new Map(),
    ...(lb as Pick<DesiredMaps, LbMapId>),
  };
  const flags = input.compiled?.endpointFlags;
  for (const ep of input.endpoints) {
    const info = endpointInfoCodec.encode({
      ifindex: ep.hostIfindex,
      endpoint_id: ep.id,
      identity: input.identities.get(ep.podKey) ?? 0,
      flags: flags?.get(ep.id) ?? 0,
      pod_mac: ep.podMac,
      host_mac: ep.hostMac,
      namespace_identity: input.namespaceIdentities?.get(ep.podKey.split('/')[0]!) ?? 0,
    });
    put(out.endpoints, endpointKeyCodec.encode({ addr: ep.ip }), info);
    if (ep.ipv6) put(out.endpoints6, addr6Codec.encode({ w: ep.ipv6 }), info);
  }
  // Unchanged inputs give the very same Map objects, which the syncer then skips without a diff.
  if (cache.ipcache?.entries !== input.ipcache)
    cache.ipcache = { entries: input.ipcache, ...encodeIpcache(input.ipcache) };
  out.ipcache = cache.ipcache.map;
  out.ipcache6 = cache.ipcache.map6;
  if (!cache.identities || cache.identities.input !== input.identityNamespaces) {
    const map: MapContents = new Map();
    for (const [identity, ns] of input.identityNamespaces ?? [])
      put(
        map,
        u32Codec.encode({ value: identity }),
        identityInfoCodec.encode({ namespace_identity: ns, flags: 0 }),
      );
    cache.identities = { input: input.identityNamespaces, map };
  }
  out.identities = cache.identities.map;

  const compiled = input.compiled;
  if (compiled?.byEndpoint) {
    for (const [id, part] of compiled.byEndpoint) {
      if (part.policy.length) out.policy.set(id, memo(cache.parts, part.policy, encodePolicy));
      const [v4, v6] = cidrFamilies(cache, part.cidr);
      if (v4.length) out.cidr.set(id, memo(cache.parts, v4, encodeCidr));
      if (v6.length) out.cidr6.set(id, memo(cache.parts, v6, encodeCidr));
    }
  } else if (compiled) {
    for (const [id, list] of byEndpoint(compiled.policy)) out.policy.set(id, new Map(encodePolicy(list)));
    for (const [id, list] of byEndpoint(compiled.cidr)) {
      const v4 = list.filter((c) => !isIPv6Text(c.addr));
      const v6 = list.filter((c) => isIPv6Text(c.addr));
      if (v4.length) out.cidr.set(id, new Map(encodeCidr(v4)));
      if (v6.length) out.cidr6.set(id, new Map(encodeCidr(v6)));
    }
  }
  return out;
}
