// vitest globalSetup: one run id for all kernel tests, and a final sweep of anything a crashed
// test left behind under that id (namespaces, pins, the processes inside those namespaces).

import { randomBytes } from 'node:crypto';
import { sweepRun } from './sweep.js';

export default function setup(): () => Promise<void> {
  const id = randomBytes(3).toString('hex');
  process.env['SLUICE_TEST_RUN'] = id;
  return async () => {
    // Every test cleans up after itself: anything found here is a test's leak, said out loud.
    const left = await sweepRun(id);
    if (left.length > 0) console.error(`test: removed what tests left behind: ${left.join(', ')}`);
  };
}
