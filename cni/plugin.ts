// sluice-cni: the CNI 1.1 plugin. The agent owns addresses and endpoints; the plugin wires the
// pod (it is the one that can see the pod's namespace), attaches the programs and reports the
// result. Every failure after an address was reserved rolls back what this call did.

import { statSync } from 'node:fs';
import { AgentError, AgentUnavailableError, callAgent, type RequestBody } from '../agent/api/client.js';
import type { sluice } from '../agent/api/gen/sluice.js';
import { CommandError, run } from '../agent/exec.js';
import type { Logger } from '../agent/log.js';
import {
  type AddCheckEnv,
  CniError,
  type CniResult,
  type DelEnv,
  ERR_INTERNAL,
  ERR_NOT_AVAILABLE,
  ERR_TRY_AGAIN,
  ERR_UNKNOWN_CONTAINER,
  formatResult,
  type NetConf,
  parsePrevResult,
} from './spec/index.js';
import { GATEWAY_IP, linkInfo, unwirePod, type WireResult, wirePod } from './wiring.js';

export const DEFAULT_AGENT_SOCKET = '/run/sluice/agent.sock';

interface Ctx {
  conf: NetConf;
  log: Logger;
  socket: string;
}

async function agent(
  ctx: Ctx,
  body: RequestBody,
  unavailableCode = ERR_TRY_AGAIN,
): Promise<sluice.v1.Response> {
  try {
    return await callAgent(ctx.socket, body);
  } catch (err) {
    if (err instanceof AgentUnavailableError) throw new CniError(unavailableCode, err.message);
    if (err instanceof AgentError) throw new CniError(err.code || ERR_INTERNAL, err.message);
    throw err;
  }
}

function podRef(env: AddCheckEnv | DelEnv) {
  const a = env.args;
  return a.podNamespace && a.podName
    ? { namespace: a.podNamespace, name: a.podName, uid: a.podUid ?? '' }
    : undefined;
}

async function podAddresses(netns: string, ifname: string): Promise<string[]> {
  const { stdout } = await run(['ip', '-j', '-4', 'addr', 'show', 'dev', ifname], { netns });
  const [link] = JSON.parse(stdout) as { addr_info?: { local: string; prefixlen: number }[] }[];
  return (link?.addr_info ?? []).map((a) => `${a.local}/${a.prefixlen}`);
}

function resultOf(
  env: AddCheckEnv,
  ip: string,
  wired: Pick<WireResult, 'hostIfName' | 'hostMac' | 'podMac'>,
  mtu: number,
): CniResult {
  return {
    interfaces: [
      { name: wired.hostIfName, mac: wired.hostMac },
      { name: env.ifName, mac: wired.podMac, sandbox: env.netns, mtu },
    ],
    ips: [{ address: `${ip}/32`, gateway: GATEWAY_IP, interface: 1 }],
    routes: [{ dst: '0.0.0.0/0', gw: GATEWAY_IP }],
    dns: {},
  };
}

export async function cmdAdd(ctx: Ctx, env: AddCheckEnv): Promise<unknown> {
  const attachment = { container_id: env.containerId, ifname: env.ifName };
  const pod = podRef(env);
  const alloc = (await agent(ctx, { allocate: { attachment, pod: pod ?? null, netns: env.netns } }))
    .allocate!;
  const ip = alloc.ip ?? '';
  const hostIfName = alloc.host_ifname ?? '';
  const hostNetns =
    alloc.host_netns && Number(alloc.host_netns_inode) !== statSync('/proc/self/ns/net').ino
      ? alloc.host_netns
      : undefined;
  const mtu = ctx.conf.mtu ?? alloc.mtu ?? 1500;
  ctx.log.info({ containerId: env.containerId, ifname: env.ifName, pod, ip, hostIfName }, 'ADD');

  let created = false;
  try {
    let wired: WireResult;
    try {
      // The common case first, without looking: a new attachment (one process fewer per ADD).
      wired = await wirePod({ hostNetns, podNetns: env.netns, hostIfName, podIfName: env.ifName, ip, mtu });
      created = true;
    } catch (err) {
      if (!(err instanceof CommandError) || !/File exists/.test(err.stderr)) throw err;
      const host = await linkInfo(hostIfName, hostNetns);
      if (!host)
        throw new CniError(
          ERR_INTERNAL,
          `interface ${env.ifName} already exists in ${env.netns} and is not Sluice's`,
        );
      const inPod = await linkInfo(env.ifName, env.netns);
      if (inPod && (await podAddresses(env.netns, env.ifName)).includes(`${ip}/32`)) {
        // A repeated ADD of a wired attachment: the same address, the same interfaces.
        wired = {
          hostIfName,
          hostIfindex: host.ifindex,
          hostMac: host.address,
          podIfName: env.ifName,
          podMac: inPod.address,
        };
      } else {
        await unwirePod({ hostNetns, hostIfName }); // a half-wired leftover of a failed ADD
        wired = await wirePod({ hostNetns, podNetns: env.netns, hostIfName, podIfName: env.ifName, ip, mtu });
        created = true;
      }
    }
    await agent(ctx, {
      endpoint_create: {
        attachment,
        pod: pod ?? null,
        ip,
        host_ifname: hostIfName,
        host_ifindex: wired.hostIfindex,
        host_mac: wired.hostMac,
        pod_mac: wired.podMac,
        netns: env.netns,
        new_interface: created,
      },
    });
    return formatResult(resultOf(env, ip, wired, mtu), ctx.conf.cniVersion);
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message, containerId: env.containerId }, 'ADD failed: rolling back');
    if (created) await unwirePod({ hostNetns, hostIfName }).catch(() => undefined);
    await callAgent(ctx.socket, { release: { attachment } }).catch(() => undefined);
    throw err;
  }
}

