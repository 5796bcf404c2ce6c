// The sluice CLI. Exit codes: 0 ok, 1 negative answer, 2 bad input, 3 environment, 4 agent
// unreachable, 5 a command underneath failed.

import { Command } from 'commander';
import { type AttachMode, defaultConfig, type SluiceConfig } from '../agent/config/config.js';
import { UserError } from '../agent/sys/errors.js';
import type { Instance } from './cli/context.js';
import { exitCodeOf, reportError } from './cli/errors.js';
import { registerBenchCommands } from './commands/bench.js';
import { registerCniCommands } from './commands/cni.js';
import { registerCtCommands } from './commands/ct.js';
import { registerDatapathCommands } from './commands/datapath.js';
import { registerEndpointCommands } from './commands/endpoint.js';
import { registerIdentityCommands } from './commands/identity.js';
import { registerIpcacheCommands } from './commands/ipcache.js';
import { registerLabCommands } from './commands/lab.js';
import { registerMetricsCommands } from './commands/metrics.js';
import { registerObserveCommand } from './commands/observe.js';
import { registerPolicyCommands } from './commands/policy.js';
import { registerServiceCommands } from './commands/services.js';
import { labNodeFiles } from './lab/lab.js';

const VERSION = '0.1.0';

function main(argv: string[]): Promise<void> {
  const program = new Command('sluice')
    .description('Sluice: an eBPF datapath for Kubernetes')
    .version(VERSION)
    .option('--pin-root <dir>', 'bpffs directory of the instance', defaultConfig().pinRoot)
    .option('--attach-mode <mode>', 'tcx, tc or auto', 'auto')
    .option('--host-netns <path>', 'network namespace holding the host-side devices')
    .option('--socket <path>', "the agent's API socket", defaultConfig().socketPath)
    .option('--lab <name>', "inspect a lab's datapath (sets --pin-root, --socket and --host-netns)")
    .option('--node <name>', "with --lab: which of the lab's nodes (default: the first)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  /** The lab node --lab (and --node) name, read once per command; --node needs --lab. */
  let labNode: ReturnType<typeof labNodeFiles> | undefined;
  const lab = () => {
    const o = program.opts<{ lab?: string; node?: string }>();
    if (!o.lab) {
      if (o.node) throw new UserError('--node: only with --lab (a lab of several nodes)');
      return undefined;
    }
    labNode ??= labNodeFiles(o.lab, o.node);
    return labNode;
  };
  const config = (): SluiceConfig => {
    const o = program.opts<{ pinRoot: string; attachMode: string; hostNetns?: string }>();
    const node = lab();
    if (node) {
      return {
        ...defaultConfig(),
        pinRoot: node.pinRoot,
        socketPath: node.socket,
        hostNetns: `/run/netns/${node.netns}`,
      };
    }
    if (!['tcx', 'tc', 'auto'].includes(o.attachMode))
      throw new UserError(`--attach-mode ${o.attachMode}: expected tcx, tc or auto`);
    return {
      ...defaultConfig(),
      pinRoot: o.pinRoot,
      attachMode: o.attachMode as AttachMode,
      hostNetns: o.hostNetns,
    };
  };
  registerBenchCommands(program);
  registerCniCommands(program);
  registerLabCommands(program);
  const socket = () => lab()?.socket ?? program.opts<{ socket: string }>().socket;
  const instance: Instance = { config, socket };
  registerDatapathCommands(program, instance);
  registerEndpointCommands(program, instance);
  registerIdentityCommands(program, instance);
  registerIpcacheCommands(program, instance);
  registerPolicyCommands(program, instance);
  registerCtCommands(program, instance);
  registerMetricsCommands(program, instance);
  registerServiceCommands(program, instance);
  registerObserveCommand(program, socket);
  return program.parseAsync(argv).then(() => undefined);
}

// Commands report their own errors (tools/cli/command.ts); what reaches here is commander's
// (usage, unknown options: exit 2) or a failure before any command ran.
main(process.argv).catch((err: unknown) => {
  reportError(err, 'text');
  process.exit(exitCodeOf(err));
});
