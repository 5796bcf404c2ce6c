// Names of everything kernel tests create, all carrying the run id that test/harness/global.ts
// sets, so a run's teardown finds (and removes) exactly what that run made.

import { randomBytes } from 'node:crypto';

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
