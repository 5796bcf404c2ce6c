// Protocol numbers and port-range expansion for the policy trie, whose keys end in a 16-bit port
// matched by prefix.

import { IPPROTO_SCTP, IPPROTO_TCP, IPPROTO_UDP } from './types.js';

export interface PortPrefix {
  /** First port of the block: the low 16 - bits bits are zero. */
  port: number;
  /** Significant high bits of the 16-bit port, 0..16. */
  bits: number;
}

/** The fewest aligned power-of-two blocks that together cover exactly [from, to]. */
export function portRangePrefixes(from: number, to: number): PortPrefix[] {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > 0xffff || from > to) {
    throw new RangeError(`invalid port range ${from}-${to}`);
  }
  const out: PortPrefix[] = [];
  let start = from;
  while (start <= to) {
    // Grow the block while it stays aligned at start and inside the range.
    let size = 1;
    let bits = 16;
    while (bits > 0 && start % (size * 2) === 0 && start + size * 2 - 1 <= to) {
      size *= 2;
      bits -= 1;
    }
    out.push({ port: start, bits });
    start += size;
  }
  return out;
}

const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = {
  TCP: IPPROTO_TCP,
  UDP: IPPROTO_UDP,
  SCTP: IPPROTO_SCTP,
};

/** IPPROTO_* for a NetworkPolicy protocol name (case-sensitive, as the API), else undefined. */
export function protocolNumber(name: string): number | undefined {
  return Object.hasOwn(PROTOCOL_NUMBERS, name) ? PROTOCOL_NUMBERS[name] : undefined;
}

/** NetworkPolicy protocol name for an IPPROTO_* number, else the number as text. */
export function protocolName(num: number): string {
  for (const [name, n] of Object.entries(PROTOCOL_NUMBERS)) if (n === num) return name;
  return String(num);
}
