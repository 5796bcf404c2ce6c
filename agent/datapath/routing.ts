// How this node reaches pods of other nodes (decision 21 in docs/decisions.md).
//
//   routing: tunnel  one collect-metadata VXLAN device (TUNNEL_DEVICE) with from_overlay and
//                    to_overlay attached; from_pod sends pods' packets into it with the remote node
//                    and the source identity as the tunnel key. Routes to other nodes' pod CIDRs
//                    through it carry the node's own packets (to_overlay keys them).
//   routing: native  routes to other nodes' pod CIDRs via their InternalIP: the underlay (or the
//                    node's own FIB) carries pods' packets unchanged.
//
// A dual-stack node (podCidrV6) also routes other nodes' IPv6 pod CIDRs: through the tunnel device
// (the outer header stays IPv4), or natively via their IPv6 InternalIP (the kernel takes no IPv4
// gateway for an IPv6 route), which both ends of such a route need.
//
// Routes are ours by their protocol number (ROUTE_PROTO), so a sync removes exactly the routes a
// node that left had, and nothing else. planRoutes is pure; NodeRouting applies it.

import { podMtu, type SluiceConfig } from '../config/config.js';
import type { Node } from '../model/types.js';
import { isDualStack } from '../net/ipv6.js';
import { SystemError } from '../sys/errors.js';
import { CommandError, run } from '../sys/exec.js';
import { nodeConfigCodec, u32Codec } from './codecs.js';
import type { Loader } from './loader.js';
import type { MapWriter } from './map-writer.js';
import { describeFailure } from './map-writer.js';
import { mapPin } from './maps.js';

export const TUNNEL_DEVICE = 'sluice_vxlan';
/** IPv6's minimum link MTU (RFC 8200): below it a device has no IPv6 state at all. */
const IPV6_MIN_MTU = 1280;
/** The routing protocol number of Sluice's routes (`ip route ... proto 151`). */
export const ROUTE_PROTO = 151;

export interface Route {
  dst: string;
  /** native: the node's InternalIP (of the destination's family) */
  via?: string;
  /** tunnel: the VXLAN device */
  dev?: string;
  /** tunnel: this node's InternalIP (of the destination's family), so other nodes see the node's
   * packets come from it */
  src?: string;
}

/** This node, as route planning knows it. */
export interface RouteSelf {
  name: string;
  /** The node's own addresses, of both families. */
  addresses: readonly string[];
  /** Dual-stack (podCidrV6 configured): other nodes' IPv6 pod CIDRs are routed too. */
  ipv6?: boolean;
}

/** Is this Node object this node: its name, or one of its addresses (either family)? */
export function isThisNode(
  n: Node,
  self: { name?: string | undefined; addresses: readonly string[] },
): boolean {
  return (
    n.name === self.name ||
    self.addresses.includes(n.internalIp) ||
    (n.internalIpV6 !== undefined && self.addresses.includes(n.internalIpV6))
  );
}

function mineOf(nodes: readonly Node[], self: RouteSelf): Node | undefined {
  return nodes.find((n) => isThisNode(n, self));
}

/** How a node gets the IPv6 InternalIP native routing needs as the next hop to its IPv6 pods. */
const IPV6_INTERNAL_IP_HOW = 'kubelet --node-ip=<v4>,<v6>, or nodes[].internalIpV6 in the agent config';

/** Native routing: why another node's IPv6 pod CIDR gets no route (undefined: it gets one), and
 * what to do about it. */
function nativeV6Gap(n: Node, mine: Node | undefined): string | undefined {
  if (!n.internalIpV6)
    return `node ${n.name} has no IPv6 InternalIP to route its IPv6 pod CIDR via: give it one (${IPV6_INTERNAL_IP_HOW})`;
  if (!mine?.internalIpV6)
    return `this node has no IPv6 InternalIP, so no IPv6 next hop to other nodes: give it one (${IPV6_INTERNAL_IP_HOW})`;
  return undefined;
}

