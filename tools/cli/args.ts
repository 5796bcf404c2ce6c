// Option values several commands parse alike; each throws a UserError (exit 2) naming the flag.

import { PROTOCOLS, type Protocol } from '../../agent/model/types.js';
import type { MatrixVerdict } from '../../agent/policy/matrix.js';
import { UserError } from '../../agent/sys/errors.js';

/** For repeatable options (-f a -f b). */
export const collect = (v: string, prev: string[]) => [...prev, v];

/** `-f, --filename PATH`, repeatable: the manifests a lab or policy command reads. */
export const FILENAME_OPTION = {
  flags: '-f, --filename <path>',
  description: 'manifest file or directory (repeatable)',
  required: true,
  parse: collect,
  default: [] as string[],
};

export function ports(v: string): number[] {
  const list = v.split(',').map((p) => Number(p.trim()));
  if (list.some((p) => !Number.isInteger(p) || p < 1 || p > 65535))
    throw new UserError(`--ports ${v}: expected port numbers like 80,81`);
  return list;
}

export function protocols(v: string): Protocol[] {
  const list = v.split(',').map((p) => p.trim().toUpperCase());
  for (const p of list)
    if (!PROTOCOLS.includes(p as Protocol))
      throw new UserError(`--protocols ${v}: expected TCP, UDP and/or SCTP`);
  return list as Protocol[];
}

/** Probes as JSON (lab matrix, policy simulate): from, to, port, protocol, connected; Service
 * targets add address and backend. */
export function matrixJson(
  verdicts: readonly (MatrixVerdict & { address?: string; backend?: string | null })[],
) {
  return {
    probes: verdicts.map((v) => ({
      from: v.from,
      to: v.to,
      port: v.port,
      protocol: v.protocol,
      connected: v.connected,
      ...(v.address !== undefined ? { address: v.address, backend: v.backend ?? null } : {}),
    })),
  };
}
