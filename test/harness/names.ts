// Names of everything kernel tests create, all carrying the run id that test/harness/global.ts
// sets, so a run's teardown finds (and removes) exactly what that run made.

import { randomBytes } from 'node:crypto';

/** Network namespaces, and links a test makes in the root namespace (an underlay bridge and its
 * veths: `${TEST_NETNS_PREFIX}${runId()}${instanceId()}` and a short suffix, at most 15
 * characters), start with it and the run id. */
export const TEST_NETNS_PREFIX = 'sxt';
export const TEST_PIN_PREFIX = '/sys/fs/bpf/sluice-test-';

export function runId(): string {
  const id = process.env['SLUICE_TEST_RUN'];
  if (!id)
    throw new Error('SLUICE_TEST_RUN is not set: run kernel tests through vitest (test/harness/global.ts)');
  return id;
}

/** A fresh short id for one harness instance (one test file may start several). */
export function instanceId(): string {
  return randomBytes(2).toString('hex');
}

/** A name for a link in the root namespace (at most 15 characters), swept with the run. */
export function rootLinkName(instance: string, suffix: string): string {
  const name = `${TEST_NETNS_PREFIX}${runId()}${instance}${suffix}`;
  if (name.length > 15) throw new Error(`link name ${name} is longer than 15 characters`);
  return name;
}
