// SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause)
/* Per-pod programs on the host-side veth.
 *
 *   from_pod  tcx ingress of the host veth = everything the pod sends (its egress).
 *   to_pod    tcx egress of the host veth  = what reaches the pod through the host stack.
 *
 * from_pod checks the source's egress policy and, for a destination on this node, the
 * destination's ingress policy too, then delivers with bpf_redirect_peer (which skips to_pod).
 *   from_netdev  tcx ingress of the node's own devices: Services reached from outside the node.
 *   from_overlay tcx ingress of the VXLAN device: pods of other nodes, their identity in the VNI.
 *   to_overlay   tcx egress of the VXLAN device: the node's own packets to pods of other nodes.
 *
 * Conntrack decides on the first packet of a connection; later packets and replies only count.
 * A new connection to a Service frontend is translated to its backend first (lb.h), so policy
 * decides on the backend; its replies are translated back in from_pod or to_pod.
 */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#include "lib/common.h"
#include "lib/drop_reasons.h"
#include "lib/maps.h"
#include "lib/parse.h"
#include "lib/ipcache.h"
#include "lib/policy.h"
#include "lib/ct.h"
#include "lib/lb.h"
#include "lib/metrics.h"
#include "lib/events.h"

#define ETH_HLEN 14
#define IP_TTL_OFF (ETH_HLEN + 8)
#define IP_CSUM_OFF (ETH_HLEN + 10)
#define IP6_HOP_LIMIT_OFF (ETH_HLEN + 7)
#define AF_INET 2
#define AF_INET6 10

static __always_inline int drop(struct __sk_buff *skb, __u32 endpoint_id, __u8 reason, __u8 direction,
				const struct packet *pkt, const struct verdict *v)
{
	metrics_add(endpoint_id, reason, direction, skb->len);
	emit_event(skb, EVENT_DROP, reason, direction, pkt, v, 0);
	return TC_ACT_SHOT;
}

/* Act as the router for one hop: 1 when the TTL (IPv6: hop limit) was decremented, 0 when it is
 * spent (the host stack must send time-exceeded), -1 for a truncated packet. */
static __always_inline int forward_hop(struct __sk_buff *skb, const struct packet *pkt)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;

	if (pkt->family == 6) {
		/* Parsed with bpf_skb_load_bytes: the header may lie beyond the linear part. */
		__u8 hops;
		if (bpf_skb_load_bytes(skb, IP6_HOP_LIMIT_OFF, &hops, 1) < 0)
			return -1;
		if (hops <= 1)
			return 0;
		hops -= 1; /* IPv6 has no header checksum */
		return bpf_skb_store_bytes(skb, IP6_HOP_LIMIT_OFF, &hops, 1, 0) < 0 ? -1 : 1;
	}
	__u8 *ttl = data + IP_TTL_OFF;
	if ((void *)(ttl + 2) > data_end)
		return -1;
	if (*ttl <= 1)
		return 0;
	__u16 old = *(__u16 *)ttl;
	*ttl -= 1;
	__u16 new = *(__u16 *)ttl;
	bpf_l3_csum_replace(skb, IP_CSUM_OFF, old, new, sizeof(__u16));
	return 1;
}

/* Parses a packet on its way into a pod (to_pod, from_overlay): *dst is the pod's endpoint when
 * it is one of this node's (drops are charged to it). Returns a TC verdict to stop with (ARP
 * passes; what cannot be parsed is dropped), or -1 to go on. */
static __always_inline int parse_towards_pod(struct __sk_buff *skb, struct packet *pkt, struct verdict *v,
					     struct endpoint_info **dst)
{
	int parsed = parse_packet(skb, pkt);

	*dst = 0;
	if (parsed == PARSE_ARP || parsed == PARSE_ND)
		return TC_ACT_OK; /* the host stack's own: its neighbour entries for the pods are static */
	if (pkt_is_ip(parsed))
		*dst = endpoint_of(pkt, &pkt->daddr6);
	__u32 dst_ep = *dst ? (*dst)->endpoint_id : 0;
	if (parsed == PARSE_OTHER_L3)
		return drop(skb, dst_ep, DROP_UNSUPPORTED_L3, DIR_INGRESS, pkt, v);
	if (parsed < 0)
		return drop(skb, dst_ep, (__u8)-parsed, DIR_INGRESS, pkt, v);
	return -1;
}

