// IP protocol numbers and the names NetworkPolicy and Service ports give them.

export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_SCTP = 132;
export const IPPROTO_ICMPV6 = 58;

/** ICMP of either family: no ports (the datapath keys echo by identifier instead). */
export function isIcmp(protocol: number): boolean {
  return protocol === IPPROTO_ICMP || protocol === IPPROTO_ICMPV6;
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
