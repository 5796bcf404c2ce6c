// Runs a CNI plugin binary the way libcni does: every CNI_* variable present (possibly empty),
// the config on stdin, stdout parsed as the result or error. For tests and benchmarks.

import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CniCall {
  command: string;
  containerId?: string;
  netns?: string;
  ifname?: string;
  args?: string;
  /** Overrides of the environment (undefined deletes a variable). */
  env?: Record<string, string | undefined>;
}

export interface CniOutcome {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown> | undefined;
  ms: number;
}

export function invokePlugin(
  binary: string,
  call: CniCall,
  conf: Record<string, unknown> | string,
): Promise<CniOutcome> {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/sbin:/usr/bin:/sbin:/bin',
    CNI_COMMAND: call.command,
    CNI_CONTAINERID: call.containerId ?? '',
    CNI_NETNS: call.netns ?? '',
    CNI_IFNAME: call.ifname ?? '',
    CNI_ARGS: call.args ?? '',
    CNI_PATH: path.dirname(binary),
  };
  for (const [k, v] of Object.entries(call.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const input = typeof conf === 'string' ? conf : JSON.stringify(conf);
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(binary, [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (err) => {
      // Not started at all (a missing binary): 'close' never comes.
      resolve({
        code: -1,
        stdout,
        stderr: `${stderr}${err.message}`,
        json: undefined,
        ms: performance.now() - start,
      });
    });
    child.on('close', (code) => {
      let json: Record<string, unknown> | undefined;
      try {
        json = stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : undefined;
      } catch {
        json = undefined;
      }
      resolve({ code: code ?? -1, stdout, stderr, json, ms: performance.now() - start });
    });
    child.stdin.end(input);
  });
}
