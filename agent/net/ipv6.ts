// IPv6 addresses and prefixes as (bigint, length) pairs: parsing (RFC 4291's text forms, a
// dotted-quad tail included), the canonical text form (RFC 5952), containment; and which family
// an address text is. The IPv4 counterparts are ipv4.ts.

import { CidrError, formatIPv4, ipv4OrMinusOne } from './ipv4.js';

export interface Cidr6 {
  /** Network address as an unsigned 128-bit number, host bits zero. */
  addr: bigint;
  /** 0..128 */
  len: number;
}

const BITS = 128n;
const ALL_ONES = (1n << BITS) - 1n;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const PREFIX_LEN = /^(0|[1-9][0-9]{0,2})$/;
/** ::ffff:0:0/96, written with a dotted-quad tail (RFC 5952 §5). */
const V4_MAPPED = 0xffffn << 32n;

/** The 16-bit groups of one side of "::" (or of the whole address); a reason when they are not. */
function groupsOf(part: string, last: boolean): number[] | string {
  if (part === '') return [];
  const out: number[] = [];
  const texts = part.split(':');
  for (const [i, t] of texts.entries()) {
    if (t === '') return "a ':' without a group on one side";
    if (t.includes('.')) {
      if (!last || i !== texts.length - 1) return 'a dotted-quad IPv4 part may only end the address';
      const v4 = ipv4OrMinusOne(t);
      if (v4 < 0) return `"${t}" is not a dotted-quad IPv4 part`;
      out.push(Math.floor(v4 / 0x10000), v4 % 0x10000);
    } else if (HEX_GROUP.test(t)) {
      out.push(Number.parseInt(t, 16));
    } else return `"${t}" is not a group of 1 to 4 hex digits`;
  }
  return out;
}

/** IPv6 text -> 128-bit number, or why it is not one. */
function parse(s: string): bigint | string {
  if (s === '') return 'empty';
  if (s.includes('%')) return 'a zone index (%...) names an interface, not an address';
  const halves = s.split('::');
  if (halves.length > 2) return "'::' appears more than once";
  const [head, tail] = [halves[0]!, halves[1]];
  const front = groupsOf(head, tail === undefined);
  if (typeof front === 'string') return front;
  const back = tail === undefined ? [] : groupsOf(tail, true);
  if (typeof back === 'string') return back;
  const given = front.length + back.length;
  if (tail === undefined && given !== 8) return `${given} groups of 16 bits, not 8`;
  // "::" stands for one group or more (RFC 4291 §2.2).
  if (tail !== undefined && given > 7) return `'::' with ${given} groups besides stands for no group`;
  const groups = [...front, ...Array<number>(8 - given).fill(0), ...back];
  return groups.reduce((n, g) => (n << 16n) | BigInt(g), 0n);
}

/** IPv6 address text -> 128-bit number; throws CidrError naming what is wrong. */
export function parseIPv6(s: string): bigint {
  const n = parse(s);
  if (typeof n === 'bigint') return n;
  if (ipv4OrMinusOne(s) >= 0) throw new CidrError(`"${s}" is an IPv4 address, not an IPv6 one`);
  throw new CidrError(`"${s}" is not an IPv6 address: ${n}`, true);
}

/** IPv6 address text -> 128-bit number, or undefined when it is not one. */
export function ipv6OrUndefined(s: string): bigint | undefined {
  const n = parse(s);
  return typeof n === 'bigint' ? n : undefined;
}

/**
 * The canonical text (RFC 5952): lowercase hex without leading zeros, the longest run of two or
 * more zero groups (the first of equal runs) as "::", and IPv4-mapped addresses as ::ffff:a.b.c.d.
 */
