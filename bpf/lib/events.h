/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/* Flow events on the perf event array, gated by sluice_config flags.
 *
 * API: struct verdict (the endpoints and identities a decision was about),
 *      emit_event(skb, type, reason, direction, pkt, verdict, is_reply)
 *
 * Also the anchor that puts the shared enums into the object's BTF (sluice_btf_enums).
 */
#ifndef SLUICE_EVENTS_H
#define SLUICE_EVENTS_H

#include "drop_reasons.h"
#include "maps.h"
#include "parse.h"

struct verdict {
	__u32 src_identity;
	__u32 dst_identity;
	__u32 src_endpoint;
	__u32 dst_endpoint;
	__u32 rule_id;
	__u32 frontend_id; /* Service frontend the connection addressed; 0 none */
};

static __always_inline __u32 config_flags(void)
{
	__u32 zero = 0;
	struct dp_config *cfg = bpf_map_lookup_elem(&sluice_config, &zero);
	return cfg ? cfg->flags : 0;
}

/* Not inlined on purpose: as a subprogram its signature puts struct flow_event6 (and in it
 * struct flow_event) into the object's BTF, where the layout test (and any reader) finds them.
 * An IPv4 packet's event is the first sizeof(struct flow_event) bytes. */
static __noinline void events_output(struct __sk_buff *skb, struct flow_event6 *ev)
{
	__u64 size = ev->base.family == 6 ? sizeof(*ev) : sizeof(ev->base);
	bpf_perf_event_output(skb, &sluice_events, BPF_F_CURRENT_CPU, ev, size);
}

/* A global function: the verifier checks it once, on its own, instead of along every path of
 * every program that calls it (from_pod stays well under the verifier's budget). The event is
 * built in sluice_scratch, so its frame adds next to nothing to the caller's stack. what: type |
 * reason << 8 | direction << 16 | is_reply << 24 (five arguments at most). Returns 0. */
__noinline int events_emit(struct __sk_buff *skb, __u32 what, const struct packet *pkt, const struct verdict *v)
{
	__u8 type = what & 0xff;
	__u32 want = type == EVENT_DROP ? CFG_F_EVENTS_DROP : CFG_F_EVENTS_VERDICT;
	__u32 zero = 0;

	if (!skb || !pkt || !v || !(config_flags() & want))
		return 0;
	struct flow_event6 *ev = bpf_map_lookup_elem(&sluice_scratch, &zero);
	if (!ev)
		return 0;
	int v6 = pkt->family == 6;
	__builtin_memset(ev, 0, sizeof(*ev));
	ev->base.timestamp_ns = bpf_ktime_get_ns();
	ev->base.saddr = v6 ? 0 : pkt->saddr;
	ev->base.daddr = v6 ? 0 : pkt->daddr;
	ev->base.sport = pkt->sport;
	ev->base.dport = pkt->dport;
	ev->base.protocol = pkt->protocol;
	ev->base.type = type;
	ev->base.reason = (what >> 8) & 0xff;
	ev->base.direction = (what >> 16) & 0xff;
	ev->base.src_identity = v->src_identity;
	ev->base.dst_identity = v->dst_identity;
	ev->base.src_endpoint = v->src_endpoint;
	ev->base.dst_endpoint = v->dst_endpoint;
	ev->base.rule_id = v->rule_id;
	ev->base.length = pkt->length;
	ev->base.tcp_flags = pkt->tcp_flags;
	ev->base.is_reply = what >> 24;
	ev->base.family = v6 ? 6 : 4;
	ev->base.frontend_id = v->frontend_id;
	if (v6) {
		ev->saddr = pkt->saddr6;
		ev->daddr = pkt->daddr6;
	}
	events_output(skb, ev);
	return 0;
}
_Static_assert(sizeof(struct flow_event6) <= SLUICE_SCRATCH_SIZE, "flow_event6 fits sluice_scratch");

static __always_inline void emit_event(struct __sk_buff *skb, __u8 type, __u8 reason, __u8 direction,
				       const struct packet *pkt, const struct verdict *v, __u8 is_reply)
{
	events_emit(skb, type | (__u32)reason << 8 | (__u32)direction << 16 | (__u32)is_reply << 24, pkt, v);
}

/* Puts every enum userspace shares (common.h, drop_reasons.h) into the object's BTF: clang describes
 * only types the object uses, and the enums are the type of nothing. test/unit/btf-constants.test.ts
 * compares them there with agent/abi/constants.ts. Never called, so never loaded: libbpf adds a
 * .text function only to the programs that call it. It costs the programs nothing; in the object
 * it sits before events_output in .text (clang emits used functions first), so the calls to
 * events_output name offset 8 instead of 0, which libbpf resolves to the same function.
 */
struct sluice_enums {
	enum sluice_identity identity;
	enum direction direction;
	enum endpoint_flags endpoint_flags;
	enum ct_flags ct_flags;
	enum event_type event_type;
	enum cfg_flags cfg_flags;
	enum lb_flags lb_flags;
	enum lb_backend_flags lb_backend_flags;
	enum sluice_reason reason;
};

static __attribute__((used)) void sluice_btf_enums(struct sluice_enums *e __attribute__((unused)))
{
}

#endif
