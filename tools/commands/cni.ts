// sluice cni install: the plugin and its conflist, written atomically (agent/cni/install.ts).

import path from 'node:path';
import type { Command } from 'commander';
import { installBinary, writeConflist } from '../../agent/cni/install.js';
import { REPO_ROOT } from '../../agent/config/config.js';
import { EnvironmentError } from '../../agent/sys/errors.js';
import { defineCommand, defineGroup } from '../cli/command.js';

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
  defineCommand<Omit<InstallOptions, 'socket'> & { agentSocket: string }>(
    defineGroup(program, 'cni', 'the CNI plugin'),
    {
      name: 'install',
      description: 'install sluice-cni and 05-sluice.conflist atomically',
      options: [
        { flags: '--bin-dir <dir>', description: 'CNI plugin directory', default: '/opt/cni/bin' },
        { flags: '--conf-dir <dir>', description: 'CNI config directory', default: '/etc/cni/net.d' },
        {
          flags: '--binary <path>',
          description: 'the built plugin',
          default: path.join(REPO_ROOT, 'build', 'sluice-cni'),
        },
        {
          flags: '--agent-socket <path>',
          description: 'agent socket the plugin talks to',
          default: '/run/sluice/agent.sock',
        },
        {
          flags: '--log-file <path>',
          description: 'where the plugin logs',
          default: '/var/log/sluice/cni.log',
        },
      ],
      run: async ({ opts }) => {
        const r = await installCni({ ...opts, socket: opts.agentSocket });
        process.stderr.write(`installed ${r.binary} and ${r.conflist}\n`);
        return undefined;
      },
    },
  );
}
