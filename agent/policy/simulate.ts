// The datapath's verdict (bpf/lib/policy.h, policy_allows) computed over a CompileOutput instead
// of the BPF maps: for tests and `sluice policy simulate`. Keep it step for step with the C code.

import { parseIPv4, prefixMask } from '../net/ipv4.js';
import { isIPv6Text, parseIPv6, prefixMaskV6 } from '../net/ipv6.js';
import { isIcmp } from '../net/protocols.js';
import {
  CIDR_PREFIX_BASE,
  type CompileOutput,
  DIR_INGRESS,
  type Direction,
  EP_F_EGRESS_CIDR,
  EP_F_EGRESS_ENFORCED,
  EP_F_INGRESS_CIDR,
  EP_F_INGRESS_ENFORCED,
  ID_ANY,
  ID_CIDR_SET_BIT,
  ID_CLUSTER_PODS,
  ID_FIRST_LABELS,
  POLICY_PREFIX_FULL,
  type PolicyEntry,
} from './types.js';

export interface Verdict {
  allowed: boolean;
  /** Rule of the entry that allowed it; 0 when denied or not enforced. */
  ruleId: number;
  /** The lookup that matched, for explaining a verdict. */
  via: 'not-enforced' | 'identity' | 'any' | 'namespace' | 'cluster' | 'cidr' | 'denied';
}

/** policy_key as the trie compares it: endpoint_id | identity | direction | protocol | dport. */
function policyKeyBits(
  endpointId: number,
  identity: number,
  direction: number,
  protocol: number,
  port: number,
): bigint {
  return (
    (BigInt(endpointId >>> 0) << 64n) |
    (BigInt(identity >>> 0) << 32n) |
    (BigInt(direction & 0xff) << 24n) |
    (BigInt(protocol & 0xff) << 16n) |
    BigInt(port & 0xffff)
  );
}

/** The longest entry whose first prefixLen key bits equal the lookup key's (an LPM trie lookup). */
function policyFind(
  output: CompileOutput,
  endpointId: number,
  identity: number,
  direction: Direction,
  protocol: number,
  port: number,
): PolicyEntry | undefined {
  const key = policyKeyBits(endpointId, identity, direction, protocol, isIcmp(protocol) ? 0 : port);
  let best: PolicyEntry | undefined;
  for (const e of output.policy) {
    // A cheap reject that is exact for prefixes covering endpoint, identity and direction.
    const wholeHeader = e.prefixLen >= 72;
    if (
      wholeHeader &&
      (e.endpointId !== endpointId || e.identity !== identity || e.direction !== direction)
    ) {
      continue;
    }
    const shift = BigInt(POLICY_PREFIX_FULL - e.prefixLen);
    const entryKey = policyKeyBits(e.endpointId, e.identity, e.direction, e.protocol, e.port);
    if ((entryKey ^ key) >> shift !== 0n) continue;
    if (!best || e.prefixLen > best.prefixLen) best = e;
  }
  return best;
}

/** cidr_set_for: the set identity of the longest cidr entry holding the address, 0 without one.
 * An IPv6 address is looked up in sluice_cidr6, the entries whose addr is IPv6, only. */
function cidrSetFor(output: CompileOutput, endpointId: number, direction: Direction, ip: string): number {
  const v6 = isIPv6Text(ip);
  const addr = v6 ? 0 : parseIPv4(ip);
  const addr6 = v6 ? parseIPv6(ip) : 0n;
  let bestLen = -1;
  let set = 0;
  for (const e of output.cidr) {
    if (e.endpointId !== endpointId || e.direction !== direction) continue;
    if (isIPv6Text(e.addr) !== v6) continue;
    const inside = v6
      ? (addr6 & prefixMaskV6(e.len)) === parseIPv6(e.addr)
      : (addr & prefixMask(e.len)) >>> 0 === parseIPv4(e.addr);
    if (!inside) continue;
    if (CIDR_PREFIX_BASE + e.len > bestLen) {
      bestLen = CIDR_PREFIX_BASE + e.len;
      set = e.setIdentity;
    }
  }
  return set;
}

/** policy_allows for a new connection of endpointId with a peer (identity, and its address as
 * dotted IPv4 or IPv6 text: the one the connection uses). */
export function lookupPolicy(
  output: CompileOutput,
  endpointId: number,
  direction: Direction,
  peerIdentity: number,
  peerIp: string,
  protocol: number,
  port: number,
  /** The peer's namespace identity (pods, with namespace identities in use), else 0. */
  peerNamespaceIdentity = 0,
): Verdict {
  const flags = output.endpointFlags.get(endpointId) ?? 0;
  const ingress = direction === DIR_INGRESS;
  const enforced = ingress ? EP_F_INGRESS_ENFORCED : EP_F_EGRESS_ENFORCED;
  const hasCidr = ingress ? EP_F_INGRESS_CIDR : EP_F_EGRESS_CIDR;
  if (!(flags & enforced)) return { allowed: true, ruleId: 0, via: 'not-enforced' };

  let v = policyFind(output, endpointId, peerIdentity, direction, protocol, port);
  let via: Verdict['via'] = 'identity';
  if (!v) {
    v = policyFind(output, endpointId, ID_ANY, direction, protocol, port);
    via = 'any';
  }
  if (!v && peerNamespaceIdentity) {
    v = policyFind(output, endpointId, peerNamespaceIdentity, direction, protocol, port);
    via = 'namespace';
  }
  if (!v && peerIdentity >= ID_FIRST_LABELS && !(peerIdentity & ID_CIDR_SET_BIT)) {
    v = policyFind(output, endpointId, ID_CLUSTER_PODS, direction, protocol, port);
    via = 'cluster';
  }
  if (!v && flags & hasCidr) {
    const set = cidrSetFor(output, endpointId, direction, peerIp);
    if (set) v = policyFind(output, endpointId, set, direction, protocol, port);
    via = 'cidr';
  }
  if (!v) return { allowed: false, ruleId: 0, via: 'denied' };
  return { allowed: true, ruleId: v.ruleId, via };
}
