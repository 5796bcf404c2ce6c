/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Address -> identity, and address -> local endpoint.
 *
 * API: ipcache_identity(addr) (WORLD on a miss), endpoint_by_addr(addr)
 */
#ifndef SLUICE_IPCACHE_H
#define SLUICE_IPCACHE_H

#include "maps.h"

static __always_inline __u32 ipcache_identity(__u32 addr)
{
	struct ipcache_key key = { .prefixlen = 32, .addr = addr };
	struct ipcache_value *v = bpf_map_lookup_elem(&sluice_ipcache, &key);
	return v ? v->identity : SLUICE_ID_WORLD;
}

static __always_inline struct endpoint_info *endpoint_by_addr(__u32 addr)
{
	return bpf_map_lookup_elem(&sluice_endpoints, &addr);
}

#endif
