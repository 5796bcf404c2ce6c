// A node in a network namespace with pods in their own namespaces, wired the way sluice-cni
// wires them, running the real datapath. Everything it makes it removes in destroy(), which tests
// call from afterAll/afterEach; global.ts sweeps after a crash.

import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type AttachMode,
  type MapSizes,
  REPO_ROOT,
  type SluiceConfig,
  withConfig,
} from '../../agent/config/config.js';
import { desiredMaps, type IpcacheEntry } from '../../agent/datapath/desired.js';
import { Loader } from '../../agent/datapath/loader.js';
import { MapSyncer } from '../../agent/datapath/map-sync.js';
import { type MetricRow, readMetrics } from '../../agent/datapath/metrics-map.js';
import { REASONS } from '../../agent/datapath/reasons.js';
import type { Endpoint } from '../../agent/endpoints/types.js';
import { unwirePod } from '../../agent/endpoints/wiring.js';
import { IdentityAllocator } from '../../agent/identity/allocator.js';
import type { CompileOutput } from '../../agent/policy/types.js';
import { ID_HOST } from '../../agent/policy/types.js';
import { Reconciler, type ReconcilerDeps } from '../../agent/reconciler/reconciler.js';
import type { Store } from '../../agent/state/store.js';
import { run } from '../../agent/sys/exec.js';
import { silentLogger } from '../../agent/sys/log.js';
import { hostPort, type ProbeResult, probeFrom, SCTP_TOOL } from '../../tools/net/probes.js';
import { startInNetns, startResponder } from '../../tools/net/servers.js';
import { wirePod } from '../../tools/net/wire-pod.js';
import { instanceId, runId, TEST_NETNS_PREFIX, TEST_PIN_PREFIX } from './names.js';
import { progRun } from './packets.js';
import { deleteNetns } from './sweep.js';

export const NODE_IP = '10.250.0.1';
const NODE = process.execPath;
const STREAM_JS = path.join(REPO_ROOT, 'build', 'js', 'tools', 'net', 'stream.js');

export interface TestPod {
  name: string;
  netns: string;
  endpoint: Endpoint;
}

/** `count` separate TCP connections one after another (each a new socket and source port) from a
 * namespace; who answered each. (probeMany runs each distinct target once.) */
export async function tcpMany(netns: string, to: string, port: number, count: number): Promise<string[]> {
  const script = `
const net = require('node:net');
const one = () => new Promise((resolve) => {
  const s = net.connect({ host: ${JSON.stringify(to)}, port: ${port}, timeout: 1000 });
  let data = '';
  s.on('data', (d) => { data += d; });
  s.on('end', () => resolve(data.trim()));
  s.on('error', (e) => resolve(e.code));
  s.on('timeout', () => { s.destroy(); resolve('timeout'); });
});
(async () => { const out = []; for (let i = 0; i < ${count}; i++) out.push(await one()); console.log(JSON.stringify(out)); })();`;
  const r = await run([process.execPath, '-e', script], { netns, timeoutMs: 30_000 });
  return JSON.parse(r.stdout) as string[];
}

export class TestCluster {
  readonly pods = new Map<string, TestPod>();
  readonly loader: Loader;
  readonly syncer: MapSyncer;
  private readonly processes: ChildProcess[] = [];
  private readonly namespaces: string[] = [];
  private nextEndpoint = 1;
  private readonly reconcilers: Reconciler[] = [];
  private nextIf = 0;
  private stateDir = '';

  private constructor(
    readonly cfg: SluiceConfig,
    readonly prefix: string,
  ) {
    this.syncer = new MapSyncer(cfg);
    this.loader = new Loader(cfg, this.syncer.writer);
  }

