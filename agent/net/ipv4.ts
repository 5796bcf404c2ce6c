// IPv4 addresses and prefixes as (uint32, length) pairs: parsing, formatting, containment. The
// partition of ipBlock rules into the trie's prefixes is policy/cidr.ts.

export interface Cidr {
  /** Network address as an unsigned 32-bit number, host bits zero. */
  addr: number;
  /** 0..32 */
  len: number;
}

export class CidrError extends Error {
  constructor(
    message: string,
    readonly ipv6 = false,
  ) {
    super(message);
    this.name = 'CidrError';
  }
}

const PREFIX_LEN = /^(0|[1-9][0-9]?)$/;

/**
 * Dotted-quad IPv4 address -> uint32, or -1 when it is not one. Leading zeros are refused (some
 * parsers read them as octal). A loop over the characters: a Service sync parses every backend
 * address, 50,000 at a time.
 */
export function ipv4OrMinusOne(s: string): number {
  let addr = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      addr = addr * 256 + octet;
      octet = 0;
      digits = 0;
      dots += 1;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return -1; // a leading zero
      octet = octet * 10 + (c - 48);
      digits += 1;
      if (octet > 255) return -1;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return addr * 256 + octet;
}

/** Dotted-quad IPv4 address -> uint32; throws CidrError naming what is wrong. */
export function parseIPv4(s: string): number {
  const addr = ipv4OrMinusOne(s);
  if (addr >= 0) return addr;
  if (s.includes(':')) throw new CidrError(`"${s}" is an IPv6 address, not an IPv4 one`, true);
  throw new CidrError(`"${s}" is not an IPv4 address`);
}

export function prefixMask(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

/** "a.b.c.d/len" -> Cidr. Host bits are dropped rather than refused: the NetworkPolicy API accepts
 * 10.0.0.1/24 and means 10.0.0.0/24. */
export function parseCidr(s: string): Cidr {
  if (s.includes(':')) throw new CidrError(`"${s}" is an IPv6 CIDR, not an IPv4 one`, true);
  const slash = s.indexOf('/');
  if (slash < 0) throw new CidrError(`"${s}" is not a CIDR: missing /prefix-length`);
  const lenText = s.slice(slash + 1);
  const len = PREFIX_LEN.test(lenText) ? Number(lenText) : Number.NaN;
  if (!(len <= 32)) throw new CidrError(`"${s}" is not a CIDR: bad prefix length`);
  const addr = parseIPv4(s.slice(0, slash));
  return { addr: (addr & prefixMask(len)) >>> 0, len };
}

export function formatIPv4(addr: number): string {
  return [addr >>> 24, (addr >>> 16) & 0xff, (addr >>> 8) & 0xff, addr & 0xff].join('.');
}

export function formatCidr(c: Cidr): string {
  return `${formatIPv4(c.addr)}/${c.len}`;
}

/** Whether inner (a prefix or a single address as a /32) lies inside outer. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.len <= inner.len && (inner.addr & prefixMask(outer.len)) >>> 0 === outer.addr;
}

export function containsIp(outer: Cidr, addr: number): boolean {
  return cidrContains(outer, { addr, len: 32 });
}

export function compareCidr(a: Cidr, b: Cidr): number {
  return a.addr - b.addr || a.len - b.len;
}

/** One ipBlock peer: addresses in cidr and in no except belong to member. */
