// Pure address allocation from the node's pod CIDRs, one pool per family: next-fit after the last
// address handed out (so a released address is not reused at once), never two addresses of a
// family for one attachment. IPv4 never hands out the network or broadcast address; IPv6 never the
// subnet-router anycast address (the all-zero host part, RFC 4291 §2.6.1).

import { type Cidr, formatIPv4, parseCidr, parseIPv4 } from '../net/ipv4.js';
import { type Cidr6, formatCidrV6, formatIPv6, parseCidrV6, parseIPv6 } from '../net/ipv6.js';

export interface Allocation {
  containerId: string;
  ifname: string;
  podNamespace?: string;
  podName?: string;
}

export interface PoolState {
  cidr: string;
  /** address -> owner */
  allocations: Record<string, Allocation>;
  /** last address handed out, as a number */
  last: number;
}

export interface PoolStateV6 {
  cidr: string;
  /** canonical address (RFC 5952) -> owner */
  allocations: Record<string, Allocation>;
  /** last address handed out ('' = none yet) */
  last: string;
}

export class PoolExhaustedError extends Error {}

export function attachmentKey(a: { containerId: string; ifname: string }): string {
  return `${a.containerId}/${a.ifname}`;
}

type Allocations = Readonly<Record<string, Allocation>>;

export function findByAttachment(
  state: { allocations: Allocations },
  containerId: string,
  ifname: string,
): string | undefined {
  for (const [ip, a] of Object.entries(state.allocations))
    if (a.containerId === containerId && a.ifname === ifname) return ip;
  return undefined;
}

/** The addresses of a pool that may be handed out, as numbers. */
interface Range {
  first: bigint;
  last: bigint;
}

function usableRange(c: Cidr): Range {
  const [addr, size] = [BigInt(c.addr), 2n ** BigInt(32 - c.len)];
  if (c.len >= 31) return { first: addr, last: addr + size - 1n };
  return { first: addr + 1n, last: addr + size - 2n };
}

function usableRangeV6(c: Cidr6): Range {
  return { first: c.addr + 1n, last: c.addr + 2n ** BigInt(128 - c.len) - 1n };
}

/** Next-fit: the first address nobody holds, from the one after `after` on, wrapping around. */
function nextFree(
  cidr: string,
  allocations: Allocations,
  { first, last }: Range,
  after: bigint | undefined,
  text: (n: bigint) => string,
): { n: bigint; ip: string } {
  const size = last - first + 1n;
  const start = after !== undefined && after >= first && after <= last ? after - first + 1n : 0n;
  // Of any count + 1 addresses one is free, unless the pool holds no more than count.
  const held = BigInt(Object.keys(allocations).length);
  const tries = size < held + 1n ? size : held + 1n;
  for (let i = 0n; i < tries; i++) {
    const n = first + ((start + i) % size);
    const ip = text(n);
    if (!allocations[ip]) return { n, ip };
  }
  throw new PoolExhaustedError(
    `no free address in ${cidr} (${size > 0n ? size : 0n} addresses, all allocated)`,
  );
}

/** The state with an address for the attachment (its existing one if it has one), and that address. */
export function allocate(state: PoolState, owner: Allocation): { state: PoolState; ip: string } {
  const existing = findByAttachment(state, owner.containerId, owner.ifname);
  if (existing) return { state, ip: existing };
  const range = usableRange(parseCidr(state.cidr));
  const { n, ip } = nextFree(state.cidr, state.allocations, range, BigInt(state.last), (a) =>
    formatIPv4(Number(a)),
  );
  return { state: { ...state, allocations: { ...state.allocations, [ip]: owner }, last: Number(n) }, ip };
}

/** allocate for the IPv6 pool. */
export function allocateV6(state: PoolStateV6, owner: Allocation): { state: PoolStateV6; ip: string } {
  const existing = findByAttachment(state, owner.containerId, owner.ifname);
  if (existing) return { state, ip: existing };
  const range = usableRangeV6(parseCidrV6(state.cidr));
  const after = state.last ? parseIPv6(state.last) : undefined;
  const { ip } = nextFree(state.cidr, state.allocations, range, after, formatIPv6);
  return { state: { ...state, allocations: { ...state.allocations, [ip]: owner }, last: ip }, ip };
}

/** The state without the attachment's address (of either family's pool), and that address. */
export function release<S extends { allocations: Allocations }>(
  state: S,
  containerId: string,
  ifname: string,
): { state: S; ip?: string } {
  const ip = findByAttachment(state, containerId, ifname);
  if (!ip) return { state };
  const { [ip]: _gone, ...rest } = state.allocations;
  return { state: { ...state, allocations: rest }, ip };
}

export function emptyPool(cidr: string): PoolState {
  const c = parseCidr(cidr);
  return { cidr: `${formatIPv4(c.addr)}/${c.len}`, allocations: {}, last: 0 };
}

export function emptyPoolV6(cidr: string): PoolStateV6 {
  return { cidr: formatCidrV6(parseCidrV6(cidr)), allocations: {}, last: '' };
}

export function inPool(state: PoolState, ip: string): boolean {
  const { first, last } = usableRange(parseCidr(state.cidr));
  const n = BigInt(parseIPv4(ip));
  return n >= first && n <= last;
}

export function inPoolV6(state: PoolStateV6, ip: string): boolean {
  const { first, last } = usableRangeV6(parseCidrV6(state.cidr));
  const n = parseIPv6(ip);
  return n >= first && n <= last;
}