export interface RoutePlan {
  /** IPv4 routes first, each family sorted by destination. */
  routes: Route[];
  /** Native routing on a dual-stack node: the other nodes whose pods' IPv6 addresses stay
   * unreachable (no route), and why. Tunnel mode needs no IPv6 next hop: none. */
  unroutedIpv6: { node: string; reason: string }[];
}

/** Pure: a route to each other node's pod CIDR (and, dual-stack, IPv6 pod CIDR), and the IPv6
 * pod CIDRs native routing has no next hop for. */
export function planRoutes(
  nodes: readonly Node[],
  self: RouteSelf,
  routing: SluiceConfig['routing'],
): RoutePlan {
  const mine = mineOf(nodes, self);
  const v4: Route[] = [];
  const v6: Route[] = [];
  const unroutedIpv6: RoutePlan['unroutedIpv6'] = [];
  for (const n of nodes) {
    if (n === mine) continue;
    if (n.podCidr) {
      if (routing === 'native') v4.push({ dst: n.podCidr, via: n.internalIp });
      else v4.push({ dst: n.podCidr, dev: TUNNEL_DEVICE, ...(mine ? { src: mine.internalIp } : {}) });
    }
    if (!self.ipv6 || !n.podCidrV6) continue;
    if (routing === 'tunnel') {
      // A source address must be one of the node's, or the kernel refuses the route.
      const src =
        mine?.internalIpV6 && self.addresses.includes(mine.internalIpV6) ? mine.internalIpV6 : undefined;
      v6.push({ dst: n.podCidrV6, dev: TUNNEL_DEVICE, ...(src ? { src } : {}) });
      continue;
    }
    const gap = nativeV6Gap(n, mine);
    if (gap) unroutedIpv6.push({ node: n.name, reason: gap });
    else v6.push({ dst: n.podCidrV6, via: n.internalIpV6! });
  }
  const byDst = (a: Route, b: Route) => a.dst.localeCompare(b.dst);
  return { routes: [...v4.sort(byDst), ...v6.sort(byDst)], unroutedIpv6 };
}

/** A failed `ip -6 route show`: no routes when the kernel has no IPv6 (EAFNOSUPPORT; most such
 * kernels answer the dump with no routes instead), the failure itself when it is any other. */
