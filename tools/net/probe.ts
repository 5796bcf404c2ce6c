// Connection attempts from inside a pod, run concurrently: TCP connect and read the answer, or a
// UDP datagram and its reply. `--target host:port/PROTO` (repeatable; IPv6 as [addr]:port/PROTO)
// prints one JSON line per target; with a single target it exits 0 when connected, 1 when not.

import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { parseArgs } from 'node:util';
import { parseTarget } from './target.js';

export interface ProbeOutcome {
  target: string;
  connected: boolean;
  /** The peer (or something on the way) answered "no": a TCP RST or an ICMP unreachable. */
  refused: boolean;
  ms: number;
  reply: string;
}

function probeOne(target: string, timeoutMs: number): Promise<ProbeOutcome> {
  const t = parseTarget(target);
  if (!t || t.protocol === 'SCTP')
    return Promise.resolve({ target, connected: false, refused: false, ms: 0, reply: 'bad target' });
  const { host, port, protocol: proto } = t;
  const start = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    let cleanup: () => void = () => {};
    const done = (connected: boolean, reply = '', err?: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      cleanup();
      resolve({
        target,
        connected,
        refused: err?.code === 'ECONNREFUSED' || err?.code === 'EHOSTUNREACH',
        ms: Math.round((performance.now() - start) * 10) / 10,
        reply: reply.trim(),
      });
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    if (proto === 'UDP') {
      const sock = createSocket(host.includes(':') ? 'udp6' : 'udp4');
      cleanup = () => sock.close();
      sock.on('message', (msg) => done(true, msg.toString()));
      sock.on('error', (e) => done(false, '', e));
      // Connected, so an ICMP port unreachable comes back as ECONNREFUSED.
      sock.connect(port, host, () => sock.send('probe\n'));
    } else {
      const sock = connect({ host, port });
      cleanup = () => sock.destroy();
      let data = '';
      sock.on('data', (d) => {
        data += d.toString();
      });
      sock.on('end', () => done(true, data));
      sock.on('error', (e) => done(false, '', e));
    }
  });
}

const { values } = parseArgs({
  options: {
    target: { type: 'string', multiple: true, default: [] },
    timeout: { type: 'string', default: '1000' },
  },
});
const results = await Promise.all(values.target.map((t) => probeOne(t, Number(values.timeout))));
for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
process.exit(results.length === 1 && !results[0]!.connected ? 1 : 0);