/* Deliver into a local pod: become its gateway (MACs, TTL), then jump into its namespace. */
static __always_inline int deliver_local(struct __sk_buff *skb, const struct packet *pkt,
					 const struct endpoint_info *dst)
{
	int hop = forward_hop(skb, pkt);

	if (hop < 0)
		return TC_ACT_SHOT;
	if (hop == 0)
		return TC_ACT_OK; /* let the host stack send time-exceeded */
	/* Written in place: parse_packet saw the Ethernet header in the linear part. */
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	if (data + 2 * ETH_ALEN > data_end)
		return TC_ACT_SHOT;
	__builtin_memcpy(data, dst->pod_mac, ETH_ALEN);
	__builtin_memcpy(data + ETH_ALEN, dst->host_mac, ETH_ALEN);
	return bpf_redirect_peer(dst->ifindex, 0);
}

/* Route a packet out of the node ourselves, past the host stack's forwarding: another node's pod
 * (native routing; node: its node, from the ipcache), or a translated reply whose source is now a
 * node address (a NodePort; node 0), which the host stack would drop as martian on input.
 *
 * An IPv4 packet to another node's pod takes the route bpf_fib_lookup found for its source and
 * that node while it is fresh (sluice_fib_cache: a second or two; only a route through a gateway,
 * which holds for every pod behind it), out through the kernel's neighbour of the gateway; one
 * the route's MTU would not take whole looks the route up again (which answers frag-needed).
 *
 * A global function: the verifier checks it once, on its own, not along every path of from_pod
 * (which would exceed its budget); the lookup's parameters are in sluice_scratch (the stack has
 * no room beside the caller's). */
__noinline int deliver_routed(struct __sk_buff *skb, const struct packet *pkt, __u32 node, __u32 now)
{
	__u32 zero = 0;
	struct bpf_fib_lookup *fib = bpf_map_lookup_elem(&sluice_scratch, &zero);

	if (!skb || !pkt || !fib)
		return TC_ACT_OK;
	struct fib_cache_key key = { .saddr = pkt->saddr, .node = node };
	int cacheable = pkt->family == 4 && node;
	struct fib_cache_value *route = cacheable ? bpf_map_lookup_elem(&sluice_fib_cache, &key) : 0;
	int r;

	__builtin_memset(fib, 0, sizeof(*fib));
	if (route && route->expires >= now && (skb->len <= route->mtu + ETH_HLEN || skb->gso_size)) {
		fib->ifindex = route->ifindex;
		fib->ipv4_dst = route->nexthop;
		r = -1; /* cached: the neighbour of its gateway */
	} else {
		fib->family = AF_INET;
		fib->l4_protocol = pkt->protocol;
		fib->sport = pkt->sport;
		fib->dport = pkt->dport;
		fib->ifindex = skb->ifindex;
		if (pkt->family == 6) {
			fib->family = AF_INET6;
			__builtin_memcpy(fib->ipv6_src, &pkt->saddr6, sizeof(fib->ipv6_src));
			__builtin_memcpy(fib->ipv6_dst, &pkt->daddr6, sizeof(fib->ipv6_dst));
		} else {
			fib->ipv4_src = pkt->saddr;
			fib->ipv4_dst = pkt->daddr;
		}
		r = bpf_fib_lookup(skb, fib, sizeof(*fib), 0);
		if (r != BPF_FIB_LKUP_RET_SUCCESS && r != BPF_FIB_LKUP_RET_NO_NEIGH)
			return TC_ACT_OK;
		/* The lookup left the route's gateway in ipv4_dst: none when the pod is on a link. */
		if (cacheable && r == BPF_FIB_LKUP_RET_SUCCESS && fib->ipv4_dst != pkt->daddr) {
			struct fib_cache_value v = {
				.ifindex = fib->ifindex,
				.nexthop = fib->ipv4_dst,
				.expires = now + 1,
				.mtu = fib->mtu_result,
			};
			bpf_map_update_elem(&sluice_fib_cache, &key, &v, BPF_ANY);
		}
	}
	__u32 ifindex = fib->ifindex;
	int hop = forward_hop(skb, pkt);
	if (hop <= 0)
		return hop < 0 ? TC_ACT_SHOT : TC_ACT_OK;
	if (r < 0) {
		struct bpf_redir_neigh nh = { .nh_family = AF_INET, .ipv4_nh = fib->ipv4_dst };
		return bpf_redirect_neigh(ifindex, &nh, sizeof(nh), 0);
	}
	if (r == BPF_FIB_LKUP_RET_NO_NEIGH)
		return bpf_redirect_neigh(ifindex, 0, 0, 0);
	bpf_skb_store_bytes(skb, 0, fib->dmac, 6, 0);
	bpf_skb_store_bytes(skb, 6, fib->smac, 6, 0);
	return bpf_redirect(ifindex, 0);
}
_Static_assert(sizeof(struct bpf_fib_lookup) <= SLUICE_SCRATCH_SIZE, "bpf_fib_lookup fits sluice_scratch");