  static async start(
    opts: { attachMode?: AttachMode; mapSizes?: Partial<MapSizes> } = {},
  ): Promise<TestCluster> {
    const id = `${runId()}${instanceId()}`;
    const prefix = `${TEST_NETNS_PREFIX}${id}`;
    const nodeNs = `${prefix}-node`;
    const cfg = withConfig({
      pinRoot: `${TEST_PIN_PREFIX}${id}`,
      hostNetns: `/run/netns/${nodeNs}`,
      attachMode: opts.attachMode ?? 'auto',
      interfacePrefix: 'slc',
      // Dual-stack, so the IPv6 maps are full-size (IPv6 tests give pods IPv6 addresses).
      podCidrV6: 'fd00:24f::/64',
      mapSizes: {
        endpoints: 1024,
        ipcache: 4096,
        policy: 65536,
        cidr: 4096,
        ct: 16384,
        metrics: 4096,
        ...opts.mapSizes,
      },
    });
    const cluster = new TestCluster(cfg, prefix);
    try {
      cluster.stateDir = await mkdtemp(path.join(tmpdir(), 'sluice-test-'));
      cluster.cfg.stateDir = cluster.stateDir;
      await cluster.addNetns(nodeNs);
      await run(['ip', '-batch', '-'], {
        netns: cfg.hostNetns,
        input: ['link set lo up', `addr add ${NODE_IP}/32 dev lo`, ''].join('\n'),
      });
      await run(['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1'], { netns: cfg.hostNetns });
      await cluster.loader.load();
      return cluster;
    } catch (err) {
      await cluster.destroy();
      throw err;
    }
  }

  private async addNetns(name: string): Promise<string> {
    await run(['ip', 'netns', 'add', name]);
    this.namespaces.push(name);
    return `/run/netns/${name}`;
  }

  /** A pod namespace wired to the node with the datapath attached (not yet in the maps: sync()).
   * With serve.ipv6 a dual-stack pod: that address too, and its servers on both families. */
  async addPod(
    name: string,
    ip: string,
    serve: {
      tcp?: number[];
      udp?: number[];
      sctp?: number[];
      echo?: number[];
      namespace?: string;
      ipv6?: string;
    } = {},
  ): Promise<TestPod> {
    const netns = await this.addNetns(`${this.prefix}-${name.replace('/', '-')}`);
    const hostIfName = `${this.cfg.interfacePrefix}${this.nextIf++}`;
    const wired = await wirePod({
      hostNetns: this.cfg.hostNetns,
      podNetns: netns,
      hostIfName,
      podIfName: 'eth0',
      ip,
      ipv6: serve.ipv6,
    });
    await this.loader.attach(hostIfName);
    const podKey = name.includes('/') ? name : `${serve.namespace ?? 'default'}/${name}`;
    const pod: TestPod = {
      name,
      netns,
      endpoint: {
        id: this.nextEndpoint++,
        podKey,
        ip,
        ...(serve.ipv6 ? { ipv6: serve.ipv6 } : {}),
        hostIfName,
        hostIfindex: wired.hostIfindex,
        hostMac: wired.hostMac,
        podMac: wired.podMac,
      },
    };
    this.pods.set(name, pod);
    if ((serve.tcp?.length ?? 0) + (serve.udp?.length ?? 0) + (serve.echo?.length ?? 0) > 0) {
      await this.serve(pod, serve.tcp ?? [], serve.udp ?? [], serve.echo ?? [], serve.ipv6 !== undefined);
    }
    if (serve.sctp?.length) await this.serveSctp(pod, serve.sctp);
    return pod;
  }

