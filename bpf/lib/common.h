/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Sluice: every struct, constant and map shared between the datapath and userspace.
 *
 * Must be in sync with agent/datapath/codecs.ts. test/unit/btf-layout.test.ts reads the BTF of
 * build/bpf/lxc.o and fails when a field here moves or a size changes. Padding is spelled out and
 * every struct has a _Static_assert on its size. A changed layout gets a new map name (…_v2).
 *
 * Constants userspace shares are enums (one per group), defined once in TypeScript too, in
 * agent/abi/constants.ts; test/unit/btf-constants.test.ts compares every enumerator with the
 * BTF of build/bpf/lxc.o, where sluice_btf_enums() in events.h puts them (a new shared enum goes
 * there too). enum sluice_reason is in drop_reasons.h.
 *
 * API: struct endpoint_info, addr6, ipcache_key/value, ipcache6_key, cidr6_key, ct6_key, frag6_key,
 *      flow_event6, frag6_value, identity_info, node_config, tunnel_return, policy_key/value, cidr_key/value, ct_key/value,
 *      metrics_key/value, flow_event, dp_config, lb_frontend_key/lb_frontend, lb_slot_key/lb_slot,
 *      lb_backend_key/lb_backend, lb_revnat, lb_affinity_key/lb_affinity, lb_conn, lb_stats,
 *      lb6_frontend_key, lb6_target, lb6_backend_key, lb6_affinity_key/lb6_affinity, lb6_conn;
 *      enum sluice_identity (SLUICE_ID_*), direction (DIR_*), endpoint_flags (EP_F_*), ct_flags
 *      (CT_F_*), event_type (EVENT_*), cfg_flags (CFG_F_*), lb_flags (LB_F_*), lb_backend_flags
 *      (LB_BACKEND_F_*); CT_LIFETIME_*, POLICY_PREFIX_*, CIDR_PREFIX_BASE, LB_FRONTEND_ID_MAX.
 */
#ifndef SLUICE_COMMON_H
#define SLUICE_COMMON_H

#include <linux/types.h>

/* Reserved identities (DESIGN.md) and the bits that mark kinds of identities; identity fields
 * stay __u32 (an identity is any number, these only name some). The enum is unsigned int, not int:
 * SLUICE_ID_CIDR_SET_BIT is beyond INT_MAX, which clang and gcc accept (C23 does too; only
 * -Wpedantic before C23 objects), and gives the enumerator the type unsigned int.
 */
enum sluice_identity {
	/* 0 is never a peer: in policy keys it means "any peer". */
	SLUICE_ID_ANY = 0,
	SLUICE_ID_HOST = 1,
	SLUICE_ID_WORLD = 2,
	SLUICE_ID_UNMANAGED = 3,
	SLUICE_ID_HEALTH = 4,
	SLUICE_ID_INIT = 5,
	SLUICE_ID_REMOTE_NODE = 6,
	/* In policy keys only: every pod of the cluster (namespaceSelector: {}), whatever its labels. */
	SLUICE_ID_CLUSTER_PODS = 7,
	/* First identity of a label set; everything below is reserved. */
	SLUICE_ID_FIRST_LABELS = 256,
	/* Last identity of a label set: with the bit below, a VXLAN VNI (24 bits). */
	SLUICE_ID_LAST_LABELS = 0x007fffffu,
	/* In a VNI only: the sending node translated this connection (a Service), so replies go back
	 * through it (sluice_tunnel_returns). */
	SLUICE_VNI_REPLY_VIA_SENDER = 0x00800000u,
	/* Namespace identities (one per namespace, in ipcache and endpoint entries) carry this bit, so
	 * a namespaceSelector-only peer costs one policy entry per namespace, not one per pod. */
	SLUICE_ID_NAMESPACE_BIT = 0x40000000u,
	/* Identities of ipBlock rule sets (see cidr_key) carry this bit; label identities never do. */
	SLUICE_ID_CIDR_SET_BIT = 0x80000000u,
};

/* Direction of traffic as seen by the endpoint. */
enum direction {
	DIR_EGRESS = 0,
	DIR_INGRESS = 1,
};

