// Datapath events become flows with names (pods, labels, the policy that allowed them), kept in
// a bounded ring and fanned out to subscribers. A subscriber that cannot keep up is told how many
// flows it lost — never silently.

import type { sluice } from '../api/gen/sluice.js';
import { REASONS } from '../datapath/reasons.js';
import { labelsOfKey } from '../identity/labels.js';
import { isIcmp, protocolName } from '../net/protocols.js';
import { EVENT_DROP, type FlowEvent } from './events.js';

export interface FlowNames {
  endpoint(id: number): { pod: string } | undefined;
  /** canonical label key of a label identity */
  identityKey(id: number): string | undefined;
  rule(id: number): string | undefined;
  /** Service frontend id -> "namespace/name:port" and "address:port/PROTO". */
  frontend(id: number): { service: string; frontend: string } | undefined;
}

const TCP_FLAGS = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'];

/** Monotonic ns (bpf_ktime_get_ns) to wall clock. */
const bootOffsetNs = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();

export function toFlow(e: FlowEvent, names: FlowNames): sluice.v1.IFlow {
  const side = (endpointId: number, identity: number) => {
    const pod = endpointId ? names.endpoint(endpointId)?.pod : undefined;
    const key = names.identityKey(identity);
    const l = key ? labelsOfKey(key) : undefined;
    const [ns, name] = pod?.split('/') ?? [l?.namespace ?? '', ''];
    return {
      id: endpointId,
      identity,
      namespace: ns ?? '',
      pod: name ?? '',
      labels: { ...(l?.podLabels ?? {}) },
    };
  };
  return {
    time_ns: Number(BigInt(e.timestamp_ns) + bootOffsetNs),
    verdict: e.type === EVENT_DROP ? 'DROPPED' : 'FORWARDED',
    drop_reason: e.reason,
    drop_reason_text: REASONS[e.reason]?.text ?? `reason ${e.reason}`,
    source_ip: e.saddr,
    destination_ip: e.daddr,
    protocol: protocolName(e.protocol),
    source_port: isIcmp(e.protocol) ? 0 : e.sport,
    destination_port: isIcmp(e.protocol) ? 0 : e.dport,
    tcp_flags: e.protocol === 6 ? TCP_FLAGS.filter((_, i) => e.tcp_flags & (1 << i)) : [],
    source: side(e.src_endpoint, e.src_identity),
    destination: side(e.dst_endpoint, e.dst_identity),
    direction: e.direction === 1 ? 'ingress' : 'egress',
    is_reply: e.is_reply === 1,
    policy: e.rule_id ? (names.rule(e.rule_id) ?? String(e.rule_id)) : '',
    ...serviceOf(e.frontend_id, names),
  };
}

function serviceOf(id: number, names: FlowNames): { service: string; frontend: string } {
  if (!id) return { service: '', frontend: '' };
  return names.frontend(id) ?? { service: '', frontend: `frontend ${id}` };
}

export type FlowSink = (item: { flow: sluice.v1.IFlow } | { lost: number }) => void;

export class FlowRing {
  private readonly ring: sluice.v1.IFlow[] = [];
  private readonly subscribers = new Set<FlowSink>();

  constructor(private readonly capacity = 16384) {}

  push(flow: sluice.v1.IFlow): void {
    this.ring.push(flow);
    if (this.ring.length > this.capacity) this.ring.splice(0, this.ring.length - this.capacity);
    for (const s of this.subscribers) s({ flow });
  }

  lost(n: number): void {
    for (const s of this.subscribers) s({ lost: n });
  }

  last(n: number): sluice.v1.IFlow[] {
    return n <= 0 ? [] : this.ring.slice(-n);
  }

  subscribe(sink: FlowSink): () => void {
    this.subscribers.add(sink);
    return () => this.subscribers.delete(sink);
  }
}