  /**
   * A host outside the node: its own namespace behind a veth (`device` on the node's side, with
   * nodeAddr/24), default route via the node; with `v6` IPv6 too (/64, default route via the
   * node's address, no DAD). Returns its netns path.
   */
  async addExternalHost(
    name: string,
    device: string,
    nodeAddr: string,
    hostAddr: string,
    v6?: { nodeAddr: string; hostAddr: string },
  ): Promise<string> {
    const netns = await this.addNetns(`${this.prefix}-${name}`);
    await run(['ip', 'link', 'add', device, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns], {
      netns: this.cfg.hostNetns,
    });
    await run(['ip', '-batch', '-'], {
      netns: this.cfg.hostNetns,
      input: `addr add ${nodeAddr}/24 dev ${device}\nlink set ${device} up\n`,
    });
    await run(['ip', '-batch', '-'], {
      netns,
      input: `link set lo up\naddr add ${hostAddr}/24 dev eth0\nlink set eth0 up\nroute add default via ${nodeAddr}\n`,
    });
    if (v6) {
      await run(['ip', '-6', 'addr', 'add', `${v6.nodeAddr}/64`, 'dev', device, 'nodad'], {
        netns: this.cfg.hostNetns,
      });
      await run(['ip', '-6', '-batch', '-'], {
        netns,
        input: `addr add ${v6.hostAddr}/64 dev eth0 nodad\nroute add default via ${v6.nodeAddr}\n`,
      });
    }
    return netns;
  }

  /** A TCP responder in the node's own namespace (a hostNetwork server), answering `name`; with
   * ipv6 on IPv6 too. */
  async serveOnNode(name: string, tcp: number[], ipv6 = false): Promise<void> {
    await startResponder(
      this.cfg.hostNetns!,
      name,
      { tcp, udp: [], echo: [], ipv6 },
      {
        track: (c) => this.processes.push(c),
      },
    );
  }

  /** Removes a pod's wiring (veth, routes) and forgets its endpoint; sync() then clears its maps. */
  async removePod(name: string): Promise<void> {
    const pod = this.pod(name);
    await unwirePod({ hostNetns: this.cfg.hostNetns, hostIfName: pod.endpoint.hostIfName });
    this.pods.delete(name);
  }

  pod(name: string): TestPod {
    const p = this.pods.get(name);
    if (!p) throw new Error(`no test pod ${name}`);
    return p;
  }

  /** Starts the responder in the pod and waits until it listens. */
  async serve(pod: TestPod, tcp: number[], udp: number[], echo: number[] = [], ipv6 = false): Promise<void> {
    await startResponder(
      pod.netns,
      pod.endpoint.podKey,
      { tcp, udp, echo, ipv6 },
      {
        track: (c) => this.processes.push(c),
      },
    );
  }

  /** SCTP over raw sockets (tools/net/sctp.c): this kernel may lack SCTP sockets. */
  async serveSctp(pod: TestPod, ports: number[]): Promise<void> {
    await startInNetns(
      pod.netns,
      [SCTP_TOOL, 'serve', pod.endpoint.podKey, ...ports.map(String)],
      `SCTP server in ${pod.name}`,
      { track: (c) => this.processes.push(c) },
    );
  }

  /**
   * The agent's own chain over this node: a Reconciler from `store` (identities, namespace
   * identities, the compiler, Services) to this cluster's maps, for the pods added so far.
   * Stopped in destroy().
   */
  reconciler(store: Store, deps: Partial<ReconcilerDeps> = {}): Reconciler {
    const r = new Reconciler({
      store,
      endpoints: () => [...this.pods.values()].map((p) => p.endpoint),
      identities: new IdentityAllocator(),
      namespaceIdentities: new IdentityAllocator('namespaces'),
      syncer: this.syncer,
      nodeIps: [NODE_IP],
      log: silentLogger,
      ...deps,
    });
    this.reconcilers.push(r);
    return r;
  }

  /** Pushes endpoints, ipcache (pods, node) and compiled policy to the maps. */
  async sync(
    opts: {
      identities?: ReadonlyMap<string, number>;
      compiled?: CompileOutput;
      ipcache?: IpcacheEntry[];
    } = {},
  ) {
    const endpoints = [...this.pods.values()].map((p) => p.endpoint);
    const identities = opts.identities ?? new Map(endpoints.map((e) => [e.podKey, 256 + e.id]));
    const ipcache: IpcacheEntry[] = opts.ipcache ?? [
      { prefix: NODE_IP, identity: ID_HOST },
      ...endpoints.flatMap((e) =>
        [e.ip, ...(e.ipv6 ? [e.ipv6] : [])].map((prefix) => ({
          prefix,
          identity: identities.get(e.podKey) ?? 0,
        })),
      ),
    ];
    return this.syncer.sync(
      desiredMaps({ endpoints, identities, ipcache, ...(opts.compiled ? { compiled: opts.compiled } : {}) }),
    );
  }

