// sluice cni install: puts the plugin and its conflist where the runtime looks, atomically
// (temp file + rename in the same directory), so a runtime never executes a half-written binary
// ("text file busy") or reads half a config.

import { chmod, copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { REPO_ROOT } from '../../agent/config.js';
import { EnvironmentError } from '../../agent/errors.js';

export interface InstallOptions {
  binDir: string;
  confDir: string;
  binary: string;
  socket: string;
  logFile: string;
}

export function conflist(opts: Pick<InstallOptions, 'socket' | 'logFile'>): string {
  return `${JSON.stringify(
    {
      cniVersion: '1.1.0',
      name: 'sluice',
      plugins: [
        { type: 'sluice-cni', agentSocket: opts.socket, logFile: opts.logFile },
        { type: 'portmap', capabilities: { portMappings: true }, snat: true },
        { type: 'bandwidth', capabilities: { bandwidth: true } },
      ],
    },
    null,
    2,
  )}\n`;
}

async function atomicWrite(
  target: string,
  write: (tmp: string) => Promise<void>,
  mode: number,
): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);
  try {
    await write(tmp);
    await chmod(tmp, mode);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export async function installCni(opts: InstallOptions): Promise<{ binary: string; conflist: string }> {
  const binary = path.join(opts.binDir, 'sluice-cni');
  const conf = path.join(opts.confDir, '05-sluice.conflist');
  await atomicWrite(binary, (tmp) => copyFile(opts.binary, tmp), 0o755).catch(
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' && err.path === opts.binary)
        throw new EnvironmentError(`${opts.binary} is missing: run 'make build'`);
      throw err;
    },
  );
  await atomicWrite(conf, (tmp) => writeFile(tmp, conflist(opts)), 0o644);
  return { binary, conflist: conf };
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
