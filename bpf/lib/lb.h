/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Services: the frontend a new connection addresses, the backend it is given, and the address
 * rewrites both ways. Conntrack keys a translated connection by its backend tuple and records the
 * frontend (rev_nat_id), so policy and replies see the backend, and replies are rewritten back.
 *
 * Both families: IPv4 in sluice_lb_*, IPv6 in their twins sluice_lb_*6 (common.h).
 *
 * API: lb_frontend_of(pkt) -> the frontend a new connection addresses, or 0;
 *      lb_pick(pkt, fe, now, &backend) -> 1 when the frontend has a backend for the connection;
 *      lb_dnat(skb, pkt, backend, hairpin) rewrites destination (and for hairpin the source);
 *      lb_rev_nat(skb, pkt, found) rewrites a reply back to the frontend;
 *      lb_reject(skb, pkt) answers from the frontend: a TCP reset, or ICMP(v6) port unreachable;
 *      lb_count(frontend_id, no_backend)
 */
#ifndef SLUICE_LB_H
#define SLUICE_LB_H

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#include "maps.h"
#include "parse.h"
#include "ct.h"

#define LB_IP_CSUM_OFF (ETH_HLEN + 10)
#define LB_IP_SADDR_OFF (ETH_HLEN + 12)
#define LB_IP_DADDR_OFF (ETH_HLEN + 16)
#define LB_IP6_SADDR_OFF (ETH_HLEN + 8)
#define LB_IP6_DADDR_OFF (ETH_HLEN + 24)

/* A backend or frontend address and port, in the packet's family (IPv4: addr.w[0], the rest 0,
 * as in struct packet). */
struct lb_target {
	struct addr6 addr; /* network order */
	__u16 port;        /* network order */
};

static __always_inline struct lb_frontend *lb_frontend_of(const struct packet *pkt)
{
	if (pkt->protocol != IPPROTO_TCP && pkt->protocol != IPPROTO_UDP && pkt->protocol != IPPROTO_SCTP)
		return 0;
	if (pkt->family == 6) {
		struct lb6_frontend_key key = { .addr = pkt->daddr6, .port = pkt->dport, .protocol = pkt->protocol };
		return bpf_map_lookup_elem(&sluice_lb_frontends6, &key);
	}
	struct lb_frontend_key key = { .addr = pkt->daddr, .port = pkt->dport, .protocol = pkt->protocol };
	return bpf_map_lookup_elem(&sluice_lb_frontends, &key);
}

static __always_inline void lb_count(__u32 frontend_id, int no_backend)
{
	struct lb_stats *s = bpf_map_lookup_elem(&sluice_lb_stats, &frontend_id);

	if (!s) {
		struct lb_stats init = { .translations = !no_backend, .no_backend = !!no_backend };
		bpf_map_update_elem(&sluice_lb_stats, &frontend_id, &init, BPF_NOEXIST);
		return;
	}
	/* Per-CPU value: no other CPU writes it. */
	if (no_backend)
		s->no_backend += 1;
	else
		s->translations += 1;
}

/* The frontend's entry for this backend, terminating ones included; 0 once it is gone. */
static __always_inline struct lb_backend *lb_backend_of(__u8 family, __u32 frontend_id, const struct lb_target *t)
{
	if (family == 6) {
		struct lb6_backend_key key = { .frontend_id = frontend_id, .addr = t->addr, .port = t->port };
		return bpf_map_lookup_elem(&sluice_lb_backends6, &key);
	}
	struct lb_backend_key key = { .frontend_id = frontend_id, .addr = t->addr.w[0], .port = t->port };
	return bpf_map_lookup_elem(&sluice_lb_backends, &key);
}

static __always_inline __u32 lb_conn_lifetime(__u8 protocol)
{
	return protocol == IPPROTO_UDP ? CT_LIFETIME_UDP : CT_LIFETIME_TCP;
}

/* The backend this connection was given before, while it lives: 1 with *out set (its expiry
 * renewed), else 0. */
