// sluice lab … and sluice policy simulate: the local lab and the compiler-only matrix.

import type { Command } from 'commander';
import { EXIT_NEGATIVE, UserError } from '../../agent/errors.js';
import { formatGrid, type MatrixVerdict, matrixCases, simulateMatrix } from '../../agent/policy/matrix.js';
import { loadManifests } from '../../agent/sources/manifests.js';
import { PROTOCOLS, type Protocol } from '../../agent/state/types.js';
import { Lab } from '../lab/lab.js';
import { formatTable, parseOutput, print } from '../output.js';

const collect = (v: string, prev: string[]) => [...prev, v];

function ports(v: string): number[] {
  const list = v.split(',').map((p) => Number(p.trim()));
  if (list.some((p) => !Number.isInteger(p) || p < 1 || p > 65535))
    throw new UserError(`--ports ${v}: expected port numbers like 80,81`);
  return list;
}

function protocols(v: string): Protocol[] {
  const list = v.split(',').map((p) => p.trim().toUpperCase());
  for (const p of list)
    if (!PROTOCOLS.includes(p as Protocol))
      throw new UserError(`--protocols ${v}: expected TCP, UDP and/or SCTP`);
  return list as Protocol[];
}

function timeout(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 10 || n > 60_000)
    throw new UserError(`--timeout ${v}: expected milliseconds (10-60000)`);
  return n;
}

function podRef(v: string, role: string): string {
  if (!/^[a-z0-9-]+\/[a-z0-9.-]+$/.test(v))
    throw new UserError(`${role} ${JSON.stringify(v)}: expected namespace/pod`);
  return v;
}

function matrixJson(verdicts: readonly MatrixVerdict[]) {
  return {
    probes: verdicts.map((v) => ({
      from: v.from,
      to: v.to,
      port: v.port,
      protocol: v.protocol,
      connected: v.connected,
    })),
  };
}

