// Typed codecs for every struct shared with the datapath. Must be in sync with
// bpf/lib/common.h: test/unit/btf-layout.test.ts compares each codec's size and field offsets with
// the BTF of build/bpf/lxc.o. Byte order: host (little-endian) unless the type says `be`.

import { ipv4OrMinusOne } from '../net/ipv4.js';
import { formatIPv6, ipv6OrUndefined } from '../net/ipv6.js';

export type FieldType = 'u8' | 'u16' | 'u32' | 'u64' | 'be16' | 'be32' | 'ipv4' | 'ipv6' | 'mac';

const FIELD_SIZE: Record<FieldType, number> = {
  u8: 1,
  u16: 2,
  u32: 4,
  u64: 8,
  be16: 2,
  be32: 4,
  ipv4: 4,
  ipv6: 16,
  mac: 6,
};

export interface FieldSpec {
  name: string;
  type: FieldType;
  offset: number;
}

type FieldValue<T extends FieldType> = T extends 'ipv4' | 'ipv6' | 'mac' ? string : number;

export type Decoded<F extends readonly FieldSpec[]> = {
  [K in F[number] as K['name']]: FieldValue<K['type']>;
};

/** The decoded shape of a codec. */
export type DecodedOf<C> = C extends StructCodec<infer T> ? T : never;

export interface StructCodec<T> {
  /** The C struct name in bpf/lib/common.h. */
  cName: string;
  size: number;
  fields: readonly FieldSpec[];
  encode(value: T): Buffer;
  decode(buf: Buffer, offset?: number): T;
}

export function fieldSize(type: FieldType): number {
  return FIELD_SIZE[type];
}

export function ipv4ToBytes(ip: string, buf: Buffer, offset: number): void {
  const addr = ipv4OrMinusOne(ip);
  if (addr < 0) throw new Error(`not an IPv4 address: ${ip}`);
  buf.writeUInt32BE(addr, offset);
}

export function ipv6ToBytes(ip: string, buf: Buffer, offset: number): void {
  const addr = ipv6OrUndefined(ip);
  if (addr === undefined) throw new Error(`not an IPv6 address: ${ip}`);
  buf.writeBigUInt64BE(addr >> 64n, offset);
  buf.writeBigUInt64BE(addr & 0xffff_ffff_ffff_ffffn, offset + 8);
}

function macToBytes(mac: string, buf: Buffer, offset: number): void {
  const parts = mac.split(':');
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{2}$/.test(p)))
    throw new Error(`not a MAC address: ${mac}`);
  parts.forEach((p, i) => {
    buf[offset + i] = Number.parseInt(p, 16);
  });
}

function writeField(buf: Buffer, f: FieldSpec, v: unknown): void {
  const o = f.offset;
  switch (f.type) {
    case 'u8':
      buf.writeUInt8(Number(v ?? 0), o);
      break;
    case 'u16':
      buf.writeUInt16LE(Number(v ?? 0), o);
      break;
    case 'u32':
      buf.writeUInt32LE(Number(v ?? 0) >>> 0, o);
      break;
    case 'u64':
      buf.writeBigUInt64LE(BigInt(Number(v ?? 0)), o);
      break;
    case 'be16':
      buf.writeUInt16BE(Number(v ?? 0), o);
      break;
    case 'be32':
      buf.writeUInt32BE(Number(v ?? 0) >>> 0, o);
      break;
    case 'ipv4':
      ipv4ToBytes(String(v ?? '0.0.0.0'), buf, o);
      break;
    case 'ipv6':
      ipv6ToBytes(String(v ?? '::'), buf, o);
      break;
    case 'mac':
      macToBytes(String(v ?? '00:00:00:00:00:00'), buf, o);
      break;
  }
}

function readField(buf: Buffer, f: FieldSpec, base: number): number | string {
  const o = base + f.offset;
  switch (f.type) {
    case 'u8':
      return buf.readUInt8(o);
    case 'u16':
      return buf.readUInt16LE(o);
    case 'u32':
      return buf.readUInt32LE(o);
    case 'u64':
      return Number(buf.readBigUInt64LE(o));
    case 'be16':
      return buf.readUInt16BE(o);
    case 'be32':
      return buf.readUInt32BE(o);
    case 'ipv4':
      return `${buf[o]}.${buf[o + 1]}.${buf[o + 2]}.${buf[o + 3]}`;
    case 'ipv6':
      return formatIPv6((buf.readBigUInt64BE(o) << 64n) | buf.readBigUInt64BE(o + 8));
    case 'mac':
      return [...buf.subarray(o, o + 6)].map((b) => b.toString(16).padStart(2, '0')).join(':');
  }
}

