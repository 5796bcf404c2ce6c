/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Connection tracking: one LRU entry per connection, keyed by its first packet's tuple (IPv4 in
 * sluice_ct, IPv6 in sluice_ct6: the same values, the same logic).
 *
 * API: ct_lookup(pkt, now, &found) -> CT_NEW | CT_ESTABLISHED | CT_REPLY | CT_RELATED (and updates
 *      state, counters and expiry of the entry it found; found: its rev_nat_id and flags);
 *      ct_create(pkt, now, src_ep, dst_ep, rule_id, rev_nat_id, flags)
 */
#ifndef SLUICE_CT_H
#define SLUICE_CT_H

#include "maps.h"
#include "parse.h"

/* What a lookup tells beyond its status: the entry's Service translation. */
struct ct_found {
	__u16 rev_nat_id;
	__u8 flags;
};

enum ct_status {
	CT_NEW = 0,
	CT_ESTABLISHED = 1, /* another packet in the direction of the first one */
	CT_REPLY = 2,       /* a packet in the opposite direction */
	CT_RELATED = 3,     /* an ICMP error about a tracked connection */
};

static __always_inline __u32 ct_now(void)
{
	return (__u32)(bpf_ktime_get_ns() / 1000000000ull);
}

static __always_inline __u32 ct_lifetime(__u8 protocol, __u8 flags)
{
	switch (protocol) {
	case IPPROTO_TCP:
	case IPPROTO_SCTP:
		if (flags & (CT_F_RST)) return CT_LIFETIME_CLOSING;
		if ((flags & (CT_F_FIN_FWD | CT_F_FIN_REV)) == (CT_F_FIN_FWD | CT_F_FIN_REV))
			return CT_LIFETIME_CLOSING;
		if (flags & CT_F_SYN_ONLY) return CT_LIFETIME_SYN;
		return protocol == IPPROTO_TCP ? CT_LIFETIME_TCP : CT_LIFETIME_SCTP;
	case IPPROTO_UDP: return CT_LIFETIME_UDP;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6: return CT_LIFETIME_ICMP;
	default: return CT_LIFETIME_OTHER;
	}
}

/* TCP, and SCTP in TCP's terms (parse.h's sctp_as_tcp_flags): opened, answered, closed, reset. */
static __always_inline int ct_has_flags(__u8 protocol)
{
	return protocol == IPPROTO_TCP || protocol == IPPROTO_SCTP;
}

static __always_inline void ct_touch(struct ct_value *v, const struct packet *pkt, int reply, __u32 now)
{
	__u8 flags = v->flags;

	if (reply) {
		__sync_fetch_and_add(&v->packets_rev, 1);
		__sync_fetch_and_add(&v->bytes_rev, pkt->length);
		flags |= CT_F_SEEN_REPLY;
	} else {
		__sync_fetch_and_add(&v->packets_fwd, 1);
		__sync_fetch_and_add(&v->bytes_fwd, pkt->length);
	}
	if (ct_has_flags(pkt->protocol)) {
		__u8 tf = pkt->tcp_flags;
		if (tf & TCPF_RST) flags |= CT_F_RST;
		if (tf & TCPF_FIN) flags |= reply ? CT_F_FIN_REV : CT_F_FIN_FWD;
		if (reply && (tf & TCPF_SYN) && (tf & TCPF_ACK)) flags &= ~CT_F_SYN_ONLY;
		if (v->tcp_flags_seen != (v->tcp_flags_seen | tf))
			v->tcp_flags_seen |= tf;
	}
	if (v->flags != flags)
		v->flags = flags;
	__u32 expires = now + ct_lifetime(pkt->protocol, flags);
	/* Write the expiry at most once a second per entry: fewer cache-line bounces. */
	if (v->expires != expires)
		v->expires = expires;
}

/* A connection's key in either family's table (sluice_ct, sluice_ct6). */
union ct_tuple {
	struct ct_key v4;
	struct ct6_key v6;
};

static __always_inline void ct_tuple_fill(union ct_tuple *t, __u8 family, const struct addr6 *saddr,
					  const struct addr6 *daddr, __u16 sport, __u16 dport, __u8 protocol)
{
	__builtin_memset(t, 0, sizeof(*t));
	if (family == 6) {
		t->v6.saddr = *saddr;
		t->v6.daddr = *daddr;
		t->v6.sport = sport;
		t->v6.dport = dport;
		t->v6.protocol = protocol;
	} else {
		t->v4.saddr = saddr->w[0];
		t->v4.daddr = daddr->w[0];
		t->v4.sport = sport;
		t->v4.dport = dport;
		t->v4.protocol = protocol;
	}
}

static __always_inline void ct_forget(__u8 family, const union ct_tuple *t)
{
	if (family == 6)
		bpf_map_delete_elem(&sluice_ct6, &t->v6);
	else
		bpf_map_delete_elem(&sluice_ct, &t->v4);
}

