// Servers inside a network namespace: the responder (tools/net/responder.ts) or any tool that
// prints the line `ready` once it listens. Used by the lab (detached: they outlive the CLI) and
// the test harness (owned by the test, which kills them by pid).

import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { EnvironmentError } from '../../agent/sys/errors.js';
import { RESPONDER_JS } from './probes.js';

export interface StartOptions {
  /** Handed the child right after spawn, so it can be cleaned up even if it never gets ready. */
  track?: (child: ChildProcess) => void;
  /** Outlive this process (the lab): its own process group, no pipes kept once ready. */
  detached?: boolean;
  /** How long it may take to print `ready` (default 10 s). */
  timeoutMs?: number;
}

/** Runs `nsenter --net=netns -- ...argv` and resolves with the child once it prints `ready`. */
export function startInNetns(
  netns: string,
  argv: string[],
  label: string,
  opts: StartOptions = {},
): Promise<ChildProcess> {
  const child = spawn('nsenter', [`--net=${netns}`, '--', ...argv], {
    detached: opts.detached ?? false,
    stdio: ['ignore', 'pipe', opts.detached ? 'pipe' : 'inherit'],
  });
  opts.track?.(child);
  return new Promise<ChildProcess>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      rl.close();
      if (child.pid && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      const said = stderr.trim().split('\n').slice(-3).join('; ');
      reject(new EnvironmentError(`${label} ${why} before it was ready${said ? `: ${said}` : ''}`));
    };
    const timer = setTimeout(
      () => fail(`took longer than ${(opts.timeoutMs ?? 10_000) / 1000} s`),
      opts.timeoutMs ?? 10_000,
    );
    rl.on('line', (l) => {
      if (l !== 'ready' || settled) return;
      settled = true;
      clearTimeout(timer);
      if (opts.detached) {
        rl.close();
        child.stdout!.destroy();
        child.stderr!.destroy();
        child.unref();
      } // else keep reading: later output must not fill the pipe
      resolve(child);
    });
    // Usually the exit follows at once and names the code; a child that lives on without stdout is killed.
    rl.on('close', () => setTimeout(() => fail('closed its stdout'), 200));
    child.on('error', (err) => fail(`failed (${err.message})`));
    child.on('exit', (code, signal) => fail(`exited with ${code ?? signal}`));
  });
}

/** The responder answering with `name` on the given ports (--tcp, --udp, --echo). */
export function startResponder(
  netns: string,
  name: string,
  ports: { tcp?: number[]; udp?: number[]; echo?: number[]; ipv6?: boolean },
  opts: StartOptions = {},
): Promise<ChildProcess> {
  const argv = [
    process.execPath,
    RESPONDER_JS,
    '--name',
    name,
    ...(ports.tcp ?? []).flatMap((p) => ['--tcp', String(p)]),
    ...(ports.udp ?? []).flatMap((p) => ['--udp', String(p)]),
    ...(ports.echo ?? []).flatMap((p) => ['--echo', String(p)]),
    ...(ports.ipv6 ? ['--ipv6'] : []),
  ];
  return startInNetns(netns, argv, `responder ${name}`, opts);
}
