// sluice bench …: benchmarks that print their figures (and, where there is one, the ratio to a
// baseline measured in the same run).

import type { Command } from 'commander';
import { UserError } from '../../agent/errors.js';
import { runCniBench } from '../bench/cni.js';
import { runLabBench } from '../bench/lab.js';
import { POLICY_BENCH_DEFAULTS, runPolicyBench } from '../bench/policy.js';
import { formatTable, parseOutput, print } from '../output.js';

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`--${name} ${value}: expected a positive integer`);
  return n;
}

export function registerBenchCommands(program: Command): void {
  const bench = program.command('bench').description('benchmarks of the datapath and the control plane');
  bench
    .command('policy')
    .description(
      'first full sync and one-policy-change latency on a synthetic cluster, into real pinned maps',
    )
    .option('--pods <n>', 'pods in the cluster', String(POLICY_BENCH_DEFAULTS.pods))
    .option('--namespaces <n>', 'namespaces', String(POLICY_BENCH_DEFAULTS.namespaces))
    .option('--policies <n>', 'NetworkPolicies', String(POLICY_BENCH_DEFAULTS.policies))
    .option(
      '--local-pods <n>',
      'pods on this node (endpoints with policy entries)',
      String(POLICY_BENCH_DEFAULTS.localPods),
    )
    .option('--changes <n>', 'single-policy changes to time', String(POLICY_BENCH_DEFAULTS.changes))
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action(async (opts: Record<string, string>) => {
      const format = parseOutput(opts['output']);
      const result = await runPolicyBench({
        pods: positive('pods', opts['pods']!),
        namespaces: positive('namespaces', opts['namespaces']!),
        policies: positive('policies', opts['policies']!),
        localPods: positive('local-pods', opts['localPods']!),
        changes: positive('changes', opts['changes']!),
      });
      print(
        format,
        () =>
          formatTable(
            ['metric', 'value'],
            Object.entries(result).map(([k, v]) => [k, v]),
          ),
        result,
      );
    });

  bench
    .command('cni')
    .description(
      'sluice-cni ADD/DEL latency (sequential, 20 at once) and 100 pods at once, against a real agent',
    )
    .option('--runs <n>', 'sequential ADD/DEL pairs', '30')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action(async (opts: Record<string, string>) => {
      const format = parseOutput(opts['output']);
      const result = await runCniBench({ runs: positive('runs', opts['runs']!) });
      print(
        format,
        () =>
          formatTable(
            ['metric', 'value'],
            Object.entries(result).map(([k, v]) => [k, v]),
          ),
        result,
      );
    });

  bench
    .command('lab')
    .description('a 27-pod lab: time to come up, a 27 x 27 x 2-port TCP matrix, time to go down')
    .option('-o, --output <format>', 'table, json or yaml', 'table')
    .action(async (opts: Record<string, string>) => {
      const format = parseOutput(opts['output']);
      const result = await runLabBench();
      print(
        format,
        () =>
          formatTable(
            ['metric', 'value'],
            Object.entries(result).map(([k, v]) => [k, v]),
          ),
        result,
      );
    });
}
