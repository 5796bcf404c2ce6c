// A long-lived TCP connection from inside a pod: sends a numbered line every --interval ms to an
// echo port for --duration ms and counts the echoes. Prints {"sent","received","maxGapMs","error"}.
// Used to show that established connections survive policy and label changes.

import { connect } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    duration: { type: 'string', default: '3000' },
    interval: { type: 'string', default: '50' },
  },
});
let sent = 0;
let received = 0;
let last = performance.now();
let maxGapMs = 0;
let error = '';
let buffered = '';
const sock = connect({ host: values.host ?? '', port: Number(values.port) });
sock.setNoDelay(true);
sock.on('data', (d) => {
  buffered += d.toString();
  const lines = buffered.split('\n');
  buffered = lines.pop() ?? '';
  const now = performance.now();
  maxGapMs = Math.max(maxGapMs, now - last);
  last = now;
  received += lines.length;
});
sock.on('error', (e) => {
  error = e.message;
});
const timer = setInterval(() => {
  if (!sock.writable) return;
  sock.write(`${sent}\n`);
  sent += 1;
}, Number(values.interval));
setTimeout(() => {
  clearInterval(timer);
  // Let the last echoes arrive.
  setTimeout(() => {
    process.stdout.write(`${JSON.stringify({ sent, received, maxGapMs: Math.round(maxGapMs), error })}\n`);
    sock.destroy();
    process.exit(error || received !== sent ? 1 : 0);
  }, 300);
}, Number(values.duration));
