// Why a packet was forwarded or dropped: enum sluice_reason of bpf/lib/drop_reasons.h, whose names
// and numbers are in constants.ts (SLUICE_REASON, checked against the object's BTF by
// test/unit/btf-constants.test.ts). Here: their short names and texts. Never renumber or reuse.

import { SLUICE_REASON } from '../abi/constants.js';

export const REASON_FORWARDED = SLUICE_REASON.REASON_FORWARDED;

/** A text for every reason: a reason added to SLUICE_REASON without one does not compile. */
const TEXTS: Readonly<Record<keyof typeof SLUICE_REASON, string>> = {
  REASON_FORWARDED: 'forwarded',
  DROP_POLICY_DENIED: 'policy denied',
  DROP_INVALID_PACKET: 'invalid packet',
  DROP_SOURCE_SPOOFED: "source address not the pod's",
  DROP_UNSUPPORTED_L3: 'unsupported L3 protocol',
  DROP_FRAGMENT: 'later fragment whose first was not seen',
  DROP_REDIRECT_FAILED: 'redirect to pod failed',
  DROP_UNKNOWN_ENDPOINT: 'no endpoint for this device',
  DROP_NO_SERVICE_BACKEND: 'service has no backend',
  DROP_NO_TUNNEL_ENDPOINT: 'tunnel: no node for the destination, or no identity in the VNI',
  DROP_NEIGHBOUR_DISCOVERY: 'IPv6 router or neighbour discovery from a pod (its gateway is static)',
};

/** Reason number -> its name without the REASON_ or DROP_ prefix (FORWARDED, POLICY_DENIED, ...)
 * and its text. */
export const REASONS: Readonly<Record<number, { name: string; text: string }>> = Object.fromEntries(
  Object.entries(SLUICE_REASON).map(([cName, n]) => [
    n,
    { name: cName.replace(/^(REASON|DROP)_/, ''), text: TEXTS[cName as keyof typeof SLUICE_REASON] },
  ]),
);

export function reasonText(reason: number): string {
  return REASONS[reason]?.text ?? `unknown reason ${reason}`;
}
