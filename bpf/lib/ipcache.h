/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Address -> identity, and address -> local endpoint.
 *
 * API: ipcache_lookup(addr) (identity WORLD on a miss), endpoint_by_addr(addr)
 */
#ifndef SLUICE_IPCACHE_H
#define SLUICE_IPCACHE_H

#include "maps.h"

static __always_inline struct ipcache_value ipcache_lookup(__u32 addr)
{
	struct ipcache_key key = { .prefixlen = 32, .addr = addr };
	struct ipcache_value *v = bpf_map_lookup_elem(&sluice_ipcache, &key);
	struct ipcache_value miss = { .identity = SLUICE_ID_WORLD };
	return v ? *v : miss;
}

static __always_inline struct endpoint_info *endpoint_by_addr(__u32 addr)
{
	return bpf_map_lookup_elem(&sluice_endpoints, &addr);
}

#endif
