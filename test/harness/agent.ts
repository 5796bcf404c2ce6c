// A node namespace with a real sluice-agent process serving the API on a private socket, and the
// real sluice-cni executable invoked exactly as libcni invokes it (CNI_* environment, config on
// stdin, result or error on stdout). Everything is removed in stop(), even after failures.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { callAgent } from '../../agent/api/client.js';
import { REPO_ROOT } from '../../agent/config/config.js';
import { run } from '../../agent/sys/exec.js';
import { type CniCall, type CniOutcome, invokePlugin } from '../../tools/net/cni-invoke.js';
import { CNI_BINARY } from '../../tools/net/wire-pod.js';
import { instanceId, runId, TEST_NETNS_PREFIX, TEST_PIN_PREFIX } from './names.js';
import { deleteNetns } from './sweep.js';

export const CNI_BIN = CNI_BINARY;
export const NODE_IP = '10.250.0.1';

/** Several nodes: the node namespace's `eth0`, a veth whose other end (`uplink`, in the root
 * namespace) is a port of `bridge`; the node's address (nodeIp) is on it with `prefix`. The
 * caller owns the bridge; the veth goes with the namespace. */
export interface Underlay {
  bridge: string;
  uplink: string;
  prefix: number;
}

export interface AgentOptions {
  manifests?: string;
  attachMode?: 'tcx' | 'tc';
  podWaitMs?: number;
  metricsPort?: number;
  /** Kubernetes mode: the pod CIDR then comes from the Node object; nodeName is K8S_NODE_NAME. */
  kubernetes?: { kubeconfig: string; nodeName: string };
  /** How pods reach other nodes (SLUICE_ROUTING; unset: the config's, tunnel by default). */
  routing?: 'tunnel' | 'native';
  /** Return as soon as the API socket answers (ready or not). */
  waitReady?: boolean;
  extraArgs?: string[];
}

export class TestNode {
  private agent: ChildProcess | undefined;
  private readonly namespaces: string[] = [];
  readonly dir: string;
  readonly socket: string;
  readonly pinRoot: string;
  readonly hostNetns: string;
  readonly prefix: string;
  agentLog = '';

  private constructor(
    dir: string,
    readonly podCidr: string,
    /** The node's address: on lo, or on eth0 with an underlay. */
    readonly nodeIp: string,
  ) {
    const id = `${runId()}${instanceId()}`;
    this.prefix = `${TEST_NETNS_PREFIX}${id}`;
    this.dir = dir;
    this.socket = path.join(dir, 'run', 'agent.sock');
    this.pinRoot = `${TEST_PIN_PREFIX}${id}`;
    this.hostNetns = `/run/netns/${this.prefix}-node`;
  }

  static async start(
    opts: AgentOptions & {
      podCidr?: string;
      /** The node's address (default NODE_IP). */
      nodeIp?: string;
      /** Join an underlay bridge in the root namespace (several nodes). */
      underlay?: Underlay;
    } = {},
  ): Promise<TestNode> {
    const dir = await mkdtemp(path.join(tmpdir(), 'sluice-node-'));
    const node = new TestNode(dir, opts.podCidr ?? '10.249.0.0/24', opts.nodeIp ?? NODE_IP);
    try {
      await node.addNetns(`${node.prefix}-node`);
      if (opts.underlay) {
        const u = opts.underlay;
        await run([
          'ip',
          'link',
          'add',
          u.uplink,
          'type',
          'veth',
          'peer',
          'name',
          'eth0',
          'netns',
          node.hostNetns,
        ]);
        await run(['ip', 'link', 'set', u.uplink, 'master', u.bridge, 'up']);
        await run(['ip', '-batch', '-'], {
          netns: node.hostNetns,
          input: `link set lo up\naddr add ${node.nodeIp}/${u.prefix} dev eth0\nlink set eth0 up\n`,
        });
      } else {
        await run(['ip', '-batch', '-'], {
          netns: node.hostNetns,
          input: `link set lo up\naddr add ${node.nodeIp}/32 dev lo\n`,
        });
      }
      await run(['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1'], { netns: node.hostNetns });
      await node.startAgent(opts);
      return node;
    } catch (err) {
      await node.stop();
      throw err;
    }
  }

