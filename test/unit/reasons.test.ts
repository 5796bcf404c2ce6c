// The drop reasons: names and numbers are enum sluice_reason (bpf/lib/drop_reasons.h), checked
// against the object's BTF with every other shared enum in btf-constants.test.ts. Here: the table
// the agent reports from has every reason, under its C name, with a text of its own.

import { expect, it } from 'vitest';
import { SLUICE_REASON } from '../../agent/abi/constants.js';
import { REASONS, reasonText } from '../../agent/datapath/reasons.js';

it('agent/datapath/reasons.ts names and describes every reason of enum sluice_reason', () => {
  const fromC = Object.entries(SLUICE_REASON).map(([n, v]) => [v, n.replace(/^(REASON|DROP)_/, '')]);
  const fromTs = Object.entries(REASONS).map(([v, r]) => [Number(v), r.name]);
  expect(fromC.length).toBeGreaterThan(5);
  expect(fromTs.sort()).toEqual(fromC.sort());
  const texts = Object.values(REASONS).map((r) => r.text);
  expect(texts.every((t) => t.length > 0)).toBe(true);
  expect(new Set(texts).size).toBe(texts.length);
  expect(reasonText(SLUICE_REASON.DROP_POLICY_DENIED)).toBe('policy denied');
  expect(reasonText(200)).toBe('unknown reason 200');
});
