// The partition of ipBlock rules into the nested prefixes the sluice_cidr tries hold (sluice_cidr
// for IPv4, sluice_cidr6 for IPv6): one partition per address family, since a prefix of one family
// never nests in the other's.

import { type Cidr, cidrContains, compareCidr, formatCidr, formatIPv4, parseCidr } from '../net/ipv4.js';
import { type Cidr6, cidrContainsV6, formatCidrV6, formatIPv6, parseCidrV6 } from '../net/ipv6.js';

/** What the partition and the compiler need of one address family's prefixes. */
export interface CidrFamily<C> {
  /** "addr/len" -> prefix, host bits dropped; throws CidrError. */
  parse(text: string): C;
  contains(outer: C, inner: C): boolean;
  /** By address, then length: the order of the trie's entries in the compiler's output. */
  compare(a: C, b: C): number;
  format(c: C): string;
  /** The network address as CidrEntry.addr carries it: dotted IPv4, canonical (RFC 5952) IPv6. */
  formatAddr(c: C): string;
}

export const IPV4_CIDRS: CidrFamily<Cidr> = {
  parse: parseCidr,
  contains: cidrContains,
  compare: compareCidr,
  format: formatCidr,
  formatAddr: (c) => formatIPv4(c.addr),
};

export const IPV6_CIDRS: CidrFamily<Cidr6> = {
  parse: parseCidrV6,
  contains: cidrContainsV6,
  compare: (a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : a.len - b.len),
  format: formatCidrV6,
  formatAddr: (c) => formatIPv6(c.addr),
};

export interface IpBlockSpan<C = Cidr> {
  member: number;
  cidr: C;
  except: readonly C[];
}

export interface CidrPartEntry<C = Cidr> {
  prefix: C;
  /** Sorted, distinct members covering the addresses whose longest match is prefix; may be empty. */
  members: number[];
}

/** Whether a prefix (an address as a /32 or /128) lies in a block: in its cidr, in no except. */
export function inIpBlock<C>(family: CidrFamily<C>, span: IpBlockSpan<C>, host: C): boolean {
  return family.contains(span.cidr, host) && !span.except.some((e) => family.contains(e, host));
}

/**
 * Every distinct cidr and except prefix, each with the members whose blocks cover it. Prefixes are
 * nested or disjoint, so an address whose longest match among them is P is covered by a member
 * exactly when one of its cidrs contains P and none of that block's excepts does: a longest-prefix
 * lookup then yields the right member set for every address. All spans are of one family (IPv4
 * unless told otherwise).
 */
export function partitionIpBlocks(spans: readonly IpBlockSpan<Cidr>[]): CidrPartEntry<Cidr>[];
export function partitionIpBlocks<C>(
  spans: readonly IpBlockSpan<C>[],
  family: CidrFamily<C>,
): CidrPartEntry<C>[];
export function partitionIpBlocks<C>(
  spans: readonly IpBlockSpan<C>[],
  family = IPV4_CIDRS as unknown as CidrFamily<C>,
): CidrPartEntry<C>[] {
  const prefixes = new Map<string, C>();
  for (const span of spans) {
    for (const c of [span.cidr, ...span.except]) prefixes.set(family.format(c), c);
  }
  const out: CidrPartEntry<C>[] = [];
  for (const prefix of [...prefixes.values()].sort(family.compare)) {
    const members = new Set<number>();
    for (const span of spans) {
      if (inIpBlock(family, span, prefix)) members.add(span.member);
    }
    out.push({ prefix, members: [...members].sort((a, b) => a - b) });
  }
  return out;
}