/* To a pod of another node through the VXLAN device: the outer header goes to its node, the VNI
 * carries the sender's identity (the receiver enforces policy on it). We are the pod's gateway,
 * so the TTL drops by one here, as it would in the host stack. */
static __always_inline int deliver_tunnel(struct __sk_buff *skb, const struct packet *pkt, __u32 ifindex,
					  __u32 node_addr, __u32 identity)
{
	int hop = forward_hop(skb, pkt);

	if (hop <= 0)
		return hop < 0 ? TC_ACT_SHOT : TC_ACT_OK;
	struct bpf_tunnel_key key = {
		.remote_ipv4 = bpf_ntohl(node_addr),
		.tunnel_id = identity,
		.tunnel_ttl = 64,
	};
	/* Flags 0: the outer UDP checksum is set, which the receiver's GRO expects. */
	if (bpf_skb_set_tunnel_key(skb, &key, sizeof(key), 0) < 0)
		return TC_ACT_SHOT;
	return bpf_redirect(ifindex, 0);
}

/* The node a reply goes back through (tunnel returns), its entry kept alive while replies flow. */
static __always_inline __u32 tunnel_return_node(const struct packet *pkt, __u32 now)
{
	union ct_tuple k;

	/* Keyed by the connection as conntrack keys it: reversed, this being a reply. */
	ct_tuple_fill(&k, pkt->family, &pkt->daddr6, &pkt->saddr6, pkt->dport, pkt->sport, pkt->protocol);
	struct tunnel_return *r = pkt->family == 6 ? bpf_map_lookup_elem(&sluice_tunnel_returns6, &k.v6)
						   : bpf_map_lookup_elem(&sluice_tunnel_returns, &k.v4);
	__u32 life = ct_lifetime(pkt->protocol, CT_F_SEEN_REPLY);

	if (!r)
		return 0;
	if (r->expires < now + life / 2)
		r->expires = now + life;
	return r->node;
}

/* Into a pod of this node from outside its node's pods (the node's devices, the tunnel): a new
 * connection needs the pod's ingress policy against the peer (identity, namespace identity and
 * address), and gets conntrack and a verdict event; every packet is counted and delivered. */
static __always_inline int admit_and_deliver(struct __sk_buff *skb, const struct packet *pkt, struct verdict *v,
					     const struct endpoint_info *dst, int ct, __u32 now,
					     const struct ipcache_value *peer, const struct addr6 *peer_addr, __u8 ct_flags)
{
	if (ct == CT_NEW) {
		__u32 rule = 0;
		if (!policy_allows(dst, DIR_INGRESS, peer->identity, peer->namespace_identity, peer_addr, pkt, &rule))
			return drop(skb, dst->endpoint_id, DROP_POLICY_DENIED, DIR_INGRESS, pkt, v);
		v->rule_id = rule;
		ct_create(pkt, now, 0, dst->endpoint_id, rule, (__u16)v->frontend_id, ct_flags);
		emit_event(skb, EVENT_VERDICT, REASON_FORWARDED, DIR_INGRESS, pkt, v, 0);
	}
	metrics_add(dst->endpoint_id, REASON_FORWARDED, DIR_INGRESS, skb->len);
	int r = deliver_local(skb, pkt, dst);
	if (r == TC_ACT_SHOT)
		return drop(skb, dst->endpoint_id, DROP_REDIRECT_FAILED, DIR_INGRESS, pkt, v);
	return r;
}

