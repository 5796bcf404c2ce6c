/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Packet parsing: Ethernet, IPv4 or IPv6, TCP/UDP/SCTP/ICMP/ICMPv6 into a flat struct packet.
 *
 * API: parse_packet(skb, pkt) -> PARSE_IPV4 | PARSE_IPV6 | PARSE_ARP | PARSE_ND | PARSE_OTHER_L3 |
 *      -DROP_* reason (PARSE_ARP also for IPv6 multicast listener reports: the host stack's,
 *      passed; PARSE_ND for router and neighbour discovery);
 *      pkt_is_ip(parsed): an IPv4 or IPv6 packet whose addresses were read (a fragment too)
 *
 * Headers beyond the linear part are pulled in when the first look falls short. A first fragment records its ports under
 * its fragment id (sluice_frags); a later fragment takes them from there, so fragments of an
 * allowed flow pass; a later fragment whose first was never seen is DROP_FRAGMENT. ICMP echo is
 * keyed by identifier and type (request: sport = id, dport = type; reply: the other way round),
 * so only a reply matches a request's entry as its reply.
 */
#ifndef SLUICE_PARSE_H
#define SLUICE_PARSE_H

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#include "common.h"
#include "drop_reasons.h"
#include "maps.h"

#define PARSE_IPV4 0
#define PARSE_ARP 1
#define PARSE_OTHER_L3 2
#define PARSE_IPV6 3
#define PARSE_ND 4 /* IPv6 router or neighbour discovery (ICMPv6 133-137) */

#ifndef IPPROTO_ICMPV6
#define IPPROTO_ICMPV6 58
#endif

#ifndef IPPROTO_SCTP
#define IPPROTO_SCTP 132
#endif

#define TCPF_FIN 0x01
#define TCPF_SYN 0x02
#define TCPF_RST 0x04
#define TCPF_ACK 0x10

/* Addresses: IPv4 in saddr/daddr, IPv6 in saddr6/daddr6 (the same bytes); family says which. */
struct packet {
	union {
		__u32 saddr;
		struct addr6 saddr6;
	};
	union {
		__u32 daddr;
		struct addr6 daddr6;
	};
	__u16 sport;
	__u16 dport;
	__u8 protocol; /* the L4 protocol (IPv6: after the extension headers) */
	__u8 tcp_flags; /* SCTP: its first chunk as TCP flags (sctp_as_tcp_flags) */
	__u8 icmp_type;
	__u8 icmp_error; /* ICMP error: inner_* hold the tuple of the packet it is about */
	__u32 length;
	union {
		__u32 inner_saddr;
		struct addr6 inner_saddr6;
	};
	union {
		__u32 inner_daddr;
		struct addr6 inner_daddr6;
	};
	__u16 inner_sport;
	__u16 inner_dport;
	__u8 inner_protocol;
	__u8 fragment; /* FRAG_*: ports of a later fragment come from its first */
	__u8 family;   /* 4 or 6 */
	__u8 pad;
	__u16 l4_off;  /* offset of the L4 header in the frame */
};

static __always_inline int pkt_is_ip(int parsed)
{
	return parsed == PARSE_IPV4 || parsed == PARSE_IPV6 || parsed == -DROP_FRAGMENT;
}

#define FRAG_NONE 0
#define FRAG_FIRST 1
#define FRAG_LATER 2
#define IP_MF 0x2000
#define IP_OFFSET 0x1fff
/* Enough for Ethernet, IPv4 with options, ICMP, and the quoted IPv4 header with options + 8. */
#define PARSE_PULL_LEN 160

/* The part of an ICMP header we read (linux/icmp.h drags in libc headers). */
#define ICMP_ECHOREPLY 0
#define ICMP_DEST_UNREACH 3
#define ICMP_SOURCE_QUENCH 4
#define ICMP_ECHO 8
#define ICMP_TIME_EXCEEDED 11
#define ICMP_PARAMETERPROB 12
struct icmp_header {
	__u8 type;
	__u8 code;
	__u16 checksum;
	__u16 id;
	__u16 sequence;
};

