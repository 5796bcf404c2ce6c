// Pure: the reachability matrix a snapshot's policies give, computed by the compiler and the
// datapath's lookup order (simulate.ts) alone — what `sluice policy simulate` prints and what
// `sluice lab matrix --expect` compares real probes with.

import { assignIdentities, IDENTITY_SPACES } from '../identity/allocator.js';
import { identityKey, namespaceLabels } from '../identity/labels.js';
import { type Namespace, type Protocol, podKey, type Snapshot } from '../model/types.js';
import type { PolicyError } from '../model/validate-policy.js';
import { protocolNumber } from '../net/protocols.js';
import { UserError } from '../sys/errors.js';
import { compilePolicies, newCompileCache } from './compile.js';
import { lookupPolicy } from './simulate.js';
import { DIR_EGRESS, DIR_INGRESS } from './types.js';

export interface MatrixCase {
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
}

export interface MatrixVerdict extends MatrixCase {
  connected: boolean;
}

/** Every ordered pair of distinct pods (a pod reaching itself never leaves its namespace). */
export function matrixCases(
  pods: readonly string[],
  ports: readonly number[],
  protocols: readonly Protocol[],
): MatrixCase[] {
  const out: MatrixCase[] = [];
  for (const from of pods) {
    for (const to of pods) {
      if (from === to) continue;
      for (const protocol of protocols) for (const port of ports) out.push({ from, to, port, protocol });
    }
  }
  return out;
}

/** Pods need IPs of the family simulated (ipBlock rules match them; an IPv6 ipBlock matches only
 * IPv6 connections); pods without one cannot be simulated. */
export function simulateMatrix(
  snapshot: Snapshot,
  cases: readonly MatrixCase[],
  family: 4 | 6 = 4,
): { verdicts: MatrixVerdict[]; errors: PolicyError[] } {
  const namespaces = new Map<string, Namespace>(snapshot.namespaces.map((n) => [n.name, n]));
  const pods = snapshot.pods.filter((p) => !p.hostNetwork);
  const keys = new Map(
    pods.map((p) => [podKey(p), identityKey(p, namespaceLabels(namespaces, p.namespace))]),
  );
  const table = assignIdentities(keys.values());
  const identities = new Map([...keys].map(([pod, key]) => [pod, table.get(key)!]));
  const nsNames = [
    ...new Set([...snapshot.namespaces.map((n) => n.name), ...pods.map((p) => p.namespace)]),
  ].sort();
  const nsTable = assignIdentities(nsNames, IDENTITY_SPACES.namespaces);
  const endpoints = new Map(pods.map((p, i) => [podKey(p), i + 1]));
  const { output, errors } = compilePolicies(
    { snapshot, endpoints, identities, namespaceIdentities: nsTable },
    newCompileCache(),
  );
  const byKey = new Map(pods.map((p) => [podKey(p), p]));
  const ipOf = (key: string) => {
    const p = byKey.get(key);
    const ip = family === 6 ? p?.ipv6 : p?.ip;
    if (!ip)
      throw new UserError(
        `Pod ${key}: status.podIPs has no IPv${family} address to simulate with: give it one, or simulate the other family`,
      );
    return ip;
  };
  const verdicts = cases.map((c) => {
    const src = byKey.get(c.from)!;
    const dst = byKey.get(c.to)!;
    const [srcIp, dstIp] = [ipOf(c.from), ipOf(c.to)];
    const proto = protocolNumber(c.protocol)!;
    const egress = lookupPolicy(
      output,
      endpoints.get(c.from)!,
      DIR_EGRESS,
      identities.get(c.to)!,
      dstIp,
      proto,
      c.port,
      nsTable.get(dst.namespace),
    );
    const ingress = lookupPolicy(
      output,
      endpoints.get(c.to)!,
      DIR_INGRESS,
      identities.get(c.from)!,
      srcIp,
      proto,
      c.port,
      nsTable.get(src.namespace),
    );
    return { ...c, connected: egress.allowed && ingress.allowed };
  });
  return { verdicts, errors };
}

/** kubectl-style reachability grid: rows FROM, columns TO, one grid per port/protocol. */
export function formatGrid(verdicts: readonly MatrixVerdict[]): string {
  const pods = [...new Set(verdicts.flatMap((v) => [v.from, v.to]))].sort();
  const groups = new Map<string, MatrixVerdict[]>();
  for (const v of verdicts) {
    const k = `${v.port}/${v.protocol}`;
    const list = groups.get(k);
    if (list) list.push(v);
    else groups.set(k, [v]);
  }
  const width = Math.max(7, ...pods.map((p) => p.length));
  let out = '';
  for (const [k, list] of groups) {
    const cell = new Map(list.map((v) => [`${v.from}>${v.to}`, v.connected]));
    out += `${k}\n${'FROM\\TO'.padEnd(width)}  ${pods.map((p) => p.padEnd(width)).join(' ')}\n`;
    for (const from of pods) {
      const row = pods.map((to) => {
        const c = cell.get(`${from}>${to}`);
        return (c === undefined ? '.' : c ? 'X' : '-').padEnd(width);
      });
      out += `${from.padEnd(width)}  ${row.join(' ').trimEnd()}\n`;
    }
    out += '\n';
  }
  return `${out}X = connected, - = blocked, . = not probed\n`;
}