static __always_inline int lb_conn_recall(const struct packet *pkt, const union ct_tuple *t, __u32 id, __u32 now,
					  struct lb_target *out)
{
	__u32 *expires;

	if (pkt->family == 6) {
		struct lb6_conn *c = bpf_map_lookup_elem(&sluice_lb_conns6, &t->v6);
		if (!c || c->frontend_id != id)
			return 0;
		out->addr = c->addr;
		out->port = c->port;
		expires = &c->expires;
	} else {
		struct lb_conn *c = bpf_map_lookup_elem(&sluice_lb_conns, &t->v4);
		if (!c || c->frontend_id != id)
			return 0;
		out->addr = (struct addr6){ .w = { c->addr } };
		out->port = c->port;
		expires = &c->expires;
	}
	if (*expires < now || !lb_backend_of(pkt->family, id, out))
		return 0;
	__u32 e = now + lb_conn_lifetime(pkt->protocol);
	if (*expires != e)
		*expires = e;
	return 1;
}

static __always_inline void lb_conn_remember(const struct packet *pkt, const union ct_tuple *t, __u32 id, __u32 now,
					     const struct lb_target *to)
{
	__u32 expires = now + lb_conn_lifetime(pkt->protocol);

	if (pkt->family == 6) {
		struct lb6_conn c = { .frontend_id = id, .addr = to->addr, .port = to->port, .expires = expires };
		bpf_map_update_elem(&sluice_lb_conns6, &t->v6, &c, BPF_ANY);
	} else {
		struct lb_conn c = { .frontend_id = id, .addr = to->addr.w[0], .port = to->port, .expires = expires };
		bpf_map_update_elem(&sluice_lb_conns, &t->v4, &c, BPF_ANY);
	}
}

/* The client's sessionAffinity backend while it is recent and takes new connections: 1 with *out. */
static __always_inline int lb_affinity_recall(const struct packet *pkt, const struct lb_frontend *fe, __u32 now,
					      struct lb_target *out)
{
	__u32 last_used;

	if (pkt->family == 6) {
		struct lb6_affinity_key key = { .frontend_id = fe->id, .client = pkt->saddr6 };
		struct lb6_affinity *a = bpf_map_lookup_elem(&sluice_lb_affinity6, &key);
		if (!a)
			return 0;
		out->addr = a->addr;
		out->port = a->port;
		last_used = a->last_used;
	} else {
		struct lb_affinity_key key = { .frontend_id = fe->id, .client = pkt->saddr };
		struct lb_affinity *a = bpf_map_lookup_elem(&sluice_lb_affinity, &key);
		if (!a)
			return 0;
		out->addr = (struct addr6){ .w = { a->addr } };
		out->port = a->port;
		last_used = a->last_used;
	}
	if (now - last_used > fe->affinity_timeout)
		return 0;
	/* A terminating backend keeps what it has, not new connections. */
	struct lb_backend *b = lb_backend_of(pkt->family, fe->id, out);
	return b && !(b->flags & LB_BACKEND_F_TERMINATING);
}

static __always_inline void lb_affinity_remember(const struct packet *pkt, __u32 id, __u32 now,
						 const struct lb_target *to)
{
	if (pkt->family == 6) {
		struct lb6_affinity_key key = { .frontend_id = id, .client = pkt->saddr6 };
		struct lb6_affinity a = { .addr = to->addr, .port = to->port, .last_used = now };
		bpf_map_update_elem(&sluice_lb_affinity6, &key, &a, BPF_ANY);
	} else {
		struct lb_affinity_key key = { .frontend_id = id, .client = pkt->saddr };
		struct lb_affinity a = { .addr = to->addr.w[0], .port = to->port, .last_used = now };
		bpf_map_update_elem(&sluice_lb_affinity, &key, &a, BPF_ANY);
	}
}

/* An address and port of the Service maps into *out: a lb6_target (IPv6), or a lb_slot or
 * lb_revnat (IPv4, the same layout); 0 for a miss. */