/* The Service step of a packet conntrack did not recognise: a new connection to fe, the frontend
 * it addresses (lb_frontend_of), gets its backend (DNAT; hairpin also SNAT) and is looked up again
 * as the connection it now is. Returns a TC verdict to stop with, or -1 to go on. */
static __always_inline int service_step(struct __sk_buff *skb, struct packet *pkt, const struct lb_frontend *fe,
					__u32 now, int *ct, struct ct_found *found, struct verdict *v, __u32 charge_ep,
					__u8 direction, int from_pod_side, __u8 *ct_flags)
{
	struct lb_target backend;
	int fresh;

	v->frontend_id = fe->id;
	if (!lb_pick(pkt, fe, now, &backend, &fresh)) {
		lb_count(fe->id, 1);
		metrics_add(charge_ep, DROP_NO_SERVICE_BACKEND, direction, skb->len);
		emit_event(skb, EVENT_DROP, DROP_NO_SERVICE_BACKEND, direction, pkt, v, 0);
		if (fe->flags & LB_F_LOCAL_ONLY || lb_reject(skb, pkt) < 0)
			return TC_ACT_SHOT;
		/* Back where it came from: into the pod, or out of the node's device. */
		return from_pod_side ? bpf_redirect_peer(skb->ifindex, 0) : bpf_redirect(skb->ifindex, 0);
	}
	if (fresh)
		lb_count(fe->id, 0);
	int hairpin = addr6_eq(&backend.addr, &pkt->saddr6);
	if (lb_dnat(skb, pkt, &backend, hairpin) < 0)
		return drop(skb, charge_ep, DROP_INVALID_PACKET, direction, pkt, v);
	if (hairpin)
		*ct_flags |= CT_F_HAIRPIN;
	*ct = ct_lookup(pkt, now, found);
	return -1;
}

