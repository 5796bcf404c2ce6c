// The constants the datapath shares, once: every enum of bpf/lib/common.h and bpf/lib/drop_reasons.h
// with its C names and values. test/unit/btf-constants.test.ts compares them with the enums in the
// BTF of build/bpf/lxc.o, both ways. Modules that use them re-export them under their own names
// (policy/types.ts ID_*, services/compile.ts LB_*, observe/events.ts CFG_F_* and EVENT_*,
// datapath/reasons.ts REASONS).

/** enum sluice_identity: reserved identities, and the bits that mark kinds of identities. */
export const SLUICE_IDENTITY = {
  /** 0 is never a peer: in policy keys it means "any peer". */
  SLUICE_ID_ANY: 0,
  SLUICE_ID_HOST: 1,
  SLUICE_ID_WORLD: 2,
  SLUICE_ID_UNMANAGED: 3,
  SLUICE_ID_HEALTH: 4,
  SLUICE_ID_INIT: 5,
  SLUICE_ID_REMOTE_NODE: 6,
  /** Policy keys only: every pod of the cluster (namespaceSelector: {} with no pod selector). */
  SLUICE_ID_CLUSTER_PODS: 7,
  /** First identity handed out for labels; everything below is reserved. */
  SLUICE_ID_FIRST_LABELS: 256,
  /** Last label identity: with the bit below, a VXLAN VNI (24 bits). */
  SLUICE_ID_LAST_LABELS: 0x007fffff,
  /** VNI only: the sending node translated the connection; replies go back through it. */
  SLUICE_VNI_REPLY_VIA_SENDER: 0x00800000,
  /** Namespace identities: one per namespace, carried beside the pod identity in ipcache and
   * endpoint entries; a namespaceSelector-only peer becomes one entry per namespace. */
  SLUICE_ID_NAMESPACE_BIT: 0x40000000,
  /** Identities of ipBlock rule sets carry this bit; label identities never do. */
  SLUICE_ID_CIDR_SET_BIT: 0x80000000,
} as const;

/** enum direction: of traffic as seen by the endpoint. */
export const DIRECTION = {
  DIR_EGRESS: 0,
  DIR_INGRESS: 1,
} as const;

/** enum endpoint_flags: endpoint_info.flags */
export const ENDPOINT_FLAGS = {
  EP_F_INGRESS_ENFORCED: 1 << 0,
  EP_F_EGRESS_ENFORCED: 1 << 1,
  EP_F_INGRESS_CIDR: 1 << 2,
  EP_F_EGRESS_CIDR: 1 << 3,
} as const;

/** enum ct_flags: ct_value.flags */
export const CT_FLAGS = {
  CT_F_SEEN_REPLY: 1 << 0,
  CT_F_FIN_FWD: 1 << 1,
  CT_F_FIN_REV: 1 << 2,
  CT_F_RST: 1 << 3,
  /** A TCP connection that has not seen its SYN-ACK yet. */
  CT_F_SYN_ONLY: 1 << 4,
  /** A pod reaching itself through a Service: source NATed to the frontend. */
  CT_F_HAIRPIN: 1 << 5,
  CT_F_TUNNEL_RETURN: 1 << 6,
} as const;

/** enum event_type: flow_event.type */
export const EVENT_TYPE = {
  EVENT_DROP: 1,
  EVENT_VERDICT: 2,
} as const;

/** enum cfg_flags: dp_config.flags (sluice_config) */
export const CFG_FLAGS = {
  CFG_F_EVENTS_DROP: 1 << 0,
  CFG_F_EVENTS_VERDICT: 1 << 1,
} as const;

/** enum lb_flags: lb_frontend.flags */
export const LB_FLAGS = {
  /** sessionAffinity: ClientIP */
  LB_F_AFFINITY: 1 << 0,
  /** A traffic policy Local: without backends drop, do not reject. */
  LB_F_LOCAL_ONLY: 1 << 1,
  /** A node address and NodePort (clients from outside too). */
  LB_F_NODEPORT: 1 << 2,
} as const;

/** enum lb_backend_flags: lb_backend.flags */
export const LB_BACKEND_FLAGS = {
  /** Keeps its connections, takes no new ones. */
  LB_BACKEND_F_TERMINATING: 1 << 0,
} as const;

/** enum sluice_reason: why a packet was forwarded or dropped (metrics_key.reason,
 * flow_event.reason, Flow.drop_reason). Never renumber or reuse; texts in reasons.ts. */
export const SLUICE_REASON = {
  REASON_FORWARDED: 0,
  DROP_POLICY_DENIED: 1,
  DROP_INVALID_PACKET: 2,
  DROP_SOURCE_SPOOFED: 3,
  DROP_UNSUPPORTED_L3: 4,
  DROP_FRAGMENT: 5,
  DROP_REDIRECT_FAILED: 6,
  DROP_UNKNOWN_ENDPOINT: 7,
  DROP_NO_SERVICE_BACKEND: 8,
  DROP_NO_TUNNEL_ENDPOINT: 9,
  DROP_NEIGHBOUR_DISCOVERY: 10,
} as const;

/** Every shared C enum by its name (enum <name>), for the BTF check. */
export const SHARED_ENUMS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  sluice_identity: SLUICE_IDENTITY,
  direction: DIRECTION,
  endpoint_flags: ENDPOINT_FLAGS,
  ct_flags: CT_FLAGS,
  event_type: EVENT_TYPE,
  cfg_flags: CFG_FLAGS,
  lb_flags: LB_FLAGS,
  lb_backend_flags: LB_BACKEND_FLAGS,
  sluice_reason: SLUICE_REASON,
};

/** Enumerators of the shared enums that only C has, each with the reason. */
export const C_ONLY_ENUMERATORS: Readonly<Record<string, string>> = {
  REASON_MAX: 'the number of reasons, a bound for C; not a reason',
};
