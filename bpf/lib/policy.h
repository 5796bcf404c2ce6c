/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* NetworkPolicy verdicts for new connections.
 *
 * API: policy_allows(ep, direction, peer, peer_namespace, peer_addr, pkt, &rule_id) -> 1 allow, 0 deny
 *      (peer_addr in the packet's family: IPv4 in its first word)
 *
 * Lookups, first match wins: {peer identity}, {any peer}, {peer's namespace identity},
 * {cluster pods} for pod peers, then, for endpoints with ipBlock rules, the CIDR trie for the peer
 * address and {that rule set's identity}. Every policy entry is an allow.
 */
#ifndef SLUICE_POLICY_H
#define SLUICE_POLICY_H

#include "maps.h"
#include "parse.h"

static __always_inline struct policy_value *policy_find(__u32 endpoint_id, __u32 identity, __u8 direction,
							const struct packet *pkt)
{
	struct policy_key key = {
		.prefixlen = POLICY_PREFIX_FULL,
		.endpoint_id = bpf_htonl(endpoint_id),
		.identity = bpf_htonl(identity),
		.direction = direction,
		.protocol = pkt->protocol,
		/* ICMP has no ports: only protocol-wildcard entries (rules without ports) match it. */
		.dport = pkt->protocol == IPPROTO_ICMP || pkt->protocol == IPPROTO_ICMPV6 ? 0 : pkt->dport,
	};
	return bpf_map_lookup_elem(&sluice_policy, &key);
}

static __always_inline __u32 cidr_set_for(__u32 endpoint_id, __u8 direction, __u8 family, const struct addr6 *addr)
{
	struct cidr_value *v;

	if (family == 6) {
		struct cidr6_key key = {
			.prefixlen = CIDR_PREFIX_BASE + 128,
			.endpoint_id = bpf_htonl(endpoint_id),
			.direction = direction,
			.addr = *addr,
		};
		v = bpf_map_lookup_elem(&sluice_cidr6, &key);
	} else {
		struct cidr_key key = {
			.prefixlen = CIDR_PREFIX_BASE + 32,
			.endpoint_id = bpf_htonl(endpoint_id),
			.direction = direction,
			.addr = addr->w[0],
		};
		v = bpf_map_lookup_elem(&sluice_cidr, &key);
	}
	return v ? v->set_identity : 0;
}

static __always_inline int policy_allows(const struct endpoint_info *ep, __u8 direction, __u32 peer_identity,
					 __u32 peer_namespace, const struct addr6 *peer_addr, const struct packet *pkt,
					 __u32 *rule_id)
{
	__u32 enforced = direction == DIR_INGRESS ? EP_F_INGRESS_ENFORCED : EP_F_EGRESS_ENFORCED;
	__u32 has_cidr = direction == DIR_INGRESS ? EP_F_INGRESS_CIDR : EP_F_EGRESS_CIDR;
	struct policy_value *v;

	*rule_id = 0;
	if (!(ep->flags & enforced))
		return 1;
	v = policy_find(ep->endpoint_id, peer_identity, direction, pkt);
	if (!v)
		v = policy_find(ep->endpoint_id, SLUICE_ID_ANY, direction, pkt);
	if (!v && peer_namespace)
		v = policy_find(ep->endpoint_id, peer_namespace, direction, pkt);
	if (!v && peer_identity >= SLUICE_ID_FIRST_LABELS && !(peer_identity & SLUICE_ID_CIDR_SET_BIT))
		v = policy_find(ep->endpoint_id, SLUICE_ID_CLUSTER_PODS, direction, pkt);
	if (!v && (ep->flags & has_cidr)) {
		__u32 set = cidr_set_for(ep->endpoint_id, direction, pkt->family, peer_addr);
		if (set)
			v = policy_find(ep->endpoint_id, set, direction, pkt);
	}
	if (!v)
		return 0;
	__sync_fetch_and_add(&v->packets, 1);
	__sync_fetch_and_add(&v->bytes, pkt->length);
	*rule_id = v->rule_id;
	return 1;
}

#endif