/* Ports of a TCP, UDP or SCTP header: all three start with source and destination port. */
struct l4_ports {
	__u16 sport;
	__u16 dport;
};

/* An SCTP packet up to its first chunk's type (RFC 9260 3.1, 3.2). */
#define SCTP_FIRST_CHUNK_OFF 12
#define SCTP_CHUNK_INIT 1
#define SCTP_CHUNK_INIT_ACK 2
#define SCTP_CHUNK_ABORT 6
#define SCTP_CHUNK_SHUTDOWN 7
#define SCTP_CHUNK_SHUTDOWN_ACK 8

/* An SCTP packet's first chunk in TCP's flags, so that conntrack follows an association as it
 * follows a TCP connection: INIT opens (SYN), INIT ACK answers (SYN ACK), SHUTDOWN and SHUTDOWN
 * ACK close each direction (FIN), ABORT resets (RST). Other chunks carry no flag. */
static __always_inline __u8 sctp_as_tcp_flags(__u8 chunk)
{
	switch (chunk) {
	case SCTP_CHUNK_INIT: return TCPF_SYN;
	case SCTP_CHUNK_INIT_ACK: return TCPF_SYN | TCPF_ACK;
	case SCTP_CHUNK_ABORT: return TCPF_RST;
	case SCTP_CHUNK_SHUTDOWN:
	case SCTP_CHUNK_SHUTDOWN_ACK: return TCPF_FIN;
	default: return 0;
	}
}

static __always_inline int icmp_is_error(__u8 type)
{
	return type == ICMP_DEST_UNREACH || type == ICMP_TIME_EXCEEDED ||
	       type == ICMP_PARAMETERPROB || type == ICMP_SOURCE_QUENCH;
}

static __always_inline void frag_remember(const struct iphdr *ip, const struct packet *pkt)
{
	struct frag_key key = { .saddr = ip->saddr, .daddr = ip->daddr, .id = ip->id, .protocol = ip->protocol };
	struct frag_ports ports = { .sport = pkt->sport, .dport = pkt->dport };
	bpf_map_update_elem(&sluice_frags, &key, &ports, BPF_ANY);
}

static __always_inline int frag_recall(const struct iphdr *ip, struct packet *pkt)
{
	struct frag_key key = { .saddr = ip->saddr, .daddr = ip->daddr, .id = ip->id, .protocol = ip->protocol };
	struct frag_ports *ports = bpf_map_lookup_elem(&sluice_frags, &key);
	if (!ports)
		return -DROP_FRAGMENT;
	pkt->sport = ports->sport;
	pkt->dport = ports->dport;
	pkt->fragment = FRAG_LATER;
	return PARSE_IPV4;
}

/* IPv6: the fixed header, then up to IPV6_MAX_EXT extension headers (hop-by-hop, routing,
 * destination options, fragment, AH) before the L4 header. Read with bpf_skb_load_bytes (offsets
 * vary; paged data is fine). */
#define IPV6_HLEN 40
#define IPV6_MAX_EXT 6
#define NEXTHDR_HOP 0
#define NEXTHDR_ROUTING 43
#define NEXTHDR_FRAGMENT 44
#define NEXTHDR_AUTH 51
#define NEXTHDR_NONE 59
#define NEXTHDR_DEST 60
#define IP6_MF 0x0001
#define IP6_OFFSET 0xfff8

#define ICMPV6_DEST_UNREACH 1
#define ICMPV6_PARAMPROB 4
#define ICMPV6_ECHO_REQUEST 128
#define ICMPV6_ECHO_REPLY 129
#define ICMPV6_MLD_REPORT 131
#define ICMPV6_MLD_DONE 132
#define ICMPV6_ROUTER_SOLICIT 133
#define ICMPV6_REDIRECT 137
#define ICMPV6_MLD2_REPORT 143

