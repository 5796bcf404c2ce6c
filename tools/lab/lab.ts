// sluice lab: a cluster's networking on one machine. A node network namespace runs the real
// agent (local mode: it reads the lab's manifests); every Pod is a network namespace wired by the
// real sluice-cni, invoked as a runtime invokes it, serving its containerPorts. Everything the lab
// makes is recorded in its state file, so `down` removes exactly that — by name and by pid.
// Services of the manifests are reached by their clusterIP (or a node address and their
// nodePort); `--external-client` adds a host outside the cluster, routed to the node.
// `--nodes N` (N > 1): N node namespaces, each with its own agent (pin root, state, socket),
// joined by an underlay bridge in the root namespace; pods go round-robin or to spec.nodeName, and
// every agent learns the others' pods (their IPs and nodes) from the manifests the lab writes.
// `--ipv6`: dual-stack: every node an IPv6 pod CIDR (and, with several, an IPv6 address on the
// underlay, its IPv6 InternalIP), every pod an IPv6 address beside its IPv4 one, served on both.

import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { callAgent } from '../../agent/api/client.js';
import { defaultConfig, REPO_ROOT, type RoutingMode, serviceCidrV6Of } from '../../agent/config/config.js';
import {
  addressFamily,
  type Pod,
  type Protocol,
  type Service,
  type ServicePort,
  serviceClusterIPs,
  serviceFamilies,
} from '../../agent/model/types.js';
import { type MatrixCase, type MatrixVerdict, simulateMatrix } from '../../agent/policy/matrix.js';
import { compileServices, frontendKey } from '../../agent/services/compile.js';
import { deriveEndpointSlices } from '../../agent/services/derive.js';
import {
  checkManifests,
  emptyManifests,
  type Manifests,
  manifestFiles,
  parseManifests,
  parseObject,
  withServiceAddresses,
} from '../../agent/sources/manifests.js';
import { readJsonIfExists, writeFileAtomic } from '../../agent/state/atomic-file.js';
import { EnvironmentError, UserError } from '../../agent/sys/errors.js';
import { run } from '../../agent/sys/exec.js';
import { invokePlugin } from '../net/cni-invoke.js';
import { hostPort, probeFrom, SCTP_TOOL } from '../net/probes.js';
import { startInNetns, startResponder } from '../net/servers.js';
import { CNI_BINARY as CNI_BIN } from '../net/wire-pod.js';

export const LAB_NODE_IP = '10.239.0.1';
const LAB_POD_CIDR = '10.240.0.0/16';
/** Several nodes: node i (from 0) has 10.239.0.(i+1) on the underlay and 10.240.(16 i).0/20. */
const LAB_UNDERLAY_PREFIX = 24;
export const LAB_MAX_NODES = 16;
export function labNodeIp(i: number): string {
  return `10.239.0.${i + 1}`;
}
function labNodePodCidr(i: number): string {
  return `10.240.${16 * i}.0/20`;
}
/** `--ipv6`, the IPv6 twins of the above: the node's address fd00:239::1 (on lo) and pod CIDR
 * fd00:240::/64; with several nodes node i (from 0) has fd00:239::(i+1)/64 on the underlay (its
 * IPv6 InternalIP) and fd00:240:(i+1)::/64: the node's number read as a group (node10: fd00:240:10::/64). */
export const LAB_NODE_IP_V6 = 'fd00:239::1';
const LAB_POD_CIDR_V6 = 'fd00:240::/64';
const LAB_UNDERLAY_PREFIX_V6 = 64;
export function labNodeIpV6(i: number): string {
  return `fd00:239::${i + 1}`;
}
function labNodePodCidrV6(i: number): string {
  return `fd00:240:${i + 1}::/64`;
}
/** `--external-client`: a /24 between the node (its side is a node address: NodePorts are served
 * there and from_netdev is attached to its device) and a client outside the cluster. */
export const LAB_EXTERNAL_NODE_IP = '10.239.1.1';
export const LAB_EXTERNAL_CLIENT_IP = '10.239.1.2';
const LAB_EXTERNAL_PREFIX = 24;
/** The node's side of the external link (not the pods' interface prefix: the agent must treat it
 * as a node device). */
const LAB_EXTERNAL_DEVICE = 'ext0';
/** The FROM of probes sent by the external client. */
export const EXTERNAL = 'external';
const AGENT_BIN = path.join(REPO_ROOT, 'bin', 'sluice-agent');

export interface LabPaths {
  name: string;
  dir: string;
  socket: string;
  pinRoot: string;
  nodeNetns: string;
  externalNetns: string;
  manifests: string;
  state: string;
  agentLog: string;
  cniLog: string;
}

export function labPaths(name: string, root = '/run/sluice-lab'): LabPaths {
  if (!/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/.test(name)) {
    throw new UserError(`lab name ${JSON.stringify(name)}: use 1-22 lowercase letters, digits and dashes`);
  }
  const dir = path.join(root, name);
  return {
    name,
    dir,
    socket: path.join(dir, 'agent.sock'),
    pinRoot: `/sys/fs/bpf/sluice-lab-${name}`,
    nodeNetns: `sl-${name}-node`,
    externalNetns: `sl-${name}-${EXTERNAL}`,
    manifests: path.join(dir, 'manifests.yaml'),
    state: path.join(dir, 'lab.json'),
    agentLog: path.join(dir, 'agent.log'),
    cniLog: path.join(dir, 'cni.log'),
  };
}

interface LabPod {
  /** The lab node it runs on. */
  node: string;
  netns: string;
  containerId: string;
  ip: string;
  /** Its IPv6 address, in a dual-stack lab. */
  ipv6?: string;
  /** Responder processes (ours, by pid). */
  pids: number[];
  /** What the responders serve, to restart them when the ports change. */
  ports: string;
}

/** The client outside the cluster (`lab up --external-client`). */
export interface LabExternal {
  netns: string;
  /** The node's side of the link: a node address. */
  device: string;
  nodeIp: string;
  clientIp: string;
}

/** A node of the lab: a network namespace with its own agent. */
export interface LabNode {
  name: string;
  netns: string;
  ip: string;
  podCidr: string;
  /** A dual-stack lab: the node's IPv6 address (with several nodes its IPv6 InternalIP on the
   * underlay) and IPv6 pod CIDR. */
  ipv6?: string;
  podCidrV6?: string;
  agentPid: number;
  /** Several nodes: the root namespace's end of its underlay link. */
  uplink?: string;
  /** Its Node object is withheld from the agents (as if deleted from the cluster); the
   * namespace, its agent and its pods stay. */
  withdrawn?: boolean;
}

