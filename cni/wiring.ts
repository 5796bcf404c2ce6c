// Routed pod wiring (no bridge): a veth pair, the pod's /32 with a default route through the
// link-local gateway 169.254.1.1, static neighbour entries on both ends (so neither side
// depends on ARP or proxy-ARP), and a /32 host route to the pod through its host-side veth.

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

async function link(name: string, netns: string | undefined): Promise<IpLink> {
  const { stdout } = await run(['ip', '-j', 'link', 'show', 'dev', name], { netns });
  const [l] = JSON.parse(stdout) as IpLink[];
  if (!l) throw new Error(`link ${name} not found`);
  return l;
}

export async function linkExists(name: string, netns: string | undefined): Promise<boolean> {
  return link(name, netns).then(
    () => true,
    () => false,
  );
}

/** Wires a pod. On failure it removes what it made (the veth pair) and rethrows. */
export async function wirePod(req: WireRequest): Promise<WireResult> {
  const { hostNetns, podNetns, hostIfName, podIfName, ip } = req;
  const mtu = String(req.mtu ?? 1500);
  await run(
    [
      'ip',
      'link',
      'add',
      hostIfName,
      'mtu',
      mtu,
      'type',
      'veth',
      'peer',
      'name',
      podIfName,
      'mtu',
      mtu,
      'netns',
      podNetns,
    ],
    {
      netns: hostNetns,
    },
  );
  try {
    const host = await link(hostIfName, hostNetns);
    const pod = await link(podIfName, podNetns);
    await run(['sysctl', '-q', '-w', 'net.ipv6.conf.all.disable_ipv6=1'], { netns: podNetns }).catch(
      () => undefined,
    );
    await run(['ip', '-batch', '-'], {
      netns: podNetns,
      input: [
        'link set lo up',
        `link set ${podIfName} up`,
        `addr add ${ip}/32 dev ${podIfName}`,
        `route add ${GATEWAY_IP} dev ${podIfName} scope link`,
        `route add default via ${GATEWAY_IP} dev ${podIfName} onlink`,
        `neigh replace ${GATEWAY_IP} lladdr ${host.address} dev ${podIfName} nud permanent`,
        '',
      ].join('\n'),
    });
    // IPv4 only: no router solicitations or MLD from either end to count as drops.
    await run(['sysctl', '-q', '-w', `net.ipv6.conf.${hostIfName}.disable_ipv6=1`], {
      netns: hostNetns,
    }).catch(() => undefined);
    await run(['ip', '-batch', '-'], {
      netns: hostNetns,
      input: [
        `link set ${hostIfName} up`,
        `route replace ${ip}/32 dev ${hostIfName} scope link`,
        `neigh replace ${ip} lladdr ${pod.address} dev ${hostIfName} nud permanent`,
        '',
      ].join('\n'),
    });
    return { hostIfName, hostIfindex: host.ifindex, hostMac: host.address, podIfName, podMac: pod.address };
  } catch (err) {
    await unwirePod({ hostNetns, hostIfName }).catch(() => undefined);
    throw err;
  }
}

/** Removes the veth pair (its route and neighbour go with it). Idempotent. */
export async function unwirePod(req: { hostNetns?: string | undefined; hostIfName: string }): Promise<void> {
  if (!(await linkExists(req.hostIfName, req.hostNetns))) return;
  await run(['ip', 'link', 'del', req.hostIfName], { netns: req.hostNetns });
}
