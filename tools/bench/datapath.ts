// `sluice bench datapath`: a same-node two-pod topology measured in every configuration, runs
// alternating (A B C … A B C …), median and spread per metric, and ratios against the baseline
// measured in the same run: a plain routed veth pair with no programs and no iptables. In the same
// alternation, two pods on two nodes (tools/bench/cross-node.ts): Sluice in each routing mode, and
// the same topology routed by the kernel alone as their baselines.

import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT, withConfig } from '../../agent/config/config.js';
import { desiredMaps } from '../../agent/datapath/desired.js';
import { Loader } from '../../agent/datapath/loader.js';
import { MapSyncer } from '../../agent/datapath/map-sync.js';
import type { Endpoint } from '../../agent/endpoints/types.js';
import { IPPROTO_TCP } from '../../agent/net/protocols.js';
import {
  type CompileOutput,
  DIR_INGRESS,
  EP_F_INGRESS_ENFORCED,
  ID_HOST,
  POLICY_PREFIX_ANY_PROTO,
  POLICY_PREFIX_FULL,
  type PolicyEntry,
} from '../../agent/policy/types.js';
import { EnvironmentError } from '../../agent/sys/errors.js';
import { run } from '../../agent/sys/exec.js';
import { wirePod } from '../net/wire-pod.js';
import { CROSS_NODE_CONFIGS, CrossNode, isCrossNode, removeCrossNodeLeftovers } from './cross-node.js';
import { median, pairedRatio, round as roundTo } from './stats.js';

export const RULE_COUNTS = [100, 1000, 10000];
export const METRICS = [
  'tcp_stream_gbps',
  'tcp_rr_tps',
  'rr_p50_us',
  'rr_p99_us',
  'tcp_crr_tps',
  'cpu_s_per_gb',
] as const;
export type Metric = (typeof METRICS)[number];
/** Metrics where less is better (their ratio is inverted so that > 1 is always better). */
const LOWER_IS_BETTER = new Set<Metric>(['rr_p50_us', 'rr_p99_us', 'cpu_s_per_gb']);

export interface BenchResult {
  config: string;
  metric: Metric;
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export interface DatapathReport {
  machine: { cpus: number; kernel: string; model: string };
  results: BenchResult[];
  /** ratio: rounded for reading; exact: from the unrounded medians, what the gate compares. */
  ratios: { config: string; metric: Metric; vs: string; ratio: number; exact: number }[];
}

export const CLIENT_IP = '10.238.0.1';
export const SERVER_IP = '10.238.0.2';
/** The same pods' IPv6 addresses (dual-stack): the `-ipv6` configs measure over these. */
export const CLIENT_IP6 = 'fd00:238::1';
export const SERVER_IP6 = 'fd00:238::2';
export const PORTS = { iperf: 5201, rr: 11111, crr: 12345 };
const CRR = path.join(REPO_ROOT, 'build', 'sluice-crr');

/** Quiet time after switching configs, before measuring (bench services uses the same). */
export const SETTLE_MS = 1000;

/** Waits after a config switch that took switchMs: at least SETTLE_MS, and as long as the switch
 * took (what a switch removed the kernel frees after it returns: the more entries, the longer). */
export function settle(switchMs: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(SETTLE_MS, switchMs)));
}
/**
 * The request/response client and server each on a CPU of their own. Unpinned, RR on two vCPUs
 * is bimodal (p50 ≈ 21 µs or ≈ 37 µs, depending on where the scheduler puts the two), which moves
 * a median of a few runs by more than the gates' margins. With one CPU, nothing to pin.
 */
const CLIENT_CPU = 0;
const SERVER_CPU = 1;
function pinTo(cpu: number): string[] {
  return os.cpus().length > 1 ? ['taskset', '-c', String(cpu)] : [];
}

/** The same pods over IPv6: the kernel alone, and Sluice without rules. */
const IPV6_CONFIGS = ['baseline-ipv6', 'sluice-ipv6'] as const;
const isIpv6Config = (config: string) => config.endsWith('-ipv6');