  async exec(pod: TestPod | undefined, argv: string[]) {
    return run(argv, { netns: pod ? pod.netns : this.cfg.hostNetns });
  }

  /** A connection attempt from a pod (or from the node when `from` is undefined). */
  async probe(
    from: TestPod | undefined,
    toIp: string,
    port: number,
    protocol: 'TCP' | 'UDP' = 'TCP',
    timeoutMs = 700,
  ): Promise<ProbeResult> {
    const [r] = await this.probeMany(from, [`${hostPort(toIp, port)}/${protocol}`], timeoutMs);
    return r!;
  }

  /** Many concurrent attempts from one pod (or the node); targets "ip:port/PROTO". */
  async probeMany(
    from: TestPod | string | undefined,
    targets: string[],
    timeoutMs = 700,
  ): Promise<(ProbeResult & { target: string })[]> {
    const netns = typeof from === 'string' ? from : from ? from.netns : this.cfg.hostNetns;
    return probeFrom(netns, targets, timeoutMs);
  }

  /** Starts a long-lived echo conversation from a pod; resolves with its counts when it ends. */
  stream(
    from: TestPod,
    toIp: string,
    port: number,
    durationMs: number,
  ): Promise<{ sent: number; received: number; maxGapMs: number; error: string }> {
    const argv = [NODE, STREAM_JS, '--host', toIp, '--port', String(port), '--duration', String(durationMs)];
    return run(argv, { netns: from.netns, timeoutMs: durationMs + 10_000 }).then(
      (r) => JSON.parse(r.stdout),
      (err: { stdout?: string }) =>
        JSON.parse(err.stdout || '{"sent":0,"received":0,"maxGapMs":0,"error":"no output"}'),
    );
  }

  /** ICMP echo (ICMPv6 to an IPv6 address: ping picks the family). */
  async ping(from: TestPod, toIp: string, count = 3): Promise<boolean> {
    return run(['ping', '-c', String(count), '-i', '0.05', '-W', '1', '-q', toIp], {
      netns: from.netns,
    }).then(
      () => true,
      () => false,
    );
  }

  /**
   * Runs one frame through a program as on a pod's host veth (BPF_PROG_TEST_RUN) and says what the
   * datapath did: its verdict, and the reason it counted (a drop's; FORWARDED for a packet it
   * passed, egress and, delivered, ingress; NONE when it counted nothing).
   */
  async runFrame(
    prog: 'from_pod' | 'to_pod',
    device: string,
    input: Buffer,
  ): Promise<{ retval: number; reason: string }> {
    const before = await this.metrics();
    const { retval } = await progRun(
      this.cfg.hostNetns!,
      this.loader.progPath(prog),
      input,
      this.pod(device).endpoint.hostIfindex,
    );
    const after = await this.metrics();
    const grew = after.filter((m) => {
      const old = before.find(
        (b) => b.endpointId === m.endpointId && b.reason === m.reason && b.direction === m.direction,
      );
      return m.packets > (old?.packets ?? 0);
    });
    const drop = grew.find((m) => m.reason !== 0);
    return { retval, reason: REASONS[drop ? drop.reason : grew.length ? 0 : -1]?.name ?? 'NONE' };
  }

  /** The metrics map summed over CPUs. */
  metrics(): Promise<MetricRow[]> {
    return readMetrics(this.cfg.pinRoot);
  }

  async destroy(): Promise<void> {
    for (const r of this.reconcilers) r.stop();
    this.syncer.close();
    for (const child of this.processes) {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    for (const ns of this.namespaces.reverse()) await deleteNetns(ns);
    await this.loader.removePins();
    if (this.stateDir) await rm(this.stateDir, { recursive: true, force: true });
  }
}
