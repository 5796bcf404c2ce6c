// sluice lab …: the local lab (up, apply, delete, probe, matrix, status, down).

import type { Command } from 'commander';
import { formatGrid, type MatrixVerdict } from '../../agent/policy/matrix.js';
import { EXIT_NEGATIVE, UserError } from '../../agent/sys/errors.js';
import { collect, FILENAME_OPTION, matrixJson, ports, protocols } from '../cli/args.js';
import { defineCommand, defineGroup, TABLE_JSON_YAML } from '../cli/command.js';
import {
  EXTERNAL,
  LAB_MAX_NODES,
  Lab,
  type LabSource,
  type LabTarget,
  type LabVerdict,
  serviceKeyOf,
  targetName,
} from '../lab/lab.js';
import { formatTable } from '../output.js';

function timeout(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 10 || n > 60_000)
    throw new UserError(`--timeout ${v}: expected milliseconds (10-60000)`);
  return n;
}

/** FROM: a pod (namespace/pod) or the external client (`external`). */
function sourceRef(v: string): LabSource {
  if (v === EXTERNAL) return { kind: 'external' };
  if (!/^[a-z0-9-]+\/[a-z0-9.-]+$/.test(v))
    throw new UserError(`FROM ${JSON.stringify(v)}: expected namespace/pod or ${EXTERNAL}`);
  return { kind: 'pod', key: v };
}

/** TO: a pod (namespace/pod) or a Service (svc/namespace/name). */
function targetRef(v: string, role: string): LabTarget {
  if (/^svc\/[a-z0-9-]+\/[a-z0-9.-]+$/.test(v)) return { kind: 'service', key: serviceKeyOf(v)! };
  if (!/^[a-z0-9-]+\/[a-z0-9.-]+$/.test(v))
    throw new UserError(`${role} ${JSON.stringify(v)}: expected namespace/pod or svc/namespace/name`);
  return { kind: 'pod', key: v };
}

/** The grid of `matrix --to`: rows the pods probing, columns the targets in the order named. */
function formatTargetGrid(verdicts: readonly MatrixVerdict[], columns: readonly string[]): string {
  const rows = [...new Set(verdicts.map((v) => v.from))].sort();
  const groups = new Map<string, Map<string, boolean>>();
  for (const v of verdicts) {
    const k = `${v.port}/${v.protocol}`;
    const cells = groups.get(k) ?? new Map<string, boolean>();
    groups.set(k, cells);
    cells.set(`${v.from}>${v.to}`, v.connected);
  }
  const width = Math.max(7, ...rows.map((p) => p.length), ...columns.map((c) => c.length));
  let out = '';
  for (const [k, cells] of groups) {
    out += `${k}\n${'FROM\\TO'.padEnd(width)}  ${columns.map((c) => c.padEnd(width)).join(' ')}\n`;
    for (const from of rows) {
      const row = columns.map((to) => {
        const c = cells.get(`${from}>${to}`);
        return (c === undefined ? '.' : c ? 'X' : '-').padEnd(width);
      });
      out += `${from.padEnd(width)}  ${row.join(' ').trimEnd()}\n`;
    }
    out += '\n';
  }
  return `${out}X = connected, - = blocked, . = not probed\n`;
}

