// The cross-node topologies of `sluice bench datapath`: a client pod on one node and a server pod
// on another, in four configurations built side by side and kept up for the whole run.
//
//   cross-node-native, cross-node-vxlan: a two-node lab (tools/lab/lab.ts) in each routing mode:
//     real agents, pods wired by the real sluice-cni, the programs and routes the agents install.
//   cross-node-native-baseline, cross-node-vxlan-baseline: the same topology without any BPF
//     program or agent: node namespaces on an underlay bridge in the root namespace (as the lab's),
//     pods wired the same way (wirePod), and the kernel routing between them: plain routes via the
//     other node (native), or one kernel VXLAN device per node with static forwarding, neighbour
//     and route entries (no learning, no ARP) and the lab's pod MTU (vxlan).
//
// The same underlay and pod addresses as the lab's (they live in separate namespaces). This module
// builds and removes topologies only: the servers and the measurements are the datapath bench's.

import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RoutingMode } from '../../agent/config/config.js';
import { setEventFlags } from '../../agent/observe/events.js';
import { run } from '../../agent/sys/exec.js';
import { Lab, nodeFiles } from '../lab/lab.js';
import { wirePod } from '../net/wire-pod.js';

export const CROSS_NODE_CONFIGS = [
  'cross-node-native-baseline',
  'cross-node-native',
  'cross-node-vxlan-baseline',
  'cross-node-vxlan',
] as const;
export type CrossNodeConfig = (typeof CROSS_NODE_CONFIGS)[number];

export function isCrossNode(config: string): config is CrossNodeConfig {
  return (CROSS_NODE_CONFIGS as readonly string[]).includes(config);
}

type Mode = 'native' | 'vxlan';
const ROUTING: Record<Mode, RoutingMode> = { native: 'native', vxlan: 'tunnel' };

/** One configuration's client and server: namespace paths, the server's address, the pods' MTU. */
export interface CrossNodePair {
  config: CrossNodeConfig;
  client: string;
  server: string;
  serverIp: string;
  mtu: number;
}

/** The bench's two pods, pinned to node1 and node2; no containerPorts (the bench starts its own
 * servers). No NetworkPolicy: nothing is enforced, as in the same-node `sluice` config. */
export const CROSS_NODE_MANIFESTS = `apiVersion: v1
kind: Namespace
metadata: { name: bench }
---
apiVersion: v1
kind: Pod
metadata: { name: client, namespace: bench, labels: { role: client } }
spec: { nodeName: node1, containers: [{ name: c }] }
---
apiVersion: v1
kind: Pod
metadata: { name: server, namespace: bench, labels: { role: server } }
spec: { nodeName: node2, containers: [{ name: c }] }
`;

/** The baselines' addresses: the lab's underlay and pod CIDRs (lab.ts: 10.239.0.(i+1)/24 and
 * 10.240.(16 i).0/20). */
const UNDERLAY_PREFIX = 24;
const nodeIp = (i: number) => `10.239.0.${i + 1}`;
const podNet = (i: number) => `10.240.${16 * i}`;
const podCidr = (i: number) => `${podNet(i)}.0/20`;
/** A kernel VXLAN device as flannel sets one up: the pod CIDR's first address as its own, a fixed
 * MAC, VNI 1 on the port Sluice uses. */
const BASELINE_VXLAN = { device: 'vxlan0', vni: 1, port: 8472 };
const vtepMac = (i: number) => `02:5b:00:00:00:0${i + 1}`;

/** Lab names of this bench process: `bench-dp<pid>-<mode>` (at most 22 characters). */
function labName(id: string, mode: Mode): string {
  return `bench-${id}-${mode}`;
}
const LAB_NAME_RE = /^bench-dp(\d+)-(native|vxlan)$/;
/** Root-namespace links of a baseline: `sb<id><v|n>` (bridge) and `sb<id><v|n><i>` (uplinks),
 * within the 15 characters of a link name. */
const ROOT_LINK_RE = /^sbdp(\d+)[vn]\d?$/;

/** Every cross-node topology of one bench process. `down` removes exactly what `up` made, also
 * after an `up` that failed or was interrupted (it waits for `up` to stop first). */
