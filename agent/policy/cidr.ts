// The partition of ipBlock rules into the nested prefixes the sluice_cidr trie holds.

import { type Cidr, cidrContains, compareCidr, formatCidr } from '../net/ipv4.js';

export interface IpBlockSpan {
  member: number;
  cidr: Cidr;
  except: readonly Cidr[];
}

export interface CidrPartEntry {
  prefix: Cidr;
  /** Sorted, distinct members covering the addresses whose longest match is prefix; may be empty. */
  members: number[];
}

/**
 * Every distinct cidr and except prefix, each with the members whose blocks cover it. Prefixes are
 * nested or disjoint, so an address whose longest match among them is P is covered by a member
 * exactly when one of its cidrs contains P and none of that block's excepts does: a longest-prefix
 * lookup then yields the right member set for every address.
 */
export function partitionIpBlocks(spans: readonly IpBlockSpan[]): CidrPartEntry[] {
  const prefixes = new Map<string, Cidr>();
  for (const span of spans) {
    for (const c of [span.cidr, ...span.except]) prefixes.set(formatCidr(c), c);
  }
  const out: CidrPartEntry[] = [];
  for (const prefix of [...prefixes.values()].sort(compareCidr)) {
    const members = new Set<number>();
    for (const span of spans) {
      if (cidrContains(span.cidr, prefix) && !span.except.some((e) => cidrContains(e, prefix))) {
        members.add(span.member);
      }
    }
    out.push({ prefix, members: [...members].sort((a, b) => a - b) });
  }
  return out;
}
