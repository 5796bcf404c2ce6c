// The one way Sluice runs another program: execFile with an argument array (never a shell),
// optionally inside a network namespace via nsenter (which, unlike `ip netns exec`, keeps the
// mount namespace and with it /sys/fs/bpf).

import { execFile } from 'node:child_process';
import { SystemError } from './errors.js';

export interface RunOptions {
  /** Path of a network namespace to run in (e.g. /run/netns/x). */
  netns?: string | undefined;
  input?: string;
  timeoutMs?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

export class CommandError extends SystemError {
  constructor(
    readonly argv: readonly string[],
    readonly code: number | string | null,
    readonly stdout: string,
    readonly stderr: string,
    timedOutAfterMs?: number,
  ) {
    const detail = (stderr.trim() || stdout.trim()).split('\n').slice(-3).join('; ');
    super(
      code === 'ENOENT'
        ? `${argv[0]} not found (running ${argv.join(' ')}): install it or put it on PATH`
        : timedOutAfterMs !== undefined
          ? `${argv.join(' ')} did not finish in ${timedOutAfterMs / 1000} s and was stopped`
          : `${argv.join(' ')} failed (exit ${code ?? 'signal'}): ${detail || 'no output'}`,
    );
  }
}

export function netnsArgv(argv: readonly string[], netns?: string): string[] {
  return netns ? ['nsenter', `--net=${netns}`, '--', ...argv] : [...argv];
}

export function run(argv: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const full = netnsArgv(argv, opts.netns);
  const [file, ...args] = full;
  const timeout = opts.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    const child = execFile(
      file!,
      args,
      { maxBuffer: 512 * 1024 * 1024, timeout, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) {
          const e = err as NodeJS.ErrnoException & { code?: number | string; killed?: boolean };
          reject(new CommandError(full, e.code ?? null, stdout, stderr, e.killed ? timeout : undefined));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}
