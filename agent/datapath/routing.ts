// How this node reaches pods of other nodes (decision 21 in docs/decisions.md).
//
//   routing: tunnel  one collect-metadata VXLAN device (TUNNEL_DEVICE) with from_overlay and
//                    to_overlay attached; from_pod sends pods' packets into it with the remote node
//                    and the source identity as the tunnel key. Routes to other nodes' pod CIDRs
//                    through it carry the node's own packets (to_overlay keys them).
//   routing: native  routes to other nodes' pod CIDRs via their InternalIP: the underlay (or the
//                    node's own FIB) carries pods' packets unchanged.
//
// Routes are ours by their protocol number (ROUTE_PROTO), so a sync removes exactly the routes a
// node that left had, and nothing else. planRoutes is pure; NodeRouting applies it.

import { podMtu, type SluiceConfig } from '../config/config.js';
import type { Node } from '../model/types.js';
import { SystemError } from '../sys/errors.js';
import { run } from '../sys/exec.js';
import { nodeConfigCodec, u32Codec } from './codecs.js';
import type { Loader } from './loader.js';
import type { MapWriter } from './map-writer.js';
import { describeFailure } from './map-writer.js';
import { mapPin } from './maps.js';

export const TUNNEL_DEVICE = 'sluice_vxlan';
/** The routing protocol number of Sluice's routes (`ip route ... proto 151`). */
export const ROUTE_PROTO = 151;

export interface Route {
  dst: string;
  /** native: the node's InternalIP */
  via?: string;
  /** tunnel: the VXLAN device */
  dev?: string;
  /** tunnel: this node's InternalIP, so other nodes see the node's packets come from it */
  src?: string;
}

/** Pure: a route to each other node's pod CIDR, sorted by destination. */
export function planRoutes(
  nodes: readonly Node[],
  self: { name: string; addresses: readonly string[] },
  routing: SluiceConfig['routing'],
): Route[] {
  const mine = nodes.find((n) => n.name === self.name || self.addresses.includes(n.internalIp));
  const out: Route[] = [];
  for (const n of nodes) {
    if (n === mine || !n.podCidr) continue;
    if (routing === 'native') out.push({ dst: n.podCidr, via: n.internalIp });
    else out.push({ dst: n.podCidr, dev: TUNNEL_DEVICE, ...(mine ? { src: mine.internalIp } : {}) });
  }
  return out.sort((a, b) => a.dst.localeCompare(b.dst));
}

export function routeArgs(r: Route): string[] {
  return [
    r.dst,
    ...(r.via ? ['via', r.via] : []),
    ...(r.dev ? ['dev', r.dev] : []),
    ...(r.src ? ['src', r.src] : []),
    'proto',
    String(ROUTE_PROTO),
  ];
}

interface IpRoute {
  dst: string;
  gateway?: string;
  dev?: string;
  prefsrc?: string;
}

export class NodeRouting {
  private applied: string | undefined;

  constructor(
    private readonly cfg: SluiceConfig,
    private readonly loader: Loader,
    private readonly writer: MapWriter,
  ) {}

  private ip(args: readonly string[], input?: string) {
    return run(['ip', ...args], { netns: this.cfg.hostNetns, ...(input ? { input } : {}) });
  }

  /** Sets up the routing mode: the tunnel device and its programs, or none; the datapath told
   * which (sluice_node). Idempotent: a restarted agent finds the device as it left it. */
  async start(): Promise<{ tunnelIfindex: number }> {
    const existing = await this.tunnelIfindex();
    let ifindex = 0;
    if (this.cfg.routing === 'tunnel') {
      if (!existing) {
        await this.ip([
          'link',
          'add',
          TUNNEL_DEVICE,
          'type',
          'vxlan',
          'external',
          'dstport',
          String(this.cfg.tunnelPort),
        ]);
      }
      // No ARP on the tunnel: the node's own packets routed into it need no neighbour (to_overlay
      // keys them; the receiver rewrites the MACs).
      // Nor IPv6: the kernel's own neighbour discovery and MLD would only meet to_overlay's drop.
      await run(['sysctl', '-q', '-w', `net.ipv6.conf.${TUNNEL_DEVICE}.disable_ipv6=1`], {
        netns: this.cfg.hostNetns,
      }).catch(() => undefined); // no IPv6 in this kernel: nothing to silence
      await this.ip(['link', 'set', TUNNEL_DEVICE, 'mtu', String(podMtu(this.cfg)), 'arp', 'off', 'up']);
      await this.loader.attachOverlay(TUNNEL_DEVICE);
      ifindex = await this.tunnelIfindex();
      if (!ifindex) throw new SystemError(`the tunnel device ${TUNNEL_DEVICE} vanished while it was set up`);
    }
    const ops = [
      {
        pin: mapPin(this.cfg.pinRoot, 'node'),
        key: u32Codec.encode({ value: 0 }),
        value: nodeConfigCodec.encode({ tunnel_ifindex: ifindex, flags: 0 }),
      },
    ];
    const failure = describeFailure(ops, await this.writer.write(ops));
    if (failure) throw new SystemError(`cannot configure the datapath's routing: ${failure}`);
    // Native routing after tunnel: the device goes once the datapath no longer sends into it.
    if (this.cfg.routing === 'native' && existing) await this.ip(['link', 'del', TUNNEL_DEVICE]);
    return { tunnelIfindex: ifindex };
  }

  private async tunnelIfindex(): Promise<number> {
    const r = await run(['ip', '-j', 'link', 'show', 'dev', TUNNEL_DEVICE], {
      netns: this.cfg.hostNetns,
    }).catch(() => undefined);
    if (!r) return 0;
    return (JSON.parse(r.stdout) as { ifindex: number }[])[0]?.ifindex ?? 0;
  }

  /** Makes Sluice's routes exactly the plan's: new and changed ones replaced, stale ones removed. */
  async sync(routes: readonly Route[]): Promise<{ added: number; removed: number }> {
    const key = JSON.stringify(routes);
    if (key === this.applied) return { added: 0, removed: 0 };
    const { stdout } = await this.ip(['-j', 'route', 'show', 'proto', String(ROUTE_PROTO)]);
    const current = JSON.parse(stdout || '[]') as IpRoute[];
    const want = new Set(routes.map((r) => r.dst));
    const same = (r: Route, c: IpRoute) =>
      c.dst === r.dst &&
      (c.gateway ?? '') === (r.via ?? '') &&
      (!r.dev || c.dev === r.dev) &&
      (c.prefsrc ?? '') === (r.src ?? '');
    const lines: string[] = [];
    for (const r of routes) {
      if (!current.some((c) => same(r, c))) lines.push(`route replace ${routeArgs(r).join(' ')}`);
    }
    const stale = current.filter((c) => !want.has(c.dst));
    for (const c of stale) lines.push(`route del ${c.dst} proto ${ROUTE_PROTO}`);
    if (lines.length > 0) await this.ip(['-batch', '-'], `${lines.join('\n')}\n`);
    this.applied = key;
    return { added: lines.length - stale.length, removed: stale.length };
  }
}