export function configs(quick: boolean): string[] {
  const counts = quick ? [100, 10000] : RULE_COUNTS;
  return [
    'baseline',
    'sluice',
    ...IPV6_CONFIGS,
    ...counts.flatMap((n) => [`sluice-rules-${n}`, `iptables-rules-${n}`, `ipset-rules-${n}`]),
    ...CROSS_NODE_CONFIGS,
  ];
}

/**
 * What a config's ratio in the table is taken against: Sluice across nodes against the kernel
 * routing the same cross-node topology, everything else (the cross-node baselines too: what
 * crossing nodes costs the plain stack) against the same-node `baseline`.
 */
export function referenceOf(config: string): string | undefined {
  if (config === 'baseline') return undefined;
  if (config === 'cross-node-native' || config === 'cross-node-vxlan') return `${config}-baseline`;
  if (config === 'sluice-ipv6') return 'baseline-ipv6';
  return 'baseline';
}

/** Ratios beside the table's (config, vs): rules against no rules, IPv6 against IPv4, and each
 * cross-node mode against the same-node Sluice config. */
export const EXTRA_RATIOS: readonly { config: string; vs: string }[] = [
  { config: 'sluice-rules-10000', vs: 'sluice' },
  { config: 'sluice-ipv6', vs: 'sluice' },
  { config: 'cross-node-native', vs: 'sluice' },
  { config: 'cross-node-vxlan', vs: 'sluice' },
];

export async function requireTools(): Promise<void> {
  const missing: string[] = [];
  for (const t of ['iperf3', 'iptables-restore', 'ipset', 'bpftool']) {
    await run(['sh', '-c', `command -v ${t}`]).catch(() => missing.push(t));
  }
  if (missing.length) throw new EnvironmentError(`missing tools: ${missing.join(', ')}: run 'make setup'`);
  if (process.getuid?.() !== 0)
    throw new EnvironmentError(
      'the datapath bench creates namespaces and loads BPF programs: run it as root',
    );
}

/** Busy CPU seconds of the whole machine so far (all CPUs). */
async function busySeconds(): Promise<number> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return (total - idle) / 100; // USER_HZ jiffies -> seconds
}

/** build/sluice-crr rr (TCP ping-pong of 14-byte messages on one connection, either family) from
 * the client namespace for `seconds`: round trips per second and their latency. */
export async function measureRr(
  clientNetns: string,
  host: string,
  port: number,
  seconds: number,
): Promise<{ tps: number; p50Us: number; p99Us: number }> {
  const out = await run([...pinTo(CLIENT_CPU), CRR, 'rr', host, String(port), String(seconds)], {
    netns: clientNetns,
    timeoutMs: seconds * 1000 + 20_000,
  });
  const r = JSON.parse(out.stdout) as { tps: number; p50_us: number; p99_us: number };
  return { tps: r.tps, p50Us: r.p50_us, p99Us: r.p99_us };
}

/** build/sluice-crr from the client namespace for `seconds`: connect, 1 byte each way, close, per second. */
export async function measureCrr(
  clientNetns: string,
  host: string,
  port: number,
  seconds: number,
): Promise<number> {
  const out = await run([CRR, 'client', host, String(port), String(seconds)], {
    netns: clientNetns,
    timeoutMs: seconds * 1000 + 20_000,
  });
  return (JSON.parse(out.stdout) as { tps: number }).tps;
}

/**
 * Server processes of the bench (ours, ended by pid). `killAll` also ends one started while it
 * ran (a teardown racing with setup).
 */
export class ServerSet {
  private readonly children: ChildProcess[] = [];
  private closed = false;