export function formatIPv6(addr: bigint): string {
  if (addr < 0n || addr > ALL_ONES) throw new RangeError(`${addr} is not a 128-bit number`);
  if (addr >> 32n === V4_MAPPED >> 32n) return `::ffff:${formatIPv4(Number(addr & 0xffffffffn))}`;
  const groups = Array.from({ length: 8 }, (_, i) => Number((addr >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { at: -1, len: 1 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
  if (best.at < 0) return hex(groups);
  return `${hex(groups.slice(0, best.at))}::${hex(groups.slice(best.at + best.len))}`;
}

/** The canonical text of an IPv6 address text; throws CidrError when it is not one. */
export function canonicalIPv6(s: string): string {
  return formatIPv6(parseIPv6(s));
}

export function prefixMaskV6(len: number): bigint {
  return len === 0 ? 0n : (ALL_ONES << (BITS - BigInt(len))) & ALL_ONES;
}

/** "addr/len" -> Cidr6. Host bits are dropped, as parseCidr does for IPv4. */
export function parseCidrV6(s: string): Cidr6 {
  const slash = s.indexOf('/');
  if (slash < 0) throw new CidrError(`"${s}" is not a CIDR: missing /prefix-length`, true);
  const text = s.slice(0, slash);
  if (ipv4OrMinusOne(text) >= 0) throw new CidrError(`"${s}" is an IPv4 CIDR, not an IPv6 one`);
  const lenText = s.slice(slash + 1);
  const len = PREFIX_LEN.test(lenText) ? Number(lenText) : Number.NaN;
  if (!(len <= 128)) throw new CidrError(`"${s}" is not a CIDR: bad prefix length (0-128)`, true);
  const n = parse(text);
  if (typeof n === 'string') throw new CidrError(`"${s}" is not an IPv6 CIDR: ${n}`, true);
  return { addr: n & prefixMaskV6(len), len };
}

export function formatCidrV6(c: Cidr6): string {
  return `${formatIPv6(c.addr)}/${c.len}`;
}

/** Whether inner (a prefix or a single address as a /128) lies inside outer. */
export function cidrContainsV6(outer: Cidr6, inner: Cidr6): boolean {
  return outer.len <= inner.len && (inner.addr & prefixMaskV6(outer.len)) === outer.addr;
}

export function containsIpV6(outer: Cidr6, addr: bigint): boolean {
  return cidrContainsV6(outer, { addr, len: 128 });
}

/** The family of address or prefix text as the compiler, the encoder and the tools tell them
 * apart without parsing: text containing ':' is IPv6 (whether it is well formed is the caller's
 * validation's business). */
export function isIPv6Text(text: string): boolean {
  return text.includes(':');
}

/** The family of an address text: 4, 6, or 0 when it is neither. */
export function ipFamily(s: string): 4 | 6 | 0 {
  if (ipv4OrMinusOne(s) >= 0) return 4;
  return ipv6OrUndefined(s) === undefined ? 0 : 6;
}

/** The family of a CIDR text by its address part: 4, 6, or 0 when it is neither. */
export function cidrFamily(s: string): 4 | 6 | 0 {
  const slash = s.indexOf('/');
  return slash < 0 ? 0 : ipFamily(s.slice(0, slash));
}

/** The ranges an IPv6 address can fall in, as far as routing between nodes cares (RFC 4291,
 * RFC 4193): only global unicast (2000::/3) and unique local (fc00::/7) addresses route. */
export type IPv6Range =
  | 'global unicast'
  | 'unique local'
  | 'unspecified'
  | 'loopback'
  | 'link-local'
  | 'multicast'
  | 'IPv4-mapped'
  | 'reserved';

export function ipv6Range(addr: bigint): IPv6Range {
  const top = Number(addr >> 120n);
  if ((top & 0xe0) === 0x20) return 'global unicast';
  if ((top & 0xfe) === 0xfc) return 'unique local';
  if (addr === 0n) return 'unspecified';
  if (addr === 1n) return 'loopback';
  if (addr >> 118n === 0x3fan) return 'link-local';
  if (top === 0xff) return 'multicast';
  if (addr >> 32n === 0xffffn) return 'IPv4-mapped';
  return 'reserved';
}

/** The ranges whose addresses route between nodes. */
export const ROUTABLE_V6: readonly { name: 'global unicast' | 'unique local'; cidr: Cidr6; text: string }[] =
  [
    { name: 'global unicast', cidr: { addr: 0x2n << 124n, len: 3 }, text: '2000::/3' },
    { name: 'unique local', cidr: { addr: 0xfcn << 120n, len: 7 }, text: 'fc00::/7' },
  ];

/** Whether every address of the prefix routes between nodes (global unicast or unique local). */
export function routableV6(c: Cidr6): boolean {
  return ROUTABLE_V6.some((r) => cidrContainsV6(r.cidr, c));
}

/** Whether a node is dual-stack: it has an IPv6 pod CIDR (the agent config's podCidrV6, or a
 * Node's). An IPv4-only node has no IPv6 pods, routes no IPv6 and keeps its IPv6 maps idle. */
export function isDualStack(node: { podCidrV6?: string | undefined }): boolean {
  return Boolean(node.podCidrV6);
}
