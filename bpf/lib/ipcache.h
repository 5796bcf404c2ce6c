/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Address -> identity, and address -> local endpoint, for IPv4 and IPv6.
 *
 * API: ipcache_lookup(addr) (identity WORLD on a miss), endpoint_by_addr(addr): IPv4;
 *      ipcache_of(pkt, addr), endpoint_of(pkt, addr): addr one of the packet's (&pkt->saddr6,
 *      &pkt->daddr6, or a copy of one), in the packet's family;
 *      identity_namespace(identity), tunnel_ifindex(), to_tunnel_port(pkt)
 */
#ifndef SLUICE_IPCACHE_H
#define SLUICE_IPCACHE_H

#include "maps.h"
#include "parse.h"

static __always_inline struct ipcache_value ipcache_lookup(__u32 addr)
{
	struct ipcache_key key = { .prefixlen = 32, .addr = addr };
	struct ipcache_value *v = bpf_map_lookup_elem(&sluice_ipcache_v2, &key);
	struct ipcache_value miss = { .identity = SLUICE_ID_WORLD };
	return v ? *v : miss;
}

static __always_inline struct endpoint_info *endpoint_by_addr(__u32 addr)
{
	return bpf_map_lookup_elem(&sluice_endpoints, &addr);
}

static __always_inline struct ipcache_value ipcache_of(const struct packet *pkt, const struct addr6 *addr)
{
	if (pkt->family != 6)
		return ipcache_lookup(addr->w[0]);
	struct ipcache6_key key = { .prefixlen = 128, .addr = *addr };
	struct ipcache_value *v = bpf_map_lookup_elem(&sluice_ipcache6, &key);
	struct ipcache_value miss = { .identity = SLUICE_ID_WORLD };
	return v ? *v : miss;
}

static __always_inline struct endpoint_info *endpoint_of(const struct packet *pkt, const struct addr6 *addr)
{
	if (pkt->family != 6)
		return endpoint_by_addr(addr->w[0]);
	return bpf_map_lookup_elem(&sluice_endpoints6, addr);
}

/* The namespace identity of a label identity (0 when unknown): for packets from the tunnel. */
static __always_inline __u32 identity_namespace(__u32 identity)
{
	struct identity_info *info = bpf_map_lookup_elem(&sluice_identities, &identity);
	return info ? info->namespace_identity : 0;
}

static __always_inline struct node_config *node_config(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&sluice_node, &zero);
}

/* The VXLAN device pods of other nodes are reached through; 0 = native routing. */
static __always_inline __u32 tunnel_ifindex(void)
{
	struct node_config *cfg = node_config();
	return cfg ? cfg->tunnel_ifindex : 0;
}

/* An IPv4 UDP packet to the tunnel's port (tunnel routing; the underlay is IPv4): the outer
 * packet of another node's pod. */
static __always_inline int to_tunnel_port(const struct packet *pkt)
{
	if (pkt->family != 4 || pkt->protocol != IPPROTO_UDP)
		return 0;
	struct node_config *cfg = node_config();
	return cfg && cfg->tunnel_port && pkt->dport == cfg->tunnel_port;
}

#endif