SEC("tc")
int from_pod(struct __sk_buff *skb)
{
	struct packet pkt = {};
	struct verdict v = {};
	int parsed = parse_packet(skb, &pkt);

	if (parsed == PARSE_ARP)
		return TC_ACT_OK;
	struct endpoint_info *src = pkt_is_ip(parsed) || parsed == PARSE_ND ? endpoint_of(&pkt, &pkt.saddr6) : 0;
	__u32 src_ep = src && src->ifindex == skb->ifindex ? src->endpoint_id : 0;
	/* A pod's gateway is static: its router or neighbour discovery would only reach the node's
	 * stack, where a router advertisement would reconfigure the node. */
	if (parsed == PARSE_ND)
		return drop(skb, src_ep, DROP_NEIGHBOUR_DISCOVERY, DIR_EGRESS, &pkt, &v);
	if (parsed == PARSE_OTHER_L3)
		return drop(skb, src_ep, DROP_UNSUPPORTED_L3, DIR_EGRESS, &pkt, &v);
	if (parsed < 0)
		return drop(skb, src_ep, (__u8)-parsed, DIR_EGRESS, &pkt, &v);
	if (!src)
		return drop(skb, 0, DROP_SOURCE_SPOOFED, DIR_EGRESS, &pkt, &v);
	if (src->ifindex != skb->ifindex)
		return drop(skb, 0, DROP_SOURCE_SPOOFED, DIR_EGRESS, &pkt, &v);

	struct addr6 client = pkt.saddr6; /* the pod itself, also after a hairpin SNAT */
	__u32 now = ct_now();
	struct ct_found found;
	__u8 ct_flags = 0;
	int ct = ct_lookup(&pkt, now, &found);

	v.src_endpoint = src->endpoint_id;
	v.src_identity = src->identity;
	if (ct == CT_REPLY && found.rev_nat_id) {
		if (lb_rev_nat(skb, &pkt, &found) < 0)
			return drop(skb, src->endpoint_id, DROP_INVALID_PACKET, DIR_EGRESS, &pkt, &v);
	} else if (ct == CT_NEW && !pkt.icmp_error) {
		struct lb_frontend *fe = lb_frontend_of(&pkt);
		int ret = fe ? service_step(skb, &pkt, fe, now, &ct, &found, &v, src->endpoint_id, DIR_EGRESS, 1, &ct_flags)
			     : -1;
		if (ret >= 0)
			return ret;
	}

	struct endpoint_info *dst = endpoint_of(&pkt, &pkt.daddr6);
	struct ipcache_value peer = dst ? (struct ipcache_value){ .identity = dst->identity, .namespace_identity = dst->namespace_identity }
					: ipcache_of(&pkt, &pkt.daddr6);
	v.dst_endpoint = dst ? dst->endpoint_id : 0;
	v.dst_identity = peer.identity;

	if (ct == CT_NEW) {
		__u32 rule = 0;
		/* Traffic to and from the pod's own node is always allowed. Policy sees the backend. */
		if (v.dst_identity != SLUICE_ID_HOST) {
			if (!policy_allows(src, DIR_EGRESS, peer.identity, peer.namespace_identity, &pkt.daddr6, &pkt, &rule)) {
				v.rule_id = 0;
				return drop(skb, src->endpoint_id, DROP_POLICY_DENIED, DIR_EGRESS, &pkt, &v);
			}
			v.rule_id = rule;
			if (dst) {
				__u32 in_rule = 0;
				if (!policy_allows(dst, DIR_INGRESS, src->identity, src->namespace_identity, &client, &pkt,
						   &in_rule))
					return drop(skb, dst->endpoint_id, DROP_POLICY_DENIED, DIR_INGRESS, &pkt, &v);
				if (!rule)
					v.rule_id = in_rule;
			}
		}
		ct_create(&pkt, now, v.src_endpoint, v.dst_endpoint, v.rule_id, (__u16)v.frontend_id, ct_flags);
		emit_event(skb, EVENT_VERDICT, REASON_FORWARDED, DIR_EGRESS, &pkt, &v, 0);
	}

	metrics_add(src->endpoint_id, REASON_FORWARDED, DIR_EGRESS, skb->len);
	if (!dst) {
		/* A reply the sender of the connection must translate goes back to it first; without
		 * that node (its entry swept) the reply cannot be translated: dropped, not leaked. */
		__u32 node = peer.tunnel_endpoint;
		if (ct == CT_REPLY && found.flags & CT_F_TUNNEL_RETURN) {
			node = tunnel_return_node(&pkt, now);
			if (!node)
				return drop(skb, src->endpoint_id, DROP_NO_TUNNEL_ENDPOINT, DIR_EGRESS, &pkt, &v);
		}
		__u32 tunnel = node ? tunnel_ifindex() : 0;
		if (tunnel) {
			int r = deliver_tunnel(skb, &pkt, tunnel, node, src->identity);
			if (r == TC_ACT_SHOT)
				return drop(skb, src->endpoint_id, DROP_REDIRECT_FAILED, DIR_EGRESS, &pkt, &v);
			return r;
		}
		/* Another node's pod (native routing), or a translated reply leaving the node: routed
		 * here, past the host stack's forwarding (which it takes when the FIB says no). */
		if (peer.tunnel_endpoint || (ct == CT_REPLY && found.rev_nat_id))
			return deliver_routed(skb, &pkt, peer.tunnel_endpoint, now);
		return TC_ACT_OK;
	}
	metrics_add(dst->endpoint_id, REASON_FORWARDED, DIR_INGRESS, skb->len);
	int ret = deliver_local(skb, &pkt, dst);
	if (ret == TC_ACT_SHOT)
		return drop(skb, dst->endpoint_id, DROP_REDIRECT_FAILED, DIR_INGRESS, &pkt, &v);
	return ret;
}