export function defineStruct<const F extends readonly FieldSpec[]>(
  cName: string,
  size: number,
  fields: F,
): StructCodec<Decoded<F>> {
  for (const f of fields) {
    if (f.offset + FIELD_SIZE[f.type] > size)
      throw new Error(`${cName}.${f.name} lies outside ${size} bytes`);
  }
  return {
    cName,
    size,
    fields,
    encode(value) {
      const buf = Buffer.alloc(size);
      const rec = value as Record<string, unknown>;
      for (const f of fields) writeField(buf, f, rec[f.name]);
      return buf;
    },
    decode(buf, offset = 0) {
      if (buf.length - offset < size)
        throw new Error(`${cName}: need ${size} bytes, got ${buf.length - offset}`);
      const out: Record<string, number | string> = {};
      for (const f of fields) out[f.name] = readField(buf, f, offset);
      return out as Decoded<F>;
    },
  };
}

export const u32Codec = defineStruct('__u32', 4, [{ name: 'value', type: 'u32', offset: 0 }] as const);

/** Key of sluice_endpoints: the pod's IPv4 address. */
export const endpointKeyCodec = defineStruct('__be32', 4, [
  { name: 'addr', type: 'ipv4', offset: 0 },
] as const);

/** An IPv6 address (struct addr6): the key of sluice_endpoints6. */
export const addr6Codec = defineStruct('addr6', 16, [{ name: 'w', type: 'ipv6', offset: 0 }] as const);

export const endpointInfoCodec = defineStruct('endpoint_info', 32, [
  { name: 'ifindex', type: 'u32', offset: 0 },
  { name: 'endpoint_id', type: 'u32', offset: 4 },
  { name: 'identity', type: 'u32', offset: 8 },
  { name: 'flags', type: 'u32', offset: 12 },
  { name: 'pod_mac', type: 'mac', offset: 16 },
  { name: 'host_mac', type: 'mac', offset: 22 },
  { name: 'namespace_identity', type: 'u32', offset: 28 },
] as const);
export type EndpointInfo = DecodedOf<typeof endpointInfoCodec>;

export const ipcacheKeyCodec = defineStruct('ipcache_key', 8, [
  { name: 'prefixlen', type: 'u32', offset: 0 },
  { name: 'addr', type: 'ipv4', offset: 4 },
] as const);

export const ipcache6KeyCodec = defineStruct('ipcache6_key', 20, [
  { name: 'prefixlen', type: 'u32', offset: 0 },
  { name: 'addr', type: 'ipv6', offset: 4 },
] as const);

export const ipcacheValueCodec = defineStruct('ipcache_value', 16, [
  { name: 'identity', type: 'u32', offset: 0 },
  { name: 'namespace_identity', type: 'u32', offset: 4 },
  { name: 'tunnel_endpoint', type: 'ipv4', offset: 8 },
  { name: 'flags', type: 'u32', offset: 12 },
] as const);

/** sluice_ipcache's value before the node was added (sluice_ipcache_v2): for its migration. */
export const ipcacheValueV1Codec = defineStruct('ipcache_value_v1', 8, [
  { name: 'identity', type: 'u32', offset: 0 },
  { name: 'namespace_identity', type: 'u32', offset: 4 },
] as const);

export const identityInfoCodec = defineStruct('identity_info', 8, [
  { name: 'namespace_identity', type: 'u32', offset: 0 },
  { name: 'flags', type: 'u32', offset: 4 },
] as const);

export const tunnelReturnCodec = defineStruct('tunnel_return', 8, [
  { name: 'node', type: 'ipv4', offset: 0 },
  { name: 'expires', type: 'u32', offset: 4 },
] as const);

export const nodeConfigCodec = defineStruct('node_config', 8, [
  { name: 'tunnel_ifindex', type: 'u32', offset: 0 },
  { name: 'tunnel_port', type: 'be16', offset: 4 },
  { name: 'flags', type: 'u16', offset: 6 },
] as const);

export const policyKeyCodec = defineStruct('policy_key', 16, [
  { name: 'prefixlen', type: 'u32', offset: 0 },
  { name: 'endpoint_id', type: 'be32', offset: 4 },
  { name: 'identity', type: 'be32', offset: 8 },
  { name: 'direction', type: 'u8', offset: 12 },
  { name: 'protocol', type: 'u8', offset: 13 },
  { name: 'dport', type: 'be16', offset: 14 },
] as const);