static __always_inline int lb_target_read(__u8 family, const void *v, struct lb_target *out)
{
	if (!v)
		return 0;
	if (family == 6) {
		const struct lb6_target *t = v;
		out->addr = t->addr;
		out->port = t->port;
	} else {
		const struct lb_slot *t = v;
		out->addr = (struct addr6){ .w = { t->addr } };
		out->port = t->port;
	}
	return 1;
}

/* Slot 1..count of a frontend: 1 with *out. */
static __always_inline int lb_slot(__u8 family, __u32 id, __u32 slot, struct lb_target *out)
{
	struct lb_slot_key key = { .frontend_id = id, .slot = slot };

	return lb_target_read(family, family == 6 ? bpf_map_lookup_elem(&sluice_lb_slots6, &key)
						  : bpf_map_lookup_elem(&sluice_lb_slots, &key), out);
}

/* The backend of this connection: the one it was given before while that backend lives, else the
 * client's affinity backend, else a random slot. Returns 0 when the frontend has none. */
static __always_inline int lb_pick(const struct packet *pkt, const struct lb_frontend *fe, __u32 now,
				   struct lb_target *out, int *fresh)
{
	union ct_tuple t;
	__u32 id = fe->id;

	ct_tuple_fill(&t, pkt->family, &pkt->saddr6, &pkt->daddr6, pkt->sport, pkt->dport, pkt->protocol);
	*fresh = 0;
	if (lb_conn_recall(pkt, &t, id, now, out))
		return 1;
	*fresh = 1;
	int affinity = fe->flags & LB_F_AFFINITY;
	if (!(affinity && lb_affinity_recall(pkt, fe, now, out))) {
		if (fe->count == 0)
			return 0;
		if (!lb_slot(pkt->family, id, bpf_get_prandom_u32() % fe->count + 1, out))
			return 0;
	}
	if (affinity)
		lb_affinity_remember(pkt, id, now, out);
	lb_conn_remember(pkt, &t, id, now, out);
	return 1;
}

static __always_inline __u32 lb_l4_csum_off(const struct packet *pkt)
{
	switch (pkt->protocol) {
	case IPPROTO_TCP: return pkt->l4_off + 16;
	case IPPROTO_UDP: return pkt->l4_off + 6;
	default: return 0; /* SCTP: CRC32c over the SCTP packet only, no pseudo-header */
	}
}

/* Rewrites the source (dst 0) or destination (dst 1) address, and with port_off the port of the
 * L4 header at port_off, with checksums (IPv4: header and pseudo-header; IPv6: pseudo-header). */
