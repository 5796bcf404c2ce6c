// vitest globalSetup: one run id for all kernel tests, and a final sweep of anything a crashed
// test left behind under that id (namespaces, pins, the processes inside those namespaces).

import { randomBytes } from 'node:crypto';
import { sweepRun } from './sweep.js';

export default function setup(): () => Promise<void> {
  const id = randomBytes(3).toString('hex');
  process.env['SLUICE_TEST_RUN'] = id;
  return async () => {
    await sweepRun(id);
  };
}
