// Wires a pod without an agent, with sluice-cni's own code: for the test harness and the datapath
// bench (the agent's side of pod wiring is agent/endpoints/wiring.ts).

import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_VERSION } from '../../agent/api/client.js';
import { frame, readFrames } from '../../agent/api/framing.js';
import { sluice } from '../../agent/api/gen/sluice.js';
import { REPO_ROOT } from '../../agent/config/config.js';
import { GATEWAY_IP, GATEWAY_IPV6, macFor } from '../../agent/endpoints/wiring.js';
import { invokePlugin } from './cni-invoke.js';

export const CNI_BINARY = path.join(REPO_ROOT, 'build', 'sluice-cni');

export interface WireRequest {
  /** Network namespace of the host side (undefined = the caller's). */
  hostNetns?: string | undefined;
  /** Path of the pod's network namespace. */
  podNetns: string;
  hostIfName: string;
  podIfName: string;
  ip: string;
  /** A dual-stack pod's IPv6 address (its /128, a default route via fe80::1 and the neighbour
   * entries for both); undefined: IPv4 only, nothing of IPv6 is touched. */
  ipv6?: string | undefined;
  mtu?: number;
}

export interface WireResult {
  hostIfName: string;
  hostIfindex: number;
  hostMac: string;
  podIfName: string;
  podMac: string;
}

/**
 * Wires a pod without an agent, with sluice-cni's own code (the one wiring there is): the plugin
 * runs an ADD against a private socket where this function plays the agent and asks for exactly
 * one WirePod step. For the test harness and the datapath bench. On failure the plugin has
 * removed what it made.
 */
export async function wirePod(req: WireRequest): Promise<WireResult> {
  const { hostNetns, podNetns, hostIfName, podIfName, ip, ipv6 } = req;
  const hostMac = macFor(`host/${hostIfName}`);
  const podMac = macFor(`pod/${hostIfName}`);
  const hostNetnsInode = hostNetns ? statSync(hostNetns).ino : 0;
  const dir = await mkdtemp(path.join(tmpdir(), 'sluice-wire-'));
  const socketPath = path.join(dir, 'agent.sock');
  let result: sluice.v1.ICniStepResult | undefined;
  const server = createServer((sock) => {
    sock.on('error', () => undefined);
    let frames = 0;
    const send = (cni: sluice.v1.ICniStep) =>
      sock.write(frame(sluice.v1.Response.encode({ version: API_VERSION, cni }).finish()));
    readFrames(
      sock,
      (payload) => {
        if (frames++ === 0) {
          send({
            wire: {
              host_netns: hostNetns ?? '',
              host_netns_inode: hostNetnsInode,
              pod_netns: podNetns,
              host_ifname: hostIfName,
              pod_ifname: podIfName,
              ip,
              gateway: GATEWAY_IP,
              ...(ipv6 ? { ipv6, gateway_v6: GATEWAY_IPV6 } : {}),
              host_mac: hostMac,
              pod_mac: podMac,
              mtu: req.mtu ?? 1500,
            },
          });
          return;
        }
        try {
          result = sluice.v1.Request.decode(payload).cni_step ?? undefined;
        } catch {
          result = undefined;
        }
        send({ done: { exit_code: result && !result.errno && !result.error ? 0 : 1 } });
        sock.end();
      },
      () => sock.destroy(),
    );
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, resolve);
    });
    const conf = { cniVersion: '1.1.0', name: 'wire', type: 'sluice-cni', agentSocket: socketPath };
    const call = { command: 'ADD', containerId: 'wire', netns: podNetns, ifname: podIfName };
    const out = await invokePlugin(CNI_BINARY, call, conf);
    if (!result) throw new Error(`sluice-cni did not wire ${hostIfName}: ${out.stdout}${out.stderr}`);
    if (result.errno || result.error) throw new Error(result.error || `errno ${result.errno}`);
    return { hostIfName, hostIfindex: result.host_ifindex ?? 0, hostMac, podIfName, podMac };
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