  async addNetns(name: string): Promise<string> {
    await run(['ip', 'netns', 'add', name]);
    this.namespaces.push(name);
    return `/run/netns/${name}`;
  }

  /** A pod network namespace (empty, as a runtime creates it before CNI ADD). */
  podNetns(name: string): Promise<string> {
    return this.addNetns(`${this.prefix}-${name}`);
  }

  async startAgent(opts: AgentOptions = {}): Promise<void> {
    // Kubernetes mode runs with the DaemonSet's own config file (deploy/configmap.yaml), as deployed.
    let config: string[] = [];
    if (opts.kubernetes) {
      const cm = parse(await readFile(path.join(REPO_ROOT, 'deploy', 'configmap.yaml'), 'utf8')) as {
        data: Record<string, string>;
      };
      await writeFile(path.join(this.dir, 'agent.yaml'), cm.data['agent.yaml']!);
      config = ['--config', path.join(this.dir, 'agent.yaml')];
    }
    const args = [
      ...config,
      '--pin-root',
      this.pinRoot,
      '--state-dir',
      path.join(this.dir, 'state'),
      '--socket',
      this.socket,
      '--host-netns',
      this.hostNetns,
      ...(opts.kubernetes
        ? ['--kubernetes', '--kubeconfig', opts.kubernetes.kubeconfig]
        : ['--pod-cidr', this.podCidr]),
      '--node-ip',
      this.nodeIp,
      '--pod-wait-ms',
      String(opts.podWaitMs ?? 200),
      '--metrics-port',
      String(opts.metricsPort ?? 0),
      '--attach-mode',
      opts.attachMode ?? 'auto',
      ...(opts.manifests ? ['--manifests', opts.manifests] : []),
      ...(opts.extraArgs ?? []),
    ];
    const env = {
      ...process.env,
      ...(opts.kubernetes ? { K8S_NODE_NAME: opts.kubernetes.nodeName } : {}),
      ...(opts.routing ? { SLUICE_ROUTING: opts.routing } : {}),
    };
    const child = spawn(path.join(REPO_ROOT, 'bin', 'sluice-agent'), args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
    });
    this.agent = child;
    child.stderr!.on('data', (d: Buffer) => {
      this.agentLog += d.toString();
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`sluice-agent exited with ${child.exitCode}:\n${this.agentLog.slice(-2000)}`);
      if (existsSync(this.socket)) {
        const ok = await callAgent(this.socket, { status: {} }, 1000).then(
          (r) => r.status?.ready === true || opts.waitReady === false,
          () => false,
        );
        if (ok) return;
      }
      if (Date.now() > deadline)
        throw new Error(`sluice-agent not ready in 20 s:\n${this.agentLog.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Stops the agent (by its pid); pinned maps and attached programs stay. */
  async stopAgent(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.agent;
    this.agent = undefined;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(child.pid, signal);
    await exited;
  }

  /** The CNI config a runtime would pass for this node. */
  conf(cniVersion: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      cniVersion,
      name: 'sluice',
      type: 'sluice-cni',
      agentSocket: this.socket,
      logFile: path.join(this.dir, 'cni.log'),
      ...extra,
    };
  }

  /** Runs the plugin as libcni does: every CNI_* variable present (possibly empty), config on stdin. */
  cni(call: CniCall, conf: Record<string, unknown> | string): Promise<CniOutcome> {
    return invokePlugin(CNI_BIN, call, conf);
  }

  /** Host-side links in the node namespace that look like Sluice veths. */
  async hostVeths(): Promise<string[]> {
    const { stdout } = await run(['ip', '-j', 'link', 'show', 'type', 'veth'], { netns: this.hostNetns });
    return (JSON.parse(stdout) as { ifname: string }[]).map((l) => l.ifname).sort();
  }

  async stop(): Promise<void> {
    await this.stopAgent('SIGKILL').catch(() => undefined);
    for (const ns of this.namespaces.reverse()) await deleteNetns(ns);
    await rm(this.pinRoot, { recursive: true, force: true });
    await rm(this.dir, { recursive: true, force: true });
  }
}

export async function writeManifests(node: TestNode, text: string): Promise<string> {
  const file = path.join(node.dir, 'manifests.yaml');
  await writeFile(file, text);
  return file;
}