  async start(netns: string, argv: string[], ready: RegExp): Promise<void> {
    if (this.closed) throw new Error('interrupted');
    const child = spawn('nsenter', [`--net=${netns}`, '--', ...argv], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.push(child);
    if (this.closed) killQuietly(child.pid); // teardown ran meanwhile
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => resolve(), 2000); // some servers say nothing until a client comes
      for (const s of [child.stdout!, child.stderr!]) {
        createInterface({ input: s }).on('line', (l) => {
          if (ready.test(l)) {
            clearTimeout(timer);
            resolve();
          }
        });
      }
      child.once('exit', (code) => reject(new Error(`${argv[0]} exited with ${code}`)));
    });
  }

  /** What every measurement talks to: iperf3 and build/sluice-crr (its RR server on a CPU of its
   * own), each on both families. */
  async startBenchServers(netns: string): Promise<void> {
    await this.start(netns, ['iperf3', '-s', '-p', String(PORTS.iperf)], /Server listening/);
    await this.start(netns, [...pinTo(SERVER_CPU), CRR, 'rr-server', String(PORTS.rr)], /ready/);
    await this.start(netns, [CRR, 'server', String(PORTS.crr)], /ready/);
  }

  killAll(): void {
    this.closed = true;
    for (const c of this.children) killQuietly(c.pid);
  }
}

/** Every metric, client in `clientNetns` to the bench servers at `serverIp`: iperf3, then RR,
 * ping-pong, then CRR, `seconds` each. */
export async function measurePair(
  clientNetns: string,
  serverIp: string,
  seconds: number,
): Promise<Record<Metric, number>> {
  const cpu0 = await busySeconds();
  const iperf = JSON.parse(
    (
      await run(['iperf3', '-c', serverIp, '-p', String(PORTS.iperf), '-t', String(seconds), '-J'], {
        netns: clientNetns,
        timeoutMs: seconds * 1000 + 20_000,
      })
    ).stdout,
  ) as {
    end: { sum_received: { bits_per_second: number; bytes: number } };
  };
  const cpu = (await busySeconds()) - cpu0;
  const rr = await measureRr(clientNetns, serverIp, PORTS.rr, seconds);
  const crr = await measureCrr(clientNetns, serverIp, PORTS.crr, seconds);
  const bytes = iperf.end.sum_received.bytes;
  return {
    tcp_stream_gbps: iperf.end.sum_received.bits_per_second / 1e9,
    tcp_rr_tps: rr.tps,
    rr_p50_us: rr.p50Us,
    rr_p99_us: rr.p99Us,
    tcp_crr_tps: crr,
    cpu_s_per_gb: cpu / (bytes / 1e9),
  };
}

export class Topology {
  readonly id = `dp${process.pid}`;
  readonly node = `sluice-bench-${this.id}-node`;
  readonly client = `sluice-bench-${this.id}-client`;
  readonly server = `sluice-bench-${this.id}-server`;
  readonly cfg = withConfig({
    pinRoot: `/sys/fs/bpf/sluice-bench-${this.id}`,
    hostNetns: `/run/netns/sluice-bench-${this.id}-node`,
    mapSizes: { policy: 65536 },
    // Dual-stack (the IPv6 configs' pods): the IPv6 maps at full size, as on a dual-stack node.
    podCidrV6: 'fd00:24f::/64',
  });
  readonly loader = new Loader(this.cfg);
  readonly syncer = new MapSyncer(this.cfg);
  readonly endpoints: Endpoint[] = [];
  private readonly servers = new ServerSet();
  private namespaces: string[] = [];

  ns(name: string): string {
    return `/run/netns/${name}`;
  }

  async up(): Promise<void> {
    for (const n of [this.node, this.client, this.server]) {
      if (this.closed) throw new Error('interrupted');
      await run(['ip', 'netns', 'add', n]);
      if (this.closed) {
        await run(['ip', 'netns', 'del', n]).catch(() => undefined); // teardown already ran
        throw new Error('interrupted');
      }
      this.namespaces.push(n);
    }
    await run(['ip', 'link', 'set', 'lo', 'up'], { netns: this.ns(this.node) });
    await run(['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1'], { netns: this.ns(this.node) });
    await run(['sysctl', '-q', '-w', 'net.ipv6.conf.all.forwarding=1'], { netns: this.ns(this.node) });
    for (const [i, [pod, ip, ipv6]] of [
      [this.client, CLIENT_IP, CLIENT_IP6],
      [this.server, SERVER_IP, SERVER_IP6],
    ].entries()) {
      const w = await wirePod({
        hostNetns: this.cfg.hostNetns,
        podNetns: this.ns(pod!),
        hostIfName: `bench${i}`,
        podIfName: 'eth0',
        ip: ip!,
        ipv6: ipv6!,
      });
      this.endpoints.push({
        id: i + 1,
        podKey: `bench/${i === 0 ? 'client' : 'server'}`,
        ip: ip!,
        ipv6: ipv6!,
        hostIfName: w.hostIfName,
        hostIfindex: w.hostIfindex,
        hostMac: w.hostMac,
        podMac: w.podMac,
      });
    }
    await this.loader.load();
    if (this.closed) throw new Error('interrupted');
    await this.servers.startBenchServers(this.ns(this.server));
  }

