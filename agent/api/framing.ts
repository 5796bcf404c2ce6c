// Length-prefixed messages on a stream: 4-byte big-endian length, then the bytes. A frame over
// MAX_FRAME is refused, so a confused or hostile peer cannot make the agent buffer without end.

import type { Socket } from 'node:net';

export const MAX_FRAME = 1 << 20;

export function frame(payload: Uint8Array): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(payload.length, 0);
  return Buffer.concat([head, payload]);
}

/** Calls onFrame for every complete frame; onError once on a bad frame (then stops). */
export function readFrames(
  sock: Socket,
  onFrame: (payload: Buffer) => void,
  onError: (err: Error) => void,
): void {
  let buf: Buffer = Buffer.alloc(0);
  let failed = false;
  sock.on('data', (chunk: Buffer) => {
    if (failed) return;
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    while (buf.length >= 4) {
      const len = buf.readUInt32BE(0);
      if (len > MAX_FRAME) {
        failed = true;
        onError(new Error(`frame of ${len} bytes exceeds ${MAX_FRAME}`));
        return;
      }
      if (buf.length < 4 + len) break;
      const payload = buf.subarray(4, 4 + len);
      buf = buf.subarray(4 + len);
      onFrame(payload);
    }
  });
}
