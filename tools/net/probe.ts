// One connection attempt from inside a pod: TCP connect and read the answer, or a UDP datagram
// and its reply. Prints {"connected","ms","reply"} and exits 0 when connected, 1 when not.

import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    protocol: { type: 'string', default: 'TCP' },
    timeout: { type: 'string', default: '1000' },
  },
});
const host = values.host ?? '';
const port = Number(values.port);
const timeoutMs = Number(values.timeout);
const start = performance.now();

function done(connected: boolean, reply = ''): never {
  const ms = Math.round((performance.now() - start) * 10) / 10;
  process.stdout.write(`${JSON.stringify({ connected, ms, reply: reply.trim() })}\n`);
  process.exit(connected ? 0 : 1);
}

setTimeout(() => done(false), timeoutMs).unref();
if (values.protocol.toUpperCase() === 'UDP') {
  const sock = createSocket('udp4');
  sock.on('message', (msg) => done(true, msg.toString()));
  sock.on('error', () => done(false));
  sock.send('probe\n', port, host);
} else {
  const sock = connect({ host, port });
  let data = '';
  sock.on('data', (d) => {
    data += d.toString();
  });
  sock.on('end', () => done(true, data));
  sock.on('error', () => done(false));
}