SEC("tc")
int to_pod(struct __sk_buff *skb)
{
	struct packet pkt = {};
	struct verdict v = {};
	struct endpoint_info *dst;
	int ret = parse_towards_pod(skb, &pkt, &v, &dst);

	if (ret >= 0)
		return ret;
	if (!dst || dst->ifindex != skb->ifindex)
		return drop(skb, 0, DROP_UNKNOWN_ENDPOINT, DIR_INGRESS, &pkt, &v);

	__u32 now = ct_now();
	struct ct_found found;
	int ct = ct_lookup(&pkt, now, &found);

	struct ipcache_value peer = ipcache_of(&pkt, &pkt.saddr6);
	v.dst_endpoint = dst->endpoint_id;
	v.dst_identity = dst->identity;
	v.src_identity = peer.identity;

	/* A reply from a backend the host stack delivered (another node, the node itself). */
	if (ct == CT_REPLY && found.rev_nat_id && lb_rev_nat(skb, &pkt, &found) < 0)
		return drop(skb, dst->endpoint_id, DROP_INVALID_PACKET, DIR_INGRESS, &pkt, &v);

	if (ct == CT_NEW) {
		__u32 rule = 0;
		if (v.src_identity != SLUICE_ID_HOST &&
		    !policy_allows(dst, DIR_INGRESS, peer.identity, peer.namespace_identity, &pkt.saddr6, &pkt, &rule))
			return drop(skb, dst->endpoint_id, DROP_POLICY_DENIED, DIR_INGRESS, &pkt, &v);
		v.rule_id = rule;
		ct_create(&pkt, now, 0, dst->endpoint_id, rule, 0, 0);
		emit_event(skb, EVENT_VERDICT, REASON_FORWARDED, DIR_INGRESS, &pkt, &v, 0);
	}
	metrics_add(dst->endpoint_id, REASON_FORWARDED, DIR_INGRESS, skb->len);
	return TC_ACT_OK;
}

/* From the node's own devices to dst, a pod of this node (native routing: another node's pod, or
 * a client routed here): what to_pod would decide, delivered without the host stack's forwarding.
 * The node's own packets pass untouched. */
static __always_inline int to_local_pod(struct __sk_buff *skb, struct packet *pkt, struct verdict *v,
					const struct endpoint_info *dst)
{
	__u32 now = ct_now();
	struct ct_found found;
	int ct = ct_lookup(pkt, now, &found);
	/* Who sent it matters to policy only, which only new connections ask. */
	struct ipcache_value peer = ct == CT_NEW ? ipcache_of(pkt, &pkt->saddr6) : (struct ipcache_value){};
	if (peer.identity == SLUICE_ID_HOST)
		return TC_ACT_OK;

	v->src_identity = peer.identity;
	v->dst_endpoint = dst->endpoint_id;
	v->dst_identity = dst->identity;
	/* A reply from a backend on another node to a client here that addressed a Service. */
	if (ct == CT_REPLY && found.rev_nat_id && lb_rev_nat(skb, pkt, &found) < 0)
		return drop(skb, dst->endpoint_id, DROP_INVALID_PACKET, DIR_INGRESS, pkt, v);
	return admit_and_deliver(skb, pkt, v, dst, ct, now, &peer, &pkt->saddr6, 0);
}

/* The node's own devices, ingress: clients outside the node reaching a NodePort (or a ClusterIP
 * routed to this node). Everything that addresses no frontend passes untouched: this program
 * must never get in the way of the node's own traffic. */