  async clear(): Promise<void> {
    for (const ep of this.endpoints) await this.loader.detach(ep.hostIfName);
    await run(['iptables', '-F', 'FORWARD'], { netns: this.ns(this.node) }).catch(() => undefined);
    await run(['ipset', 'destroy'], { netns: this.ns(this.node) }).catch(() => undefined);
  }

  /** Sluice with nRules entries that never match the traffic, plus one that allows it. */
  async sluice(nRules: number): Promise<void> {
    await this.clear();
    const policy: PolicyEntry[] = [];
    if (nRules > 0) {
      for (let i = 0; i < nRules; i++) {
        policy.push({
          prefixLen: POLICY_PREFIX_FULL,
          endpointId: 2,
          identity: 100_000 + i,
          direction: DIR_INGRESS,
          protocol: IPPROTO_TCP,
          port: 1000 + (i % 50_000),
          ruleId: 1,
        });
      }
      policy.push({
        prefixLen: POLICY_PREFIX_ANY_PROTO,
        endpointId: 2,
        identity: 256,
        direction: DIR_INGRESS,
        protocol: 0,
        port: 0,
        ruleId: 2,
      });
    }
    const compiled: CompileOutput = {
      endpointFlags: new Map([
        [1, 0],
        [2, nRules > 0 ? EP_F_INGRESS_ENFORCED : 0],
      ]),
      policy,
      cidr: [],
      rules: new Map(),
    };
    const identities = new Map([
      ['bench/client', 256],
      ['bench/server', 257],
    ]);
    await this.syncer.sync(
      desiredMaps({
        endpoints: this.endpoints,
        identities,
        ipcache: [
          { prefix: CLIENT_IP, identity: 256 },
          { prefix: SERVER_IP, identity: 257 },
          { prefix: CLIENT_IP6, identity: 256 },
          { prefix: SERVER_IP6, identity: 257 },
          { prefix: '10.250.0.1', identity: ID_HOST },
        ],
        compiled,
      }),
    );
    for (const ep of this.endpoints) await this.loader.attach(ep.hostIfName);
  }

  /** iptables as iptables-based plugins enforce policy: one FORWARD rule per peer and port. */
  async iptables(nRules: number): Promise<void> {
    await this.clear();
    const lines = ['*filter', ':FORWARD ACCEPT [0:0]'];
    for (let i = 0; i < nRules; i++)
      lines.push(
        `-A FORWARD -s 10.99.${Math.floor(i / 250)}.${(i % 250) + 1}/32 -d ${SERVER_IP}/32 -p tcp -m tcp --dport ${1000 + (i % 50_000)} -j ACCEPT`,
      );
    lines.push(
      `-A FORWARD -s ${CLIENT_IP}/32 -d ${SERVER_IP}/32 -j ACCEPT`,
      `-A FORWARD -s ${SERVER_IP}/32 -d ${CLIENT_IP}/32 -j ACCEPT`,
      '-A FORWARD -j DROP',
      'COMMIT',
      '',
    );
    await run(['iptables-restore', '--noflush'], { netns: this.ns(this.node), input: lines.join('\n') });
  }