struct ipv6_fixed {
	__u32 vtc_flow;
	__u16 payload_len;
	__u8 nexthdr;
	__u8 hop_limit;
	struct addr6 saddr;
	struct addr6 daddr;
};

struct ipv6_frag_hdr {
	__u8 nexthdr;
	__u8 reserved;
	__u16 frag_off; /* offset << 3 | M, network order */
	__u32 id;
};

/* Multicast listener reports, which the kernel sends for the groups an interface joins (decision
 * 22): the host stack's business, like ARP. Router and neighbour discovery are another matter:
 * the gateway is static on both ends, so a pod has no reason to send them, and a router
 * advertisement reaching the host stack would reconfigure the node (from_pod drops them). */
static __always_inline int icmp6_is_mld_report(__u8 type, const struct addr6 *daddr)
{
	return ((const __u8 *)daddr)[0] == 0xff &&
	       (type == ICMPV6_MLD_REPORT || type == ICMPV6_MLD_DONE || type == ICMPV6_MLD2_REPORT);
}

static __always_inline int icmp6_is_nd(__u8 type)
{
	return type >= ICMPV6_ROUTER_SOLICIT && type <= ICMPV6_REDIRECT;
}

static __always_inline int icmp6_is_error(__u8 type)
{
	return type >= ICMPV6_DEST_UNREACH && type <= ICMPV6_PARAMPROB;
}

static __always_inline int frag6_recall(const struct ipv6_fixed *ip, __u32 id, __u8 protocol, struct packet *pkt)
{
	struct frag6_key key = { .saddr = ip->saddr, .daddr = ip->daddr, .id = id, .protocol = protocol };
	struct frag6_value *first = bpf_map_lookup_elem(&sluice_frags6, &key);
	if (!first)
		return -DROP_FRAGMENT;
	pkt->sport = first->sport;
	pkt->dport = first->dport;
	pkt->protocol = first->protocol;
	pkt->fragment = FRAG_LATER;
	return PARSE_IPV6;
}

/* The ports of an ICMPv6 echo (request: sport = id, dport = type; reply: the other way round),
 * as parse_linear keys IPv4 echo. */
static __always_inline void icmp6_echo_ports(__u8 type, __u16 id, __u16 *sport, __u16 *dport)
{
	if (type == ICMPV6_ECHO_REQUEST) {
		*sport = id;
		*dport = bpf_htons(ICMPV6_ECHO_REQUEST << 8);
	} else {
		*sport = bpf_htons(ICMPV6_ECHO_REQUEST << 8);
		*dport = id;
	}
}

/* Where an IPv6 packet's extension headers lead: the upper-layer protocol and its offset, and the
 * fragment header if there is one. A later fragment stops at its fragment header (what follows
 * is payload); its protocol is the one the fragment header names, which is also what its first
 * fragment is keyed by. */
struct ipv6_walk {
	__u32 off;      /* the upper-layer header */
	__u8 protocol;  /* its protocol */
	__u8 fragment;  /* FRAG_* */
	__u8 frag_protocol; /* the fragment header's next header (fragment keys) */
	__u32 frag_id;
};