static __always_inline int lb_rewrite(struct __sk_buff *skb, const struct packet *pkt, int dst,
				      const struct addr6 *old_addr, const struct addr6 *new_addr, __u32 port_off,
				      __u16 old_port, __u16 new_port)
{
	/* A later fragment has no L4 header: the first one carried the checksum and the ports. */
	int later = pkt->fragment == FRAG_LATER;
	__u32 csum_off = later ? 0 : lb_l4_csum_off(pkt);

	if (later)
		new_port = old_port;
	__u64 udp = pkt->protocol == IPPROTO_UDP ? BPF_F_MARK_MANGLED_0 : 0;

	if (pkt->family == 6 && !addr6_eq(old_addr, new_addr)) {
		__s64 diff = bpf_csum_diff((__be32 *)old_addr->w, sizeof(*old_addr), (__be32 *)new_addr->w,
					   sizeof(*new_addr), 0);
		if (diff < 0)
			return -1;
		if (csum_off && bpf_l4_csum_replace(skb, csum_off, 0, (__u32)diff, BPF_F_PSEUDO_HDR | udp) < 0)
			return -1;
		/* With a pseudo-header the replace above also takes the difference out of a
		 * CHECKSUM_COMPLETE skb->csum, as IPv4's header checksum would put it back; IPv6 has none,
		 * so the store puts it back (BPF_F_RECOMPUTE_CSUM acts on CHECKSUM_COMPLETE only). */
		if (bpf_skb_store_bytes(skb, dst ? LB_IP6_DADDR_OFF : LB_IP6_SADDR_OFF, new_addr, sizeof(*new_addr),
					BPF_F_RECOMPUTE_CSUM) < 0)
			return -1;
	} else if (pkt->family != 6 && old_addr->w[0] != new_addr->w[0]) {
		__u32 from = old_addr->w[0], to = new_addr->w[0];
		if (csum_off && bpf_l4_csum_replace(skb, csum_off, from, to, BPF_F_PSEUDO_HDR | udp | sizeof(to)) < 0)
			return -1;
		if (bpf_l3_csum_replace(skb, LB_IP_CSUM_OFF, from, to, sizeof(to)) < 0)
			return -1;
		if (bpf_skb_store_bytes(skb, dst ? LB_IP_DADDR_OFF : LB_IP_SADDR_OFF, &to, sizeof(to), 0) < 0)
			return -1;
	}
	if (port_off && old_port != new_port) {
		if (csum_off && bpf_l4_csum_replace(skb, csum_off, old_port, new_port, udp | sizeof(new_port)) < 0)
			return -1;
		if (bpf_skb_store_bytes(skb, port_off, &new_port, sizeof(new_port), 0) < 0)
			return -1;
	}
	return 0;
}

/* Client -> frontend becomes client -> backend; a pod reaching itself (hairpin) also gets the
 * frontend as its source, so the packet it receives has a source it can route a reply to. */
static __always_inline int lb_dnat(struct __sk_buff *skb, struct packet *pkt, const struct lb_target *to, int hairpin)
{
	struct addr6 frontend = pkt->daddr6;

	if (lb_rewrite(skb, pkt, 1, &pkt->daddr6, &to->addr, pkt->l4_off + 2, pkt->dport, to->port) < 0)
		return -1;
	pkt->daddr6 = to->addr;
	pkt->dport = to->port;
	if (hairpin) {
		if (lb_rewrite(skb, pkt, 0, &pkt->saddr6, &frontend, 0, 0, 0) < 0)
			return -1;
		pkt->saddr6 = frontend;
	}
	return 0;
}

/* The address and port a frontend's replies come from: 1 with *out, 0 when the Service is gone. */
static __always_inline int lb_revnat_of(__u8 family, __u32 id, struct lb_target *out)
{
	_Static_assert(sizeof(struct lb_revnat) == sizeof(struct lb_slot), "lb_revnat reads as lb_slot");
	return lb_target_read(family, family == 6 ? bpf_map_lookup_elem(&sluice_lb_revnat6, &id)
						  : bpf_map_lookup_elem(&sluice_lb_revnat, &id), out);
}

/* Backend -> client becomes frontend -> client (hairpin: frontend -> the pod itself). */
static __always_inline int lb_rev_nat(struct __sk_buff *skb, struct packet *pkt, const struct ct_found *found)
{
	struct lb_target rn;

	if (!lb_revnat_of(pkt->family, found->rev_nat_id, &rn))
		return 0; /* the Service is gone: the reply goes as it is and the client resets */
	if (found->flags & CT_F_HAIRPIN) {
		struct addr6 self = pkt->saddr6;
		if (lb_rewrite(skb, pkt, 1, &pkt->daddr6, &self, 0, 0, 0) < 0)
			return -1;
		pkt->daddr6 = self;
	}
	if (lb_rewrite(skb, pkt, 0, &pkt->saddr6, &rn.addr, pkt->l4_off, pkt->sport, rn.port) < 0)
		return -1;
	pkt->saddr6 = rn.addr;
	pkt->sport = rn.port;
	return 0;
}