export const policyValueCodec = defineStruct('policy_value', 24, [
  { name: 'rule_id', type: 'u32', offset: 0 },
  { name: 'flags', type: 'u32', offset: 4 },
  { name: 'packets', type: 'u64', offset: 8 },
  { name: 'bytes', type: 'u64', offset: 16 },
] as const);

export const cidrKeyCodec = defineStruct('cidr_key', 16, [
  { name: 'prefixlen', type: 'u32', offset: 0 },
  { name: 'endpoint_id', type: 'be32', offset: 4 },
  { name: 'direction', type: 'u8', offset: 8 },
  { name: 'addr', type: 'ipv4', offset: 12 },
] as const);

export const cidr6KeyCodec = defineStruct('cidr6_key', 28, [
  { name: 'prefixlen', type: 'u32', offset: 0 },
  { name: 'endpoint_id', type: 'be32', offset: 4 },
  { name: 'direction', type: 'u8', offset: 8 },
  { name: 'addr', type: 'ipv6', offset: 12 },
] as const);

export const cidrValueCodec = defineStruct('cidr_value', 8, [
  { name: 'set_identity', type: 'u32', offset: 0 },
  { name: 'flags', type: 'u32', offset: 4 },
] as const);

export const ctKeyCodec = defineStruct('ct_key', 16, [
  { name: 'saddr', type: 'ipv4', offset: 0 },
  { name: 'daddr', type: 'ipv4', offset: 4 },
  { name: 'sport', type: 'be16', offset: 8 },
  { name: 'dport', type: 'be16', offset: 10 },
  { name: 'protocol', type: 'u8', offset: 12 },
] as const);

export const ct6KeyCodec = defineStruct('ct6_key', 40, [
  { name: 'saddr', type: 'ipv6', offset: 0 },
  { name: 'daddr', type: 'ipv6', offset: 16 },
  { name: 'sport', type: 'be16', offset: 32 },
  { name: 'dport', type: 'be16', offset: 34 },
  { name: 'protocol', type: 'u8', offset: 36 },
] as const);

export const ctValueCodec = defineStruct('ct_value', 56, [
  { name: 'packets_fwd', type: 'u64', offset: 0 },
  { name: 'bytes_fwd', type: 'u64', offset: 8 },
  { name: 'packets_rev', type: 'u64', offset: 16 },
  { name: 'bytes_rev', type: 'u64', offset: 24 },
  { name: 'expires', type: 'u32', offset: 32 },
  { name: 'created', type: 'u32', offset: 36 },
  { name: 'src_endpoint', type: 'u32', offset: 40 },
  { name: 'dst_endpoint', type: 'u32', offset: 44 },
  { name: 'rule_id', type: 'u32', offset: 48 },
  { name: 'flags', type: 'u8', offset: 52 },
  { name: 'tcp_flags_seen', type: 'u8', offset: 53 },
  { name: 'rev_nat_id', type: 'u16', offset: 54 },
] as const);

export const metricsKeyCodec = defineStruct('metrics_key', 8, [
  { name: 'endpoint_id', type: 'u32', offset: 0 },
  { name: 'reason', type: 'u8', offset: 4 },
  { name: 'direction', type: 'u8', offset: 5 },
] as const);

export const metricsValueCodec = defineStruct('metrics_value', 16, [
  { name: 'packets', type: 'u64', offset: 0 },
  { name: 'bytes', type: 'u64', offset: 8 },
] as const);

export const flowEventCodec = defineStruct('flow_event', 56, [
  { name: 'timestamp_ns', type: 'u64', offset: 0 },
  { name: 'saddr', type: 'ipv4', offset: 8 },
  { name: 'daddr', type: 'ipv4', offset: 12 },
  { name: 'sport', type: 'be16', offset: 16 },
  { name: 'dport', type: 'be16', offset: 18 },
  { name: 'protocol', type: 'u8', offset: 20 },
  { name: 'type', type: 'u8', offset: 21 },
  { name: 'reason', type: 'u8', offset: 22 },
  { name: 'direction', type: 'u8', offset: 23 },
  { name: 'src_identity', type: 'u32', offset: 24 },
  { name: 'dst_identity', type: 'u32', offset: 28 },
  { name: 'src_endpoint', type: 'u32', offset: 32 },
  { name: 'dst_endpoint', type: 'u32', offset: 36 },
  { name: 'rule_id', type: 'u32', offset: 40 },
  { name: 'length', type: 'u32', offset: 44 },
  { name: 'tcp_flags', type: 'u8', offset: 48 },
  { name: 'is_reply', type: 'u8', offset: 49 },
  { name: 'family', type: 'u8', offset: 50 },
  { name: 'frontend_id', type: 'u32', offset: 52 },
] as const);