export function noIpv6Routes(err: unknown): never[] {
  if (err instanceof CommandError && /Address family not supported by protocol/.test(err.stderr)) return [];
  throw err;
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

/** The tunnel device in netns as `ip -d link` shows it (port: its VXLAN UDP port); undefined when
 * there is none. */
export async function tunnelLink(
  netns: string | undefined,
): Promise<{ ifindex: number; flags?: string[]; port?: number } | undefined> {
  const r = await run(['ip', '-d', '-j', 'link', 'show', 'dev', TUNNEL_DEVICE], { netns }).catch(
    () => undefined,
  );
  if (!r) return undefined;
  type Link = { ifindex: number; flags?: string[]; linkinfo?: { info_data?: { port?: number } } };
  const link = (JSON.parse(r.stdout) as Link[])[0];
  return link && { ifindex: link.ifindex, flags: link.flags, port: link.linkinfo?.info_data?.port };
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
    let existing = await this.tunnelLink();
    let ifindex = 0;
    if (this.cfg.routing === 'tunnel') {
      // A VXLAN device of another port (tunnelPort changed) is made anew: the datapath passes the
      // configured port's packets to it (node_config.tunnel_port), and every node must agree.
      if (existing?.port !== undefined && existing.port !== this.cfg.tunnelPort) {
        await this.ip(['link', 'del', TUNNEL_DEVICE]);
        existing = undefined;
      }
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
      if (isDualStack(this.cfg)) {
        // A device just made has the MULTICAST flag every Ethernet-like device starts with.
        await this.quietIpv6(!existing || existing.flags?.includes('MULTICAST') === true);
      } else {
        // Nor IPv6: the kernel's own neighbour discovery and MLD would only meet to_overlay's drop.
        await this.sysctl([`net.ipv6.conf.${TUNNEL_DEVICE}.disable_ipv6=1`]).catch(() => undefined); // no IPv6 in this kernel: nothing to silence
      }
      await this.ip(['link', 'set', TUNNEL_DEVICE, 'mtu', String(podMtu(this.cfg)), 'arp', 'off', 'up']);
      await this.loader.attachOverlay(TUNNEL_DEVICE);
      ifindex = (await this.tunnelLink())?.ifindex ?? 0;
      if (!ifindex) throw new SystemError(`the tunnel device ${TUNNEL_DEVICE} vanished while it was set up`);
    }
    const ops = [
      {
        pin: mapPin(this.cfg.pinRoot, 'node'),
        key: u32Codec.encode({ value: 0 }),
        value: nodeConfigCodec.encode({
          tunnel_ifindex: ifindex,
          tunnel_port: ifindex ? this.cfg.tunnelPort : 0,
          flags: 0,
        }),
      },
    ];
    const failure = describeFailure(ops, await this.writer.write(ops));
    if (failure) throw new SystemError(`cannot configure the datapath's routing: ${failure}`);
    // Native routing after tunnel: the device goes once the datapath no longer sends into it.
    if (this.cfg.routing === 'native' && existing) await this.ip(['link', 'del', TUNNEL_DEVICE]);
    return { tunnelIfindex: ifindex };
  }

  private sysctl(settings: readonly string[]) {
    return run(['sysctl', '-q', '-w', ...settings], { netns: this.cfg.hostNetns });
  }

  /**
   * A dual-stack node's tunnel device carries IPv6 routes (the node's own packets to other nodes'
   * IPv6 pods), so it has IPv6, but says nothing on its own: no address (addrgenmode none: no
   * link-local, so no DAD, router or neighbour solicitation), no router advertisements taken, and
   * no multicast. A forwarding node's devices join the all-routers group when their IPv6 state is
   * made and report it with MLD once up, and a group left is reported too; so a device still
   * marked multicast gets its IPv6 state made anew without the flag: an MTU below IPv6's minimum
   * (1280) removes that state and the MTU back makes it, while the device is down. A device set up
   * so before (an agent restart) is left as it is.
   */
  private async quietIpv6(multicast: boolean): Promise<void> {
    if (multicast) {
      await this.ip(['link', 'set', TUNNEL_DEVICE, 'down']);
      await this.ip(['link', 'set', TUNNEL_DEVICE, 'mtu', String(IPV6_MIN_MTU - 1)]);
      // Separate calls: one that sets both applies the MTU first.
      await this.ip(['link', 'set', TUNNEL_DEVICE, 'multicast', 'off']);
      await this.ip(['link', 'set', TUNNEL_DEVICE, 'mtu', String(podMtu(this.cfg))]);
    }
    await this.ip(['link', 'set', TUNNEL_DEVICE, 'addrgenmode', 'none']);
    const conf = `net.ipv6.conf.${TUNNEL_DEVICE}`;
    await this.sysctl([`${conf}.accept_ra=0`, `${conf}.autoconf=0`, `${conf}.disable_ipv6=0`]);
  }

  private tunnelLink() {
    return tunnelLink(this.cfg.hostNetns);
  }

  /** Makes Sluice's routes exactly the plan's: new and changed ones replaced, stale ones removed. */
  async sync(routes: readonly Route[]): Promise<{ added: number; removed: number }> {
    const key = JSON.stringify(routes);
    if (key === this.applied) return { added: 0, removed: 0 };
    const show = (family: string[]) =>
      this.ip(['-j', ...family, 'route', 'show', 'proto', String(ROUTE_PROTO)]).then(
        (r) => JSON.parse(r.stdout || '[]') as IpRoute[],
      );
    // IPv6 routes of a node that was dual-stack are ours to remove too.
    const current = (await Promise.all([show([]), show(['-6']).catch(noIpv6Routes)])).flat();
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
