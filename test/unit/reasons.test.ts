// The drop reasons are one enum shared by C and TypeScript: same names, same numbers.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config.js';
import { REASONS } from '../../agent/datapath/reasons.js';

it('bpf/lib/drop_reasons.h and agent/datapath/reasons.ts agree', () => {
  const header = readFileSync(path.join(REPO_ROOT, 'bpf', 'lib', 'drop_reasons.h'), 'utf8');
  const fromC = new Map<number, string>();
  for (const m of header.matchAll(/^\s*(?:REASON|DROP)_([A-Z0-9_]+)\s*=\s*(\d+),/gm)) {
    if (m[1] !== 'MAX') fromC.set(Number(m[2]), m[1]!);
  }
  const fromTs = new Map(Object.entries(REASONS).map(([n, r]) => [Number(n), r.name]));
  expect(fromC.size).toBeGreaterThan(5);
  expect([...fromTs.entries()].sort()).toEqual([...fromC.entries()].sort());
});
