// sluice observe: recent flows from the agent's ring, or (-f) every new one as it happens.

import type { Command } from 'commander';
import { streamAgent } from '../../agent/api/client.js';
import type { sluice } from '../../agent/api/gen/sluice.js';
import { UserError } from '../../agent/sys/errors.js';
import { defineCommand } from '../cli/command.js';
import { formatTable } from '../output.js';

interface Filters {
  pod?: string;
  namespace?: string;
  verdict?: string;
  port?: number;
  protocol?: string;
  /** namespace/name of a Service */
  service?: string;
}

const who = (e: sluice.v1.IEndpoint | null | undefined, ip: string) =>
  e?.pod
    ? `${e.namespace}/${e.pod}`
    : e?.namespace
      ? `${e.namespace}/<${Object.entries(e.labels ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(',')}>`
      : ip;

export function flowMatches(f: sluice.v1.IFlow, by: Filters): boolean {
  const src = f.source?.pod ? `${f.source.namespace}/${f.source.pod}` : '';
  const dst = f.destination?.pod ? `${f.destination.namespace}/${f.destination.pod}` : '';
  if (by.pod && src !== by.pod && dst !== by.pod) return false;
  if (by.namespace && f.source?.namespace !== by.namespace && f.destination?.namespace !== by.namespace)
    return false;
  if (by.verdict && f.verdict !== by.verdict) return false;
  if (by.port !== undefined && f.destination_port !== by.port && f.source_port !== by.port) return false;
  if (by.protocol && f.protocol !== by.protocol) return false;
  if (by.service && f.service?.replace(/:[^:]*$/, '') !== by.service) return false;
  return true;
}

function time(f: sluice.v1.IFlow): string {
  return new Date(Number(f.time_ns ?? 0) / 1e6).toISOString().replace('T', ' ').replace('Z', '');
}

export function compact(f: sluice.v1.IFlow): string {
  const verdict =
    f.verdict === 'DROPPED'
      ? `DROPPED (${f.drop_reason_text})`
      : `FORWARDED${f.policy ? ` (${f.policy})` : ''}`;
  const flags = f.tcp_flags?.length ? ` ${f.tcp_flags.join(',')}` : '';
  // Through a Service: the frontend the client addressed, then the backend it was given.
  const via = f.frontend ? `${f.service ? `svc/${f.service}` : ''} ${f.frontend} => ` : '';
  return `${time(f)}: ${who(f.source, f.source_ip ?? '')} ${f.source_ip}:${f.source_port} -> ${via}${who(f.destination, f.destination_ip ?? '')} ${f.destination_ip}:${f.destination_port} ${f.protocol}${flags} ${f.direction} ${verdict}`;
}

export function registerObserveCommand(program: Command, socket: () => string): void {
  defineCommand<Record<string, string | boolean | undefined>, 'compact' | 'json' | 'table'>(program, {
    name: 'observe',
    description: 'flows: drops and verdicts of new connections, with pods, labels and policies',
    options: [
      { flags: '-f, --follow', description: 'keep printing new flows' },
      { flags: '--last <n>', description: 'recent flows to print first (default 20, 0 with -f)' },
      { flags: '--pod <pod>', description: 'only flows from or to this pod (namespace/name)' },
      { flags: '--namespace <ns>', description: 'only flows from or to this namespace' },
      { flags: '--verdict <verdict>', description: 'DROPPED or FORWARDED' },
      { flags: '--port <port>', description: 'only this port (either side)' },
      { flags: '--protocol <protocol>', description: 'TCP, UDP, SCTP or ICMP' },
      {
        flags: '--service <service>',
        description: 'only connections made through this Service (namespace/name)',
      },
    ],
    // Streamed as the flows come: json is one flow per line, printed here rather than returned.
    output: { formats: ['compact', 'json', 'table'] },
    run: async ({ opts: o, format: output }) => {
      const verdict = o['verdict'] ? String(o['verdict']).toUpperCase() : undefined;
      if (verdict && !['DROPPED', 'FORWARDED'].includes(verdict))
        throw new UserError(`--verdict ${o['verdict']}: expected DROPPED or FORWARDED`);
      const protocol = o['protocol'] ? String(o['protocol']).toUpperCase() : undefined;
      if (protocol && !['TCP', 'UDP', 'SCTP', 'ICMP'].includes(protocol))
        throw new UserError(`--protocol ${o['protocol']}: expected TCP, UDP, SCTP or ICMP`);
      const port = o['port'] === undefined ? undefined : Number(o['port']);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
        throw new UserError(`--port ${o['port']}: expected a port number`);
      if (o['pod'] && !/^[a-z0-9-]+\/[a-z0-9.-]+$/.test(String(o['pod'])))
        throw new UserError(`--pod ${o['pod']}: expected namespace/name`);
      if (o['service'] && !/^[a-z0-9-]+\/[a-z0-9.-]+$/.test(String(o['service'])))
        throw new UserError(`--service ${o['service']}: expected namespace/name`);
      const last = o['last'] === undefined ? (o['follow'] ? 0 : 20) : Number(o['last']);
      if (!Number.isInteger(last) || last < 0) throw new UserError(`--last ${o['last']}: expected a count`);
      const filters: Filters = {
        ...(o['pod'] ? { pod: String(o['pod']) } : {}),
        ...(o['namespace'] ? { namespace: String(o['namespace']) } : {}),
        ...(verdict ? { verdict } : {}),
        ...(port !== undefined ? { port } : {}),
        ...(protocol ? { protocol } : {}),
        ...(o['service'] ? { service: String(o['service']) } : {}),
      };
      const rows: sluice.v1.IFlow[] = [];
      const stream = streamAgent(socket(), { observe: { last, follow: Boolean(o['follow']) } }, (res) => {
        if (res.lost) {
          const n = Number(res.lost.flows ?? 0);
          if (output === 'json') process.stdout.write(`${JSON.stringify({ lost: n })}\n`);
          process.stderr.write(`lost ${n} flows (the datapath or this client could not keep up)\n`);
          return;
        }
        const f = res.flow;
        if (!f || !flowMatches(f, filters)) return;
        if (output === 'json') process.stdout.write(`${JSON.stringify(f)}\n`);
        else if (output === 'compact') process.stdout.write(`${compact(f)}\n`);
        else if (o['follow']) process.stdout.write(`${compact(f)}\n`);
        else rows.push(f);
      });
      process.once('SIGINT', () => stream.close());
      process.once('SIGTERM', () => stream.close());
      await stream.done;
      if (output === 'table' && !o['follow']) {
        process.stdout.write(
          formatTable(
            ['time', 'source', 'service', 'destination', 'proto', 'port', 'verdict', 'reason', 'policy'],
            rows.map((f) => [
              time(f),
              who(f.source, f.source_ip ?? ''),
              f.service || '-',
              who(f.destination, f.destination_ip ?? ''),
              f.protocol ?? '',
              f.destination_port ?? 0,
              f.verdict ?? '',
              f.drop_reason_text ?? '',
              f.policy || '-',
            ]),
          ),
        );
      }
      return undefined;
    },
  });
}