/** An IPv6 packet's event: flow_event (family 6, saddr and daddr 0) as its `base`, then these. */
export const flowEvent6Codec = defineStruct('flow_event6', 88, [
  { name: 'saddr', type: 'ipv6', offset: 56 },
  { name: 'daddr', type: 'ipv6', offset: 72 },
] as const);

export const dpConfigCodec = defineStruct('dp_config', 8, [
  { name: 'flags', type: 'u32', offset: 0 },
  { name: 'host_identity_check', type: 'u32', offset: 4 },
] as const);

export const fragKeyCodec = defineStruct('frag_key', 12, [
  { name: 'saddr', type: 'ipv4', offset: 0 },
  { name: 'daddr', type: 'ipv4', offset: 4 },
  { name: 'id', type: 'be16', offset: 8 },
  { name: 'protocol', type: 'u8', offset: 10 },
] as const);

export const frag6KeyCodec = defineStruct('frag6_key', 40, [
  { name: 'saddr', type: 'ipv6', offset: 0 },
  { name: 'daddr', type: 'ipv6', offset: 16 },
  { name: 'id', type: 'be32', offset: 32 },
  { name: 'protocol', type: 'u8', offset: 36 },
] as const);

export const frag6ValueCodec = defineStruct('frag6_value', 8, [
  { name: 'sport', type: 'be16', offset: 0 },
  { name: 'dport', type: 'be16', offset: 2 },
  { name: 'protocol', type: 'u8', offset: 4 },
] as const);

export const fibCacheKeyCodec = defineStruct('fib_cache_key', 8, [
  { name: 'saddr', type: 'ipv4', offset: 0 },
  { name: 'node', type: 'ipv4', offset: 4 },
] as const);

export const fibCacheValueCodec = defineStruct('fib_cache_value', 16, [
  { name: 'ifindex', type: 'u32', offset: 0 },
  { name: 'nexthop', type: 'ipv4', offset: 4 },
  { name: 'expires', type: 'u32', offset: 8 },
  { name: 'mtu', type: 'u16', offset: 12 },
  { name: 'pad', type: 'u16', offset: 14 },
] as const);

export const fragPortsCodec = defineStruct('frag_ports', 4, [
  { name: 'sport', type: 'be16', offset: 0 },
  { name: 'dport', type: 'be16', offset: 2 },
] as const);

export const lbFrontendKeyCodec = defineStruct('lb_frontend_key', 8, [
  { name: 'addr', type: 'ipv4', offset: 0 },
  { name: 'port', type: 'be16', offset: 4 },
  { name: 'protocol', type: 'u8', offset: 6 },
] as const);

export const lbFrontendCodec = defineStruct('lb_frontend', 16, [
  { name: 'id', type: 'u32', offset: 0 },
  { name: 'count', type: 'u32', offset: 4 },
  { name: 'flags', type: 'u32', offset: 8 },
  { name: 'affinity_timeout', type: 'u32', offset: 12 },
] as const);

export const lbSlotKeyCodec = defineStruct('lb_slot_key', 8, [
  { name: 'frontend_id', type: 'u32', offset: 0 },
  { name: 'slot', type: 'u32', offset: 4 },
] as const);

export const lbSlotCodec = defineStruct('lb_slot', 8, [
  { name: 'addr', type: 'ipv4', offset: 0 },
  { name: 'port', type: 'be16', offset: 4 },
] as const);

export const lbBackendKeyCodec = defineStruct('lb_backend_key', 12, [
  { name: 'frontend_id', type: 'u32', offset: 0 },
  { name: 'addr', type: 'ipv4', offset: 4 },
  { name: 'port', type: 'be16', offset: 8 },
] as const);

export const lbBackendCodec = defineStruct('lb_backend', 4, [
  { name: 'flags', type: 'u32', offset: 0 },
] as const);

export const lbRevnatCodec = defineStruct('lb_revnat', 8, [
  { name: 'addr', type: 'ipv4', offset: 0 },
  { name: 'port', type: 'be16', offset: 4 },
] as const);

