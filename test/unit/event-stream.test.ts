// bpftool's event_pipe JSON arrives as one open array whose objects close only when the next one
// starts: every event must come out as soon as its data is complete, and exactly once.

import { expect, it } from 'vitest';
import { JsonObjectStream } from '../../agent/observe/events.js';

it('emits each event once, without waiting for the next', () => {
  const s = new JsonObjectStream();
  const out: string[] = [];
  const emit = (j: string) => out.push(j);
  s.push('[{"type":9,"cpu":0,"data":[1,2', emit);
  expect(out).toEqual([]);
  s.push(',3]', emit);
  expect(out.map((j) => JSON.parse(j).data)).toEqual([[1, 2, 3]]);
  s.push('},{"lost":{"cpu":1,"lost":5}', emit);
  expect(out.map((j) => JSON.parse(j))).toEqual([
    { type: 9, cpu: 0, data: [1, 2, 3] },
    { lost: { cpu: 1, lost: 5 } },
  ]);
  s.push('},{"type":9,"data":[7]', emit);
  s.push('}]', emit);
  expect(out.map((j) => JSON.parse(j))).toHaveLength(3);
  expect(JSON.parse(out[2]!).data).toEqual([7]);
});