export async function cmdDel(ctx: Ctx, env: DelEnv): Promise<void> {
  // The agent removes the endpoint, the host-side interface (the pod end goes with it) and the
  // address; an empty or vanished netns changes nothing about that.
  const attachment = { container_id: env.containerId, ifname: env.ifName };
  const r = (await agent(ctx, { release: { attachment } })).release!;
  ctx.log.info({ containerId: env.containerId, ifname: env.ifName, found: r.found }, 'DEL');
}

export async function cmdCheck(ctx: Ctx, env: AddCheckEnv): Promise<void> {
  const attachment = { container_id: env.containerId, ifname: env.ifName };
  const c = (await agent(ctx, { check: { attachment } })).check!;
  if (!c.found)
    throw new CniError(
      ERR_UNKNOWN_CONTAINER,
      `no Sluice attachment for container ${env.containerId} interface ${env.ifName}`,
    );
  if (c.problem) throw new CniError(ERR_INTERNAL, c.problem);
  const prev = parsePrevResult(ctx.conf.prevResult, ctx.conf.cniVersion);
  const want = `${c.ip}/32`;
  if (prev && !prev.ips.some((i) => i.address === want)) {
    throw new CniError(
      ERR_INTERNAL,
      `prevResult does not list ${want}, the address Sluice gave this attachment`,
    );
  }
  if (!(await linkInfo(env.ifName, env.netns)))
    throw new CniError(ERR_INTERNAL, `interface ${env.ifName} is missing in ${env.netns}`);
  if (!(await podAddresses(env.netns, env.ifName)).includes(want)) {
    throw new CniError(ERR_INTERNAL, `interface ${env.ifName} in ${env.netns} does not have ${want}`);
  }
  const { stdout } = await run(['ip', '-j', 'route', 'show', 'default'], { netns: env.netns });
  const routes = JSON.parse(stdout) as { gateway?: string; dev?: string }[];
  if (!routes.some((r) => r.gateway === GATEWAY_IP && r.dev === env.ifName)) {
    throw new CniError(ERR_INTERNAL, `no default route via ${GATEWAY_IP} on ${env.ifName} in ${env.netns}`);
  }
}

export async function cmdStatus(ctx: Ctx): Promise<void> {
  const s = (await agent(ctx, { status: {} }, ERR_NOT_AVAILABLE)).status!;
  if (!s.ready) throw new CniError(ERR_NOT_AVAILABLE, `Sluice agent not ready: ${s.message}`);
}

export async function cmdGc(ctx: Ctx): Promise<void> {
  const valid = ctx.conf.validAttachments;
  if (valid === undefined) return; // no list: nothing is known to be stale
  const r = (
    await agent(ctx, { gc: { valid: valid.map((a) => ({ container_id: a.containerID, ifname: a.ifname })) } })
  ).gc!;
  ctx.log.info({ released: (r.released ?? []).length }, 'GC');
}

export function contextFor(conf: NetConf, log: Logger): Ctx {
  return { conf, log, socket: conf.agentSocket ?? DEFAULT_AGENT_SOCKET };
}

export { ERR_TRY_AGAIN };
