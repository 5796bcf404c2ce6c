// SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause)
/* Per-pod programs on the host-side veth.
 *
 *   from_pod  tcx ingress of the host veth = everything the pod sends (its egress).
 *   to_pod    tcx egress of the host veth  = what reaches the pod through the host stack.
 *
 * from_pod checks the source's egress policy and, for a destination on this node, the
 * destination's ingress policy too, then delivers with bpf_redirect_peer (which skips to_pod).
 * Conntrack decides on the first packet of a connection; later packets and replies only count.
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
#include "lib/metrics.h"
#include "lib/events.h"

#define ETH_HLEN 14
#define IP_TTL_OFF (ETH_HLEN + 8)
#define IP_CSUM_OFF (ETH_HLEN + 10)

static __always_inline int drop(struct __sk_buff *skb, __u32 endpoint_id, __u8 reason, __u8 direction,
				const struct packet *pkt, const struct verdict *v)
{
	metrics_add(endpoint_id, reason, direction, skb->len);
	emit_event(skb, EVENT_DROP, reason, direction, pkt, v, 0);
	return TC_ACT_SHOT;
}

/* Deliver into a local pod: become its gateway (MACs, TTL), then jump into its namespace. */
static __always_inline int deliver_local(struct __sk_buff *skb, const struct endpoint_info *dst)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	__u8 *ttl = data + IP_TTL_OFF;

	if ((void *)(ttl + 2) > data_end)
		return TC_ACT_SHOT;
	if (*ttl <= 1)
		return TC_ACT_OK; /* let the host stack send time-exceeded */
	__u16 old = *(__u16 *)ttl;
	*ttl -= 1;
	__u16 new = *(__u16 *)ttl;
	bpf_l3_csum_replace(skb, IP_CSUM_OFF, old, new, sizeof(__u16));
	bpf_skb_store_bytes(skb, 0, dst->pod_mac, 6, 0);
	bpf_skb_store_bytes(skb, 6, dst->host_mac, 6, 0);
	return bpf_redirect_peer(dst->ifindex, 0);
}

SEC("tc")
int from_pod(struct __sk_buff *skb)
{
	struct packet pkt = {};
	struct verdict v = {};
	int parsed = parse_packet(skb, &pkt);

	if (parsed == PARSE_ARP)
		return TC_ACT_OK;
	struct endpoint_info *src = parsed == PARSE_IPV4 || parsed == -DROP_FRAGMENT ? endpoint_by_addr(pkt.saddr) : 0;
	__u32 src_ep = src && src->ifindex == skb->ifindex ? src->endpoint_id : 0;
	if (parsed == PARSE_OTHER_L3)
		return drop(skb, src_ep, DROP_UNSUPPORTED_L3, DIR_EGRESS, &pkt, &v);
	if (parsed < 0)
		return drop(skb, src_ep, (__u8)-parsed, DIR_EGRESS, &pkt, &v);
	if (!src)
		return drop(skb, 0, DROP_SOURCE_SPOOFED, DIR_EGRESS, &pkt, &v);
	if (src->ifindex != skb->ifindex)
		return drop(skb, 0, DROP_SOURCE_SPOOFED, DIR_EGRESS, &pkt, &v);

	struct endpoint_info *dst = endpoint_by_addr(pkt.daddr);
	__u32 now = ct_now();
	int ct = ct_lookup(&pkt, now);

	v.src_endpoint = src->endpoint_id;
	v.src_identity = src->identity;
	struct ipcache_value peer = dst ? (struct ipcache_value){ dst->identity, dst->namespace_identity }
					: ipcache_lookup(pkt.daddr);
	v.dst_endpoint = dst ? dst->endpoint_id : 0;
	v.dst_identity = peer.identity;

	if (ct == CT_NEW) {
		__u32 rule = 0;
		/* Traffic to and from the pod's own node is always allowed. */
		if (v.dst_identity != SLUICE_ID_HOST) {
			if (!policy_allows(src, DIR_EGRESS, peer.identity, peer.namespace_identity, pkt.daddr, &pkt, &rule)) {
				v.rule_id = 0;
				return drop(skb, src->endpoint_id, DROP_POLICY_DENIED, DIR_EGRESS, &pkt, &v);
			}
			v.rule_id = rule;
			if (dst) {
				__u32 in_rule = 0;
				if (!policy_allows(dst, DIR_INGRESS, src->identity, src->namespace_identity, pkt.saddr, &pkt,
						   &in_rule))
					return drop(skb, dst->endpoint_id, DROP_POLICY_DENIED, DIR_INGRESS, &pkt, &v);
				if (!rule)
					v.rule_id = in_rule;
			}
		}
		ct_create(&pkt, now, v.src_endpoint, v.dst_endpoint, v.rule_id);
		emit_event(skb, EVENT_VERDICT, REASON_FORWARDED, DIR_EGRESS, &pkt, &v, 0);
	}

	metrics_add(src->endpoint_id, REASON_FORWARDED, DIR_EGRESS, skb->len);
	if (!dst)
		return TC_ACT_OK;
	metrics_add(dst->endpoint_id, REASON_FORWARDED, DIR_INGRESS, skb->len);
	int ret = deliver_local(skb, dst);
	if (ret == TC_ACT_SHOT)
		return drop(skb, dst->endpoint_id, DROP_REDIRECT_FAILED, DIR_INGRESS, &pkt, &v);
	return ret;
}

SEC("tc")
int to_pod(struct __sk_buff *skb)
{
	struct packet pkt = {};
	struct verdict v = {};
	int parsed = parse_packet(skb, &pkt);

	if (parsed == PARSE_ARP)
		return TC_ACT_OK;
	struct endpoint_info *dst = parsed == PARSE_IPV4 || parsed == -DROP_FRAGMENT ? endpoint_by_addr(pkt.daddr) : 0;
	__u32 dst_ep = dst ? dst->endpoint_id : 0;
	if (parsed == PARSE_OTHER_L3)
		return drop(skb, dst_ep, DROP_UNSUPPORTED_L3, DIR_INGRESS, &pkt, &v);
	if (parsed < 0)
		return drop(skb, dst_ep, (__u8)-parsed, DIR_INGRESS, &pkt, &v);
	if (!dst || dst->ifindex != skb->ifindex)
		return drop(skb, 0, DROP_UNKNOWN_ENDPOINT, DIR_INGRESS, &pkt, &v);

	__u32 now = ct_now();
	int ct = ct_lookup(&pkt, now);

	struct ipcache_value peer = ipcache_lookup(pkt.saddr);
	v.dst_endpoint = dst->endpoint_id;
	v.dst_identity = dst->identity;
	v.src_identity = peer.identity;

	if (ct == CT_NEW) {
		__u32 rule = 0;
		if (v.src_identity != SLUICE_ID_HOST &&
		    !policy_allows(dst, DIR_INGRESS, peer.identity, peer.namespace_identity, pkt.saddr, &pkt, &rule))
			return drop(skb, dst->endpoint_id, DROP_POLICY_DENIED, DIR_INGRESS, &pkt, &v);
		v.rule_id = rule;
		ct_create(&pkt, now, 0, dst->endpoint_id, rule);
		emit_event(skb, EVENT_VERDICT, REASON_FORWARDED, DIR_INGRESS, &pkt, &v, 0);
	}
	metrics_add(dst->endpoint_id, REASON_FORWARDED, DIR_INGRESS, skb->len);
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

char LICENSE[] SEC("license") = "Dual BSD/GPL";