/* The ICMP(v6) error or TCP reset lb_reject builds, in sluice_scratch: it does not fit on the BPF stack. */
#define LB_REJECT_QUOTE 28  /* the offending IPv4 header (no options) and 8 bytes of its payload */
#define LB_REJECT6_QUOTE 48 /* the offending IPv6 header (no extension headers) and 8 bytes */

struct lb_reject_icmp {
	__u8 type;
	__u8 code;
	__u16 csum;
	__u32 unused;
	__u8 quote[LB_REJECT_QUOTE];
};

struct lb_reject4_buf {
	struct iphdr ip;
	struct lb_reject_icmp icmp;
};

struct lb_reject_icmp6 {
	__u8 type;
	__u8 code;
	__u16 csum;
	__u32 unused;
	__u8 quote[LB_REJECT6_QUOTE];
};

/* What the ICMPv6 checksum covers besides the message. */
struct lb_ip6_pseudo {
	struct addr6 saddr;
	struct addr6 daddr;
	__u32 len;
	__u32 nexthdr; /* 3 bytes 0, then the next header */
};

struct lb_reject6_buf {
	struct ipv6_fixed ip;
	struct lb_reject_icmp6 icmp;
	struct lb_ip6_pseudo pseudo;
};

/* A TCP reset: the IPv4 or IPv6 header, the TCP header, and the pseudo-header its checksum covers. */
struct lb_ip4_pseudo {
	__u32 saddr;
	__u32 daddr;
	__u8 zero;
	__u8 protocol;
	__u16 len;
};

struct lb_reset4_buf {
	struct iphdr ip;
	struct tcphdr tcp;
	struct lb_ip4_pseudo pseudo;
};

struct lb_reset6_buf {
	struct ipv6_fixed ip;
	struct tcphdr tcp;
	struct lb_ip6_pseudo pseudo;
};

union lb_reject_buf {
	struct lb_reject4_buf v4;
	struct lb_reject6_buf v6;
	struct lb_reset4_buf rst4;
	struct lb_reset6_buf rst6;
};
_Static_assert(sizeof(union lb_reject_buf) <= SLUICE_SCRATCH_SIZE, "lb_reject_buf fits sluice_scratch");

static __always_inline __u16 lb_csum_fold(__s64 csum)
{
	__u32 sum = (__u32)csum;
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)~sum;
}

static __always_inline int lb_swap_macs(struct __sk_buff *skb)
{
	struct ethhdr eth;
	__u8 mac[ETH_ALEN];

	if (bpf_skb_load_bytes(skb, 0, &eth, sizeof(eth)) < 0)
		return -1;
	__builtin_memcpy(mac, eth.h_dest, ETH_ALEN);
	__builtin_memcpy(eth.h_dest, eth.h_source, ETH_ALEN);
	__builtin_memcpy(eth.h_source, mac, ETH_ALEN);
	return bpf_skb_store_bytes(skb, 0, &eth, sizeof(eth), 0);
}

/* The IPv4 header of an answer from the frontend (the packet's destination) to its sender. */
static __always_inline void lb_ip4_answer(struct iphdr *ip, const struct packet *pkt, __u8 protocol, __u8 tos,
					  __u16 len)
{
	ip->version = 4;
	ip->ihl = 5;
	ip->tos = tos;
	ip->tot_len = bpf_htons(len);
	ip->ttl = 64;
	ip->protocol = protocol;
	ip->saddr = pkt->daddr;
	ip->daddr = pkt->saddr;
	ip->check = lb_csum_fold(bpf_csum_diff(0, 0, (__be32 *)ip, sizeof(*ip), 0));
}

/* The IPv6 header of an answer from the frontend to the packet's sender, and the pseudo-header
 * its L4 checksum covers. */
static __always_inline void lb_ip6_answer(struct ipv6_fixed *ip, struct lb_ip6_pseudo *ph, const struct packet *pkt,
					  __u8 nexthdr, __u16 payload_len)
{
	ip->vtc_flow = bpf_htonl(6u << 28);
	ip->payload_len = bpf_htons(payload_len);
	ip->nexthdr = nexthdr;
	ip->hop_limit = 64;
	ip->saddr = pkt->daddr6;
	ip->daddr = pkt->saddr6;
	ph->saddr = ip->saddr;
	ph->daddr = ip->daddr;
	ph->len = bpf_htonl(payload_len);
	ph->nexthdr = bpf_htonl(nexthdr);
}