interface LabState {
  version: 2;
  /** `node` alone, or node1..nodeN. */
  nodes: LabNode[];
  routing: RoutingMode;
  /** Dual-stack (`up --ipv6`); absent in the state of an older lab: IPv4 only. */
  ipv6?: boolean;
  /** Several nodes: the underlay bridge in the root namespace. */
  bridge?: string;
  pods: Record<string, LabPod>;
  external?: LabExternal;
}

/** The files and pins of one node's agent. A lab of one node keeps the paths it always had. */
export function nodeFiles(paths: LabPaths, node: string) {
  const single = node === SINGLE_NODE;
  const dir = single ? paths.dir : path.join(paths.dir, node);
  return {
    dir,
    socket: path.join(dir, 'agent.sock'),
    pinRoot: single ? paths.pinRoot : `${paths.pinRoot}-${node}`,
    stateDir: path.join(dir, 'state'),
    agentLog: path.join(dir, 'agent.log'),
    config: path.join(dir, 'agent.json'),
    netns: single ? paths.nodeNetns : `sl-${paths.name}-${node}`,
  };
}

/** The files of a lab node by name (undefined: the first node), for `sluice --lab NAME --node N`. */
export function labNodeFiles(lab: string, node: string | undefined): ReturnType<typeof nodeFiles> {
  const paths = labPaths(lab);
  let state: Partial<LabState>;
  try {
    state = JSON.parse(readFileSync(paths.state, 'utf8')) as Partial<LabState>;
  } catch {
    throw new UserError(`--lab ${lab}: no lab ${lab} is up: start one with 'sluice lab up -f PATH'`);
  }
  const nodes = (state.nodes ?? []).map((n) => n.name);
  const name = node ?? nodes[0] ?? SINGLE_NODE;
  if (!nodes.includes(name)) {
    throw new UserError(
      nodes.length === 1
        ? `--node ${name}: lab ${lab} has one node; --node picks one of a lab started with --nodes N`
        : `--node ${name}: lab ${lab} has nodes ${nodes.join(', ')}`,
    );
  }
  return nodeFiles(paths, name);
}

/** The name of the only node of a one-node lab. */
export const SINGLE_NODE = 'node';

/** Where a probe starts: a pod of the lab, or the external client. */
export type LabSource = { kind: 'pod'; key: string } | { kind: 'external' };
/** What a probe or a matrix column reaches: a pod, or a Service (by its clusterIP or a nodePort). */
export type LabTarget = { kind: 'pod'; key: string } | { kind: 'service'; key: string };

export function targetName(t: LabTarget | LabSource): string {
  return t.kind === 'external' ? EXTERNAL : t.kind === 'service' ? `svc/${t.key}` : t.key;
}

/** A probe's result; Service targets add the address probed and the backend that answered. */
export interface LabVerdict extends MatrixVerdict {
  ms?: number;
  /** Service targets: "ip:port" probed (clusterIP and port, or node address and nodePort); IPv6
   * probes: "[ip]:port". */
  address?: string;
  /** Service targets: the pod that answered (its responder names itself); null when none did. */
  backend?: string | null;
  refused?: boolean;
}

/** What the compiler says a probe should do. */
export interface Expectation {
  /** Undefined: it depends on the backend the datapath picks, or it cannot be simulated. */
  connected: boolean | undefined;
  /** Service targets: every backend that takes new connections and its own simulated verdict. */
  backends?: { pod: string; connected: boolean }[];
  /** Why there is no single verdict (or why it is what it is, for a Service without backends). */
  note?: string;
}

/** "svc/NS/NAME" -> "NS/NAME"; a pod key (NS/NAME) -> undefined. */
export function serviceKeyOf(target: string): string | undefined {
  const parts = target.split('/');
  return parts.length === 3 && parts[0] === 'svc' ? `${parts[1]}/${parts[2]}` : undefined;
}

export interface LabStatus {
  pods: {
    namespace: string;
    name: string;
    /** The lab node it runs on. */
    node: string;
    /** Its network namespace (`ip netns exec NAME ...`). */
    netns: string;
    ip: string;
    /** A dual-stack lab: its IPv6 address ('' before it has one). */
    ipv6?: string;
    labels: Record<string, string>;
    ports: string[];
  }[];
  nodes: { name: string; ip: string; podCidr: string; ipv6?: string; podCidrV6?: string }[];
  routing: RoutingMode;
  /** Dual-stack: pods have IPv6 addresses too, `probe --ipv6` uses them. */
  ipv6: boolean;
  policies: string[];
  services: {
    namespace: string;
    name: string;
    type: string;
    /** The primary clusterIP, and every one (a dual-stack Service has one per family). */
    clusterIP: string;
    clusterIPs: string[];
    ports: {
      name?: string;
      port: number;
      protocol: Protocol;
      targetPort: number | string;
      nodePort?: number;
    }[];
    /** The pods (or addresses) new connections may take, from its selector or its EndpointSlices. */
    backends: string[];
  }[];
  external: LabExternal | null;
}

/** A Service port resolved for probing. */
interface ServiceAddress {
  port: ServicePort;
  ip: string;
  dport: number;
}

function describePort(p: ServicePort): string {
  return `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol}`;
}

/**
 * The Service port a probe means: `port` a number or a port name, `protocol` narrowing it; with
 * one Service port both may be left out. Errors name the Service and the field.
 */
export function pickServicePort(svc: Service, port: string | undefined, protocol?: Protocol): ServicePort {
  const object = `Service ${svc.namespace}/${svc.name}`;
  const all = svc.ports.map(describePort).join(', ') || 'none';
  const candidates = svc.ports.filter((p) => !protocol || p.protocol === protocol);
  const want = port === undefined ? undefined : /^[0-9]+$/.test(port) ? Number(port) : port;
  const found =
    want === undefined
      ? candidates
      : candidates.filter((p) => (typeof want === 'number' ? p.port === want : p.name === want));
  const asked =
    want === undefined ? `${protocol ?? ''} port`.trim() : `port ${want}${protocol ? `/${protocol}` : ''}`;
  if (found.length === 0) throw new UserError(`${object}: spec.ports: no ${asked} (ports: ${all})`);
  if (found.length > 1) {
    throw new UserError(
      want === undefined
        ? `${object}: spec.ports: it has ${found.length} ports (${all}): say which with --port`
        : `${object}: spec.ports: port ${want} is served over ${found.map((p) => p.protocol).join(' and ')}: say which with --protocol`,
    );
  }
  return found[0]!;
}

/** A manifest object as read, with where it came from. */
interface Doc {
  key: string;
  raw: Record<string, unknown>;
  where: string;
}

function docKey(raw: Record<string, unknown>): string {
  const meta = (raw['metadata'] ?? {}) as Record<string, unknown>;
  const kind = String(raw['kind']);
  return kind === 'Namespace' || kind === 'Node'
    ? `${kind} ${meta['name']}`
    : `${kind} ${meta['namespace'] ?? 'default'}/${meta['name']}`;
}

