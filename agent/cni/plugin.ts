// The CNI commands, run inside the agent for the sluice-cni executable (cni/sluice-cni.c). The
// agent owns addresses, endpoints and the host side; what needs the pod's network namespace is a
// step the plugin performs (PluginSteps). Every failure after an address was reserved rolls back
// what this call did.

import { performance } from 'node:perf_hooks';
import { podMtu } from '../config/config.js';
import { GATEWAY_IP, GATEWAY_IPV6, linkInfo, macFor, unwirePod } from '../endpoints/wiring.js';
import { ipv6OrUndefined } from '../net/ipv6.js';
import type { AttachmentRef, CniOps } from '../node/cni-ops.js';
import type { Logger } from '../sys/log.js';
import {
  type AddCheckEnv,
  CniError,
  type CniResult,
  type DelEnv,
  ERR_INTERNAL,
  ERR_NOT_AVAILABLE,
  ERR_UNKNOWN_CONTAINER,
  formatResult,
  type NetConf,
  parsePrevResult,
} from './spec/index.js';

/** What the plugin is asked to do in the pod's network namespace (agent/api/sluice.proto). */
export interface WirePlan {
  hostNetns: string | undefined;
  hostNetnsInode: number;
  podNetns: string;
  hostIfName: string;
  podIfName: string;
  ip: string;
  gateway: string;
  /** A dual-stack pod's IPv6 address and gateway; undefined: IPv4 only (nothing of IPv6 is
   * touched). */
  ipv6?: string | undefined;
  gatewayV6?: string | undefined;
  hostMac: string;
  podMac: string;
  mtu: number;
}

/** What the pod's namespace holds for one interface. */
export interface PodProbe {
  linkFound: boolean;
  mac: string;
  /** "a.b.c.d/len", "x::y/len" */
  addresses: string[];
  /** Gateways of the default routes (IPv4 and IPv6) through the interface. */
  defaultGateways: string[];
}

/** Whether the probed list holds the address (an IPv6 one in any spelling of it). */
function holds(list: readonly string[], address: string): boolean {
  const canonical = (a: string) => {
    const slash = a.lastIndexOf('/');
    const ip = slash < 0 ? a : a.slice(0, slash);
    if (!ip.includes(':')) return a;
    return `${ipv6OrUndefined(ip) ?? ip}${slash < 0 ? '' : a.slice(slash)}`;
  };
  const want = canonical(address);
  return list.some((a) => canonical(a) === want);
}

/** A step the plugin could not do: its errno and what failed. */
export class StepError extends Error {
  constructor(
    readonly errno: number,
    message: string,
    /** wire: an interface by one of the names exists already; nothing was made. */
    readonly linkExists = false,
  ) {
    super(message);
  }
}

export interface PluginSteps {
  /** Resolves with the host-side ifindex; a StepError with linkExists when a name is taken. */
  wire(plan: WirePlan): Promise<{ hostIfindex: number }>;
  probe(netns: string, ifname: string): Promise<PodProbe>;
  /** Whether the plugin is still there to print the result (the runtime may have killed it). */
  connected(): boolean;
}

export interface Ctx {
  conf: NetConf;
  log: Logger;
  agent: CniOps;
  steps: PluginSteps;
}

function attachmentOf(env: AddCheckEnv | DelEnv): AttachmentRef {
  return { containerId: env.containerId, ifname: env.ifName };
}

function podRef(env: AddCheckEnv | DelEnv) {
  const a = env.args;
  return a.podNamespace && a.podName ? { namespace: a.podNamespace, name: a.podName } : undefined;
}

/** The addresses a wired pod's interface holds: its /32, and a dual-stack pod's /128. */
function podAddresses(plan: Pick<WirePlan, 'ip' | 'ipv6'>): string[] {
  return [`${plan.ip}/32`, ...(plan.ipv6 ? [`${plan.ipv6}/128`] : [])];
}

function resultOf(env: AddCheckEnv, plan: WirePlan): CniResult {
  const v6 = plan.ipv6 !== undefined;
  return {
    interfaces: [
      { name: plan.hostIfName, mac: plan.hostMac },
      { name: env.ifName, mac: plan.podMac, sandbox: env.netns, mtu: plan.mtu },
    ],
    ips: [
      { address: `${plan.ip}/32`, gateway: GATEWAY_IP, interface: 1 },
      ...(v6 ? [{ address: `${plan.ipv6}/128`, gateway: GATEWAY_IPV6, interface: 1 }] : []),
    ],
    routes: [{ dst: '0.0.0.0/0', gw: GATEWAY_IP }, ...(v6 ? [{ dst: '::/0', gw: GATEWAY_IPV6 }] : [])],
    dns: {},
  };
}

export function cmdAdd(ctx: Ctx, env: AddCheckEnv): Promise<unknown> {
  ctx.agent.requireReady();
  const att = attachmentOf(env);
  return ctx.agent.exclusive(att, () => add(ctx, env, att));
}