  /** The same peers and ports in one ipset (hash:ip,port,ip), matched by one rule each way. */
  async ipset(nRules: number): Promise<void> {
    await this.clear();
    const set = 'sluice-bench';
    const lines = [`create ${set} hash:ip,port,ip family inet hashsize 4096 maxelem ${nRules + 16}`];
    for (let i = 0; i < nRules; i++)
      lines.push(
        `add ${set} 10.99.${Math.floor(i / 250)}.${(i % 250) + 1},tcp:${1000 + (i % 50_000)},${SERVER_IP}`,
      );
    for (const port of Object.values(PORTS)) {
      lines.push(
        `add ${set} ${CLIENT_IP},tcp:${port},${SERVER_IP}`,
        `add ${set} ${SERVER_IP},tcp:${port},${CLIENT_IP}`,
      );
    }
    lines.push('');
    await run(['ipset', 'restore'], { netns: this.ns(this.node), input: lines.join('\n') });
    await run(['iptables-restore', '--noflush'], {
      netns: this.ns(this.node),
      input: [
        '*filter',
        `-A FORWARD -p tcp -m set --match-set ${set} src,dst,dst -j ACCEPT`,
        `-A FORWARD -p tcp -m set --match-set ${set} src,src,dst -j ACCEPT`,
        '-A FORWARD -j DROP',
        'COMMIT',
        '',
      ].join('\n'),
    });
  }

  async apply(config: string): Promise<void> {
    // An -ipv6 config is its IPv4 one, measured over IPv6 (measure).
    const base = isIpv6Config(config) ? config.slice(0, -'-ipv6'.length) : config;
    const n = Number(base.split('-').at(-1));
    if (base === 'baseline') await this.clear();
    else if (base === 'sluice') await this.sluice(0);
    else if (config.startsWith('sluice-rules-')) await this.sluice(n);
    else if (config.startsWith('iptables-rules-')) await this.iptables(n);
    else if (config.startsWith('ipset-rules-')) await this.ipset(n);
  }

  /** Every metric of a config: to the server's IPv6 address for the `-ipv6` ones. */
  measure(config: string, seconds: number): Promise<Record<Metric, number>> {
    return measurePair(this.ns(this.client), isIpv6Config(config) ? SERVER_IP6 : SERVER_IP, seconds);
  }

  /** Set once teardown began: a setup step still in flight (SIGINT during up) must not add to it. */
  private closed = false;

  private downing: Promise<void> | undefined;

  /** Tears everything down once, however many callers (a signal handler and the run's finally). */
  down(): Promise<void> {
    this.downing ??= this.teardown();
    return this.downing;
  }

  private async teardown(): Promise<void> {
    this.closed = true;
    this.servers.killAll();
    for (const n of [...this.namespaces].reverse())
      await run(['ip', 'netns', 'del', n]).catch(() => undefined);
    this.namespaces = [];
    this.syncer.close(); // the long-lived map writer process
    await this.loader.removePins();
  }
}

const round = (n: number) => roundTo(n, 3);

/** Namespaces and pins of an earlier run whose process is gone (killed before it could clean up). */
export async function removeLeftovers(log?: (line: string) => void): Promise<void> {
  const { stdout } = await run(['ip', 'netns', 'list']);
  for (const line of stdout.split('\n')) {
    const m = /^(sluice-bench-dp(\d+)-\S+)/.exec(line);
    if (!m) continue;
    const pid = Number(m[2]);
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (alive) continue;
    log?.(`removing ${m[1]}, left by an aborted run (pid ${pid})`);
    await run(['ip', 'netns', 'del', m[1]!]).catch(() => undefined);
  }
  for (const dir of await readdir('/sys/fs/bpf').catch(() => [] as string[])) {
    const m = /^sluice-bench-dp(\d+)$/.exec(dir);
    if (!m || alive(Number(m[1]))) continue;
    log?.(`removing /sys/fs/bpf/${dir}, left by an aborted run`);
    await rm(`/sys/fs/bpf/${dir}`, { recursive: true, force: true });
  }
  await removeCrossNodeLeftovers(alive, log);
}