static __always_inline struct ct_value *ct_find(__u8 family, const union ct_tuple *t, __u32 now)
{
	struct ct_value *v = family == 6 ? bpf_map_lookup_elem(&sluice_ct6, &t->v6) : bpf_map_lookup_elem(&sluice_ct, &t->v4);

	if (v && v->expires < now) {
		ct_forget(family, t);
		return 0;
	}
	return v;
}

/* A packet that opens a new connection on the tuple of a tracked one must meet policy again, not
 * ride on the old entry: a TCP SYN after a reset or a close (port reuse), and an SCTP INIT on any
 * entry (an association may end unseen: a restart, a peer that vanished, a probe never closed). */
static __always_inline int ct_reopens(const struct ct_value *v, const struct packet *pkt)
{
	if (!ct_has_flags(pkt->protocol) || (pkt->tcp_flags & (TCPF_SYN | TCPF_ACK)) != TCPF_SYN)
		return 0;
	return pkt->protocol == IPPROTO_SCTP || (v->flags & (CT_F_RST | CT_F_FIN_FWD | CT_F_FIN_REV));
}

static __always_inline int ct_lookup(const struct packet *pkt, __u32 now, struct ct_found *found)
{
	union ct_tuple t;
	struct ct_value *v;

	found->rev_nat_id = 0;
	found->flags = 0;
	if (pkt->icmp_error) {
		/* The inner packet is one the receiver of this error sent: either direction of a tracked
		 * connection makes the error related. */
		ct_tuple_fill(&t, pkt->family, &pkt->inner_saddr6, &pkt->inner_daddr6, pkt->inner_sport,
			      pkt->inner_dport, pkt->inner_protocol);
		if (ct_find(pkt->family, &t, now))
			return CT_RELATED;
		ct_tuple_fill(&t, pkt->family, &pkt->inner_daddr6, &pkt->inner_saddr6, pkt->inner_dport,
			      pkt->inner_sport, pkt->inner_protocol);
		return ct_find(pkt->family, &t, now) ? CT_RELATED : CT_NEW;
	}
	/* Both keys are tried (a tuple and its reverse are never both tracked), the likelier first: a
	 * client's port is usually the higher one (ephemeral), so a packet from the lower port is
	 * probably a reply. Every reply would otherwise pay a miss first. */
	int reply_first = bpf_ntohs(pkt->sport) < bpf_ntohs(pkt->dport);
#pragma unroll
	for (int i = 0; i < 2; i++) {
		int reply = i ^ reply_first;
		if (reply)
			ct_tuple_fill(&t, pkt->family, &pkt->daddr6, &pkt->saddr6, pkt->dport, pkt->sport, pkt->protocol);
		else
			ct_tuple_fill(&t, pkt->family, &pkt->saddr6, &pkt->daddr6, pkt->sport, pkt->dport, pkt->protocol);
		v = ct_find(pkt->family, &t, now);
		if (!v)
			continue;
		if (ct_reopens(v, pkt)) {
			ct_forget(pkt->family, &t);
			return CT_NEW;
		}
		ct_touch(v, pkt, reply, now);
		if (!reply)
			return CT_ESTABLISHED;
		found->rev_nat_id = v->rev_nat_id;
		found->flags = v->flags;
		return CT_REPLY;
	}
	return CT_NEW;
}

static __always_inline void ct_create(const struct packet *pkt, __u32 now, __u32 src_ep, __u32 dst_ep, __u32 rule_id,
				      __u16 rev_nat_id, __u8 extra_flags)
{
	union ct_tuple t;
	__u8 flags = 0;

	ct_tuple_fill(&t, pkt->family, &pkt->saddr6, &pkt->daddr6, pkt->sport, pkt->dport, pkt->protocol);
	if (ct_has_flags(pkt->protocol) && (pkt->tcp_flags & (TCPF_SYN | TCPF_ACK)) == TCPF_SYN)
		flags = CT_F_SYN_ONLY;
	flags |= extra_flags;
	struct ct_value v = {
		.packets_fwd = 1,
		.bytes_fwd = pkt->length,
		.created = now,
		.expires = now + ct_lifetime(pkt->protocol, flags),
		.src_endpoint = src_ep,
		.dst_endpoint = dst_ep,
		.rule_id = rule_id,
		.flags = flags,
		.tcp_flags_seen = pkt->tcp_flags,
		.rev_nat_id = rev_nat_id,
	};
	if (pkt->family == 6)
		bpf_map_update_elem(&sluice_ct6, &t.v6, &v, BPF_ANY);
	else
		bpf_map_update_elem(&sluice_ct, &t.v4, &v, BPF_ANY);
}

#endif