/* endpoint_info.flags */
enum endpoint_flags {
	EP_F_INGRESS_ENFORCED = 1u << 0, /* some policy isolates the pod for ingress */
	EP_F_EGRESS_ENFORCED = 1u << 1,  /* some policy isolates the pod for egress */
	EP_F_INGRESS_CIDR = 1u << 2,     /* ingress rules include ipBlocks: consult sluice_cidr */
	EP_F_EGRESS_CIDR = 1u << 3,      /* egress rules include ipBlocks: consult sluice_cidr */
};

/* sluice_endpoints: key __u32 IPv4 address (network order) -> endpoint_info */
struct endpoint_info {
	__u32 ifindex;     /* host-side veth */
	__u32 endpoint_id; /* stable per attachment, never 0 */
	__u32 identity;    /* security identity of the pod's labels */
	__u32 flags;       /* EP_F_* */
	__u8 pod_mac[6];   /* MAC of eth0 inside the pod */
	__u8 host_mac[6];  /* MAC of the host-side veth */
	__u32 namespace_identity; /* SLUICE_ID_NAMESPACE_BIT | n of the pod's namespace */
};
_Static_assert(sizeof(struct endpoint_info) == 32, "endpoint_info size");

/* sluice_endpoints6: key struct addr6 (the pod's IPv6 address) -> endpoint_info, the same entry
 * as its IPv4 address's. Every map keyed by an address has an IPv6 twin (…6) with the same value. */
struct addr6 {
	__u32 w[4]; /* network order */
};
_Static_assert(sizeof(struct addr6) == 16, "addr6 size");

static __always_inline int addr6_eq(const struct addr6 *a, const struct addr6 *b)
{
	return a->w[0] == b->w[0] && a->w[1] == b->w[1] && a->w[2] == b->w[2] && a->w[3] == b->w[3];
}

/* sluice_ipcache_v2 (LPM trie): IPv4 prefix -> identity of whatever lives there and, for pods of
 * other nodes, the node they live on. Miss = WORLD. (sluice_ipcache, without the node, is
 * migrated: agent/datapath/migrate.ts.) */
struct ipcache_key {
	__u32 prefixlen; /* 0..32 */
	__u32 addr;      /* network order */
};
_Static_assert(sizeof(struct ipcache_key) == 8, "ipcache_key size");

/* sluice_ipcache6 (LPM trie): IPv6 prefix -> ipcache_value. */
struct ipcache6_key {
	__u32 prefixlen; /* 0..128 */
	struct addr6 addr;
};
_Static_assert(sizeof(struct ipcache6_key) == 20, "ipcache6_key size");

struct ipcache_value {
	__u32 identity;
	__u32 namespace_identity; /* pods: their namespace's identity; others 0 */
	__u32 tunnel_endpoint;    /* pods of other nodes: their node's address (network order); else 0 */
	__u32 flags;              /* reserved, 0 */
};
_Static_assert(sizeof(struct ipcache_value) == 16, "ipcache_value size");

/* sluice_identities (hash): label identity -> what a packet from the tunnel, which carries only
 * the identity, needs for policy. Every node derives the same numbers (agent/identity). */
struct identity_info {
	__u32 namespace_identity;
	__u32 flags; /* reserved, 0 */
};
_Static_assert(sizeof(struct identity_info) == 8, "identity_info size");

/* sluice_node (array, one entry): how this node reaches the others. */
struct node_config {
	__u32 tunnel_ifindex; /* the VXLAN device (routing: tunnel); 0 = native routing */
	__u16 tunnel_port;    /* its UDP port, network order (routing: tunnel; else 0) */
	__u16 flags;          /* reserved, 0 */
};
_Static_assert(sizeof(struct node_config) == 8, "node_config size");

/* sluice_policy (LPM trie): allow entries. The prefix always covers endpoint_id, identity and
 * direction (72 bits); 80 adds the protocol; 81..96 add port bits, so a port range is a handful of
 * prefixes. identity SLUICE_ID_ANY matches every peer.
 */
