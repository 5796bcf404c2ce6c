// Routed pod wiring (no bridge): a veth pair, the pod's /32 with a default route through the
// link-local gateway 169.254.1.1, static neighbour entries on both ends (so neither side depends
// on ARP or proxy-ARP), and a /32 host route to the pod through its host-side veth. Neither end
// generates IPv6 addresses (no link-local either), so an IPv4-only pod sends no ND/MLD chatter to
// be counted as drops. A dual-stack pod gets the same in IPv6 on top: its /128 (no DAD), a default
// route through fe80::1 with a permanent neighbour entry for it (the host never has to answer a
// neighbour solicitation), a /128 host route and a permanent neighbour for the pod; router
// advertisements and autoconfiguration stay off on both ends.
//
// The wiring itself is sluice-cni's (cni/sluice-cni.c, over rtnetlink); this module holds what
// the agent needs around it (MACs derived from the interface name, so nothing is read back from
// the pod's side; the host side's lookups and removal). Wiring without an agent (the test harness,
// the benchmarks) is tools/net/wire-pod.ts.

import { createHash } from 'node:crypto';
import { run } from '../sys/exec.js';

export const GATEWAY_IP = '169.254.1.1';
/** The dual-stack pod's IPv6 gateway: a link-local address no interface holds (the pod's
 * permanent neighbour entry maps it to the host-side veth's MAC). */
export const GATEWAY_IPV6 = 'fe80::1';

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

/** Removes the veth pair (its route and neighbour go with it). Idempotent. */
export async function unwirePod(req: { hostNetns?: string | undefined; hostIfName: string }): Promise<void> {
  await run(['ip', 'link', 'del', req.hostIfName], { netns: req.hostNetns }).catch(async (err) => {
    if (await linkExists(req.hostIfName, req.hostNetns)) throw err;
  });
}
