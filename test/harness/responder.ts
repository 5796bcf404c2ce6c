// Test servers inside a network namespace: the responder (tools/net/responder.ts) or any tool that
// prints the line `ready` once it listens. The caller owns the child and kills it by pid when done;
// `track` hands it over right after spawn, so it can be cleaned up even if waiting never ends.

import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { RESPONDER_JS } from '../../tools/net/probes.js';

export type Track = (child: ChildProcess) => void;

/** Runs `nsenter --net=netns -- ...argv` and resolves with the child once it prints `ready`. */
export function startInNetns(
  netns: string,
  argv: string[],
  label: string,
  track?: Track,
): Promise<ChildProcess> {
  const child = spawn('nsenter', [`--net=${netns}`, '--', ...argv], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  track?.(child);
  return new Promise<ChildProcess>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      rl.close();
      if (child.pid && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      reject(new Error(`${label} ${why} before it was ready`));
    };
    rl.on('line', (l) => {
      if (l !== 'ready' || settled) return;
      settled = true; // keep reading: later output must not fill the pipe
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
  ports: { tcp?: number[]; udp?: number[]; echo?: number[] },
  track?: Track,
): Promise<ChildProcess> {
  const argv = [
    process.execPath,
    RESPONDER_JS,
    '--name',
    name,
    ...(ports.tcp ?? []).flatMap((p) => ['--tcp', String(p)]),
    ...(ports.udp ?? []).flatMap((p) => ['--udp', String(p)]),
    ...(ports.echo ?? []).flatMap((p) => ['--echo', String(p)]),
  ];
  return startInNetns(netns, argv, `responder ${name}`, track);
}