/** Reads and validates manifest files; every error names the file, the object and the field. */
async function readDocs(files: readonly string[]): Promise<Doc[]> {
  const docs: Doc[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UserError(`${file}: no such file (or not readable)`);
    });
    parseManifests(text, file, undefined, (raw, where) => docs.push({ key: docKey(raw), raw, where }));
  }
  return docs;
}

/** The lab's manifests with what the API server adds: clusterIPs and nodePorts, from the ranges
 * the agents allocate from (their config is the default one, with podCidrV6 in a dual-stack lab:
 * startAgent), so a Service the agents would refuse is refused here first. */
function manifestsOf(docs: readonly Doc[], ipv6: boolean): Manifests {
  const m = emptyManifests();
  for (const d of docs) parseObject(d.raw, d.where, m);
  checkManifests(m);
  const agent = { ...defaultConfig(), ...(ipv6 ? { podCidrV6: LAB_POD_CIDR_V6 } : {}) };
  m.services = withServiceAddresses(m.services, agent.serviceCidr, serviceCidrV6Of(agent));
  return m;
}

function containerIdOf(podKey: string): string {
  return `lab-${podKey.replace(/[^a-zA-Z0-9_.-]/g, '-')}`;
}

function servedPorts(pod: Pod): string {
  return pod.ports
    .map((p) => `${p.containerPort}/${p.protocol}`)
    .sort()
    .join(',');
}

export class Lab {
  private constructor(
    readonly paths: LabPaths,
    private state: LabState,
    private docs: Doc[],
  ) {}

