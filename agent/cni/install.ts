// Putting the plugin and its conflist where the runtime looks, atomically (temp file + rename in
// the same directory): a runtime never executes a half-written binary ("text file busy") or reads
// half a config. Used by `sluice cni install` and by the agent, which writes the conflist only
// once it is ready (a runtime that sees the config can use the plugin).

import { chmod, copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const CONFLIST_NAME = '05-sluice.conflist';

export function conflist(opts: { socket: string; logFile: string }): string {
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

export async function atomicWrite(
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

export async function writeConflist(
  confDir: string,
  opts: { socket: string; logFile: string },
): Promise<string> {
  const file = path.join(confDir, CONFLIST_NAME);
  await atomicWrite(file, (tmp) => writeFile(tmp, conflist(opts)), 0o644);
  return file;
}

export async function installBinary(binDir: string, binary: string): Promise<string> {
  const target = path.join(binDir, 'sluice-cni');
  await atomicWrite(target, (tmp) => copyFile(binary, tmp), 0o755);
  return target;
}
