// A pod's servers: for every `--tcp P` / `--udp P` it answers each connection or datagram with
// its --name (e.g. "x/a"). Started inside a pod's network namespace by the test harness and the lab.
// With --ipv6 (a dual-stack pod) every port is served on IPv6 too (its own IPv6-only socket).

import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    name: { type: 'string', default: 'sluice' },
    tcp: { type: 'string', multiple: true, default: [] },
    /** TCP ports that echo every line back, for long-lived connections. */
    echo: { type: 'string', multiple: true, default: [] },
    udp: { type: 'string', multiple: true, default: [] },
    ipv6: { type: 'boolean', default: false },
  },
});
const hosts = values.ipv6 ? ['0.0.0.0', '::'] : ['0.0.0.0'];
const name = values.name;
const reply = `${name}\n`;
let pending = (values.tcp.length + values.udp.length + values.echo.length) * hosts.length;
const ready = () => {
  pending -= 1;
  if (pending === 0) process.stdout.write('ready\n');
};

for (const host of hosts) {
  const ipv6Only = host === '::';
  for (const p of values.tcp) {
    const server = createServer((sock) => {
      sock.on('error', () => undefined);
      sock.end(reply);
    });
    server.listen({ port: Number(p), host, ipv6Only }, ready);
  }
  for (const p of values.echo) {
    const server = createServer((sock) => {
      sock.on('error', () => undefined);
      sock.pipe(sock);
    });
    server.listen({ port: Number(p), host, ipv6Only }, ready);
  }
  for (const p of values.udp) {
    const sock = createSocket({ type: ipv6Only ? 'udp6' : 'udp4', ipv6Only });
    sock.on('message', (_msg, rinfo) => sock.send(reply, rinfo.port, rinfo.address));
    sock.bind(Number(p), host, ready);
  }
}
if (pending === 0) process.stdout.write('ready\n');
process.on('SIGTERM', () => process.exit(0));