async function add(ctx: Ctx, env: AddCheckEnv, att: AttachmentRef): Promise<unknown> {
  const { agent, steps } = ctx;
  const pod = podRef(env);
  const t0 = performance.now();
  const { ip, ipv6, hostIfName } = await agent.allocate(att, pod);
  const t1 = performance.now();
  try {
    const hostNetns = agent.cfg.hostNetns;
    const plan: WirePlan = {
      hostNetns,
      hostNetnsInode: agent.hostNetnsInode,
      podNetns: env.netns,
      hostIfName,
      podIfName: env.ifName,
      ip,
      gateway: GATEWAY_IP,
      ...(ipv6 ? { ipv6, gatewayV6: GATEWAY_IPV6 } : {}),
      // Derived from the name: stable across re-wiring, nothing to read back from the pod's side.
      hostMac: macFor(`host/${hostIfName}`),
      podMac: macFor(`pod/${hostIfName}`),
      mtu: ctx.conf.mtu ?? podMtu(agent.cfg),
    };
    ctx.log.info(
      { containerId: env.containerId, ifname: env.ifName, pod, ip, ...(ipv6 ? { ipv6 } : {}), hostIfName },
      'ADD',
    );
    let hostIfindex: number;
    let created = true;
    try {
      // The common case first, without looking: a new attachment.
      ({ hostIfindex } = await steps.wire(plan));
    } catch (err) {
      if (!(err instanceof StepError) || !err.linkExists) throw err;
      const host = await linkInfo(hostIfName, hostNetns);
      if (!host)
        throw new CniError(
          ERR_INTERNAL,
          `interface ${env.ifName} already exists in ${env.netns} and is not Sluice's`,
        );
      const inPod = await steps.probe(env.netns, env.ifName);
      if (inPod.linkFound && podAddresses(plan).every((a) => holds(inPod.addresses, a))) {
        // A repeated ADD of a wired attachment: the same addresses, the same interfaces.
        hostIfindex = host.ifindex;
        created = false;
      } else {
        await unwirePod({ hostNetns, hostIfName }); // a half-wired leftover of a failed ADD
        ({ hostIfindex } = await steps.wire(plan));
      }
    }
    const t2 = performance.now();
    await agent.createEndpoint(att, pod, {
      ip,
      ipv6,
      hostIfName,
      hostIfindex,
      hostMac: plan.hostMac,
      podMac: plan.podMac,
      newInterface: created,
    });
    // A runtime that gave up (and killed the plugin) takes the ADD as failed: so must we.
    if (!steps.connected()) throw new Error('sluice-cni went away before the result could be reported');
    const t3 = performance.now();
    // Where the ADD's time went: the address, the plugin's wiring, programs + endpoint + policy.
    const ms = (a: number, b: number) => Math.round((b - a) * 10) / 10;
    ctx.log.info(
      { containerId: env.containerId, ms: { allocate: ms(t0, t1), wire: ms(t1, t2), endpoint: ms(t2, t3) } },
      'ADD done',
    );
    return formatResult(resultOf(env, plan), ctx.conf.cniVersion);
  } catch (err) {
    // Maps, the host interface (its pod end, routes and neighbours go with it) and the addresses;
    // a failed ADD leaves nothing (the runtime sends DEL for it anyway, which then finds nothing).
    await agent.release(att).catch(() => undefined);
    ctx.log.warn({ err: (err as Error).message, containerId: env.containerId }, 'ADD failed: rolled back');
    throw err;
  }
}

export async function cmdDel(ctx: Ctx, env: DelEnv): Promise<void> {
  // The agent removes the endpoint, the host-side interface (the pod end goes with it) and the
  // address; an empty or vanished netns changes nothing about that.
  ctx.agent.requireReady();
  const att = attachmentOf(env);
  const r = await ctx.agent.exclusive(att, () => ctx.agent.release(att));
  ctx.log.info({ containerId: env.containerId, ifname: env.ifName, found: r.found }, 'DEL');
}

export function cmdCheck(ctx: Ctx, env: AddCheckEnv): Promise<void> {
  ctx.agent.requireReady();
  const att = attachmentOf(env);
  return ctx.agent.exclusive(att, () => check(ctx, env, att));
}

async function check(ctx: Ctx, env: AddCheckEnv, att: AttachmentRef): Promise<void> {
  const c = await ctx.agent.check(att);
  if (!c.found)
    throw new CniError(
      ERR_UNKNOWN_CONTAINER,
      `no Sluice attachment for container ${env.containerId} interface ${env.ifName}`,
    );
  if (c.problem) throw new CniError(ERR_INTERNAL, c.problem);
  const prev = parsePrevResult(ctx.conf.prevResult, ctx.conf.cniVersion);
  const wanted = podAddresses({ ip: c.ip, ipv6: c.ipv6 || undefined });
  for (const want of wanted) {
    if (
      prev &&
      !holds(
        prev.ips.map((i) => i.address),
        want,
      )
    ) {
      throw new CniError(
        ERR_INTERNAL,
        `prevResult does not list ${want}, the address Sluice gave this attachment`,
      );
    }
  }
  const inPod = await ctx.steps.probe(env.netns, env.ifName);
  if (!inPod.linkFound)
    throw new CniError(ERR_INTERNAL, `interface ${env.ifName} is missing in ${env.netns}`);
  for (const want of wanted) {
    if (!holds(inPod.addresses, want))
      throw new CniError(ERR_INTERNAL, `interface ${env.ifName} in ${env.netns} does not have ${want}`);
  }
  for (const gateway of c.ipv6 ? [GATEWAY_IP, GATEWAY_IPV6] : [GATEWAY_IP]) {
    if (!holds(inPod.defaultGateways, gateway))
      throw new CniError(ERR_INTERNAL, `no default route via ${gateway} on ${env.ifName} in ${env.netns}`);
  }
}

export function cmdStatus(ctx: Ctx): void {
  const s = ctx.agent.status();
  if (!s.ready) throw new CniError(ERR_NOT_AVAILABLE, `Sluice agent not ready: ${s.message}`);
}

export async function cmdGc(ctx: Ctx): Promise<void> {
  const valid = ctx.conf.validAttachments;
  if (valid === undefined) return; // no list: nothing is known to be stale
  ctx.agent.requireReady();
  const r = await ctx.agent.gc(valid.map((a) => ({ containerId: a.containerID, ifname: a.ifname })));
  ctx.log.info({ released: r.released.length }, 'GC');
}