#define POLICY_PREFIX_ANY_PROTO 72
#define POLICY_PREFIX_ANY_PORT 80
#define POLICY_PREFIX_FULL 96
struct policy_key {
	__u32 prefixlen;
	__u32 endpoint_id; /* network order, like every field the trie compares */
	__u32 identity;    /* network order */
	__u8 direction;    /* DIR_* */
	__u8 protocol;     /* IPPROTO_* */
	__u16 dport;       /* network order */
};
_Static_assert(sizeof(struct policy_key) == 16, "policy_key size");

struct policy_value {
	__u32 rule_id; /* which policy rule produced this entry (agent's table) */
	__u32 flags;   /* reserved, 0 */
	__u64 packets; /* connections this entry admitted (first packets) */
	__u64 bytes;
};
_Static_assert(sizeof(struct policy_value) == 24, "policy_value size");

/* sluice_cidr (LPM trie): ipBlock rules, matched against every peer address, pod IPs included.
 * The agent inserts every cidr and except prefix of an endpoint's rules; the longest match names
 * the rule set (an identity with SLUICE_ID_CIDR_SET_BIT, 0 = none) to look up in sluice_policy.
 */
#define CIDR_PREFIX_BASE 64
struct cidr_key {
	__u32 prefixlen;   /* 64 + IPv4 prefix length */
	__u32 endpoint_id; /* network order */
	__u8 direction;
	__u8 pad[3];
	__u32 addr; /* network order */
};
_Static_assert(sizeof(struct cidr_key) == 16, "cidr_key size");

/* sluice_cidr6 (LPM trie): the same for IPv6 ipBlocks. */
struct cidr6_key {
	__u32 prefixlen;   /* 64 + IPv6 prefix length */
	__u32 endpoint_id; /* network order */
	__u8 direction;
	__u8 pad[3];
	struct addr6 addr;
};
_Static_assert(sizeof(struct cidr6_key) == 28, "cidr6_key size");

struct cidr_value {
	__u32 set_identity; /* 0: no rule set covers this prefix (an except) */
	__u32 flags;
};
_Static_assert(sizeof(struct cidr_value) == 8, "cidr_value size");

/* sluice_ct (LRU hash): one entry per connection, keyed by the tuple of its first packet.
 * ct_value.flags (a __u8): */
enum ct_flags {
	CT_F_SEEN_REPLY = 1u << 0,
	CT_F_FIN_FWD = 1u << 1,
	CT_F_FIN_REV = 1u << 2,
	CT_F_RST = 1u << 3,
	CT_F_SYN_ONLY = 1u << 4, /* TCP or SCTP connection that has not seen its SYN-ACK (INIT ACK) yet */
	CT_F_HAIRPIN = 1u << 5,  /* a pod reaching itself through a Service: source NATed to the frontend */
	CT_F_TUNNEL_RETURN = 1u << 6, /* came through the tunnel translated by its sender: replies go
				       * back the same way (sluice_tunnel_returns) to be translated */
};

/* Lifetimes in seconds, per state. */
#define CT_LIFETIME_SYN 60
#define CT_LIFETIME_TCP 21600
#define CT_LIFETIME_CLOSING 10
#define CT_LIFETIME_UDP 60
#define CT_LIFETIME_SCTP 21600
#define CT_LIFETIME_ICMP 30
#define CT_LIFETIME_OTHER 60

struct ct_key {
	__u32 saddr;
	__u32 daddr;
	__u16 sport; /* network order; ICMP echo: identifier in both */
	__u16 dport;
	__u8 protocol;
	__u8 pad[3];
};
_Static_assert(sizeof(struct ct_key) == 16, "ct_key size");

/* sluice_ct6 (LRU hash): IPv6 connections, ct_value as above. */
struct ct6_key {
	struct addr6 saddr;
	struct addr6 daddr;
	__u16 sport;
	__u16 dport;
	__u8 protocol;
	__u8 pad[3];
};
_Static_assert(sizeof(struct ct6_key) == 40, "ct6_key size");