/** --expect: real probes against the simulation; returns how many differ. */
function compareWithSimulation(lab: Lab, real: readonly LabVerdict[], ipv6: boolean): number {
  const expected = lab.simulate(real, ipv6);
  const word = (c: boolean) => (c ? 'connected' : 'blocked');
  let differ = 0;
  let depends = 0;
  real.forEach((r, i) => {
    const e = expected[i]!;
    const label = `${r.from} -> ${r.to} ${r.port}/${r.protocol}`;
    const answered = r.backend ? ` (${r.backend})` : '';
    if (e.connected !== undefined) {
      if (r.connected === e.connected) return;
      differ++;
      process.stderr.write(
        `differs: ${label}: real ${word(r.connected)}${answered}, simulated ${word(e.connected)}${e.note ? ` (${e.note})` : ''}\n`,
      );
      return;
    }
    // The datapath picked one backend: the probe is checked against that one where it answered.
    const took = r.connected ? e.backends?.find((b) => b.pod === r.backend) : undefined;
    const each = (e.backends ?? []).map((b) => `${b.pod} ${word(b.connected)}`).join(', ');
    if (took && !took.connected) {
      differ++;
      process.stderr.write(
        `differs: ${label}: real connected to ${took.pod}, simulated blocked for that backend (${each})\n`,
      );
      return;
    }
    depends++;
    process.stderr.write(
      `no single verdict: ${label}: ${e.note}${each ? ` (${each})` : ''}; real ${word(r.connected)}${answered}\n`,
    );
  });
  const note =
    depends > 0
      ? ` (${depends} Service probes have backends with different verdicts: checked only against the backend that answered)`
      : '';
  process.stderr.write(
    differ === 0
      ? `real matrix equals the simulated one${note}\n`
      : `${differ} probes differ from the simulation${note}\n`,
  );
  return differ;
}

