// Pure address allocation from the node's pod CIDR: next-fit after the last address handed out
// (so a released address is not reused at once), never the network or broadcast address, and
// never two addresses for one attachment.

import { type Cidr, formatIPv4, parseCidr, parseIPv4 } from '../net/ipv4.js';

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

export class PoolExhaustedError extends Error {}

export function attachmentKey(a: { containerId: string; ifname: string }): string {
  return `${a.containerId}/${a.ifname}`;
}

export function findByAttachment(state: PoolState, containerId: string, ifname: string): string | undefined {
  for (const [ip, a] of Object.entries(state.allocations))
    if (a.containerId === containerId && a.ifname === ifname) return ip;
  return undefined;
}

function usableRange(c: Cidr): { first: number; last: number } {
  if (c.len >= 31) return { first: c.addr, last: c.addr + 2 ** (32 - c.len) - 1 };
  return { first: c.addr + 1, last: c.addr + 2 ** (32 - c.len) - 2 };
}

/** The state with an address for the attachment (its existing one if it has one), and that address. */
export function allocate(state: PoolState, owner: Allocation): { state: PoolState; ip: string } {
  const existing = findByAttachment(state, owner.containerId, owner.ifname);
  if (existing) return { state, ip: existing };
  const { first, last } = usableRange(parseCidr(state.cidr));
  const size = last - first + 1;
  const start = state.last >= first && state.last <= last ? state.last - first + 1 : 0;
  for (let i = 0; i < size; i++) {
    const n = first + ((start + i) % size);
    const ip = formatIPv4(n);
    if (!state.allocations[ip]) {
      return { state: { ...state, allocations: { ...state.allocations, [ip]: owner }, last: n }, ip };
    }
  }
  throw new PoolExhaustedError(`no free address in ${state.cidr} (${size} addresses, all allocated)`);
}

export function release(
  state: PoolState,
  containerId: string,
  ifname: string,
): { state: PoolState; ip?: string } {
  const ip = findByAttachment(state, containerId, ifname);
  if (!ip) return { state };
  const { [ip]: _gone, ...rest } = state.allocations;
  return { state: { ...state, allocations: rest }, ip };
}

export function emptyPool(cidr: string): PoolState {
  const c = parseCidr(cidr);
  return { cidr: `${formatIPv4(c.addr)}/${c.len}`, allocations: {}, last: 0 };
}

export function inPool(state: PoolState, ip: string): boolean {
  const c = parseCidr(state.cidr);
  const n = parseIPv4(ip);
  const { first, last } = usableRange(c);
  return n >= first && n <= last;
}