struct ct_value {
	__u64 packets_fwd;
	__u64 bytes_fwd;
	__u64 packets_rev;
	__u64 bytes_rev;
	__u32 expires;       /* seconds of bpf_ktime_get_ns() */
	__u32 created;       /* seconds of bpf_ktime_get_ns() */
	__u32 src_endpoint;  /* 0 when the source is not a local endpoint */
	__u32 dst_endpoint;  /* 0 when the destination is not a local endpoint */
	__u32 rule_id;       /* rule that admitted it (egress, else ingress); 0 = not enforced */
	__u8 flags;          /* CT_F_* */
	__u8 tcp_flags_seen; /* union of TCP flags in both directions (SCTP: sctp_as_tcp_flags) */
	__u16 rev_nat_id;    /* Service frontend the client addressed (replies are translated back); 0 none */
};
_Static_assert(sizeof(struct ct_value) == 56, "ct_value size");

/* sluice_tunnel_returns (LRU hash; IPv6: sluice_tunnel_returns6, keyed by ct6_key): connection
 * (as conntrack keys it) -> the node its replies go back through. For connections a node translated and sent through the tunnel (a NodePort whose
 * backend is on another node), whose replies that node translates back. */
struct tunnel_return {
	__u32 node;    /* network order */
	__u32 expires; /* seconds of bpf_ktime_get_ns(); swept like conntrack */
};
_Static_assert(sizeof(struct tunnel_return) == 8, "tunnel_return size");

/* sluice_fib_cache (LRU hash): native routing's route from a pod to another node's pods, as
 * bpf_fib_lookup found it, reused for a second or two (decision 25). Only routes with a gateway
 * (the node), so every pod of that node is sent the same way. */
struct fib_cache_key {
	__u32 saddr; /* the sending pod, network order */
	__u32 node;  /* the node of the destination (ipcache tunnel_endpoint), network order */
};
_Static_assert(sizeof(struct fib_cache_key) == 8, "fib_cache_key size");

struct fib_cache_value {
	__u32 ifindex; /* the device out */
	__u32 nexthop; /* the route's gateway, network order */
	__u32 expires; /* seconds of bpf_ktime_get_ns(): valid while >= now */
	__u16 mtu;     /* the device's */
	__u16 pad;
};
_Static_assert(sizeof(struct fib_cache_value) == 16, "fib_cache_value size");

/* sluice_metrics (per-CPU hash) */
struct metrics_key {
	__u32 endpoint_id;
	__u8 reason;    /* enum sluice_reason */
	__u8 direction; /* DIR_* */
	__u16 pad;
};
_Static_assert(sizeof(struct metrics_key) == 8, "metrics_key size");

struct metrics_value {
	__u64 packets;
	__u64 bytes;
};
_Static_assert(sizeof(struct metrics_value) == 16, "metrics_value size");

/* sluice_events (perf event array): drops and verdicts of new connections. */
enum event_type {
	EVENT_DROP = 1,
	EVENT_VERDICT = 2,
};
struct flow_event {
	__u64 timestamp_ns; /* bpf_ktime_get_ns() */
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 protocol;
	__u8 type;      /* EVENT_* */
	__u8 reason;    /* enum sluice_reason; REASON_FORWARDED for allowed verdicts */
	__u8 direction; /* direction of the check that decided */
	__u32 src_identity;
	__u32 dst_identity;
	__u32 src_endpoint;
	__u32 dst_endpoint;
	__u32 rule_id;
	__u32 length;
	__u8 tcp_flags;
	__u8 is_reply;
	__u8 family; /* 6: an IPv6 packet, a struct flow_event6 (saddr, daddr 0); 0 or 4: IPv4 */
	__u8 pad;
	__u32 frontend_id; /* Service frontend the source addressed (daddr is then the backend); 0 none */
};
_Static_assert(sizeof(struct flow_event) == 56, "flow_event size");

/* An IPv6 packet's event: the IPv4 layout, then its addresses. */
struct flow_event6 {
	struct flow_event base;
	struct addr6 saddr;
	struct addr6 daddr;
};
_Static_assert(sizeof(struct flow_event6) == 88, "flow_event6 size");