export const lbAffinityKeyCodec = defineStruct('lb_affinity_key', 8, [
  { name: 'frontend_id', type: 'u32', offset: 0 },
  { name: 'client', type: 'ipv4', offset: 4 },
] as const);

export const lbAffinityCodec = defineStruct('lb_affinity', 16, [
  { name: 'addr', type: 'ipv4', offset: 0 },
  { name: 'port', type: 'be16', offset: 4 },
  { name: 'last_used', type: 'u32', offset: 8 },
] as const);

export const lbConnCodec = defineStruct('lb_conn', 16, [
  { name: 'frontend_id', type: 'u32', offset: 0 },
  { name: 'addr', type: 'ipv4', offset: 4 },
  { name: 'port', type: 'be16', offset: 8 },
  { name: 'expires', type: 'u32', offset: 12 },
] as const);

// The IPv6 twins of the Service maps' layouts (a frontend is of one family; lb_frontend,
// lb_backend and lb_stats serve both).
export const lb6FrontendKeyCodec = defineStruct('lb6_frontend_key', 20, [
  { name: 'addr', type: 'ipv6', offset: 0 },
  { name: 'port', type: 'be16', offset: 16 },
  { name: 'protocol', type: 'u8', offset: 18 },
] as const);

/** sluice_lb_slots6 and sluice_lb_revnat6 values. */
export const lb6TargetCodec = defineStruct('lb6_target', 20, [
  { name: 'addr', type: 'ipv6', offset: 0 },
  { name: 'port', type: 'be16', offset: 16 },
] as const);

export const lb6BackendKeyCodec = defineStruct('lb6_backend_key', 24, [
  { name: 'frontend_id', type: 'u32', offset: 0 },
  { name: 'addr', type: 'ipv6', offset: 4 },
  { name: 'port', type: 'be16', offset: 20 },
] as const);

export const lb6AffinityKeyCodec = defineStruct('lb6_affinity_key', 20, [
  { name: 'frontend_id', type: 'u32', offset: 0 },
  { name: 'client', type: 'ipv6', offset: 4 },
] as const);

export const lb6AffinityCodec = defineStruct('lb6_affinity', 24, [
  { name: 'addr', type: 'ipv6', offset: 0 },
  { name: 'port', type: 'be16', offset: 16 },
  { name: 'last_used', type: 'u32', offset: 20 },
] as const);

export const lb6ConnCodec = defineStruct('lb6_conn', 28, [
  { name: 'frontend_id', type: 'u32', offset: 0 },
  { name: 'addr', type: 'ipv6', offset: 4 },
  { name: 'port', type: 'be16', offset: 20 },
  { name: 'expires', type: 'u32', offset: 24 },
] as const);

export const lbStatsCodec = defineStruct('lb_stats', 16, [
  { name: 'translations', type: 'u64', offset: 0 },
  { name: 'no_backend', type: 'u64', offset: 8 },
] as const);

/** Every codec that mirrors a struct of bpf/lib/common.h, for the BTF layout test. */
export const SHARED_STRUCTS: readonly StructCodec<unknown>[] = [
  addr6Codec,
  ipcache6KeyCodec,
  cidr6KeyCodec,
  ct6KeyCodec,
  flowEvent6Codec,
  frag6KeyCodec,
  frag6ValueCodec,
  endpointInfoCodec,
  ipcacheKeyCodec,
  ipcacheValueCodec,
  identityInfoCodec,
  nodeConfigCodec,
  tunnelReturnCodec,
  policyKeyCodec,
  policyValueCodec,
  cidrKeyCodec,
  cidrValueCodec,
  ctKeyCodec,
  ctValueCodec,
  metricsKeyCodec,
  metricsValueCodec,
  flowEventCodec,
  dpConfigCodec,
  fragKeyCodec,
  fragPortsCodec,
  fibCacheKeyCodec,
  fibCacheValueCodec,
  lbFrontendKeyCodec,
  lbFrontendCodec,
  lbSlotKeyCodec,
  lbSlotCodec,
  lbBackendKeyCodec,
  lbBackendCodec,
  lbRevnatCodec,
  lbAffinityKeyCodec,
  lbAffinityCodec,
  lbConnCodec,
  lbStatsCodec,
  lb6FrontendKeyCodec,
  lb6TargetCodec,
  lb6BackendKeyCodec,
  lb6AffinityKeyCodec,
  lb6AffinityCodec,
  lb6ConnCodec,
] as StructCodec<unknown>[];
