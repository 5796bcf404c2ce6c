// The CNI conversation on the agent socket: sluice-cni sends a CniRequest (its invocation); the
// agent runs it (agent/cni/invocation.ts) and asks the plugin, on the same connection, for the steps
// only the plugin can do in the pod's namespace (CniStep wire/probe, answered by CniStepResult),
// then sends CniStep done. If the plugin goes away midway, the pending step fails and the
// command rolls back like any failed step.

import type { Socket } from 'node:net';
import { API_VERSION } from '../api/client.js';
import { frame } from '../api/framing.js';
import { sluice } from '../api/gen/sluice.js';
import type { CniOps } from '../node/cni-ops.js';
import type { Logger } from '../sys/log.js';
import { envOf, invoke } from './invocation.js';
import { type PluginSteps, type PodProbe, StepError, type WirePlan } from './plugin.js';

/** A plugin answers each step with one frame: more than this unasked is not a plugin. */
const MAX_QUEUED = 4;
/** How long a step may take: longer, and the plugin is taken to be stuck (the call rolls back). */
export const STEP_TIMEOUT_MS = 60_000;

/** Frames that arrive after the first request of a connection, handed out in order. */
export class Inbox {
  private queue: Buffer[] = [];
  private waiting: { resolve: (b: Buffer) => void; reject: (e: Error) => void } | undefined;
  private closed: Error | undefined;

  push(payload: Buffer): void {
    if (this.waiting) {
      this.waiting.resolve(payload);
      this.waiting = undefined;
    } else if (this.queue.length < MAX_QUEUED) this.queue.push(payload);
    else this.close(new Error('sluice-cni sent frames nobody asked for'));
  }

  get isClosed(): boolean {
    return this.closed !== undefined;
  }

  close(reason: Error): void {
    this.closed ??= reason;
    this.waiting?.reject(reason);
    this.waiting = undefined;
  }

  /** The next frame; one caller at a time (steps are sequential). */
  next(): Promise<Buffer> {
    const head = this.queue.shift();
    if (head) return Promise.resolve(head);
    if (this.closed) return Promise.reject(this.closed);
    if (this.waiting) return Promise.reject(new Error('Inbox: next() while another call waits'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }
}

export async function cniConversation(
  agent: CniOps,
  sock: Socket,
  inbox: Inbox,
  req: sluice.v1.ICniRequest,
  log: Logger,
): Promise<void> {
  const send = (cni: sluice.v1.ICniStep) =>
    sock.write(frame(sluice.v1.Response.encode({ version: API_VERSION, cni }).finish()));
  const ask = async (cni: sluice.v1.ICniStep): Promise<sluice.v1.ICniStepResult> => {
    send(cni);
    const timer = setTimeout(() => {
      inbox.close(
        new Error(`sluice-cni did not answer a ${cni.wire ? 'wire' : 'probe'} step in ${STEP_TIMEOUT_MS} ms`),
      );
      sock.destroy();
    }, STEP_TIMEOUT_MS);
    const payload = await inbox.next().finally(() => clearTimeout(timer));
    const r = sluice.v1.Request.decode(payload);
    if (r.body !== 'cni_step' || !r.cni_step)
      throw new Error('sluice-cni answered a step with something else');
    const res = r.cni_step;
    if (res.errno || res.error)
      throw new StepError(res.errno ?? 0, res.error || `errno ${res.errno}`, res.link_exists ?? false);
    return res;
  };
  const steps: PluginSteps = {
    async wire(plan: WirePlan) {
      const r = await ask({
        wire: {
          host_netns: plan.hostNetns ?? '',
          host_netns_inode: plan.hostNetnsInode,
          pod_netns: plan.podNetns,
          host_ifname: plan.hostIfName,
          pod_ifname: plan.podIfName,
          ip: plan.ip,
          gateway: plan.gateway,
          ...(plan.ipv6 ? { ipv6: plan.ipv6, gateway_v6: plan.gatewayV6 ?? '' } : {}),
          host_mac: plan.hostMac,
          pod_mac: plan.podMac,
          mtu: plan.mtu,
        },
      });
      return { hostIfindex: r.host_ifindex ?? 0 };
    },
    async probe(netns: string, ifname: string): Promise<PodProbe> {
      const r = await ask({ probe: { netns, ifname } });
      return {
        linkFound: r.link_found ?? false,
        mac: r.mac ?? '',
        addresses: r.addresses ?? [],
        defaultGateways: r.default_gateways ?? [],
      };
    },
    connected: () => !inbox.isClosed && !sock.destroyed,
  };
  const outcome = await invoke(
    agent,
    { env: envOf(req.env ?? []), stdin: Buffer.from(req.stdin ?? []).toString('utf8') },
    steps,
  );
  if (outcome.exitCode !== 0) log.debug({ stdout: outcome.stdout }, 'CNI call failed');
  send({ done: { stdout: Buffer.from(outcome.stdout), exit_code: outcome.exitCode } });
  sock.end();
}
