// The event reader's binary records (u8 kind, u32 LE length, payload) come out whole, however
// the pipe splits them.

import { expect, it } from 'vitest';
import { RecordStream } from '../../agent/observe/events.js';

function record(kind: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = kind;
  head.writeUInt32LE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

it('reassembles records split across and packed within chunks', () => {
  const lost = Buffer.alloc(8);
  lost.writeBigUInt64LE(5n);
  const all = Buffer.concat([
    record(1, Buffer.from('abcdef')),
    record(2, lost),
    record(1, Buffer.from('xyz')),
  ]);
  for (const cut of [1, 3, 5, 7, 11, 14, all.length]) {
    const s = new RecordStream();
    const out: string[] = [];
    const emit = (kind: number, p: Buffer) =>
      out.push(kind === 2 ? `lost ${p.readBigUInt64LE(0)}` : p.toString());
    for (let i = 0; i < all.length; i += cut) s.push(all.subarray(i, i + cut), emit);
    expect(out, `chunks of ${cut}`).toEqual(['abcdef', 'lost 5', 'xyz']);
  }
});
