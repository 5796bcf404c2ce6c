// Connection attempts from inside a network namespace, many at once: TCP and UDP through one
// probe.js process, SCTP through one sluice-sctp process per target. Shared by the lab and the
// test harness.

import path from 'node:path';
import { REPO_ROOT } from '../../agent/config/config.js';
import { isIPv6Text } from '../../agent/net/ipv6.js';
import { EnvironmentError } from '../../agent/sys/errors.js';
import { run } from '../../agent/sys/exec.js';
import { parseTarget } from './target.js';

export interface ProbeResult {
  target: string;
  connected: boolean;
  refused?: boolean;
  ms: number;
  reply: string;
}

export const PROBE_JS = path.join(REPO_ROOT, 'build', 'js', 'tools', 'net', 'probe.js');
export const RESPONDER_JS = path.join(REPO_ROOT, 'build', 'js', 'tools', 'net', 'responder.js');
export const SCTP_TOOL = path.join(REPO_ROOT, 'build', 'sluice-sctp');

/** An address as host:port text, as probe targets and the CLI write it: IPv6 in brackets. */
export function hostPort(addr: string, port: number): string {
  return isIPv6Text(addr) ? `[${addr}]:${port}` : `${addr}:${port}`;
}

/** targets: "ip:port/TCP|UDP|SCTP" ("[ip]:port/…" for IPv6); results in the same order.
 * sctpSourcePort: SCTP probes from this port (default: a random one each). */
export async function probeFrom(
  netns: string | undefined,
  targets: readonly string[],
  timeoutMs: number,
  opts: { sctpSourcePort?: number } = {},
): Promise<ProbeResult[]> {
  // A tool may exit non-zero for "not connected" and still print its results; a tool that failed
  // without printing any (missing, no permission for raw sockets) is a broken probe, not a
  // denied connection.
  const output = (argv: string[]) =>
    run(argv, { netns, timeoutMs: timeoutMs + 30_000 }).then(
      (r) => r.stdout,
      (err: Error & { stdout?: string }) => {
        if (err.stdout?.trim()) return err.stdout;
        throw new EnvironmentError(`probe tool failed, no connection was tried: ${err.message}`);
      },
    );
  const sctp = targets.filter((t) => t.endsWith('/SCTP'));
  const other = targets.filter((t) => !t.endsWith('/SCTP'));
  const outs = await Promise.all([
    other.length
      ? output([
          process.execPath,
          PROBE_JS,
          '--timeout',
          String(timeoutMs),
          ...other.flatMap((t) => ['--target', t]),
        ])
      : '',
    ...sctp.map((t) => {
      const target = parseTarget(t);
      if (!target) throw new EnvironmentError(`bad probe target ${JSON.stringify(t)}`);
      const sport = opts.sctpSourcePort ? [String(opts.sctpSourcePort)] : [];
      return output([SCTP_TOOL, 'probe', target.host, String(target.port), String(timeoutMs), ...sport]);
    }),
  ]);
  const byTarget = new Map<string, ProbeResult>();
  for (const line of outs.join('\n').split('\n').filter(Boolean)) {
    const r = JSON.parse(line) as ProbeResult;
    byTarget.set(r.target, r);
  }
  return targets.map((t) => byTarget.get(t) ?? { target: t, connected: false, ms: 0, reply: 'no result' });
}
