// Routed pod wiring (no bridge): a veth pair, the pod's /32 with a default route through the
// link-local gateway 169.254.1.1, static neighbour entries on both ends (so neither side depends
// on ARP or proxy-ARP), and a /32 host route to the pod through its host-side veth. IPv4 only:
// neither end generates IPv6 addresses, so no ND/MLD chatter is counted as drops.
//
// Three `ip` processes per pod: each costs ~10 ms on a small VM, and CNI ADD latency is what a
// pod start waits for. MACs are derived from the interface names, so nothing needs reading back
// from the pod's side.

import { createHash } from 'node:crypto';
import { run } from '../agent/exec.js';

export const GATEWAY_IP = '169.254.1.1';

export interface WireRequest {
  /** Network namespace of the host side (undefined = the caller's). */
  hostNetns?: string | undefined;
  /** Path of the pod's network namespace. */
  podNetns: string;
  hostIfName: string;
  podIfName: string;
  ip: string;
  mtu?: number;
}

export interface WireResult {
  hostIfName: string;
  hostIfindex: number;
  hostMac: string;
  podIfName: string;
  podMac: string;
}

interface IpLink {
  ifname: string;
  ifindex: number;
  address: string;
}

/** A locally administered unicast MAC derived from a name (stable across re-wiring). */
export function macFor(name: string): string {
  const d = createHash('sha256').update(name).digest();
  const bytes = [(d[0]! & 0xfc) | 0x02, d[1]!, d[2]!, d[3]!, d[4]!, d[5]!];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export async function linkInfo(name: string, netns: string | undefined): Promise<IpLink | undefined> {
  const out = await run(['ip', '-j', 'link', 'show', 'dev', name], { netns }).catch(() => undefined);
  return out ? (JSON.parse(out.stdout) as IpLink[])[0] : undefined;
}

export async function linkExists(name: string, netns: string | undefined): Promise<boolean> {
  return (await linkInfo(name, netns)) !== undefined;
}

/** Wires a pod. On failure it removes what it made (the veth pair) and rethrows. */
export async function wirePod(req: WireRequest): Promise<WireResult> {
  const { hostNetns, podNetns, hostIfName, podIfName, ip } = req;
  const mtu = String(req.mtu ?? 1500);
  const hostMac = macFor(`host/${hostIfName}`);
  const podMac = macFor(`pod/${hostIfName}`);
  await run(
    [
      'ip',
      'link',
      'add',
      hostIfName,
      'mtu',
      mtu,
      'address',
      hostMac,
      'type',
      'veth',
      'peer',
      'name',
      podIfName,
      'mtu',
      mtu,
      'address',
      podMac,
      'netns',
      podNetns,
    ],
    { netns: hostNetns },
  );
  try {
    // The two ends are independent once the pair exists: configure both at once.
    const podSide = run(['ip', '-batch', '-'], {
      netns: podNetns,
      input: [
        'link set lo up',
        `link set ${podIfName} addrgenmode none`,
        `link set ${podIfName} up`,
        `addr add ${ip}/32 dev ${podIfName}`,
        `route add ${GATEWAY_IP} dev ${podIfName} scope link`,
        `route add default via ${GATEWAY_IP} dev ${podIfName} onlink`,
        `neigh replace ${GATEWAY_IP} lladdr ${hostMac} dev ${podIfName} nud permanent`,
        '',
      ].join('\n'),
    });
    const hostSide = run(['ip', '-j', '-batch', '-'], {
      netns: hostNetns,
      input: [
        `link set ${hostIfName} addrgenmode none`,
        `link set ${hostIfName} up`,
        `route replace ${ip}/32 dev ${hostIfName} scope link`,
        `neigh replace ${ip} lladdr ${podMac} dev ${hostIfName} nud permanent`,
        `link show dev ${hostIfName}`,
        '',
      ].join('\n'),
    });
    const [, { stdout }] = await Promise.all([podSide, hostSide]);
    const host = parseBatchLinks(stdout).find((l) => l.ifname === hostIfName);
    if (!host) throw new Error(`${hostIfName} vanished while it was being wired`);
    return { hostIfName, hostIfindex: host.ifindex, hostMac, podIfName, podMac };
  } catch (err) {
    await unwirePod({ hostNetns, hostIfName }).catch(() => undefined);
    throw err;
  }
}

/** `ip -j -batch` prints one JSON array per command that has output. */
function parseBatchLinks(stdout: string): IpLink[] {
  const out: IpLink[] = [];
  for (const line of stdout.split('\n')) {
    const t = line.trim();
    if (t.startsWith('[')) out.push(...(JSON.parse(t) as IpLink[]));
  }
  return out;
}

/** Removes the veth pair (its route and neighbour go with it). Idempotent. */
export async function unwirePod(req: { hostNetns?: string | undefined; hostIfName: string }): Promise<void> {
  await run(['ip', 'link', 'del', req.hostIfName], { netns: req.hostNetns }).catch(async (err) => {
    if (await linkExists(req.hostIfName, req.hostNetns)) throw err;
  });
}