/* An L4 checksum: over the pseudo-header (none: 0 bytes) and the L4 bytes, both 4-byte multiples. */
static __always_inline int lb_l4_csum(void *pseudo, __u32 pseudo_len, void *l4, __u32 l4_len, __u16 *out)
{
	__s64 sum = pseudo_len ? bpf_csum_diff(0, 0, pseudo, pseudo_len, 0) : 0;
	if (sum < 0)
		return -1;
	sum = bpf_csum_diff(0, 0, l4, l4_len, (__wsum)sum);
	if (sum < 0)
		return -1;
	*out = lb_csum_fold(sum);
	return 0;
}

/* The packet becomes the len bytes of buf after its Ethernet header, sent back to its sender. */
static __always_inline int lb_answer(struct __sk_buff *skb, void *buf, __u32 len)
{
	if (bpf_skb_change_tail(skb, ETH_HLEN + len, 0) < 0 || lb_swap_macs(skb) < 0)
		return -1;
	return bpf_skb_store_bytes(skb, ETH_HLEN, buf, len, BPF_F_INVALIDATE_HASH) < 0 ? -1 : 0;
}

static __always_inline int lb_unreach4(struct __sk_buff *skb, const struct packet *pkt, struct lb_reject4_buf *b)
{
	if (pkt->l4_off != ETH_HLEN + 20)
		return -1; /* IP options: drop instead */
	__builtin_memset(b, 0, sizeof(*b));
	if (bpf_skb_load_bytes(skb, ETH_HLEN, b->icmp.quote, LB_REJECT_QUOTE) < 0)
		return -1;
	lb_ip4_answer(&b->ip, pkt, IPPROTO_ICMP, 0xc0, sizeof(*b));
	b->icmp.type = ICMP_DEST_UNREACH;
	b->icmp.code = 3; /* port unreachable */
	if (lb_l4_csum(0, 0, &b->icmp, sizeof(b->icmp), &b->icmp.csum) < 0)
		return -1;
	return lb_answer(skb, b, sizeof(*b));
}

static __always_inline int lb_unreach6(struct __sk_buff *skb, const struct packet *pkt, struct lb_reject6_buf *b)
{
	if (pkt->l4_off != ETH_HLEN + sizeof(b->ip))
		return -1; /* extension headers: drop instead */
	__builtin_memset(b, 0, sizeof(*b));
	if (bpf_skb_load_bytes(skb, ETH_HLEN, b->icmp.quote, LB_REJECT6_QUOTE) < 0)
		return -1;
	lb_ip6_answer(&b->ip, &b->pseudo, pkt, IPPROTO_ICMPV6, sizeof(b->icmp));
	b->icmp.type = ICMPV6_DEST_UNREACH;
	b->icmp.code = 4; /* port unreachable */
	if (lb_l4_csum(&b->pseudo, sizeof(b->pseudo), &b->icmp, sizeof(b->icmp), &b->icmp.csum) < 0)
		return -1;
	/* The header and the message lie together in the buffer, the pseudo-header after them. */
	return lb_answer(skb, b, sizeof(b->ip) + sizeof(b->icmp));
}

/* The reset a closed port answers a TCP segment with (RFC 9293 3.10.7.1): from the frontend; to a
 * segment without ACK, <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>, to one with, <SEQ=SEG.ACK><CTL=RST>.
 * Never one for a reset. */
