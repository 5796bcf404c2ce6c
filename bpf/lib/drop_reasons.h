/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Why a packet was forwarded or dropped. One enum, stable numbers, shared by:
 *   bpf/lib/drop_reasons.h (here) and agent/abi/constants.ts (SLUICE_REASON; texts in
 *   reasons.ts); Flow.drop_reason in agent/api/sluice.proto carries the number.
 * test/unit/btf-constants.test.ts checks C and TypeScript agree, through the BTF of the object
 * (sluice_btf_enums in events.h). Never reuse or renumber a value: a retired reason becomes
 * REASON_UNUSEDn.
 */
#ifndef SLUICE_DROP_REASONS_H
#define SLUICE_DROP_REASONS_H

enum sluice_reason {
	REASON_FORWARDED = 0,
	DROP_POLICY_DENIED = 1,      /* no policy rule allows this new connection */
	DROP_INVALID_PACKET = 2,     /* truncated or malformed headers */
	DROP_SOURCE_SPOOFED = 3,     /* source address is not the sending pod's */
	DROP_UNSUPPORTED_L3 = 4,     /* neither IPv4, IPv6 nor ARP */
	DROP_FRAGMENT = 5,           /* later fragment whose first fragment was not seen */
	DROP_REDIRECT_FAILED = 6,    /* bpf_redirect_peer refused the destination */
	DROP_UNKNOWN_ENDPOINT = 7,   /* program attached to a device with no endpoint */
	DROP_NO_SERVICE_BACKEND = 8, /* a Service frontend without a backend (rejected, or dropped when Local) */
	DROP_NO_TUNNEL_ENDPOINT = 9, /* tunnel: no node holds the destination (or the reply's translating node), or no identity in the VNI */
	DROP_NEIGHBOUR_DISCOVERY = 10, /* IPv6 router or neighbour discovery from a pod (its gateway is static) */
	REASON_MAX = 11,
};

#endif