SEC("tc")
int from_netdev(struct __sk_buff *skb)
{
	struct packet pkt = {};
	struct verdict v = {};

	int parsed = parse_packet(skb, &pkt);

	if ((parsed != PARSE_IPV4 && parsed != PARSE_IPV6) || pkt.icmp_error)
		return TC_ACT_OK;
	/* Another node's pod through the tunnel: from_overlay decides on what it carries. (So a
	 * Service port equal to the tunnel's is not served from outside the node, as in Cilium.) */
	if (to_tunnel_port(&pkt))
		return TC_ACT_OK;
	/* A pod's address is never a frontend: the pod's own path needs no Service lookup. */
	struct endpoint_info *local = endpoint_of(&pkt, &pkt.daddr6);
	if (local)
		return to_local_pod(skb, &pkt, &v, local);
	struct lb_frontend *fe = lb_frontend_of(&pkt);
	if (!fe)
		return TC_ACT_OK;

	struct addr6 client = pkt.saddr6;
	__u32 now = ct_now();
	struct ct_found found;
	__u8 ct_flags = 0;
	int ct = CT_NEW;
	struct ipcache_value peer = ipcache_of(&pkt, &pkt.saddr6);
	v.src_identity = peer.identity;
	int ret = service_step(skb, &pkt, fe, now, &ct, &found, &v, 0, DIR_INGRESS, 0, &ct_flags);
	if (ret >= 0)
		return ret;

	struct endpoint_info *dst = endpoint_of(&pkt, &pkt.daddr6);
	if (!dst) {
		/* A backend on another node. Tunnel: sent there with the client's identity (its node
		 * decides policy, and sends the replies back here to be translated). Native routing: the
		 * node routes it, and replies are not translated (decision 18). */
		struct ipcache_value remote = ipcache_of(&pkt, &pkt.daddr6);
		__u32 tunnel = remote.tunnel_endpoint ? tunnel_ifindex() : 0;
		if (!tunnel)
			return TC_ACT_OK;
		if (ct == CT_NEW) {
			ct_create(&pkt, now, 0, 0, 0, (__u16)v.frontend_id, ct_flags);
			emit_event(skb, EVENT_VERDICT, REASON_FORWARDED, DIR_INGRESS, &pkt, &v, 0);
		}
		int r = deliver_tunnel(skb, &pkt, tunnel, remote.tunnel_endpoint, peer.identity | SLUICE_VNI_REPLY_VIA_SENDER);
		return r == TC_ACT_SHOT ? drop(skb, 0, DROP_REDIRECT_FAILED, DIR_INGRESS, &pkt, &v) : r;
	}
	v.dst_endpoint = dst->endpoint_id;
	v.dst_identity = dst->identity;
	return admit_and_deliver(skb, &pkt, &v, dst, ct, now, &peer, &client, ct_flags);
}

/* The VXLAN device, ingress: a pod of another node to a pod of this one. The VNI is the sender's
 * identity (HOST from a node's own stack, which is REMOTE_NODE here); ingress policy is decided
 * on it, not on the inner source address. Replies and established traffic only count. */
SEC("tc")
int from_overlay(struct __sk_buff *skb)
{
	struct packet pkt = {};
	struct verdict v = {};
	struct bpf_tunnel_key key = {};
	struct endpoint_info *dst;
	int ret = parse_towards_pod(skb, &pkt, &v, &dst);

	if (ret >= 0)
		return ret;
	__u32 dst_ep = dst ? dst->endpoint_id : 0;
	__u32 vni = bpf_skb_get_tunnel_key(skb, &key, sizeof(key), 0) < 0 ? 0 : key.tunnel_id;
	__u32 identity = vni & ~SLUICE_VNI_REPLY_VIA_SENDER;
	if (identity == SLUICE_ID_ANY) /* no key, or a sender that named no identity */
		return drop(skb, dst_ep, DROP_NO_TUNNEL_ENDPOINT, DIR_INGRESS, &pkt, &v);
	if (identity == SLUICE_ID_HOST)
		identity = SLUICE_ID_REMOTE_NODE;
	__u32 now = ct_now();
	struct ct_found found;
	int ct = ct_lookup(&pkt, now, &found);
	__u8 ct_flags = 0;

	v.src_identity = identity;
	if (!dst) {
		/* A reply to a client elsewhere of a Service this node translated (a NodePort whose
		 * backend is on another node): back to the frontend, then out towards the client. */
		if (ct == CT_REPLY && found.rev_nat_id) {
			if (lb_rev_nat(skb, &pkt, &found) < 0)
				return drop(skb, 0, DROP_INVALID_PACKET, DIR_INGRESS, &pkt, &v);
			/* A client on a third node gets it through the tunnel with a key of its own (the
			 * received one still rides on the packet); others are routed. */
			struct ipcache_value client = ipcache_of(&pkt, &pkt.daddr6);
			if (!client.tunnel_endpoint)
				return deliver_routed(skb, &pkt, 0, now);
			int r = deliver_tunnel(skb, &pkt, skb->ifindex, client.tunnel_endpoint, identity);
			return r == TC_ACT_SHOT ? drop(skb, 0, DROP_REDIRECT_FAILED, DIR_INGRESS, &pkt, &v) : r;
		}
		return drop(skb, 0, DROP_UNKNOWN_ENDPOINT, DIR_INGRESS, &pkt, &v);
	}
	v.dst_endpoint = dst->endpoint_id;
	v.dst_identity = dst->identity;
	/* A reply from a backend on another node to a client here that addressed a Service. */
	if (ct == CT_REPLY && found.rev_nat_id && lb_rev_nat(skb, &pkt, &found) < 0)
		return drop(skb, dst->endpoint_id, DROP_INVALID_PACKET, DIR_INGRESS, &pkt, &v);
	/* The sender translated the connection (a NodePort of its own): replies go back through it. */
	if (ct == CT_NEW && vni & SLUICE_VNI_REPLY_VIA_SENDER) {
		union ct_tuple k;
		struct tunnel_return r = {
			.node = bpf_htonl(key.remote_ipv4),
			.expires = now + ct_lifetime(pkt.protocol, CT_F_SEEN_REPLY),
		};
		ct_tuple_fill(&k, pkt.family, &pkt.saddr6, &pkt.daddr6, pkt.sport, pkt.dport, pkt.protocol);
		if (pkt.family == 6)
			bpf_map_update_elem(&sluice_tunnel_returns6, &k.v6, &r, BPF_ANY);
		else
			bpf_map_update_elem(&sluice_tunnel_returns, &k.v4, &r, BPF_ANY);
		ct_flags = CT_F_TUNNEL_RETURN;
	}
	/* The namespace matters to policy only, which only new connections ask. */
	struct ipcache_value peer = { .identity = identity,
				      .namespace_identity = ct == CT_NEW ? identity_namespace(identity) : 0 };
	return admit_and_deliver(skb, &pkt, &v, dst, ct, now, &peer, &pkt.saddr6, ct_flags);
}

