/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Packet parsing: Ethernet, IPv4, TCP/UDP/SCTP/ICMP into a flat struct packet.
 *
 * API: parse_packet(skb, pkt) -> PARSE_IPV4 | PARSE_ARP | PARSE_OTHER_L3 | -DROP_* reason
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
	__u8 l4_off; /* offset of the L4 header in the frame */
};

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

static __always_inline int parse_packet(struct __sk_buff *skb, struct packet *pkt)
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
	/* A non-first fragment has no L4 header to enforce ports on. */
	if (ip->frag_off & bpf_htons(0x1fff))
		return -DROP_FRAGMENT;

	void *l4 = (void *)ip + ihl;
	pkt->l4_off = sizeof(*eth) + ihl;
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
		if (icmp->type == ICMP_ECHO || icmp->type == ICMP_ECHOREPLY) {
			/* Echo and reply share the identifier: the same tuple both ways. */
			pkt->sport = icmp->id;
			pkt->dport = icmp->id;
		} else if (icmp_is_error(icmp->type)) {
			struct iphdr *inner = (void *)(icmp + 1);
			if ((void *)(inner + 1) > data_end)
				return -DROP_INVALID_PACKET;
			if (inner->ihl != 5)
				return -DROP_INVALID_PACKET;
			struct l4_ports *ip4 = (void *)(inner + 1);
			if ((void *)(ip4 + 1) > data_end)
				return -DROP_INVALID_PACKET;
			pkt->icmp_error = 1;
			pkt->inner_saddr = inner->saddr;
			pkt->inner_daddr = inner->daddr;
			pkt->inner_protocol = inner->protocol;
			pkt->inner_sport = ip4->sport;
			pkt->inner_dport = ip4->dport;
			if (inner->protocol == IPPROTO_ICMP) {
				/* Errors about echo requests: identifier at offset 4 of the inner ICMP. */
				__u16 *id = (void *)ip4 + 4;
				if ((void *)(id + 1) > data_end)
					return -DROP_INVALID_PACKET;
				pkt->inner_sport = *id;
				pkt->inner_dport = *id;
			}
		}
		break;
	}
	default:
		break;
	}
	return PARSE_IPV4;
}

#endif
