// sluice cni install: the plugin and its conflist, written atomically (cni/install.ts).

import path from 'node:path';
import type { Command } from 'commander';
import { REPO_ROOT } from '../../agent/config.js';
import { EnvironmentError } from '../../agent/errors.js';
import { installBinary, writeConflist } from '../../cni/install.js';

export interface InstallOptions {
  binDir: string;
  confDir: string;
  binary: string;
  socket: string;
  logFile: string;
}

export async function installCni(opts: InstallOptions): Promise<{ binary: string; conflist: string }> {
  const binary = await installBinary(opts.binDir, opts.binary).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' && err.path === opts.binary)
      throw new EnvironmentError(`${opts.binary} is missing: run 'make build'`);
    throw err;
  });
  return { binary, conflist: await writeConflist(opts.confDir, opts) };
}

export function registerCniCommands(program: Command): void {
  const cni = program.command('cni').description('the CNI plugin');
  cni
    .command('install')
    .description('install sluice-cni and 05-sluice.conflist atomically')
    .option('--bin-dir <dir>', 'CNI plugin directory', '/opt/cni/bin')
    .option('--conf-dir <dir>', 'CNI config directory', '/etc/cni/net.d')
    .option('--binary <path>', 'the built plugin', path.join(REPO_ROOT, 'build', 'sluice-cni'))
    .option('--agent-socket <path>', 'agent socket the plugin talks to', '/run/sluice/agent.sock')
    .option('--log-file <path>', 'where the plugin logs', '/var/log/sluice/cni.log')
    .action(async (opts: Omit<InstallOptions, 'socket'> & { agentSocket: string }) => {
      const r = await installCni({ ...opts, socket: opts.agentSocket });
      process.stderr.write(`installed ${r.binary} and ${r.conflist}\n`);
    });
}