/* sluice_config (array of one) */
enum cfg_flags {
	CFG_F_EVENTS_DROP = 1u << 0,
	CFG_F_EVENTS_VERDICT = 1u << 1,
};
struct dp_config {
	__u32 flags; /* CFG_F_* */
	__u32 host_identity_check; /* reserved, 0 */
};
_Static_assert(sizeof(struct dp_config) == 8, "dp_config size");

/* sluice_frags (LRU hash): the ports of a fragmented datagram, from its first fragment, for the
 * later ones (which carry no L4 header). */
struct frag_key {
	__u32 saddr;
	__u32 daddr;
	__u16 id; /* the IPv4 identification field, network order */
	__u8 protocol;
	__u8 pad;
};
_Static_assert(sizeof(struct frag_key) == 12, "frag_key size");

/* sluice_frags6 (LRU hash): the same for IPv6 (the fragment header's 32-bit identification). */
struct frag6_key {
	struct addr6 saddr;
	struct addr6 daddr;
	__u32 id; /* network order */
	__u8 protocol;
	__u8 pad[3];
};
_Static_assert(sizeof(struct frag6_key) == 40, "frag6_key size");

/* sluice_frags6's value: a first fragment's ports and its upper-layer protocol, which a later
 * fragment's headers need not name (extension headers may follow the fragment header). */
struct frag6_value {
	__u16 sport;
	__u16 dport;
	__u8 protocol;
	__u8 pad[3];
};
_Static_assert(sizeof(struct frag6_value) == 8, "frag6_value size");

struct frag_ports {
	__u16 sport;
	__u16 dport;
};
_Static_assert(sizeof(struct frag_ports) == 4, "frag_ports size");

/* Services (lb.h). A frontend is one (address, port, protocol) of a Service: its ClusterIP, or a
 * node address with its NodePort. Its id (1..65535) keys its slots, backends, reverse NAT, affinity
 * and stats, and is what conntrack records for replies. */
enum lb_flags {
	LB_F_AFFINITY = 1u << 0,   /* sessionAffinity: ClientIP */
	LB_F_LOCAL_ONLY = 1u << 1, /* a traffic policy Local: without backends drop, do not reject */
	LB_F_NODEPORT = 1u << 2,   /* a node address and NodePort (clients from outside too) */
};
#define LB_FRONTEND_ID_MAX 65535

/* sluice_lb_frontends (hash) */
struct lb_frontend_key {
	__u32 addr; /* network order */
	__u16 port; /* network order */
	__u8 protocol;
	__u8 pad;
};
_Static_assert(sizeof(struct lb_frontend_key) == 8, "lb_frontend_key size");

struct lb_frontend {
	__u32 id;               /* 1..LB_FRONTEND_ID_MAX */
	__u32 count;            /* backends new connections may take: slots 1..count */
	__u32 flags;            /* LB_F_* */
	__u32 affinity_timeout; /* seconds, with LB_F_AFFINITY */
};
_Static_assert(sizeof(struct lb_frontend) == 16, "lb_frontend size");

/* sluice_lb_slots (hash): the backends new connections are spread over. */
struct lb_slot_key {
	__u32 frontend_id;
	__u32 slot; /* 1..count */
};
_Static_assert(sizeof(struct lb_slot_key) == 8, "lb_slot_key size");

struct lb_slot {
	__u32 addr; /* network order */
	__u16 port; /* network order */
	__u16 pad;
};
_Static_assert(sizeof(struct lb_slot) == 8, "lb_slot size");

/* sluice_lb_backends (hash): every backend of a frontend, terminating ones too. A connection whose
 * backend is gone from here is steered anew. */
enum lb_backend_flags {
	LB_BACKEND_F_TERMINATING = 1u << 0, /* keeps its connections, takes no new ones */
};
struct lb_backend_key {
	__u32 frontend_id;
	__u32 addr; /* network order */
	__u16 port; /* network order */
	__u16 pad;
};
_Static_assert(sizeof(struct lb_backend_key) == 12, "lb_backend_key size");

