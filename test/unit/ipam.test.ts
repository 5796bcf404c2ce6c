// IPAM across a pool change: addresses still inside the new pool stay with their owners (never
// handed out twice); the ones outside are returned to the caller, which logs them.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Ipam } from '../../agent/ipam/ipam.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sluice-ipam-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('keeps the allocations inside a changed pool and reports the others', async () => {
  const owner = (containerId: string) => ({ containerId, ifname: 'eth0' });
  writeFileSync(
    path.join(dir, 'ipam.json'),
    JSON.stringify({
      cidr: '10.0.0.0/25',
      allocations: { '10.0.0.2': owner('inside'), '10.9.0.2': owner('outside') },
      last: 2,
    }),
  );
  const ipam = new Ipam(dir, '10.0.0.0/24');
  expect(await ipam.load()).toEqual([owner('outside')]);
  expect(Object.keys(ipam.allocations())).toEqual(['10.0.0.2']);
  // The kept address is not handed out again; the same owner gets it back.
  expect(await ipam.allocate(owner('new'))).not.toBe('10.0.0.2');
  expect(await ipam.allocate(owner('inside'))).toBe('10.0.0.2');
});