/** SIGKILL to a child of ours that may have exited already. */
function killQuietly(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The median of a config's runs of a metric, unrounded; NaN when the config or the metric is
 * missing or any run is not a number (no gate passes NaN). */
function medianOf(
  samples: ReadonlyMap<string, readonly Record<Metric, number>[]>,
  config: string,
  metric: Metric,
) {
  const runs = (samples.get(config) ?? []).map((s) => s[metric]);
  return runs.length > 0 && runs.every(Number.isFinite) ? median(runs) : Number.NaN;
}

/** Results and ratios of a run's samples per config (in measuring order). Ratios are paired
 * (pairedRatio, unrounded): each config against `referenceOf` it, plus EXTRA_RATIOS, every metric. */
export function summarize(
  samples: ReadonlyMap<string, readonly Record<Metric, number>[]>,
): Pick<DatapathReport, 'results' | 'ratios'> {
  const results: BenchResult[] = [];
  for (const [config, list] of samples) {
    for (const metric of METRICS) {
      const runs = list.map((s) => round(s[metric]));
      results.push({
        config,
        metric,
        median: round(medianOf(samples, config, metric)),
        min: Math.min(...runs),
        max: Math.max(...runs),
        runs,
      });
    }
  }
  const ratioOf = (config: string, vs: string, metric: Metric) => {
    const runs = (c: string) => (samples.get(c) ?? []).map((s) => s[metric]);
    const exact = pairedRatio(runs(config), runs(vs), LOWER_IS_BETTER.has(metric));
    return { config, metric, vs, ratio: round(exact), exact };
  };
  const ratios: DatapathReport['ratios'] = [];
  for (const config of samples.keys()) {
    const vs = referenceOf(config);
    if (vs) for (const metric of METRICS) ratios.push(ratioOf(config, vs, metric));
  }
  for (const { config, vs } of EXTRA_RATIOS)
    for (const metric of METRICS) ratios.push(ratioOf(config, vs, metric));
  return { results, ratios };
}

export async function runDatapathBench(opts: {
  quick: boolean;
  log?: (line: string) => void;
}): Promise<DatapathReport> {
  await requireTools();
  await removeLeftovers(opts.log);
  // A closed stderr (e.g. `| head`) must not kill the run before it cleans up.
  process.stderr.on('error', () => undefined);
  const topo = new Topology();
  const cross = new CrossNode(topo.id, opts.log);
  const crossServers = new ServerSet();
  let downing: Promise<void> | undefined;
  // Servers first (they run in the namespaces), then the same-node topology, then the labs and
  // the cross-node baselines. Once, however many callers.
  const down = () => {
    downing ??= (async () => {
      crossServers.killAll();
      await topo.down();
      await cross.down();
    })();
    return downing;
  };
  const stop = (signal: string) => {
    opts.log?.(`${signal}: removing the benchmark's namespaces, labs, links, pins and processes`);
    void down().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await topo.up();
    await cross.up();
    for (const pair of cross.pairs.values()) await crossServers.startBenchServers(pair.server);
    const list = configs(opts.quick);
    const reps = opts.quick ? 3 : 5;
    const seconds = opts.quick ? 1 : 3;
    const samples = new Map<string, Record<Metric, number>[]>();
    for (let r = 0; r < reps; r++) {
      for (const config of list) {
        let m: Record<Metric, number>;
        if (isCrossNode(config)) {
          // Nothing to switch: each cross-node config has its own pods, always up. The same
          // settle: the previous config's switch may still be running down.
          const pair = cross.pairs.get(config);
          if (!pair) throw new Error(`${config}: its topology is not up`);
          await settle(0);
          m = await measurePair(pair.client, pair.serverIp, seconds);
        } else {
          const t = performance.now();
          await topo.apply(config);
          // Switching configs writes or frees up to 10,000 policy entries (and iptables rules): the
          // kernel's deferred frees and V8's collector must not run into the measurement.
          await settle(performance.now() - t);
          m = await topo.measure(config, seconds);
        }
        samples.set(config, [...(samples.get(config) ?? []), m]);
        opts.log?.(`run ${r + 1}/${reps} ${config}: ${METRICS.map((k) => `${k}=${round(m[k])}`).join(' ')}`);
      }
    }
    const cpu = os.cpus();
    return {
      machine: { cpus: cpu.length, kernel: os.release(), model: cpu[0]?.model ?? '' },
      ...summarize(samples),
    };
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await down();
  }
}