export function registerLabCommands(program: Command): void {
  const lab = defineGroup(
    program,
    'lab',
    "a cluster's networking on this machine, from Kubernetes YAML",
  ).option(
    '--name <name>',
    'lab instance (several can run side by side)',
    process.env['SLUICE_LAB'] ?? 'default',
  );
  const name = () => lab.opts<{ name: string }>().name;

  defineCommand<{
    filename: string[];
    externalClient?: boolean;
    nodes: string;
    routing: string;
    ipv6?: boolean;
  }>(lab, {
    name: 'up',
    description: 'start the lab: the agent in local mode, every Pod a namespace wired by sluice-cni',
    options: [
      FILENAME_OPTION,
      {
        flags: '--external-client',
        description: `also a host outside the cluster (probe FROM "${EXTERNAL}"): its own namespace behind a veth, routed via a node address that serves NodePorts`,
      },
      {
        flags: '--nodes <n>',
        description: `nodes, each a namespace with its own agent (1-${LAB_MAX_NODES})`,
        default: '1',
      },
      {
        flags: '--routing <mode>',
        description: 'between nodes: tunnel (VXLAN) or native (routes)',
        default: 'tunnel',
      },
      {
        flags: '--ipv6',
        description:
          'dual-stack: every pod also gets an IPv6 address (node i: pod CIDR fd00:240:i::/64, underlay fd00:239::i), served on both families',
      },
    ],
    run: async ({ opts }) => {
      const started = performance.now();
      const nodes = /^[0-9]+$/.test(opts.nodes) ? Number(opts.nodes) : Number.NaN;
      if (!(nodes >= 1 && nodes <= LAB_MAX_NODES))
        throw new UserError(
          `--nodes ${JSON.stringify(opts.nodes)}: expected a number from 1 to ${LAB_MAX_NODES}`,
        );
      if (opts.routing !== 'tunnel' && opts.routing !== 'native')
        throw new UserError(`--routing ${JSON.stringify(opts.routing)}: expected tunnel or native`);
      const l = await Lab.up(name(), opts.filename, {
        externalClient: opts.externalClient === true,
        nodes,
        routing: opts.routing,
        ipv6: opts.ipv6 === true,
      });
      const s = l.status();
      const where = s.nodes.length > 1 ? ` on ${s.nodes.length} nodes (${s.routing} routing)` : '';
      const stack = s.ipv6 ? ' dual-stack' : '';
      process.stderr.write(
        `lab ${name()} up: ${s.pods.length}${stack} pods${where}, ${s.policies.length} policies, ${s.services.length} services${s.external ? ', an external client' : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
      return undefined;
    },
  });

  defineCommand<{ filename: string[] }>(lab, {
    name: 'apply',
    description: 'add or change objects; returns once the change is in force in the datapath',
    options: [FILENAME_OPTION],
    run: async ({ opts }) => {
      const r = await (await Lab.open(name())).apply(opts.filename);
      for (const c of r.changed) process.stderr.write(`${c} applied\n`);
      return undefined;
    },
  });

  defineCommand<{ filename: string[] }>(lab, {
    name: 'delete',
    description: 'remove the objects the files name; returns once the change is in force',
    options: [FILENAME_OPTION],
    run: async ({ opts }) => {
      const r = await (await Lab.open(name())).delete(opts.filename);
      for (const c of r.changed) process.stderr.write(`${c} deleted\n`);
      return undefined;
    },
  });

  defineCommand<
    { port?: string; protocol?: string; nodePort?: boolean; ipv6?: boolean; timeout: string },
    'text' | 'json'
  >(lab, {
    name: 'probe',
    args: ['<from>', '<to>'],
    description: `connect from a pod (namespace/pod) or the external client (${EXTERNAL}) to a pod or a Service (svc/namespace/name); exit 0 when connected, 1 when not`,
    options: [
      {
        flags: '--port <port>',
        description: 'destination port; for a Service its port (number or name), optional if it has one',
      },
      {
        flags: '--protocol <protocol>',
        description: "TCP, UDP or SCTP (default TCP; for a Service, its port's)",
      },
      {
        flags: '--node-port',
        description:
          "a Service's nodePort at the node address the client is routed to, instead of its clusterIP",
      },
      {
        flags: '--ipv6',
        description:
          "over IPv6: to the pod's IPv6 address, or the Service's IPv6 clusterIP (a lab up with --ipv6)",
      },
      { flags: '--timeout <ms>', description: 'how long to wait', default: '1000' },
    ],
    // One line of JSON per probe, for scripts that read line by line.
    output: { formats: ['text', 'json'], jsonLine: true },
    run: async ({ args: [fromArg, toArg], opts }) => {
      const from = sourceRef(fromArg!);
      const to = targetRef(toArg!, 'TO');
      let port: number | string | undefined = opts.port;
      if (to.kind === 'pod' || (port !== undefined && /^[0-9]+$/.test(port))) {
        if (port === undefined) throw new UserError(`--port: required for a pod target (${to.key})`);
        const n = Number(port);
        if (!Number.isInteger(n) || n < 1 || n > 65535)
          throw new UserError(`--port ${port}: expected a port number (1-65535)`);
        port = n;
      }
      const [protocol] = opts.protocol === undefined ? [undefined] : protocols(opts.protocol);
      const r = await (await Lab.open(name())).probe(from, to, {
        ...(port !== undefined ? { port } : {}),
        ...(protocol ? { protocol } : {}),
        nodePort: opts.nodePort === true,
        ipv6: opts.ipv6 === true,
        timeoutMs: timeout(opts.timeout),
      });
      const data = {
        from: r.from,
        to: r.to,
        port: r.port,
        protocol: r.protocol,
        connected: r.connected,
        ms: r.ms,
        ...(r.address !== undefined ? { address: r.address } : {}),
        ...(r.backend !== undefined ? { backend: r.backend, refused: r.refused } : {}),
      };
      const verdict = r.connected
        ? `connected${r.backend ? ` to ${r.backend}` : ''}`
        : `not connected${r.refused ? ' (refused)' : ''}`;
      return {
        data,
        render: () =>
          `${r.from} -> ${r.to} ${r.port}/${r.protocol}${r.address ? ` (${r.address})` : ''}: ${verdict} (${r.ms} ms)\n`,
        exitCode: r.connected ? 0 : EXIT_NEGATIVE,
      };
    },
  });

  defineCommand<
    { to: string[]; ports: string; protocols: string; timeout: string; expect?: boolean; ipv6?: boolean },
    'table' | 'json'
  >(lab, {
    name: 'matrix',
    description:
      'every pod to every pod (or to the targets of --to), probed concurrently (over IPv4; --ipv6 in a dual-stack lab)',
    options: [
      {
        flags: '--to <target>',
        description:
          'probe only these: namespace/pod, or svc/namespace/name for a Service at its clusterIP on its ports (repeatable)',
        parse: collect,
        default: [],
      },
      {
        flags: '--ports <list>',
        description: "ports; given, it also narrows a Service's ports (else all are probed)",
        default: '80,81',
      },
      {
        flags: '--protocols <list>',
        description: "TCP, UDP, SCTP; given, it also narrows a Service's ports",
        default: 'TCP',
      },
      { flags: '--timeout <ms>', description: 'per probe', default: '1000' },
      { flags: '--expect', description: 'compare with the simulated matrix; exit 1 where they differ' },
      {
        flags: '--ipv6',
        description: "over IPv6: pods' IPv6 addresses, Services' IPv6 clusterIPs (a lab up with --ipv6)",
      },
    ],
    output: { formats: ['table', 'json'] },
    run: async ({ opts, command: cmd }) => {
      const to = opts.to.map((t) => targetRef(t, '--to'));
      const given = (k: string) => cmd.getOptionValueSource(k) !== 'default';
      const portList = ports(opts.ports);
      const protocolList = protocols(opts.protocols);
      const l = await Lab.open(name());
      const real = await l.matrix(portList, protocolList, timeout(opts.timeout), {
        ...(to.length > 0 ? { to } : {}),
        ...(given('ports') ? { servicePorts: portList } : {}),
        ...(given('protocols') ? { serviceProtocols: protocolList } : {}),
        ...(opts.ipv6 ? { ipv6: true } : {}),
      });
      const differ = opts.expect ? compareWithSimulation(l, real, opts.ipv6 === true) : 0;
      return {
        data: matrixJson(real),
        render: () =>
          to.length > 0 ? formatTargetGrid(real, [...new Set(to.map(targetName))]) : formatGrid(real),
        exitCode: differ > 0 ? EXIT_NEGATIVE : 0,
      };
    },
  });

  defineCommand(lab, {
    name: 'status',
    description:
      'pods (namespace, name, node, IP, IPv6 in a dual-stack lab, labels, ports), policies, services, the external client and the nodes',
    output: { formats: TABLE_JSON_YAML },
    run: async () => {
      const s = (await Lab.open(name())).status();
      const services = formatTable(
        ['namespace', 'name', 'type', 'cluster-ip', 'ports', 'backends'],
        s.services.map((v) => [
          v.namespace,
          v.name,
          v.type,
          v.clusterIPs.join(',') || '<none>',
          // kubectl's PORT(S) (port:nodePort/protocol), with where it goes: ->targetPort.
          v.ports
            .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}->${p.targetPort}`)
            .join(',') || '<none>',
          v.backends.join(',') || '<none>',
        ]),
      );
      const external = s.external
        ? `${s.external.netns}: ${s.external.clientIp}, via ${s.external.nodeIp} (node device ${s.external.device})`
        : '<none>';
      return {
        data: s,
        render: () =>
          `${formatTable(
            ['namespace', 'name', 'node', 'ip', ...(s.ipv6 ? ['ipv6'] : []), 'labels', 'ports'],
            s.pods.map((p) => [
              p.namespace,
              p.name,
              p.node,
              p.ip,
              ...(s.ipv6 ? [p.ipv6 || '<none>'] : []),
              Object.entries(p.labels)
                .map(([k, v]) => `${k}=${v}`)
                .join(',') || '<none>',
              p.ports.join(',') || '<none>',
            ]),
          )}\nPOLICIES\n${s.policies.join('\n') || '<none>'}\n\nSERVICES\n${s.services.length > 0 ? services : '<none>\n'}\nEXTERNAL CLIENT\n${external}\n\nNODES (${s.routing} routing${s.ipv6 ? ', dual-stack' : ''})\n${formatTable(
            ['name', 'ip', 'pod-cidr', ...(s.ipv6 ? ['ipv6', 'pod-cidr-v6'] : [])],
            s.nodes.map((n) => [
              n.name,
              n.ip,
              n.podCidr,
              ...(s.ipv6 ? [n.ipv6 ?? '<none>', n.podCidrV6 ?? '<none>'] : []),
            ]),
          )}`,
      };
    },
  });

  defineCommand(lab, {
    name: 'down',
    description: 'remove every namespace, link, pin, process and file the lab made',
    run: async () => {
      await Lab.downByName(name());
      process.stderr.write(`lab ${name()} down\n`);
      return undefined;
    },
  });
}