export function registerLabCommands(program: Command): void {
  const lab = program
    .command('lab')
    .description("a cluster's networking on this machine, from Kubernetes YAML")
    .option(
      '--name <name>',
      'lab instance (several can run side by side)',
      process.env['SLUICE_LAB'] ?? 'default',
    );
  const name = () => lab.opts<{ name: string }>().name;

  lab
    .command('up')
    .description('start the lab: the agent in local mode, every Pod a namespace wired by sluice-cni')
    .requiredOption('-f, --filename <path>', 'manifest file or directory (repeatable)', collect, [])
    .action(async (opts: { filename: string[] }) => {
      const started = performance.now();
      const l = await Lab.up(name(), opts.filename);
      const s = l.status();
      process.stderr.write(
        `lab ${name()} up: ${s.pods.length} pods, ${s.policies.length} policies in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });

  lab
    .command('apply')
    .description('add or change objects; returns once the change is in force in the datapath')
    .requiredOption('-f, --filename <path>', 'manifest file or directory (repeatable)', collect, [])
    .action(async (opts: { filename: string[] }) => {
      const r = await (await Lab.open(name())).apply(opts.filename);
      for (const c of r.changed) process.stderr.write(`${c} applied\n`);
    });

  lab
    .command('delete')
    .description('remove the objects the files name; returns once the change is in force')
    .requiredOption('-f, --filename <path>', 'manifest file or directory (repeatable)', collect, [])
    .action(async (opts: { filename: string[] }) => {
      const r = await (await Lab.open(name())).delete(opts.filename);
      for (const c of r.changed) process.stderr.write(`${c} deleted\n`);
    });

  lab
    .command('probe <from> <to>')
    .description('connect from one pod to another (namespace/pod); exit 0 when connected, 1 when not')
    .requiredOption('--port <port>', 'destination port')
    .option('--protocol <protocol>', 'TCP, UDP or SCTP', 'TCP')
    .option('--timeout <ms>', 'how long to wait', '1000')
    .option('-o, --output <format>', 'text or json', 'text')
    .action(
      async (
        from: string,
        to: string,
        opts: { port: string; protocol: string; timeout: string; output: string },
      ) => {
        const [port] = ports(opts.port);
        const [protocol] = protocols(opts.protocol);
        if (!['text', 'json'].includes(opts.output))
          throw new UserError(`--output ${opts.output}: expected text or json`);
        const r = await (await Lab.open(name())).probe(
          podRef(from, 'FROM'),
          podRef(to, 'TO'),
          port!,
          protocol!,
          timeout(opts.timeout),
        );
        const data = { from, to, port, protocol, connected: r.connected, ms: r.ms };
        process.stdout.write(
          opts.output === 'json'
            ? `${JSON.stringify(data)}\n`
            : `${from} -> ${to} ${port}/${protocol}: ${r.connected ? 'connected' : 'not connected'} (${r.ms} ms)\n`,
        );
        if (!r.connected) process.exitCode = EXIT_NEGATIVE;
      },
    );

  lab
    .command('matrix')
    .description('every pod to every pod, probed concurrently')
    .option('--ports <list>', 'ports', '80,81')
    .option('--protocols <list>', 'TCP, UDP, SCTP', 'TCP')
    .option('--timeout <ms>', 'per probe', '1000')
    .option('--expect', 'compare with the simulated matrix; exit 1 where they differ')
    .option('-o, --output <format>', 'table or json', 'table')
    .action(
      async (opts: {
        ports: string;
        protocols: string;
        timeout: string;
        expect?: boolean;
        output: string;
      }) => {
        const format = parseOutput(opts.output, ['table', 'json']);
        const l = await Lab.open(name());
        const real = await l.matrix(ports(opts.ports), protocols(opts.protocols), timeout(opts.timeout));
        print(format, () => formatGrid(real), matrixJson(real));
        if (opts.expect) {
          const m = l.snapshotPods();
          const { verdicts } = simulateMatrix(m, real);
          const diff = real.filter((r, i) => r.connected !== verdicts[i]!.connected);
          for (const d of diff) {
            process.stderr.write(
              `differs: ${d.from} -> ${d.to} ${d.port}/${d.protocol}: real ${d.connected ? 'connected' : 'blocked'}, simulated ${d.connected ? 'blocked' : 'connected'}\n`,
            );
          }
          process.stderr.write(
            diff.length === 0
              ? 'real matrix equals the simulated one\n'
              : `${diff.length} probes differ from the simulation\n`,
          );
          if (diff.length > 0) process.exitCode = EXIT_NEGATIVE;
        }
      },
    );

  lab
    .command('status')
    .description('pods (namespace, name, IP, labels, ports) and policies')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action(async (opts: { output: string }) => {
      const format = parseOutput(opts.output);
      const s = (await Lab.open(name())).status();
      print(
        format,
        () =>
          `${formatTable(
            ['namespace', 'name', 'ip', 'labels', 'ports'],
            s.pods.map((p) => [
              p.namespace,
              p.name,
              p.ip,
              Object.entries(p.labels)
                .map(([k, v]) => `${k}=${v}`)
                .join(',') || '<none>',
              p.ports.join(',') || '<none>',
            ]),
          )}\nPOLICIES\n${s.policies.join('\n') || '<none>'}\n`,
        s,
      );
    });

  lab
    .command('down')
    .description('remove every namespace, link, pin, process and file the lab made')
    .action(async () => {
      await Lab.downByName(name());
      process.stderr.write(`lab ${name()} down\n`);
    });

  const policy =
    program.commands.find((c) => c.name() === 'policy') ??
    program.command('policy').description('NetworkPolicy tools');
  policy
    .command('simulate')
    .description('the reachability matrix computed from manifests by the compiler alone (no kernel)')
    .requiredOption('-f, --filename <path>', 'manifest file or directory (repeatable)', collect, [])
    .option('--ports <list>', 'ports', '80,81')
    .option('--protocols <list>', 'TCP, UDP, SCTP', 'TCP')
    .option('-o, --output <format>', 'table or json', 'table')
    .action(async (opts: { filename: string[]; ports: string; protocols: string; output: string }) => {
      const format = parseOutput(opts.output, ['table', 'json']);
      const m = await loadManifests(opts.filename);
      // Pods without status.podIP get addresses in order, as a fresh lab would give them.
      let next = 1;
      m.pods = m.pods.map((p) =>
        p.ip ? p : { ...p, ip: `10.240.${Math.floor(next / 256)}.${next++ % 256}` },
      );
      const keys = m.pods
        .filter((p) => !p.hostNetwork)
        .map((p) => `${p.namespace}/${p.name}`)
        .sort();
      const { verdicts } = simulateMatrix(m, matrixCases(keys, ports(opts.ports), protocols(opts.protocols)));
      print(format, () => formatGrid(verdicts), matrixJson(verdicts));
    });
}