static __always_inline int ipv6_walk_ext(struct __sk_buff *skb, __u32 off, __u8 nh, struct ipv6_walk *w)
{
	w->fragment = FRAG_NONE;
#pragma unroll
	for (int i = 0; i < IPV6_MAX_EXT; i++) {
		if (nh == NEXTHDR_HOP || nh == NEXTHDR_ROUTING || nh == NEXTHDR_DEST || nh == NEXTHDR_AUTH) {
			__u8 ext[2];
			if (bpf_skb_load_bytes(skb, off, ext, sizeof(ext)) < 0)
				return -DROP_INVALID_PACKET;
			off += nh == NEXTHDR_AUTH ? (ext[1] + 2) * 4 : (ext[1] + 1) * 8;
			nh = ext[0];
		} else if (nh == NEXTHDR_FRAGMENT) {
			struct ipv6_frag_hdr fh;
			if (bpf_skb_load_bytes(skb, off, &fh, sizeof(fh)) < 0)
				return -DROP_INVALID_PACKET;
			off += sizeof(fh);
			nh = fh.nexthdr;
			w->frag_protocol = fh.nexthdr;
			w->frag_id = fh.id;
			if (fh.frag_off & bpf_htons(IP6_OFFSET)) {
				w->fragment = FRAG_LATER;
				break;
			}
			if (fh.frag_off & bpf_htons(IP6_MF))
				w->fragment = FRAG_FIRST;
		} else {
			break;
		}
	}
	if (w->fragment != FRAG_LATER &&
	    (nh == NEXTHDR_HOP || nh == NEXTHDR_ROUTING || nh == NEXTHDR_DEST || nh == NEXTHDR_AUTH ||
	     nh == NEXTHDR_FRAGMENT))
		return -DROP_INVALID_PACKET; /* more extension headers than we follow */
	if (off > 0xffff)
		return -DROP_INVALID_PACKET;
	w->off = off;
	w->protocol = nh;
	return 0;
}

static __always_inline int parse_ipv6(struct __sk_buff *skb, struct packet *pkt)
{
	struct ipv6_fixed ip;
	struct ipv6_walk w = {};

	if (bpf_skb_load_bytes(skb, ETH_HLEN, &ip, sizeof(ip)) < 0)
		return -DROP_INVALID_PACKET;
	if ((bpf_ntohl(ip.vtc_flow) >> 28) != 6)
		return -DROP_INVALID_PACKET;
	pkt->family = 6;
	pkt->saddr6 = ip.saddr;
	pkt->daddr6 = ip.daddr;
	pkt->length = skb->len;

	int r = ipv6_walk_ext(skb, ETH_HLEN + IPV6_HLEN, ip.nexthdr, &w);
	if (r < 0)
		return r;
	__u32 off = w.off;
	__u8 nh = w.protocol;
	pkt->protocol = nh;
	pkt->l4_off = off;
	pkt->fragment = w.fragment;
	/* A later fragment has no L4 header: its ports are its first fragment's. */
	if (w.fragment == FRAG_LATER)
		return frag6_recall(&ip, w.frag_id, w.frag_protocol, pkt);

	switch (nh) {
	case IPPROTO_TCP: {
		__u8 tcp[14];
		if (bpf_skb_load_bytes(skb, off, tcp, sizeof(tcp)) < 0)
			return -DROP_INVALID_PACKET;
		pkt->sport = *(__u16 *)&tcp[0];
		pkt->dport = *(__u16 *)&tcp[2];
		pkt->tcp_flags = tcp[13];
		break;
	}
	case IPPROTO_UDP: {
		struct l4_ports ports;
		if (bpf_skb_load_bytes(skb, off, &ports, sizeof(ports)) < 0)
			return -DROP_INVALID_PACKET;
		pkt->sport = ports.sport;
		pkt->dport = ports.dport;
		break;
	}
	case IPPROTO_SCTP: {
		__u8 sctp[SCTP_FIRST_CHUNK_OFF + 1];
		if (bpf_skb_load_bytes(skb, off, sctp, sizeof(sctp)) < 0)
			return -DROP_INVALID_PACKET;
		pkt->sport = *(__u16 *)&sctp[0];
		pkt->dport = *(__u16 *)&sctp[2];
		pkt->tcp_flags = sctp_as_tcp_flags(sctp[SCTP_FIRST_CHUNK_OFF]);
		break;
	}
	case IPPROTO_ICMPV6: {
		struct icmp_header icmp;
		if (bpf_skb_load_bytes(skb, off, &icmp, sizeof(icmp)) < 0)
			return -DROP_INVALID_PACKET;
		pkt->icmp_type = icmp.type;
		if (icmp6_is_mld_report(icmp.type, &ip.daddr))
			return PARSE_ARP;
		if (icmp6_is_nd(icmp.type))
			return PARSE_ND;
		if (icmp.type == ICMPV6_ECHO_REQUEST || icmp.type == ICMPV6_ECHO_REPLY) {
			icmp6_echo_ports(icmp.type, icmp.id, &pkt->sport, &pkt->dport);
		} else if (icmp6_is_error(icmp.type)) {
			/* The quoted packet: its fixed header, its extension headers, then its ports. */
			struct ipv6_fixed inner;
			struct ipv6_walk iw = {};
			struct icmp_header l4;
			__u32 at = off + sizeof(icmp);
			if (bpf_skb_load_bytes(skb, at, &inner, sizeof(inner)) < 0)
				return -DROP_INVALID_PACKET;
			if (ipv6_walk_ext(skb, at + IPV6_HLEN, inner.nexthdr, &iw) < 0 || iw.fragment == FRAG_LATER ||
			    bpf_skb_load_bytes(skb, iw.off, &l4, sizeof(l4)) < 0)
				return -DROP_INVALID_PACKET;
			pkt->icmp_error = 1;
			pkt->inner_saddr6 = inner.saddr;
			pkt->inner_daddr6 = inner.daddr;
			pkt->inner_protocol = iw.protocol;
			if (iw.protocol == IPPROTO_ICMPV6) {
				icmp6_echo_ports(l4.type, l4.id, &pkt->inner_sport, &pkt->inner_dport);
			} else {
				pkt->inner_sport = *(__u16 *)&l4;
				pkt->inner_dport = *((__u16 *)&l4 + 1);
			}
		}
		break;
	}
	default:
		break;
	}
	if (pkt->fragment == FRAG_FIRST) {
		struct frag6_key key = { .saddr = ip.saddr, .daddr = ip.daddr, .id = w.frag_id, .protocol = w.frag_protocol };
		struct frag6_value first = { .sport = pkt->sport, .dport = pkt->dport, .protocol = nh };
		bpf_map_update_elem(&sluice_frags6, &key, &first, BPF_ANY);
	}
	return PARSE_IPV6;
}