struct lb_backend {
	__u32 flags; /* LB_BACKEND_F_* */
};
_Static_assert(sizeof(struct lb_backend) == 4, "lb_backend size");

/* sluice_lb_revnat (hash): frontend id -> the address and port replies must come from. */
struct lb_revnat {
	__u32 addr; /* network order */
	__u16 port; /* network order */
	__u16 pad;
};
_Static_assert(sizeof(struct lb_revnat) == 8, "lb_revnat size");

/* sluice_lb_affinity (LRU hash): sessionAffinity ClientIP. */
struct lb_affinity_key {
	__u32 frontend_id;
	__u32 client; /* network order */
};
_Static_assert(sizeof(struct lb_affinity_key) == 8, "lb_affinity_key size");

struct lb_affinity {
	__u32 addr; /* backend, network order */
	__u16 port; /* network order */
	__u16 pad;
	__u32 last_used; /* seconds of bpf_ktime_get_ns() */
	__u32 pad2;
};
_Static_assert(sizeof(struct lb_affinity) == 16, "lb_affinity size");

/* sluice_lb_conns (LRU hash): ct_key of a connection as the client sent it (to the frontend) ->
 * the backend it was given. */
struct lb_conn {
	__u32 frontend_id;
	__u32 addr; /* backend, network order */
	__u16 port; /* network order */
	__u16 pad;
	__u32 expires; /* seconds of bpf_ktime_get_ns() */
};
_Static_assert(sizeof(struct lb_conn) == 16, "lb_conn size");

/* IPv6 Services: the same maps keyed by and holding IPv6 addresses (sluice_lb_frontends6,
 * _slots6, _backends6, _revnat6, _affinity6, _conns6). A frontend is of one family and so are its
 * backends; frontend ids are one space for both families, so conntrack's rev_nat_id and
 * sluice_lb_stats serve both. Values without an address (lb_frontend, lb_backend) are shared. */
struct lb6_frontend_key {
	struct addr6 addr;
	__u16 port; /* network order */
	__u8 protocol;
	__u8 pad;
};
_Static_assert(sizeof(struct lb6_frontend_key) == 20, "lb6_frontend_key size");

/* sluice_lb_slots6 (key lb_slot_key) and sluice_lb_revnat6 (key frontend id): an address and port. */
struct lb6_target {
	struct addr6 addr;
	__u16 port; /* network order */
	__u16 pad;
};
_Static_assert(sizeof(struct lb6_target) == 20, "lb6_target size");

struct lb6_backend_key {
	__u32 frontend_id;
	struct addr6 addr;
	__u16 port; /* network order */
	__u16 pad;
};
_Static_assert(sizeof(struct lb6_backend_key) == 24, "lb6_backend_key size");

struct lb6_affinity_key {
	__u32 frontend_id;
	struct addr6 client;
};
_Static_assert(sizeof(struct lb6_affinity_key) == 20, "lb6_affinity_key size");

struct lb6_affinity {
	struct addr6 addr; /* backend */
	__u16 port;        /* network order */
	__u16 pad;
	__u32 last_used; /* seconds of bpf_ktime_get_ns() */
};
_Static_assert(sizeof(struct lb6_affinity) == 24, "lb6_affinity size");

/* sluice_lb_conns6 (LRU hash): ct6_key of a connection as the client sent it -> its backend. */
struct lb6_conn {
	__u32 frontend_id;
	struct addr6 addr; /* backend */
	__u16 port;        /* network order */
	__u16 pad;
	__u32 expires; /* seconds of bpf_ktime_get_ns() */
};
_Static_assert(sizeof(struct lb6_conn) == 28, "lb6_conn size");

/* sluice_lb_stats (per-CPU hash): frontend id -> counters */
struct lb_stats {
	__u64 translations; /* new connections given a backend */
	__u64 no_backend;   /* new connections dropped or rejected: no backend */
};
_Static_assert(sizeof(struct lb_stats) == 16, "lb_stats size");

#endif