  /** Starts a lab from manifests. Fails, leaving nothing behind, if anything is wrong. */
  static async up(
    name: string,
    files: readonly string[],
    opts: { externalClient?: boolean; nodes?: number; routing?: RoutingMode; ipv6?: boolean } = {},
  ): Promise<Lab> {
    const paths = labPaths(name);
    const count = opts.nodes ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > LAB_MAX_NODES)
      throw new UserError(`--nodes ${count}: a lab has 1 to ${LAB_MAX_NODES} nodes`);
    if (await readJsonIfExists<LabState>(paths.state)) {
      throw new UserError(
        `lab ${name} is already up: use 'sluice lab apply' to change it or 'sluice lab down' first`,
      );
    }
    const docs = dedupe(await readDocs(await manifestFiles(files, true)));
    const manifests = manifestsOf(docs, opts.ipv6 === true);
    const v6 = (ipv6: string, podCidrV6: string) => (opts.ipv6 ? { ipv6, podCidrV6 } : {});
    const nodes: LabNode[] =
      count === 1
        ? [
            {
              name: SINGLE_NODE,
              netns: paths.nodeNetns,
              ip: LAB_NODE_IP,
              podCidr: LAB_POD_CIDR,
              ...v6(LAB_NODE_IP_V6, LAB_POD_CIDR_V6),
              agentPid: 0,
            },
          ]
        : Array.from({ length: count }, (_, i) => ({
            name: `node${i + 1}`,
            netns: nodeFiles(paths, `node${i + 1}`).netns,
            ip: labNodeIp(i),
            podCidr: labNodePodCidr(i),
            ...v6(labNodeIpV6(i), labNodePodCidrV6(i)),
            agentPid: 0,
          }));
    const lab = new Lab(
      paths,
      {
        version: 2,
        nodes: [],
        routing: opts.routing ?? 'tunnel',
        ...(opts.ipv6 ? { ipv6: true } : {}),
        pods: {},
      },
      docs,
    );
    lab.placePods(manifests.pods, nodes); // a pod naming no such node fails before anything is made
    try {
      await mkdir(paths.dir, { recursive: true, mode: 0o700 });
      if (count > 1) {
        lab.state.bridge = `slb${shortHash(name)}`;
        await lab.save();
        await run(['ip', 'link', 'add', lab.state.bridge, 'type', 'bridge']);
        await run(['ip', 'link', 'set', lab.state.bridge, 'up']);
      }
      for (const [i, node] of nodes.entries()) await lab.addNode(node, i);
      await lab.writeManifests();
      // Before the agent: it finds the node devices (where from_netdev goes) when it starts.
      if (opts.externalClient) await lab.addExternalClient();
      for (const node of nodes) await lab.startAgent(node);
      await lab.syncPods(manifests.pods);
      return lab;
    } catch (err) {
      await lab.down().catch(() => undefined);
      throw err;
    }
  }

  static async open(name: string): Promise<Lab> {
    const paths = labPaths(name);
    const state = await readJsonIfExists<LabState>(paths.state);
    if (!state) throw new UserError(`no lab ${name} is up: start one with 'sluice lab up -f PATH'`);
    if (state.version !== 2)
      throw new UserError(
        `lab ${name} was started by an older sluice: 'sluice lab down' it and start it again`,
      );
    // The lab's own Node objects are written anew with every change: the manifests are the rest.
    const docs = (await readDocs([paths.manifests])).filter((d) => !isLabNode(d.raw));
    return new Lab(paths, state, docs);
  }

  get nodes(): readonly LabNode[] {
    return this.state.nodes;
  }

  /** The node namespace of the first node (the only one of a one-node lab). */
  get nodeNetnsPath(): string {
    return `/run/netns/${this.state.nodes[0]!.netns}`;
  }

  private node(name: string): LabNode {
    const n = this.state.nodes.find((x) => x.name === name);
    if (!n) throw new UserError(`node ${name}: not in lab ${this.paths.name}`);
    return n;
  }

  /** A node's namespace: loopback, forwarding and, with several nodes, its underlay link. */
  private async addNode(node: LabNode, i: number): Promise<void> {
    await run(['ip', 'netns', 'add', node.netns]);
    this.state.nodes.push(node);
    await this.save();
    const netns = `/run/netns/${node.netns}`;
    await run(['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1'], { netns });
    // Dual-stack: the datapath's IPv6 route lookups (bpf_fib_lookup) need forwarding on.
    if (node.ipv6) await run(['sysctl', '-q', '-w', 'net.ipv6.conf.all.forwarding=1'], { netns });
    if (!this.state.bridge) {
      const v6 = node.ipv6 ? `addr add ${node.ipv6}/128 dev lo\n` : '';
      await run(['ip', '-batch', '-'], {
        netns,
        input: `link set lo up\naddr add ${node.ip}/32 dev lo\n${v6}`,
      });
      return;
    }
    // Named after the bridge (slb…), never like a pod's host veth (slc…), whatever the hash.
    node.uplink = `${this.state.bridge}n${i + 1}`;
    await this.save();
    await run(['ip', 'link', 'add', node.uplink, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns]);
    await run(['ip', 'link', 'set', node.uplink, 'master', this.state.bridge, 'up']);
    // No DAD for the IPv6 address: usable at once (the lab hands out each address once).
    const v6 = node.ipv6 ? `addr add ${node.ipv6}/${LAB_UNDERLAY_PREFIX_V6} dev eth0 nodad\n` : '';
    await run(['ip', '-batch', '-'], {
      netns,
      input: `link set lo up\naddr add ${node.ip}/${LAB_UNDERLAY_PREFIX} dev eth0\n${v6}link set eth0 up\n`,
    });
  }

  /** Assigns every pod without a node one: its spec.nodeName (which must be a lab node), else
   * round-robin in manifest order. */
  private placePods(pods: readonly Pod[], nodes: readonly LabNode[] = this.state.nodes): Map<string, string> {
    const names = nodes.map((n) => n.name);
    const placed = new Map<string, string>();
    let next = Object.keys(this.state.pods).length;
    for (const pod of pods) {
      if (pod.hostNetwork) continue;
      const key = `${pod.namespace}/${pod.name}`;
      const have = this.state.pods[key]?.node;
      if (pod.nodeName !== undefined && !names.includes(pod.nodeName))
        throw new UserError(
          `Pod ${key}: spec.nodeName: no node ${JSON.stringify(pod.nodeName)} in the lab (nodes: ${names.join(', ')})`,
        );
      placed.set(key, have ?? pod.nodeName ?? names[next++ % names.length]!);
    }
    return placed;
  }

  /**
   * A host outside the cluster: its own namespace behind a veth to the (first) node's namespace,
   * a /24 of its own, default route via the node's side — whose address is a node address (the
   * agent is started with it), so NodePorts are served there and from_netdev is attached to it.
   */
  private async addExternalClient(): Promise<void> {
    const ext: LabExternal = {
      netns: this.paths.externalNetns,
      device: LAB_EXTERNAL_DEVICE,
      nodeIp: LAB_EXTERNAL_NODE_IP,
      clientIp: LAB_EXTERNAL_CLIENT_IP,
    };
    await run(['ip', 'netns', 'add', ext.netns]);
    this.state.external = ext;
    await this.save();
    const netns = `/run/netns/${ext.netns}`;
    await run(['ip', 'link', 'add', ext.device, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns], {
      netns: this.nodeNetnsPath,
    });
    await run(['ip', '-batch', '-'], {
      netns: this.nodeNetnsPath,
      input: `addr add ${ext.nodeIp}/${LAB_EXTERNAL_PREFIX} dev ${ext.device}\nlink set ${ext.device} up\n`,
    });
    await run(['ip', '-batch', '-'], {
      netns,
      input: `link set lo up\naddr add ${ext.clientIp}/${LAB_EXTERNAL_PREFIX} dev eth0\nlink set eth0 up\nroute add default via ${ext.nodeIp}\n`,
    });
  }

  /** A node's addresses as its agent knows them: NodePorts are served on each. */
  private nodeIps(node: LabNode = this.state.nodes[0]!): string[] {
    const first = node === this.state.nodes[0];
    return [node.ip, ...(first && this.state.external ? [this.state.external.nodeIp] : [])];
  }

  private async save(): Promise<void> {
    await writeFileAtomic(this.paths.state, `${JSON.stringify(this.state, null, 2)}\n`);
  }

  /** The manifests the agents read: as given, and every wired pod with its node and address
   * (status.podIP), as the API server would tell them. */
  private async writeManifests(): Promise<void> {
    const docs = this.docs.map((d) => {
      const key = d.key.startsWith('Pod ') ? d.key.slice(4) : undefined;
      const pod = key ? this.state.pods[key] : undefined;
      if (!pod?.ip) return d.raw;
      const spec = (d.raw['spec'] ?? {}) as Record<string, unknown>;
      const status = (d.raw['status'] ?? {}) as Record<string, unknown>;
      const podIPs = pod.ipv6 ? { podIPs: [{ ip: pod.ip }, { ip: pod.ipv6 }] } : {};
      return {
        ...d.raw,
        spec: { ...spec, nodeName: pod.node },
        status: { ...status, podIP: pod.ip, ...podIPs },
      };
    });
    // Several nodes: their Node objects, as the kubelets would register them.
    if (this.state.nodes.length > 1) {
      for (const n of this.state.nodes.filter((x) => !x.withdrawn)) {
        docs.push({
          apiVersion: 'v1',
          kind: 'Node',
          metadata: { name: n.name, annotations: { [LAB_NODE_ANNOTATION]: 'true' } },
          spec: n.podCidrV6
            ? { podCIDR: n.podCidr, podCIDRs: [n.podCidr, n.podCidrV6] }
            : { podCIDR: n.podCidr },
          status: {
            addresses: [
              { type: 'InternalIP', address: n.ip },
              ...(n.ipv6 ? [{ type: 'InternalIP', address: n.ipv6 }] : []),
            ],
          },
        });
      }
    }
    await writeFileAtomic(this.paths.manifests, docs.map((d) => stringify(d)).join('---\n'), 0o600);
  }

  /** A node leaves the cluster (false: its Node object is withheld from every agent) or comes
   * back (true). Resolves once every agent's datapath has it so. */
  async setNodeListed(name: string, listed: boolean): Promise<void> {
    this.node(name).withdrawn = !listed;
    await this.save();
    await this.writeManifests();
    await this.reload(this.state.nodes.filter((n) => n.agentPid));
  }

  /** Ends a node's agent with a signal (SIGKILL: no shutdown at all) and waits for it to go. */
  async stopAgent(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const node = this.node(name);
    if (!node.agentPid) return;
    try {
      process.kill(node.agentPid, signal);
    } catch {
      // gone already
    }
    await killAndWait(node.agentPid);
    node.agentPid = 0;
    await this.save();
  }

  /** Starts a node's agent again (over its pinned maps and state, as a restart does). */
  async restartAgent(name: string): Promise<void> {
    await this.stopAgent(name);
    await this.startAgent(this.node(name));
  }

  private async startAgent(node: LabNode): Promise<void> {
    const files = nodeFiles(this.paths, node.name);
    await mkdir(files.dir, { recursive: true, mode: 0o700 });
    const multi = this.state.nodes.length > 1;
    // Several nodes: the others come as Node objects in the manifests (writeManifests).
    const config = {
      ...(multi ? { nodeName: node.name, routing: this.state.routing } : {}),
      ...(node.podCidrV6 ? { podCidrV6: node.podCidrV6 } : {}),
    };
    await writeFileAtomic(files.config, `${JSON.stringify(config, null, 2)}\n`, 0o600);
    const log = openSync(files.agentLog, 'a', 0o600);
    const child = spawn(
      AGENT_BIN,
      [
        '--config',
        files.config,
        '--pin-root',
        files.pinRoot,
        '--state-dir',
        files.stateDir,
        '--socket',
        files.socket,
        '--host-netns',
        `/run/netns/${node.netns}`,
        '--pod-cidr',
        node.podCidr,
        ...this.nodeIps(node).flatMap((ip) => ['--node-ip', ip]),
        '--manifests',
        this.paths.manifests,
        // Labs run side by side (and beside a node agent): no shared metrics port.
        '--metrics-port',
        '0',
      ],
      { detached: true, stdio: ['ignore', log, log] },
    );
    closeSync(log);
    child.unref();
    node.agentPid = child.pid ?? 0;
    await this.save();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ok = await callAgent(files.socket, { status: {} }, 1000).then(
        (r) => r.status?.ready === true,
        () => false,
      );
      if (ok) return;
      if (child.exitCode !== null || Date.now() > deadline) {
        const tail = (await readFile(files.agentLog, 'utf8').catch(() => ''))
          .split('\n')
          .slice(-5)
          .join('\n');
        throw new EnvironmentError(
          `the lab's agent on ${node.name} did not become ready (log ${files.agentLog}):\n${tail}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Tells every agent to re-read the manifests; resolves once their datapaths hold them. */
  private async reload(nodes: readonly LabNode[] = this.state.nodes): Promise<void> {
    await Promise.all(
      nodes.map((n) => callAgent(nodeFiles(this.paths, n.name).socket, { reload: {} }, 60_000)),
    );
  }

  private cniConf(node: string): Record<string, unknown> {
    return {
      cniVersion: '1.1.0',
      name: 'sluice-lab',
      type: 'sluice-cni',
      agentSocket: nodeFiles(this.paths, node).socket,
      logFile: this.paths.cniLog,
    };
  }

  private async addPod(pod: Pod, node: string): Promise<void> {
    const key = `${pod.namespace}/${pod.name}`;
    const netnsName = `sl-${this.paths.name}-${pod.namespace}-${pod.name}`;
    const netns = `/run/netns/${netnsName}`;
    const containerId = containerIdOf(key);
    await run(['ip', 'netns', 'add', netnsName]);
    this.state.pods[key] = { node, netns: netnsName, containerId, ip: '', pids: [], ports: '' };
    const r = await invokePlugin(
      CNI_BIN,
      {
        command: 'ADD',
        containerId,
        netns,
        ifname: 'eth0',
        args: `IgnoreUnknown=1;K8S_POD_NAMESPACE=${pod.namespace};K8S_POD_NAME=${pod.name}`,
      },
      this.cniConf(node),
    );
    if (r.code !== 0)
      throw new EnvironmentError(`CNI ADD of pod ${key} failed: ${String(r.json?.['msg'] ?? r.stdout)}`);
    const ips = (r.json!['ips'] as { address: string }[]).map((a) => a.address.split('/')[0]!);
    const ip = ips.find((a) => !a.includes(':'));
    if (!ip)
      throw new EnvironmentError(`CNI ADD of pod ${key} returned no IPv4 address (got ${ips.join(', ')})`);
    this.state.pods[key]!.ip = ip;
    const ipv6 = ips.find((a) => a.includes(':'));
    if (ipv6) this.state.pods[key]!.ipv6 = ipv6;
    await this.startResponders(key, pod);
  }

  private async startResponders(key: string, pod: Pod): Promise<void> {
    const entry = this.state.pods[key]!;
    for (const pid of entry.pids) killPid(pid);
    entry.pids = [];
    entry.ports = servedPorts(pod);
    const netns = `/run/netns/${entry.netns}`;
    const ports = (proto: Protocol) =>
      pod.ports.filter((p) => p.protocol === proto).map((p) => p.containerPort);
    // Detached: they outlive this command; `lab down` ends them by the pids recorded here.
    const opts = { detached: true, track: (c: ChildProcess) => c.pid && entry.pids.push(c.pid) };
    if (ports('TCP').length + ports('UDP').length > 0)
      await startResponder(
        netns,
        key,
        { tcp: ports('TCP'), udp: ports('UDP'), ...(entry.ipv6 ? { ipv6: true } : {}) },
        opts,
      );
    if (ports('SCTP').length > 0)
      await startInNetns(
        netns,
        [SCTP_TOOL, 'serve', key, ...ports('SCTP').map(String)],
        `SCTP server of ${key}`,
        opts,
      );
  }

  private async removePod(key: string): Promise<void> {
    const entry = this.state.pods[key];
    if (!entry) return;
    for (const pid of entry.pids) killPid(pid);
    await invokePlugin(
      CNI_BIN,
      { command: 'DEL', containerId: entry.containerId, netns: `/run/netns/${entry.netns}`, ifname: 'eth0' },
      this.cniConf(entry.node),
    );
    await run(['ip', 'netns', 'del', entry.netns]).catch(() => undefined);
    delete this.state.pods[key];
  }

  /** Makes the running pods match the manifests: new ones wired on their nodes, gone ones
   * removed, ports served; then every agent learns where the new ones are. */
  private async syncPods(pods: readonly Pod[]): Promise<void> {
    const want = new Map(pods.filter((p) => !p.hostNetwork).map((p) => [`${p.namespace}/${p.name}`, p]));
    const placed = this.placePods([...want.values()]);
    let added: [string, Pod][] = [];
    try {
      for (const key of Object.keys(this.state.pods)) if (!want.has(key)) await this.removePod(key);
      added = [...want].filter(([key]) => !this.state.pods[key]);
      for (let i = 0; i < added.length; i += 8) {
        await Promise.all(added.slice(i, i + 8).map(([key, pod]) => this.addPod(pod, placed.get(key)!)));
      }
      for (const [key, pod] of want) {
        if (this.state.pods[key] && this.state.pods[key]!.ports !== servedPorts(pod))
          await this.startResponders(key, pod);
      }
    } finally {
      await this.save();
    }
    if (added.length > 0) {
      await this.writeManifests();
      await this.reload();
    }
  }

  /** Adds or replaces objects; returns once the change is in force. The lab keeps its state on error. */
  async apply(files: readonly string[]): Promise<{ changed: string[] }> {
    const incoming = dedupe(await readDocs(await manifestFiles(files, true)));
    const byKey = new Map(this.docs.map((d) => [d.key, d]));
    for (const d of incoming) byKey.set(d.key, d);
    return this.replaceDocs(
      [...byKey.values()],
      incoming.map((d) => d.key),
    );
  }

  /** Removes the objects the files name; unknown ones are an error (nothing changes then). */
  async delete(files: readonly string[]): Promise<{ changed: string[] }> {
    const named = await readDocs(await manifestFiles(files, true));
    const keys = new Set(this.docs.map((d) => d.key));
    const unknown = named.filter((d) => !keys.has(d.key)).map((d) => `${d.key} (${d.where})`);
    if (unknown.length > 0) throw new UserError(`not in the lab: ${unknown.join(', ')}`);
    const drop = new Set(named.map((d) => d.key));
    return this.replaceDocs(
      this.docs.filter((d) => !drop.has(d.key)),
      [...drop],
    );
  }

  private async replaceDocs(next: Doc[], changed: string[]): Promise<{ changed: string[] }> {
    const manifests = manifestsOf(next, this.state.ipv6 === true); // validate the whole result before touching anything
    this.docs = next;
    // Pods leave the datapath before they leave the store; new pods enter the store first.
    const keep = new Set(manifests.pods.map((p) => `${p.namespace}/${p.name}`));
    for (const key of Object.keys(this.state.pods)) if (!keep.has(key)) await this.removePod(key);
    await this.writeManifests();
    await this.reload();
    await this.syncPods(manifests.pods);
    return { changed };
  }

  status(): LabStatus {
    const m = this.snapshotPods();
    const frontends = this.frontends(m);
    return {
      pods: m.pods.map((p) => ({
        namespace: p.namespace,
        name: p.name,
        node: this.state.pods[`${p.namespace}/${p.name}`]?.node ?? '',
        netns: this.state.pods[`${p.namespace}/${p.name}`]?.netns ?? '',
        ip: p.ip ?? '',
        ...(this.state.ipv6 ? { ipv6: this.state.pods[`${p.namespace}/${p.name}`]?.ipv6 ?? '' } : {}),
        labels: { ...p.labels },
        ports: p.ports.map((x) => `${x.name ? `${x.name}:` : ''}${x.containerPort}/${x.protocol}`),
      })),
      policies: m.policies.map((p) => `${p.namespace}/${p.name}`),
      services: m.services.map((s) => {
        const key = `${s.namespace}/${s.name}`;
        const backends = frontends
          .filter((f) => f.service === key && f.kind === 'ClusterIP')
          .flatMap((f) => f.backends.filter((b) => b.state === 'active'))
          .map((b) => this.podAt(b.addr) ?? `${b.addr}:${b.port}`);
        return {
          namespace: s.namespace,
          name: s.name,
          type: s.type,
          clusterIP: s.clusterIP ?? '',
          clusterIPs: serviceClusterIPs(s),
          ports: s.ports.map((p) => ({
            ...(p.name ? { name: p.name } : {}),
            port: p.port,
            protocol: p.protocol,
            targetPort: p.targetPort ?? p.port,
            ...(p.nodePort ? { nodePort: p.nodePort } : {}),
          })),
          backends: [...new Set(backends)].sort(),
        };
      }),
      external: this.state.external ?? null,
      nodes: this.state.nodes.map((n) => ({
        name: n.name,
        ip: n.ip,
        podCidr: n.podCidr,
        ...(n.ipv6 ? { ipv6: n.ipv6 } : {}),
        ...(n.podCidrV6 ? { podCidrV6: n.podCidrV6 } : {}),
      })),
      routing: this.state.routing,
      ipv6: this.state.ipv6 === true,
    };
  }

  /** The lab's pods with their real IPs, for simulation. */
  snapshotPods(): Manifests {
    const m = manifestsOf(this.docs, this.state.ipv6 === true);
    m.pods = m.pods.map((p) => {
      const lab = this.state.pods[`${p.namespace}/${p.name}`];
      return { ...p, ip: lab?.ip ?? p.ip ?? '', ...(lab?.ipv6 ? { ipv6: lab.ipv6 } : {}) };
    });
    return m;
  }

  /** The frontends the lab's agent serves, computed as it computes them (slices derived from selectors). */
  private frontends(m: Manifests) {
    return compileServices({
      services: m.services,
      endpointSlices: [...m.endpointSlices, ...deriveEndpointSlices(m.services, m.pods)],
      nodeIps: this.nodeIps(),
      nodeIpsV6: this.state.nodes[0]?.ipv6 ? [this.state.nodes[0].ipv6] : [],
      localAddresses: new Set(
        Object.values(this.state.pods).flatMap((p) => [p.ip, ...(p.ipv6 ? [p.ipv6] : [])]),
      ),
    }).frontends;
  }

  /** The lab pod with this address, if any. */
  private podAt(ip: string): string | undefined {
    return Object.entries(this.state.pods).find(([, p]) => p.ip === ip || p.ipv6 === ip)?.[0];
  }

  private pod(key: string, role: string): LabPod {
    const p = this.state.pods[key];
    if (!p) {
      throw new UserError(
        `${role} ${JSON.stringify(key)}: no such pod in lab ${this.paths.name} (pods: ${Object.keys(this.state.pods).sort().join(', ')})`,
      );
    }
    return p;
  }

  private service(m: Manifests, key: string): Service {
    const svc = m.services.find((s) => `${s.namespace}/${s.name}` === key);
    if (!svc) {
      const known = m.services.map((s) => `${s.namespace}/${s.name}`).sort();
      throw new UserError(
        `Service ${key}: not in lab ${this.paths.name} (Services: ${known.join(', ') || 'none'})`,
      );
    }
    return svc;
  }

  /** Where a Service port is reached: its clusterIP (of the family, IPv4 unless ipv6) and port,
   * or its nodePort at `nodeIp`. */
  private serviceAddress(svc: Service, sp: ServicePort, nodeIp?: string, ipv6 = false): ServiceAddress {
    const object = `Service ${svc.namespace}/${svc.name}`;
    const family = ipv6 ? 'IPv6' : 'IPv4';
    const noFamily = (what: string) =>
      new UserError(
        `${object}: spec.ipFamilies: it has no ${family} ${what} (its clusterIPs: ${serviceClusterIPs(svc).join(', ') || 'none'}; ${ipv6 ? 'ipFamilyPolicy: PreferDualStack gives it both families' : 'probe it with --ipv6'})`,
      );
    if (nodeIp) {
      if (!sp.nodePort) {
        throw new UserError(
          `${object}: spec.ports[${svc.ports.indexOf(sp)}].nodePort: it has none (spec.type is ${svc.type}; NodePort and LoadBalancer Services have one)`,
        );
      }
      // A nodePort is served on the node's addresses of the Service's families only.
      if (!serviceFamilies(svc).includes(family)) throw noFamily('nodePort');
      return { port: sp, ip: nodeIp, dport: sp.nodePort };
    }
    if (svc.type === 'ExternalName')
      throw new UserError(`${object}: spec.type: an ExternalName Service has no address in the cluster`);
    if (!svc.clusterIP || svc.clusterIP === 'None')
      throw new UserError(`${object}: spec.clusterIP: None (headless): no Service address to probe`);
    const ip = serviceClusterIPs(svc).find((a) => a !== 'None' && addressFamily(a) === family);
    if (!ip) throw noFamily('clusterIP');
    return { port: sp, ip, dport: sp.port };
  }

  private sourceNetns(from: LabSource): string {
    if (from.kind === 'pod') return `/run/netns/${this.pod(from.key, 'FROM').netns}`;
    if (!this.state.external) {
      throw new UserError(
        `FROM "${EXTERNAL}": lab ${this.paths.name} has no external client (start the lab with 'sluice lab up --external-client')`,
      );
    }
    return `/run/netns/${this.state.external.netns}`;
  }

  /**
   * One probe. A pod target takes a port number (protocol default TCP); a Service target a port
   * number or name of the Service (may be left out with one port; protocol default the port's),
   * reached at its clusterIP or, with nodePort, at the node address the source is routed to.
   * With ipv6 (a dual-stack lab) a pod target is probed at its IPv6 address.
   */
  async probe(
    from: LabSource,
    to: LabTarget,
    opts: {
      port?: number | string;
      protocol?: Protocol;
      nodePort?: boolean;
      ipv6?: boolean;
      timeoutMs: number;
    },
  ): Promise<LabVerdict> {
    const netns = this.sourceNetns(from);
    let addr: ServiceAddress | undefined;
    let ip: string;
    let dport: number;
    let protocol: Protocol;
    if (opts.ipv6) this.checkIpv6Probe(from, to);
    if (to.kind === 'pod') {
      if (opts.nodePort)
        throw new UserError(`--node-port: only for a Service target (svc/NAMESPACE/NAME), not pod ${to.key}`);
      if (typeof opts.port !== 'number') throw new UserError(`--port: required for a pod target (${to.key})`);
      const target = this.pod(to.key, 'TO');
      ip = opts.ipv6 ? target.ipv6! : target.ip;
      dport = opts.port;
      protocol = opts.protocol ?? 'TCP';
    } else {
      const svc = this.service(manifestsOf(this.docs, this.state.ipv6 === true), to.key);
      const sp = pickServicePort(svc, opts.port === undefined ? undefined : String(opts.port), opts.protocol);
      // A NodePort at the node address the source is routed to: the external link's, or its
      // node's (of the family probed).
      const node = from.kind === 'external' ? undefined : this.node(this.pod(from.key, 'FROM').node);
      const nodeIp = node ? (opts.ipv6 ? node.ipv6! : node.ip) : this.state.external!.nodeIp;
      addr = this.serviceAddress(svc, sp, opts.nodePort ? nodeIp : undefined, opts.ipv6);
      ({ ip, dport } = addr);
      protocol = sp.protocol;
    }
    const target = hostPort(ip, dport);
    const [r] = await probeFrom(netns, [`${target}/${protocol}`], opts.timeoutMs);
    const v: LabVerdict = {
      from: targetName(from),
      to: targetName(to),
      port: addr ? addr.port.port : dport,
      protocol,
      connected: r!.connected,
      ms: r!.ms,
    };
    if (opts.ipv6 || addr) v.address = target;
    if (addr) {
      v.backend = r!.connected ? r!.reply || null : null;
      v.refused = r!.refused === true;
    }
    return v;
  }

  /** An IPv6 probe needs a dual-stack lab, a pod as the source (the external client is IPv4), and
   * a pod with an IPv6 address or a Service with an IPv6 clusterIP as the target. */
  private requireIpv6Lab(): void {
    if (!this.state.ipv6)
      throw new UserError(
        `--ipv6: lab ${this.paths.name} is IPv4 only (start it with 'sluice lab up --ipv6' for dual-stack pods)`,
      );
  }

  private checkIpv6Probe(from: LabSource, to: LabTarget): void {
    this.requireIpv6Lab();
    if (from.kind === 'external')
      throw new UserError('--ipv6: the external client is IPv4 only: probe from a pod, or leave out --ipv6');
    this.requireIpv6Pod(from.key, 'FROM');
    if (to.kind === 'pod') this.requireIpv6Pod(to.key, 'TO');
  }

  private requireIpv6Pod(key: string, role: 'FROM' | 'TO'): void {
    if (!this.pod(key, role).ipv6)
      throw new UserError(
        `${role} ${key}: the pod has no IPv6 address (its CNI ADD gave it none: see its node's agent log)`,
      );
  }

  /**
   * Every pod to every target, probed concurrently. Targets: every pod (the default), or the
   * pods and Services in `opts.to`. Pods are probed on `ports` × `protocols`; a Service on its
   * own ports (at its clusterIP), narrowed to `opts.servicePorts`/`serviceProtocols` when given.
   */
  async matrix(
    ports: readonly number[],
    protocols: readonly Protocol[],
    timeoutMs: number,
    opts: {
      to?: readonly LabTarget[];
      servicePorts?: readonly number[];
      serviceProtocols?: readonly Protocol[];
      /** Over IPv6 (a dual-stack lab): pods at their IPv6 addresses, Services at their IPv6 clusterIP. */
      ipv6?: boolean;
    } = {},
  ): Promise<LabVerdict[]> {
    const keys = Object.keys(this.state.pods).sort();
    const targets = opts.to ?? keys.map((key): LabTarget => ({ kind: 'pod', key }));
    const ipv6 = opts.ipv6 === true;
    if (ipv6) {
      this.requireIpv6Lab();
      for (const from of keys) this.requireIpv6Pod(from, 'FROM');
      for (const to of targets) if (to.kind === 'pod') this.requireIpv6Pod(to.key, 'TO');
    }
    const m = manifestsOf(this.docs, this.state.ipv6 === true);
    // Each target's probes from one source: what is reported and where the packets go.
    const perTarget = targets.map((t) => {
      if (t.kind === 'pod') {
        const target = this.pod(t.key, 'TO');
        const ip = ipv6 ? target.ipv6! : target.ip;
        return protocols.flatMap((protocol) =>
          ports.map((port) => ({ to: t.key, port, protocol, ip, dport: port, service: false })),
        );
      }
      const svc = this.service(m, t.key);
      const chosen = svc.ports.filter(
        (p) =>
          (!opts.servicePorts || opts.servicePorts.includes(p.port)) &&
          (!opts.serviceProtocols || opts.serviceProtocols.includes(p.protocol)),
      );
      if (chosen.length === 0) {
        throw new UserError(
          `Service ${t.key}: spec.ports: none of its ports (${svc.ports.map(describePort).join(', ')}) is among --ports ${opts.servicePorts?.join(',') ?? '(any)'} / --protocols ${opts.serviceProtocols?.join(',') ?? '(any)'}`,
        );
      }
      return chosen.map((sp) => {
        const a = this.serviceAddress(svc, sp, undefined, ipv6);
        return {
          to: `svc/${t.key}`,
          port: sp.port,
          protocol: sp.protocol,
          ip: a.ip,
          dport: a.dport,
          service: true,
        };
      });
    });
    const out: LabVerdict[] = [];
    await Promise.all(
      keys.map(async (from) => {
        const list = perTarget.flat().filter((c) => c.to !== from);
        if (list.length === 0) return;
        const results = await probeFrom(
          `/run/netns/${this.state.pods[from]!.netns}`,
          list.map((c) => `${hostPort(c.ip, c.dport)}/${c.protocol}`),
          timeoutMs,
        );
        list.forEach((c, i) => {
          const r = results[i]!;
          const v: LabVerdict = {
            from,
            to: c.to,
            port: c.port,
            protocol: c.protocol,
            connected: r.connected,
          };
          if (c.service) {
            v.address = hostPort(c.ip, c.dport);
            v.backend = r.connected ? r.reply || null : null;
          }
          out.push(v);
        });
      }),
    );
    return out.sort((a, b) =>
      `${a.from}>${a.to}>${a.protocol}>${a.port}`.localeCompare(`${b.from}>${b.to}>${b.protocol}>${b.port}`),
    );
  }

  /**
   * What the compiler says each probe (from a pod) should do. A pod target: the policy verdict.
   * A Service target: the verdict of every backend new connections may take (policy, and whether
   * the pod serves the target port); the datapath picks one at random, so there is one expected
   * verdict only when they all agree (none: rejected, so not connected).
   */
  simulate(cases: readonly MatrixCase[], ipv6 = false): Expectation[] {
    const m = this.snapshotPods();
    const pods = new Map(m.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
    const frontends = new Map(this.frontends(m).map((f) => [f.key, f]));
    // Pod cases, and one pod case per backend of a Service case: all simulated in one go.
    const podCases: MatrixCase[] = [];
    type Plan =
      | { kind: 'pod'; at: number }
      | { kind: 'fixed'; expectation: Expectation }
      | {
          kind: 'service';
          backends: { pod: string | undefined; addr: string; serves: boolean; at: number }[];
        };
    const plans = cases.map((c): Plan => {
      const svcKey = serviceKeyOf(c.to);
      if (!svcKey) return { kind: 'pod', at: podCases.push(c) - 1 };
      const svc = this.service(m, svcKey);
      const family = ipv6 ? 'IPv6' : 'IPv4';
      const clusterIP = serviceClusterIPs(svc).find((a) => a !== 'None' && addressFamily(a) === family);
      const f = clusterIP ? frontends.get(frontendKey(clusterIP, c.port, c.protocol)) : undefined;
      if (!f) {
        const expectation = { connected: false, note: 'the agent serves no frontend for this port' };
        return { kind: 'fixed', expectation };
      }
      const backends = f.backends
        .filter((b) => b.state === 'active')
        .map((b) => {
          const pod = this.podAt(b.addr);
          const serves = pod
            ? pods.get(pod)!.ports.some((p) => p.containerPort === b.port && p.protocol === c.protocol)
            : false;
          return {
            pod,
            addr: `${b.addr}:${b.port}`,
            serves,
            at: pod ? podCases.push({ ...c, to: pod, port: b.port }) - 1 : -1,
          };
        });
      return { kind: 'service', backends };
    });
    const verdicts = podCases.length > 0 ? simulateMatrix(m, podCases, ipv6 ? 6 : 4).verdicts : [];
    return plans.map((plan): Expectation => {
      if (plan.kind === 'pod') return { connected: verdicts[plan.at]!.connected };
      if (plan.kind === 'fixed') return plan.expectation;
      const list = plan.backends;
      if (list.length === 0) return { connected: false, backends: [], note: 'no backends: rejected' };
      const foreign = list.find((b) => !b.pod);
      const backends = list
        .filter((b) => b.pod)
        .map((b) => ({ pod: b.pod!, connected: b.serves && verdicts[b.at]!.connected }))
        .sort((a, b) => a.pod.localeCompare(b.pod));
      if (foreign)
        return {
          connected: undefined,
          backends,
          note: `backend ${foreign.addr} is no pod of the lab: not simulated`,
        };
      const agreed = new Set(backends.map((b) => b.connected));
      return agreed.size === 1
        ? { connected: backends[0]!.connected, backends }
        : { connected: undefined, backends, note: 'depends on the backend the datapath picks' };
    });
  }

  /** Removes every namespace, link, pin, process and file of the lab. */
  async down(): Promise<void> {
    for (const entry of Object.values(this.state.pods)) {
      for (const pid of entry.pids) killPid(pid);
      await run(['ip', 'netns', 'del', entry.netns]).catch(() => undefined);
    }
    await Promise.all(this.state.nodes.map((n) => (n.agentPid ? killAndWait(n.agentPid) : undefined)));
    if (this.state.external)
      await run(['ip', 'netns', 'del', this.state.external.netns]).catch(() => undefined);
    for (const n of this.state.nodes) {
      await run(['ip', 'netns', 'del', n.netns]).catch(() => undefined);
      if (n.uplink) await run(['ip', 'link', 'del', n.uplink]).catch(() => undefined);
      await rm(nodeFiles(this.paths, n.name).pinRoot, { recursive: true, force: true });
    }
    if (this.state.bridge) await run(['ip', 'link', 'del', this.state.bridge]).catch(() => undefined);
    await rm(this.paths.dir, { recursive: true, force: true });
    await rmdir(path.dirname(this.paths.dir)).catch(() => undefined); // the labs' root, once empty
  }

  static async downByName(name: string): Promise<void> {
    const paths = labPaths(name);
    const state = await readJsonIfExists<LabState>(paths.state);
    if (!state) throw new UserError(`no lab ${name} is up`);
    // A lab an older sluice started (state version 1): its one node and agent at the top level.
    const v1 = state as unknown as { agentPid?: number };
    const nodes = state.nodes ?? [
      {
        name: SINGLE_NODE,
        netns: paths.nodeNetns,
        ip: LAB_NODE_IP,
        podCidr: LAB_POD_CIDR,
        agentPid: v1.agentPid ?? 0,
      },
    ];
    await new Lab(paths, { ...state, nodes }, []).down();
  }
}

/** Marks the Node objects the lab writes for its nodes (not the user's manifests). */
const LAB_NODE_ANNOTATION = 'sluice.dev/lab-node';

function isLabNode(raw: Record<string, unknown>): boolean {
  const meta = (raw['metadata'] ?? {}) as { annotations?: Record<string, unknown> };
  return raw['kind'] === 'Node' && meta.annotations?.[LAB_NODE_ANNOTATION] === 'true';
}

/** Six hex digits of the lab name: root-namespace link names must fit 15 characters. */
function shortHash(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 6);
}

function dedupe(docs: Doc[]): Doc[] {
  const seen = new Map<string, Doc>();
  for (const d of docs) {
    const prev = seen.get(d.key);
    if (prev) throw new UserError(`${d.key} is defined twice: ${prev.where} and ${d.where}`);
    seen.set(d.key, d);
  }
  return [...seen.values()];
}

function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function killAndWait(pid: number): Promise<void> {
  killPid(pid);
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}