export class CrossNode {
  readonly pairs = new Map<CrossNodeConfig, CrossNodePair>();
  private readonly labs: string[] = [];
  private readonly namespaces: string[] = [];
  private readonly rootLinks: string[] = [];
  private closed = false;
  private upping: Promise<void> | undefined;
  private downing: Promise<void> | undefined;

  constructor(
    readonly id: string,
    private readonly log?: (line: string) => void,
  ) {}

  up(): Promise<void> {
    this.upping ??= this.setup();
    return this.upping;
  }

  down(): Promise<void> {
    this.downing ??= this.teardown();
    return this.downing;
  }

  private check(): void {
    if (this.closed) throw new Error('interrupted');
  }

  private async setup(): Promise<void> {
    const dir = await mkdtemp(path.join(tmpdir(), 'sluice-bench-xnode-'));
    try {
      const file = path.join(dir, 'pods.yaml');
      await writeFile(file, CROSS_NODE_MANIFESTS);
      for (const mode of ['native', 'vxlan'] as const) {
        this.check();
        const name = labName(this.id, mode);
        this.labs.push(name); // before up: down removes whatever of it exists
        this.log?.(`cross-node: lab ${name} (2 nodes, ${ROUTING[mode]} routing)`);
        const lab = await Lab.up(name, [file], { nodes: 2, routing: ROUTING[mode] });
        // Like the same-node configs (no agent): the datapath without flow events, whose cost is
        // the agent's reading them, not the datapath's (docs/benchmarks.md).
        for (const n of lab.nodes) await setEventFlags(nodeFiles(lab.paths, n.name).pinRoot, 0);
        const pods = lab.status().pods;
        const client = pods.find((p) => p.name === 'client');
        const server = pods.find((p) => p.name === 'server');
        if (!client?.ip || !server?.ip || client.node === server.node)
          throw new Error(
            `lab ${name}: expected bench/client and bench/server on two nodes, got ${JSON.stringify(pods)}`,
          );
        const pair: CrossNodePair = {
          config: `cross-node-${mode}`,
          client: `/run/netns/${client.netns}`,
          server: `/run/netns/${server.netns}`,
          serverIp: server.ip,
          mtu: await mtuOf(`/run/netns/${client.netns}`),
        };
        this.pairs.set(pair.config, pair);
      }
      for (const mode of ['native', 'vxlan'] as const) {
        // The baseline's pods get the MTU Sluice gave its pods in the same mode.
        const mtu = this.pairs.get(`cross-node-${mode}`)!.mtu;
        this.log?.(`cross-node: ${mode} baseline (pod MTU ${mtu})`);
        await this.baseline(mode, mtu);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async addNetns(name: string): Promise<string> {
    this.check();
    this.namespaces.push(name); // recorded first: `ip netns del` of one never made is harmless
    await run(['ip', 'netns', 'add', name]);
    return `/run/netns/${name}`;
  }

  private async addRootLink(name: string, argv: string[]): Promise<void> {
    this.check();
    this.rootLinks.push(name);
    await run(['ip', 'link', 'add', name, ...argv]);
  }

  /** Two node namespaces on a root-namespace bridge, a pod on each, kernel routing between. */
  private async baseline(mode: Mode, mtu: number): Promise<void> {
    const prefix = `sluice-bench-${this.id}-${mode}`;
    const bridge = `sb${this.id}${mode[0]}`;
    await this.addRootLink(bridge, ['type', 'bridge']);
    await run(['ip', 'link', 'set', bridge, 'up']);
    const nodes: string[] = [];
    for (const i of [0, 1]) {
      const netns = await this.addNetns(`${prefix}-node${i + 1}`);
      nodes.push(netns);
      const uplink = `${bridge}${i + 1}`;
      await this.addRootLink(uplink, ['type', 'veth', 'peer', 'name', 'eth0', 'netns', netns]);
      await run(['ip', 'link', 'set', uplink, 'master', bridge, 'up']);
      await run(['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1'], { netns });
      await run(['ip', '-batch', '-'], {
        netns,
        input: `link set lo up\naddr add ${nodeIp(i)}/${UNDERLAY_PREFIX} dev eth0\nlink set eth0 up\n`,
      });
    }
    for (const i of [0, 1]) {
      const other = 1 - i;
      const lines =
        mode === 'native'
          ? [`route add ${podCidr(other)} via ${nodeIp(other)}`]
          : [
              `link add ${BASELINE_VXLAN.device} type vxlan id ${BASELINE_VXLAN.vni} dstport ${BASELINE_VXLAN.port} local ${nodeIp(i)} dev eth0 nolearning udpcsum`,
              `link set ${BASELINE_VXLAN.device} address ${vtepMac(i)} mtu ${mtu} up`,
              `addr add ${podNet(i)}.0/32 dev ${BASELINE_VXLAN.device}`,
              `neigh add ${podNet(other)}.0 lladdr ${vtepMac(other)} dev ${BASELINE_VXLAN.device} nud permanent`,
              `route add ${podCidr(other)} via ${podNet(other)}.0 dev ${BASELINE_VXLAN.device} onlink`,
            ];
      await run(['ip', '-batch', '-'], { netns: nodes[i]!, input: `${lines.join('\n')}\n` });
      if (mode === 'vxlan')
        await run(
          [
            'bridge',
            'fdb',
            'append',
            vtepMac(other),
            'dev',
            BASELINE_VXLAN.device,
            'dst',
            nodeIp(other),
            'self',
            'permanent',
          ],
          { netns: nodes[i]! },
        );
    }
    const pods: string[] = [];
    for (const [i, role] of ['client', 'server'].entries()) {
      const podNetns = await this.addNetns(`${prefix}-${role}`);
      pods.push(podNetns);
      this.check();
      await wirePod({
        hostNetns: nodes[i]!,
        podNetns,
        hostIfName: `bench${i}`,
        podIfName: 'eth0',
        ip: `${podNet(i)}.10`,
        mtu,
      });
    }
    const config: CrossNodeConfig = `cross-node-${mode}-baseline`;
    this.pairs.set(config, { config, client: pods[0]!, server: pods[1]!, serverIp: `${podNet(1)}.10`, mtu });
  }

  private async teardown(): Promise<void> {
    this.closed = true;
    await this.upping?.catch(() => undefined);
    for (const name of this.labs) await Lab.downByName(name).catch(() => undefined);
    for (const n of [...this.namespaces].reverse())
      await run(['ip', 'netns', 'del', n]).catch(() => undefined);
    // The uplinks went with their node namespaces (a veth goes with its peer); the bridges stay.
    for (const l of [...this.rootLinks].reverse()) await run(['ip', 'link', 'del', l]).catch(() => undefined);
    this.labs.length = 0;
    this.namespaces.length = 0;
    this.rootLinks.length = 0;
  }
}

/** The MTU of a pod's eth0. */
async function mtuOf(netns: string): Promise<number> {
  const { stdout } = await run(['ip', '-j', 'link', 'show', 'dev', 'eth0'], { netns });
  const mtu = (JSON.parse(stdout) as { mtu?: number }[])[0]?.mtu;
  if (!mtu) throw new Error(`no MTU on eth0 in ${netns}`);
  return mtu;
}

/** Labs and root-namespace links of an earlier bench whose process is gone. (Its baseline
 * namespaces, sluice-bench-dp<pid>-…, go with the same-node ones.) */
export async function removeCrossNodeLeftovers(
  alive: (pid: number) => boolean,
  log?: (line: string) => void,
): Promise<void> {
  for (const name of await readdir('/run/sluice-lab').catch(() => [] as string[])) {
    const m = LAB_NAME_RE.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    log?.(`removing lab ${name}, left by an aborted run`);
    await Lab.downByName(name).catch(() => undefined);
  }
  const { stdout } = await run(['ip', '-j', 'link', 'show']);
  for (const link of JSON.parse(stdout || '[]') as { ifname: string }[]) {
    const m = ROOT_LINK_RE.exec(link.ifname);
    if (!m || alive(Number(m[1]))) continue;
    log?.(`removing link ${link.ifname}, left by an aborted run`);
    await run(['ip', 'link', 'del', link.ifname]).catch(() => undefined);
  }
}