static __always_inline int lb_reset_tcp(struct __sk_buff *skb, const struct packet *pkt, struct tcphdr *out)
{
	struct tcphdr in;
	__u16 len;

	if (bpf_skb_load_bytes(skb, pkt->l4_off, &in, sizeof(in)) < 0 || in.rst)
		return -1;
	/* The IP datagram's length: IPv4 total length, IPv6 payload length and fixed header. */
	if (bpf_skb_load_bytes(skb, ETH_HLEN + (pkt->family == 6 ? 4 : 2), &len, sizeof(len)) < 0)
		return -1;
	__u32 datagram = bpf_ntohs(len) + (pkt->family == 6 ? sizeof(struct ipv6_fixed) : 0);
	__u32 headers = pkt->l4_off - ETH_HLEN + in.doff * 4;
	__u32 data = datagram > headers ? datagram - headers : 0;

	__builtin_memset(out, 0, sizeof(*out));
	out->source = in.dest;
	out->dest = in.source;
	out->doff = sizeof(*out) / 4;
	out->rst = 1;
	if (in.ack) {
		out->seq = in.ack_seq;
	} else {
		out->ack = 1;
		out->ack_seq = bpf_htonl(bpf_ntohl(in.seq) + in.syn + in.fin + data);
	}
	return 0;
}

static __always_inline int lb_reset4(struct __sk_buff *skb, const struct packet *pkt, struct lb_reset4_buf *b)
{
	__builtin_memset(b, 0, sizeof(*b));
	if (lb_reset_tcp(skb, pkt, &b->tcp) < 0)
		return -1;
	lb_ip4_answer(&b->ip, pkt, IPPROTO_TCP, 0, sizeof(b->ip) + sizeof(b->tcp));
	b->pseudo.saddr = b->ip.saddr;
	b->pseudo.daddr = b->ip.daddr;
	b->pseudo.protocol = IPPROTO_TCP;
	b->pseudo.len = bpf_htons(sizeof(b->tcp));
	if (lb_l4_csum(&b->pseudo, sizeof(b->pseudo), &b->tcp, sizeof(b->tcp), &b->tcp.check) < 0)
		return -1;
	return lb_answer(skb, b, sizeof(b->ip) + sizeof(b->tcp));
}

static __always_inline int lb_reset6(struct __sk_buff *skb, const struct packet *pkt, struct lb_reset6_buf *b)
{
	__builtin_memset(b, 0, sizeof(*b));
	if (lb_reset_tcp(skb, pkt, &b->tcp) < 0)
		return -1;
	lb_ip6_answer(&b->ip, &b->pseudo, pkt, IPPROTO_TCP, sizeof(b->tcp));
	if (lb_l4_csum(&b->pseudo, sizeof(b->pseudo), &b->tcp, sizeof(b->tcp), &b->tcp.check) < 0)
		return -1;
	return lb_answer(skb, b, sizeof(b->ip) + sizeof(b->tcp));
}

/* Refuses a new connection to a frontend without backends, from the frontend, as a closed port
 * would: TCP gets a reset, UDP and SCTP an ICMP(v6) port unreachable (kube-proxy's REJECT). A TCP
 * connect() then fails at once with ECONNREFUSED, a connected UDP socket gets it on recv. Not an
 * ICMP error for TCP: on a veth the error is processed while the client's connect() still holds
 * its socket, and TCP over IPv6 then keeps it as a soft error, connecting on to its timeout. The
 * caller sends the packet back where it came from. */
static __always_inline int lb_reject(struct __sk_buff *skb, const struct packet *pkt)
{
	__u32 zero = 0;
	union lb_reject_buf *b = bpf_map_lookup_elem(&sluice_scratch, &zero);

	if (!b || pkt->fragment == FRAG_LATER)
		return -1; /* no L4 header to answer: drop instead */
	if (pkt->protocol == IPPROTO_TCP)
		return pkt->family == 6 ? lb_reset6(skb, pkt, &b->rst6) : lb_reset4(skb, pkt, &b->rst4);
	return pkt->family == 6 ? lb_unreach6(skb, pkt, &b->v6) : lb_unreach4(skb, pkt, &b->v4);
}

#endif
