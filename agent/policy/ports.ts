// Port-range expansion for the policy trie, whose keys end in a 16-bit port
// matched by prefix.

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