/* The VXLAN device, egress. Pods' packets arrive here with their tunnel key set (from_pod); the
 * node's own, routed to another node's pod CIDR through this device, get one here: that node,
 * and HOST as the identity. */
SEC("tc")
int to_overlay(struct __sk_buff *skb)
{
	struct bpf_tunnel_key key = {};
	struct packet pkt = {};
	struct verdict v = {};

	if (bpf_skb_get_tunnel_key(skb, &key, sizeof(key), 0) == 0)
		return TC_ACT_OK;
	int parsed = parse_packet(skb, &pkt);
	if (parsed != PARSE_IPV4 && parsed != PARSE_IPV6)
		return drop(skb, 0, DROP_UNSUPPORTED_L3, DIR_EGRESS, &pkt, &v);
	struct ipcache_value peer = ipcache_of(&pkt, &pkt.daddr6);
	if (!peer.tunnel_endpoint)
		return drop(skb, 0, DROP_NO_TUNNEL_ENDPOINT, DIR_EGRESS, &pkt, &v);
	key.remote_ipv4 = bpf_ntohl(peer.tunnel_endpoint);
	key.tunnel_id = SLUICE_ID_HOST;
	key.tunnel_ttl = 64;
	if (bpf_skb_set_tunnel_key(skb, &key, sizeof(key), 0) < 0)
		return drop(skb, 0, DROP_NO_TUNNEL_ENDPOINT, DIR_EGRESS, &pkt, &v);
	return TC_ACT_OK;
}

/* Entry points attached to devices. They never change, so they stay attached across upgrades;
 * without a program in sluice_calls (never the case once loaded) they fail closed. */
SEC("tc")
int entry_from_pod(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &sluice_calls, CALL_FROM_POD);
	return TC_ACT_SHOT;
}

SEC("tc")
int entry_to_pod(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &sluice_calls, CALL_TO_POD);
	return TC_ACT_SHOT;
}

/* On the node's own devices an empty slot must not cut the node off: it passes. */
SEC("tc")
int entry_from_netdev(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &sluice_netdev_calls, CALL_FROM_NETDEV);
	return TC_ACT_OK;
}

/* The VXLAN device: without its programs nothing crosses (fails closed, like the pods). */
SEC("tc")
int entry_from_overlay(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &sluice_overlay_calls, CALL_FROM_OVERLAY);
	return TC_ACT_SHOT;
}

SEC("tc")
int entry_to_overlay(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &sluice_overlay_calls, CALL_TO_OVERLAY);
	return TC_ACT_SHOT;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
