// sluice bench …: benchmarks that print their figures (and, where there is one, the ratio to a
// baseline measured in the same run).

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { EXIT_NEGATIVE, UserError } from '../../agent/sys/errors.js';
import { runCniBench } from '../bench/cni.js';
import { runDatapathBench } from '../bench/datapath.js';
import { runLabBench } from '../bench/lab.js';
import { POLICY_BENCH_DEFAULTS, runPolicyBenchPair } from '../bench/policy.js';
import { checkGate, markdown, svg } from '../bench/report.js';
import { runServicesBench, servicesMarkdown } from '../bench/services.js';
import { defineCommand, defineGroup, TABLE_JSON_YAML } from '../cli/command.js';
import { formatTable } from '../output.js';

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--${name} ${value}: expected a positive integer`);
  return n;
}

/** A benchmark's result: METRIC/VALUE table (nested figures as `outer.inner`), or the object as JSON/YAML. */
function figures(result: object) {
  const rows = (o: object, prefix = ''): [string, string | number][] =>
    Object.entries(o).flatMap(([k, v]) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? rows(v as object, `${prefix}${k}.`)
        : [[`${prefix}${k}`, v as string | number]],
    );
  return { data: result, render: () => formatTable(['metric', 'value'], rows(result)) };
}

export function registerBenchCommands(program: Command): void {
  const bench = defineGroup(program, 'bench', 'benchmarks of the datapath and the control plane');
  defineCommand<Record<string, string>, (typeof TABLE_JSON_YAML)[number]>(bench, {
    name: 'policy',
    description:
      'first full sync and one-policy-change latency on a synthetic cluster, into real pinned maps',
    options: [
      {
        flags: '--pods <n>',
        description: 'pods in the cluster',
        default: String(POLICY_BENCH_DEFAULTS.pods),
      },
      {
        flags: '--namespaces <n>',
        description: 'namespaces',
        default: String(POLICY_BENCH_DEFAULTS.namespaces),
      },
      {
        flags: '--policies <n>',
        description: 'NetworkPolicies',
        default: String(POLICY_BENCH_DEFAULTS.policies),
      },
      {
        flags: '--local-pods <n>',
        description: 'pods on this node (endpoints with policy entries)',
        default: String(POLICY_BENCH_DEFAULTS.localPods),
      },
      {
        flags: '--changes <n>',
        description: 'single-policy changes to time',
        default: String(POLICY_BENCH_DEFAULTS.changes),
      },
    ],
    output: { formats: TABLE_JSON_YAML },
    run: async ({ opts }) => {
      // The agent's long-lived map writer, and beside it the same run with a bpftool per sync.
      const result = await runPolicyBenchPair({
        pods: positive('pods', opts['pods']!),
        namespaces: positive('namespaces', opts['namespaces']!),
        policies: positive('policies', opts['policies']!),
        localPods: positive('local-pods', opts['localPods']!),
        changes: positive('changes', opts['changes']!),
      });
      return figures(result);
    },
  });

  defineCommand<Record<string, string>, (typeof TABLE_JSON_YAML)[number]>(bench, {
    name: 'cni',
    description:
      'sluice-cni ADD/DEL latency (sequential, 20 at once) and 100 pods at once, against a real agent',
    options: [{ flags: '--runs <n>', description: 'sequential ADD/DEL pairs', default: '30' }],
    output: { formats: TABLE_JSON_YAML },
    run: async ({ opts }) => figures(await runCniBench({ runs: positive('runs', opts['runs']!) })),
  });

  defineCommand(bench, {
    name: 'lab',
    description: 'a 27-pod lab: time to come up, a 27 x 26 x 2-port TCP matrix, time to go down',
    output: { formats: TABLE_JSON_YAML },
    run: async () => figures(await runLabBench()),
  });

  const datapath = async (opts: { quick?: boolean; output: string; out?: string; gate?: boolean }) => {
    const report = await runDatapathBench({
      quick: Boolean(opts.quick),
      log: (l) => process.stderr.write(`${l}\n`),
    });
    if (opts.out) {
      await mkdir(opts.out, { recursive: true });
      await writeFile(path.join(opts.out, 'datapath.json'), `${JSON.stringify(report, null, 2)}\n`);
      await writeFile(path.join(opts.out, 'datapath.md'), markdown(report));
      await writeFile(path.join(opts.out, 'scaling.svg'), svg(report));
      process.stderr.write(`wrote ${opts.out}/datapath.json, datapath.md, scaling.svg\n`);
    }
    process.stdout.write(opts.output === 'json' ? `${JSON.stringify(report, null, 2)}\n` : markdown(report));
    if (opts.gate) {
      const checks = await checkGate(report);
      for (const c of checks)
        process.stderr.write(
          `gate: ${c.config} vs ${c.vs} ${c.metric} = ${Number.isFinite(c.ratio) ? c.ratio : 'missing'} ${c.met ? '>=' : '<'} ${c.min}${c.met ? '' : ' FAILED'}\n`,
        );
      if (checks.some((c) => !c.met)) process.exitCode = EXIT_NEGATIVE;
      else process.stderr.write('gate: every ratio meets bench/thresholds.json\n');
    }
    return report;
  };
  defineCommand<{ quick?: boolean; out?: string; gate?: boolean }, 'json' | 'markdown'>(bench, {
    name: 'datapath',
    description:
      'throughput, RR, CRR and CPU per GB: baseline vs Sluice vs iptables vs ipset at 100..10,000 rules; two nodes, native and VXLAN, vs the kernel alone',
    options: [
      {
        flags: '--quick',
        description: '3 repetitions of 1 s, rule counts 100 and 10,000, and the cross-node configs',
      },
      { flags: '--out <dir>', description: 'also write datapath.json, datapath.md and scaling.svg here' },
      { flags: '--gate', description: 'exit 1 when a ratio is below bench/thresholds.json' },
    ],
    // The report is printed as it is written to --out (markdown or indented JSON) by datapath().
    output: { formats: ['json', 'markdown'], default: 'markdown' },
    run: async ({ opts, format }) => {
      await datapath({ ...opts, output: format });
      return undefined;
    },
  });
  defineCommand<{ quick?: boolean; out?: string; gate?: boolean }, 'json' | 'markdown'>(bench, {
    name: 'services',
    description:
      'RR and CRR through a ClusterIP vs straight to the pod with 1..10,000 Services, beside kube-proxy iptables; 10,000-Service sync time',
    options: [
      { flags: '--quick', description: '3 repetitions of 1 s, 1 and 10,000 Services (a few minutes)' },
      { flags: '--out <dir>', description: 'also write services.json and services.md here' },
      {
        flags: '--gate',
        description: 'exit 1 when a target of bench/thresholds.json (services) is not met or is missing',
      },
    ],
    output: { formats: ['json', 'markdown'], default: 'markdown' },
    run: async ({ opts: o, format }) => {
      const opts = { ...o, output: format };
      const report = await runServicesBench({
        quick: Boolean(opts.quick),
        log: (l) => process.stderr.write(`${l}\n`),
      });
      if (opts.out) {
        await mkdir(opts.out, { recursive: true });
        await writeFile(path.join(opts.out, 'services.json'), `${JSON.stringify(report, null, 2)}\n`);
        await writeFile(path.join(opts.out, 'services.md'), servicesMarkdown(report));
        process.stderr.write(`wrote ${opts.out}/services.json, services.md\n`);
      }
      process.stdout.write(
        opts.output === 'json' ? `${JSON.stringify(report, null, 2)}\n` : servicesMarkdown(report),
      );
      for (const t of report.targets)
        process.stderr.write(
          `target: ${t.target}: ${t.value ?? 'missing'} (ratio ${t.ratio ?? 'missing'}) ${t.met ? 'met' : 'NOT MET'}\n`,
        );
      if (opts.gate) {
        const failed = report.targets.filter((t) => !t.met);
        if (failed.length) process.exitCode = EXIT_NEGATIVE;
        else process.stderr.write('gate: every services target in bench/thresholds.json is met\n');
      }
      return undefined;
    },
  });
  defineCommand<{ quick?: boolean; out: string }>(bench, {
    name: 'all',
    isDefault: true,
    description: 'datapath, policy and cni in one report (what `sluice bench` runs)',
    options: [
      { flags: '--quick', description: 'the quick datapath run' },
      { flags: '--out <dir>', description: 'write the report files here', default: 'build/bench' },
    ],
    run: async ({ opts }) => {
      const dp = await datapath({ quick: Boolean(opts.quick), output: 'markdown', out: opts.out });
      const policyPair = await runPolicyBenchPair({
        ...POLICY_BENCH_DEFAULTS,
        changes: opts.quick ? 30 : 100,
      });
      const policy = policyPair.sluice;
      const cni = await runCniBench({ runs: opts.quick ? 10 : 30 });
      const report = {
        datapath: dp,
        policy: policyPair,
        cni,
        // The agent's memory follows the cluster it watches (5,000 pods here), not its 110 local
        // endpoints: per 1,000 cluster pods is the figure that scales.
        agent_rss_mb_per_1000_pods: Math.round((policy.rss_mb / policy.pods) * 1000 * 10) / 10,
      };
      await writeFile(path.join(opts.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(
        `\npolicy: ${JSON.stringify(policy)}\ncni: ${JSON.stringify(cni)}\nwrote ${opts.out}/report.json\n`,
      );
      return undefined;
    },
  });
}
