/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Services: the frontend a new connection addresses, the backend it is given, and the address
 * rewrites both ways. Conntrack keys a translated connection by its backend tuple and records the
 * frontend (rev_nat_id), so policy and replies see the backend, and replies are rewritten back.
 *
 * API: lb_frontend_of(pkt) -> the frontend a new connection addresses, or 0 (IPv4 only);
 *      lb_pick(pkt, fe, now, &backend) -> 1 when the frontend has a backend for the connection;
 *      lb_dnat(skb, pkt, backend, hairpin) rewrites destination (and for hairpin the source);
 *      lb_rev_nat(skb, pkt, found) rewrites a reply back to the frontend;
 *      lb_reject(skb, pkt) turns the packet into an ICMP port unreachable from the frontend;
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

struct lb_target {
	__u32 addr; /* network order */
	__u16 port; /* network order */
};

static __always_inline struct lb_frontend *lb_frontend_of(const struct packet *pkt)
{
	/* Services are IPv4 (their ClusterIPs and NodePorts); IPv6 packets address none. */
	if (pkt->family != 4)
		return 0;
	if (pkt->protocol != IPPROTO_TCP && pkt->protocol != IPPROTO_UDP && pkt->protocol != IPPROTO_SCTP)
		return 0;
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

static __always_inline int lb_backend_alive(__u32 frontend_id, __u32 addr, __u16 port)
{
	struct lb_backend_key key = { .frontend_id = frontend_id, .addr = addr, .port = port };
	return bpf_map_lookup_elem(&sluice_lb_backends, &key) != 0;
}

static __always_inline __u32 lb_conn_lifetime(__u8 protocol)
{
	return protocol == IPPROTO_UDP ? CT_LIFETIME_UDP : CT_LIFETIME_TCP;
}

/* The backend of this connection: the one it was given before while that backend lives, else the
 * client's affinity backend, else a random slot. Returns 0 when the frontend has none. */
static __always_inline int lb_pick(const struct packet *pkt, const struct lb_frontend *fe, __u32 now,
				   struct lb_target *out, int *fresh)
{
	struct ct_key ckey = {
		.saddr = pkt->saddr, .daddr = pkt->daddr, .sport = pkt->sport, .dport = pkt->dport, .protocol = pkt->protocol,
	};
	__u32 id = fe->id;
	struct lb_conn *conn = bpf_map_lookup_elem(&sluice_lb_conns, &ckey);

	*fresh = 0;
	if (conn && conn->frontend_id == id && conn->expires >= now && lb_backend_alive(id, conn->addr, conn->port)) {
		out->addr = conn->addr;
		out->port = conn->port;
		__u32 expires = now + lb_conn_lifetime(pkt->protocol);
		if (conn->expires != expires)
			conn->expires = expires;
		return 1;
	}
	*fresh = 1;
	int found = 0;
	struct lb_affinity_key akey = { .frontend_id = id, .client = pkt->saddr };
	if (fe->flags & LB_F_AFFINITY) {
		struct lb_affinity *a = bpf_map_lookup_elem(&sluice_lb_affinity, &akey);
		if (a && now - a->last_used <= fe->affinity_timeout && lb_backend_alive(id, a->addr, a->port)) {
			/* A terminating backend keeps what it has, not new connections. */
			struct lb_backend_key bkey = { .frontend_id = id, .addr = a->addr, .port = a->port };
			struct lb_backend *b = bpf_map_lookup_elem(&sluice_lb_backends, &bkey);
			if (b && !(b->flags & LB_BACKEND_F_TERMINATING)) {
				out->addr = a->addr;
				out->port = a->port;
				found = 1;
			}
		}
	}
	if (!found) {
		if (fe->count == 0)
			return 0;
		struct lb_slot_key skey = { .frontend_id = id, .slot = bpf_get_prandom_u32() % fe->count + 1 };
		struct lb_slot *slot = bpf_map_lookup_elem(&sluice_lb_slots, &skey);
		if (!slot)
			return 0;
		out->addr = slot->addr;
		out->port = slot->port;
	}
	if (fe->flags & LB_F_AFFINITY) {
		struct lb_affinity a = { .addr = out->addr, .port = out->port, .last_used = now };
		bpf_map_update_elem(&sluice_lb_affinity, &akey, &a, BPF_ANY);
	}
	struct lb_conn c = {
		.frontend_id = id, .addr = out->addr, .port = out->port,
		.expires = now + lb_conn_lifetime(pkt->protocol),
	};
	bpf_map_update_elem(&sluice_lb_conns, &ckey, &c, BPF_ANY);
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

/* Rewrites one address (IP header at addr_off) and one port (L4 header at port_off), with checksums. */
static __always_inline int lb_rewrite(struct __sk_buff *skb, const struct packet *pkt, __u32 addr_off, __u32 old_addr,
				      __u32 new_addr, __u32 port_off, __u16 old_port, __u16 new_port)
{
	/* A later fragment has no L4 header: the first one carried the checksum and the ports. */
	int later = pkt->fragment == FRAG_LATER;
	__u32 csum_off = later ? 0 : lb_l4_csum_off(pkt);

	if (later)
		new_port = old_port;
	__u64 udp = pkt->protocol == IPPROTO_UDP ? BPF_F_MARK_MANGLED_0 : 0;

	if (old_addr != new_addr) {
		if (csum_off &&
		    bpf_l4_csum_replace(skb, csum_off, old_addr, new_addr, BPF_F_PSEUDO_HDR | udp | sizeof(new_addr)) < 0)
			return -1;
		if (bpf_l3_csum_replace(skb, LB_IP_CSUM_OFF, old_addr, new_addr, sizeof(new_addr)) < 0)
			return -1;
		if (bpf_skb_store_bytes(skb, addr_off, &new_addr, sizeof(new_addr), 0) < 0)
			return -1;
	}
	if (old_port != new_port) {
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
	__u32 frontend = pkt->daddr;

	if (lb_rewrite(skb, pkt, LB_IP_DADDR_OFF, pkt->daddr, to->addr, pkt->l4_off + 2, pkt->dport, to->port) < 0)
		return -1;
	pkt->daddr = to->addr;
	pkt->dport = to->port;
	if (hairpin) {
		if (lb_rewrite(skb, pkt, LB_IP_SADDR_OFF, pkt->saddr, frontend, 0, 0, 0) < 0)
			return -1;
		pkt->saddr = frontend;
	}
	return 0;
}

/* Backend -> client becomes frontend -> client (hairpin: frontend -> the pod itself). */
static __always_inline int lb_rev_nat(struct __sk_buff *skb, struct packet *pkt, const struct ct_found *found)
{
	__u32 id = found->rev_nat_id;
	struct lb_revnat *rn = bpf_map_lookup_elem(&sluice_lb_revnat, &id);

	if (!rn)
		return 0; /* the Service is gone: the reply goes as it is and the client resets */
	if (found->flags & CT_F_HAIRPIN) {
		if (lb_rewrite(skb, pkt, LB_IP_DADDR_OFF, pkt->daddr, pkt->saddr, 0, 0, 0) < 0)
			return -1;
		pkt->daddr = pkt->saddr;
	}
	if (lb_rewrite(skb, pkt, LB_IP_SADDR_OFF, pkt->saddr, rn->addr, pkt->l4_off, pkt->sport, rn->port) < 0)
		return -1;
	pkt->saddr = rn->addr;
	pkt->sport = rn->port;
	return 0;
}

static __always_inline __u16 lb_csum_fold(__s64 csum)
{
	__u32 sum = (__u32)csum;
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)~sum;
}

/* The ICMP error carries the offending IP header (no options) and 8 bytes of its payload. */
#define LB_REJECT_QUOTE 28

struct lb_reject_icmp {
	__u8 type;
	__u8 code;
	__u16 csum;
	__u32 unused;
	__u8 quote[LB_REJECT_QUOTE];
};

/* Turns the packet into "port unreachable" from the frontend to the client, as kube-proxy's REJECT
 * does: a TCP connect fails at once with ECONNREFUSED, a connected UDP socket gets it on recv.
 * The caller sends it back where it came from. */
static __always_inline int lb_reject(struct __sk_buff *skb, const struct packet *pkt)
{
	struct ethhdr eth;
	struct iphdr ip = {};
	struct lb_reject_icmp icmp = {};

	if (pkt->l4_off != ETH_HLEN + 20 || pkt->fragment == FRAG_LATER)
		return -1; /* IP options, or no L4 header to quote: drop instead */
	if (bpf_skb_load_bytes(skb, 0, &eth, sizeof(eth)) < 0)
		return -1;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, icmp.quote, LB_REJECT_QUOTE) < 0)
		return -1;
	__u8 mac[ETH_ALEN];
	__builtin_memcpy(mac, eth.h_dest, ETH_ALEN);
	__builtin_memcpy(eth.h_dest, eth.h_source, ETH_ALEN);
	__builtin_memcpy(eth.h_source, mac, ETH_ALEN);
	ip.version = 4;
	ip.ihl = 5;
	ip.tos = 0xc0;
	ip.tot_len = bpf_htons(sizeof(ip) + sizeof(icmp));
	ip.ttl = 64;
	ip.protocol = IPPROTO_ICMP;
	ip.saddr = pkt->daddr;
	ip.daddr = pkt->saddr;
	ip.check = lb_csum_fold(bpf_csum_diff(0, 0, (__be32 *)&ip, sizeof(ip), 0));
	icmp.type = ICMP_DEST_UNREACH;
	icmp.code = 3; /* port unreachable */
	icmp.csum = lb_csum_fold(bpf_csum_diff(0, 0, (__be32 *)&icmp, sizeof(icmp), 0));
	if (bpf_skb_change_tail(skb, ETH_HLEN + sizeof(ip) + sizeof(icmp), 0) < 0)
		return -1;
	if (bpf_skb_store_bytes(skb, 0, &eth, sizeof(eth), 0) < 0 ||
	    bpf_skb_store_bytes(skb, ETH_HLEN, &ip, sizeof(ip), 0) < 0 ||
	    bpf_skb_store_bytes(skb, ETH_HLEN + sizeof(ip), &icmp, sizeof(icmp), BPF_F_INVALIDATE_HASH) < 0)
		return -1;
	return 0;
}

#endif
