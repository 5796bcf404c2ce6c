/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Packet parsing: Ethernet, IPv4, TCP/UDP/SCTP/ICMP into a flat struct packet.
 *
 * API: parse_packet(skb, pkt) -> PARSE_IPV4 | PARSE_ARP | PARSE_OTHER_L3 | -DROP_* reason
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

#ifndef IPPROTO_SCTP
#define IPPROTO_SCTP 132
#endif

#define TCPF_FIN 0x01
#define TCPF_SYN 0x02
#define TCPF_RST 0x04
#define TCPF_ACK 0x10

struct packet {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 protocol;
	__u8 tcp_flags;
	__u8 icmp_type;
	__u8 icmp_error; /* ICMP error: inner_* hold the tuple of the packet it is about */
	__u32 length;
	__u32 inner_saddr;
	__u32 inner_daddr;
	__u16 inner_sport;
	__u16 inner_dport;
	__u8 inner_protocol;
	__u8 l4_off;   /* offset of the L4 header in the frame */
	__u8 fragment; /* FRAG_*: ports of a later fragment come from its first */
};

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

static __always_inline int parse_linear(struct __sk_buff *skb, struct packet *pkt)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;

	if ((void *)(eth + 1) > data_end)
		return -DROP_INVALID_PACKET;
	if (eth->h_proto == bpf_htons(ETH_P_ARP))
		return PARSE_ARP;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return PARSE_OTHER_L3;

	struct iphdr *ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end)
		return -DROP_INVALID_PACKET;
	__u32 ihl = ip->ihl * 4;
	if (ip->version != 4 || ihl < sizeof(*ip))
		return -DROP_INVALID_PACKET;

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
	case IPPROTO_UDP:
	case IPPROTO_SCTP: {
		struct l4_ports *ports = l4;
		if ((void *)(ports + 1) > data_end)
			return -DROP_INVALID_PACKET;
		pkt->sport = ports->sport;
		pkt->dport = ports->dport;
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
