// Why a packet was forwarded or dropped. Must be in sync with bpf/lib/drop_reasons.h (and the
// Flow .proto once it exists); test/unit/reasons.test.ts compares them. Never renumber or reuse.

export const REASON_FORWARDED = 0;

export const REASONS: Readonly<Record<number, { name: string; text: string }>> = {
  0: { name: 'FORWARDED', text: 'forwarded' },
  1: { name: 'POLICY_DENIED', text: 'policy denied' },
  2: { name: 'INVALID_PACKET', text: 'invalid packet' },
  3: { name: 'SOURCE_SPOOFED', text: "source address not the pod's" },
  4: { name: 'UNSUPPORTED_L3', text: 'unsupported L3 protocol' },
  5: { name: 'FRAGMENT', text: 'IPv4 fragment without L4 header' },
  6: { name: 'REDIRECT_FAILED', text: 'redirect to pod failed' },
  7: { name: 'UNKNOWN_ENDPOINT', text: 'no endpoint for this device' },
  8: { name: 'NO_SERVICE_BACKEND', text: 'service has no backend' },
};

export function reasonText(reason: number): string {
  return REASONS[reason]?.text ?? `unknown reason ${reason}`;
}