static __always_inline int parse_linear(struct __sk_buff *skb, struct packet *pkt)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;

	if ((void *)(eth + 1) > data_end)
		return -DROP_INVALID_PACKET;
	if (eth->h_proto == bpf_htons(ETH_P_ARP))
		return PARSE_ARP;
	if (eth->h_proto == bpf_htons(ETH_P_IPV6))
		return parse_ipv6(skb, pkt);
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return PARSE_OTHER_L3;

	struct iphdr *ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end)
		return -DROP_INVALID_PACKET;
	__u32 ihl = ip->ihl * 4;
	if (ip->version != 4 || ihl < sizeof(*ip))
		return -DROP_INVALID_PACKET;

	pkt->family = 4;
	pkt->saddr = ip->saddr;
	pkt->daddr = ip->daddr;
	pkt->protocol = ip->protocol;
	pkt->length = skb->len;
	pkt->l4_off = sizeof(*eth) + ihl;
	/* A later fragment has no L4 header: its ports are its first fragment's. */
	if (ip->frag_off & bpf_htons(IP_OFFSET))
		return frag_recall(ip, pkt);
	if (ip->frag_off & bpf_htons(IP_MF))
		pkt->fragment = FRAG_FIRST;

	void *l4 = (void *)ip + ihl;
	switch (ip->protocol) {
	case IPPROTO_TCP: {
		struct tcphdr *tcp = l4;
		if ((void *)(tcp + 1) > data_end)
			return -DROP_INVALID_PACKET;
		pkt->sport = tcp->source;
		pkt->dport = tcp->dest;
		pkt->tcp_flags = ((__u8 *)tcp)[13];
		break;
	}
	case IPPROTO_UDP: {
		struct l4_ports *ports = l4;
		if ((void *)(ports + 1) > data_end)
			return -DROP_INVALID_PACKET;
		pkt->sport = ports->sport;
		pkt->dport = ports->dport;
		break;
	}
	case IPPROTO_SCTP: {
		__u8 *sctp = l4;
		if ((void *)(sctp + SCTP_FIRST_CHUNK_OFF + 1) > data_end)
			return -DROP_INVALID_PACKET;
		pkt->sport = *(__u16 *)&sctp[0];
		pkt->dport = *(__u16 *)&sctp[2];
		pkt->tcp_flags = sctp_as_tcp_flags(sctp[SCTP_FIRST_CHUNK_OFF]);
		break;
	}
	case IPPROTO_ICMP: {
		struct icmp_header *icmp = l4;
		if ((void *)(icmp + 1) > data_end)
			return -DROP_INVALID_PACKET;
		pkt->icmp_type = icmp->type;
		if (icmp->type == ICMP_ECHO) {
			pkt->sport = icmp->id;
			pkt->dport = bpf_htons(ICMP_ECHO << 8);
		} else if (icmp->type == ICMP_ECHOREPLY) {
			/* The request's tuple reversed: a reply matches it as its reply, nothing else does. */
			pkt->sport = bpf_htons(ICMP_ECHO << 8);
			pkt->dport = icmp->id;
		} else if (icmp_is_error(icmp->type)) {
			struct iphdr *inner = (void *)(icmp + 1);
			if ((void *)(inner + 1) > data_end)
				return -DROP_INVALID_PACKET;
			__u32 inner_ihl = (inner->ihl & 0xf) * 4;
			if (inner_ihl < sizeof(*inner))
				return -DROP_INVALID_PACKET;
			/* The quoted header may carry options: its ports follow them. */
			struct l4_ports *ip4 = (void *)inner + inner_ihl;
			if ((void *)(ip4 + 1) > data_end)
				return -DROP_INVALID_PACKET;
			pkt->icmp_error = 1;
			pkt->inner_saddr = inner->saddr;
			pkt->inner_daddr = inner->daddr;
			pkt->inner_protocol = inner->protocol;
			pkt->inner_sport = ip4->sport;
			pkt->inner_dport = ip4->dport;
			if (inner->protocol == IPPROTO_ICMP) {
				/* Errors about echo: keyed as the echo itself is (identifier at offset 4). */
				struct icmp_header *echo = (void *)ip4;
				if ((void *)(echo + 1) > data_end)
					return -DROP_INVALID_PACKET;
				if (echo->type == ICMP_ECHOREPLY) {
					pkt->inner_sport = bpf_htons(ICMP_ECHO << 8);
					pkt->inner_dport = echo->id;
				} else {
					pkt->inner_sport = echo->id;
					pkt->inner_dport = bpf_htons(ICMP_ECHO << 8);
				}
			}
		}
		break;
	}
	default:
		break;
	}
	if (pkt->fragment == FRAG_FIRST)
		frag_remember(ip, pkt);
	return PARSE_IPV4;
}

static __always_inline int parse_packet(struct __sk_buff *skb, struct packet *pkt)
{
	int r = parse_linear(skb, pkt);

	/* Headers in paged data (some drivers, GRO) are out of reach until pulled in: only then, so
	 * the common packet pays nothing. */
	if (r != -DROP_INVALID_PACKET || skb->len <= (__u32)((long)skb->data_end - (long)skb->data))
		return r;
	if (bpf_skb_pull_data(skb, skb->len < PARSE_PULL_LEN ? skb->len : PARSE_PULL_LEN) < 0)
		return r;
	__builtin_memset(pkt, 0, sizeof(*pkt));
	return parse_linear(skb, pkt);
}

#endif
