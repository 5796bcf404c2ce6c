/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Per-CPU packet and byte counters by {endpoint, reason, direction}.
 *
 * API: metrics_add(endpoint_id, reason, direction, bytes)
 */
#ifndef SLUICE_METRICS_H
#define SLUICE_METRICS_H

#include "maps.h"

static __always_inline void metrics_add(__u32 endpoint_id, __u8 reason, __u8 direction, __u32 bytes)
{
	struct metrics_key key = { .endpoint_id = endpoint_id, .reason = reason, .direction = direction };
	struct metrics_value *v = bpf_map_lookup_elem(&sluice_metrics, &key);

	if (v) {
		/* Per-CPU value: no other CPU writes it, no atomics needed. */
		v->packets += 1;
		v->bytes += bytes;
		return;
	}
	struct metrics_value init = { .packets = 1, .bytes = bytes };
	bpf_map_update_elem(&sluice_metrics, &key, &init, BPF_NOEXIST);
}

#endif
