// What the policy compiler reads and writes. Keys mirror bpf/lib/common.h (policy_key,
// cidr_key, endpoint flags) but as plain numbers: the codecs turn them into bytes.

import { DIRECTION, ENDPOINT_FLAGS, SLUICE_IDENTITY } from '../abi/constants.js';
import type { Snapshot } from '../model/types.js';

/** bpf/lib/common.h enum direction (agent/abi/constants.ts). */
export const DIR_EGRESS = DIRECTION.DIR_EGRESS;
export const DIR_INGRESS = DIRECTION.DIR_INGRESS;
export type Direction = typeof DIR_EGRESS | typeof DIR_INGRESS;

/** bpf/lib/common.h: policy key prefix lengths. */
export const POLICY_PREFIX_ANY_PROTO = 72;
export const POLICY_PREFIX_ANY_PORT = 80;
export const POLICY_PREFIX_FULL = 96;
export const CIDR_PREFIX_BASE = 64;

/** bpf/lib/common.h enum sluice_identity, SLUICE_ID_* (agent/abi/constants.ts). */
export const ID_ANY = SLUICE_IDENTITY.SLUICE_ID_ANY;
export const ID_HOST = SLUICE_IDENTITY.SLUICE_ID_HOST;
export const ID_WORLD = SLUICE_IDENTITY.SLUICE_ID_WORLD;
export const ID_UNMANAGED = SLUICE_IDENTITY.SLUICE_ID_UNMANAGED;
export const ID_HEALTH = SLUICE_IDENTITY.SLUICE_ID_HEALTH;
export const ID_INIT = SLUICE_IDENTITY.SLUICE_ID_INIT;
export const ID_REMOTE_NODE = SLUICE_IDENTITY.SLUICE_ID_REMOTE_NODE;
/** Policy keys only: every pod of the cluster (namespaceSelector: {} with no pod selector). */
export const ID_CLUSTER_PODS = SLUICE_IDENTITY.SLUICE_ID_CLUSTER_PODS;
export const ID_CIDR_SET_BIT = SLUICE_IDENTITY.SLUICE_ID_CIDR_SET_BIT;
/** Namespace identities: one per namespace, carried beside the pod identity in ipcache and
 * endpoint entries; a namespaceSelector-only peer becomes one entry per namespace. */
export const ID_NAMESPACE_BIT = SLUICE_IDENTITY.SLUICE_ID_NAMESPACE_BIT;
/** First identity handed out for labels; everything below is reserved. */
export const ID_FIRST_LABELS = SLUICE_IDENTITY.SLUICE_ID_FIRST_LABELS;

/** bpf/lib/common.h enum endpoint_flags, EP_F_* (agent/abi/constants.ts). */
export const { EP_F_INGRESS_ENFORCED, EP_F_EGRESS_ENFORCED, EP_F_INGRESS_CIDR, EP_F_EGRESS_CIDR } =
  ENDPOINT_FLAGS;

export interface CompileInput {
  snapshot: Snapshot;
  /** Pods on this node that have an endpoint: "namespace/name" -> endpoint id (never 0). */
  endpoints: ReadonlyMap<string, number>;
  /** Security identity of every pod in the snapshot: "namespace/name" -> identity (>= 256). */
  identities: ReadonlyMap<string, number>;
  /** Namespace name -> namespace identity (ID_NAMESPACE_BIT | n). With it, namespace-only peers
   * compile to namespace identities (and `{}` to ID_CLUSTER_PODS) instead of one entry per pod;
   * without it (the datapath must then not carry namespace identities) they enumerate pods. */
  namespaceIdentities?: ReadonlyMap<string, number>;
}

/** One allow entry of sluice_policy (an LPM trie). */
export interface PolicyEntry {
  /** 72: any protocol and port; 80: one protocol, any port; 81..96: protocol and port prefix. */
  prefixLen: number;
  endpointId: number;
  /** Peer identity; ID_ANY matches every peer; ID_CIDR_SET_BIT | n names an ipBlock rule set. */
  identity: number;
  direction: Direction;
  /** IPPROTO_*; 0 when prefixLen is 72. */
  protocol: number;
  /** Destination port; bits beyond the prefix are 0. 0 when prefixLen <= 80. */
  port: number;
  /** The rule that produced the entry (see CompileOutput.rules). */
  ruleId: number;
}

/** One entry of sluice_cidr (IPv4) or sluice_cidr6 (IPv6): for this endpoint and direction,
 * addresses under addr/len belong to the ipBlock rule set setIdentity (0: none, an except carved
 * out of a broader cidr). The two families are partitioned apart (their prefixes never nest) but
 * share set identities: one set of rules is one identity, with its policy entries once, whichever
 * family's entries name it. */
export interface CidrEntry {
  endpointId: number;
  direction: Direction;
  /** Network address, host bits zero: dotted IPv4, or IPv6 in its canonical text (RFC 5952, as
   * net/ipv6.ts formatIPv6 writes it). The family is the trie: an addr containing ':' is IPv6. */
  addr: string;
  /** 0..32 for IPv4, 0..128 for IPv6 (the key's prefixlen is CIDR_PREFIX_BASE + len). */
  len: number;
  setIdentity: number;
}

/** Where an entry came from, for `policy explain`, flows and events. */
export interface RuleRef {
  ruleId: number;
  /** "namespace/name" of the NetworkPolicy. */
  policy: string;
  direction: Direction;
  /** Index of the rule in spec.ingress or spec.egress. */
  index: number;
}

export interface CompileOutput {
  /** Every local endpoint id from the input, with its EP_F_* flags (0 = not isolated). */
  endpointFlags: Map<number, number>;
  policy: PolicyEntry[];
  cidr: CidrEntry[];
  rules: Map<number, RuleRef>;
  /** The same entries per endpoint; an endpoint whose inputs did not change keeps the same
   * arrays across compilations with a shared cache (consumers may memoise on them). */
  byEndpoint?: Map<number, { flags: number; policy: PolicyEntry[]; cidr: CidrEntry[] }>;
}
