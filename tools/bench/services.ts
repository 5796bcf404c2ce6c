// `sluice bench services`: Services load balancing on the same-node topology of the datapath bench.
// RR (one connection) and CRR (connect, 1 byte each way, close: the first packet's cost) through a
// ClusterIP vs straight to the pod, with 1..10,000 Services in the maps, beside kube-proxy-style
// iptables NAT rules for the same Services (programs detached, DNAT in the node namespace), all in
// one run, alternating (A B C … A B C …). Plus the time the agent's reconciler takes to write
// 10,000 Services with 5 backends each into the real pinned maps of the loaded datapath.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../../agent/config/config.js';
import { IdentityAllocator } from '../../agent/identity/allocator.js';
import type { EndpointSlice, Pod, Service } from '../../agent/model/types.js';
import { Reconciler } from '../../agent/reconciler/reconciler.js';
import { compileServices, type Frontend } from '../../agent/services/compile.js';
import { readLbStats } from '../../agent/services/stats.js';
import { Store } from '../../agent/state/store.js';
import { run } from '../../agent/sys/exec.js';
import { silentLogger } from '../../agent/sys/log.js';
import {
  CLIENT_IP,
  measureCrr,
  measureRr,
  PORTS,
  removeLeftovers,
  requireTools,
  SERVER_IP,
  settle,
  Topology,
} from './datapath.js';
import { median, pairedRatio, round } from './stats.js';

export const SERVICE_COUNTS = [1, 1000, 10000];
export const SERVICE_METRICS = ['tcp_rr_tps', 'rr_p50_us', 'rr_p99_us', 'tcp_crr_tps', 'crr_us'] as const;
export type ServiceMetric = (typeof SERVICE_METRICS)[number];
/** Less is better: their ratios are inverted so that > 1 is always better. */
const LOWER_IS_BETTER = new Set<ServiceMetric>(['rr_p50_us', 'rr_p99_us', 'crr_us']);

/** Backends per Service in the sync measurement and of every Service that takes no traffic. */
export const BACKENDS_PER_SERVICE = 5;
export const SYNC_SERVICES = 10_000;

const NODE_NAME = 'bench-node';
const NODE_IP = '10.250.0.1';
/** The pods' addresses (kube-proxy's --cluster-cidr: sources outside it are masqueraded). */
export const BENCH_CLUSTER_CIDR = '10.238.0.0/16';
/** The measured Service: ports 80 (CRR) and 81 (RR) to the server pod's sluice-crr servers. */
const ECHO = { namespace: 'bench', name: 'echo', clusterIP: '10.96.0.10', crrPort: 80, rrPort: 81 };

export interface ServicesResult {
  config: string;
  metric: ServiceMetric;
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export interface ServicesRatio {
  config: string;
  metric: ServiceMetric;
  vs: string;
  /** Rounded down to 3 decimals (never up to a threshold); null when a side is missing. */
  ratio: number | null;
}

export interface TargetRow {
  /** What is compared, e.g. "sluice-clusterip-10000 / sluice-pod tcp_rr_tps >= 0.95". */
  target: string;
  /** The ratio (min targets) or the figure (max targets); null when missing or not a number. */
  value: number | null;
  /** > 1 is better: the ratio itself for min targets, limit / figure for max targets. */
  ratio: number | null;
  met: boolean;
}

export interface ServicesReport {
  machine: { cpus: number; kernel: string; model: string };
  /** Service counts of the ClusterIP configs; where the measured Service sits in KUBE-SERVICES. */
  services: number[];
  kube_services_position: string;
  results: ServicesResult[];
  ratios: ServicesRatio[];
  /** Median reconcile of SYNC_SERVICES Services x BACKENDS_PER_SERVICE backends, empty Service maps to full. */
  services_sync_ms: number;
  services_sync: {
    services: number;
    backends_per_service: number;
    /** Entries the sync wrote to the four Service maps. */
    entries: number;
    runs_ms: number[];
    plan_ms: number[];
    map_sync_ms: number[];
  };
  targets: TargetRow[];
}

export interface ServicesThresholds {
  ratios: { config: string; vs: string; metric: ServiceMetric; min: number }[];
  max: { key: 'services_sync_ms'; max: number }[];
}

export function servicesConfigs(quick: boolean): string[] {
  const counts = quick ? [1, 10000] : SERVICE_COUNTS;
  return [
    'baseline',
    ...counts.map((n) => `iptables-clusterip-${n}`),
    'sluice-pod',
    ...counts.map((n) => `sluice-clusterip-${n}`),
  ];
}

// ---- the Services (pure) ----

/** The i-th Service that takes no traffic (0-based): one TCP port, BACKENDS_PER_SERVICE remote backends. */
export function fillerService(i: number): { service: Service; slice: EndpointSlice } {
  const ns = `svc-${i % 100}`;
  const name = `svc-${i}`;
  const ipIndex = i + 2; // past 10.100.0.0 and .1
  const endpoints = Array.from({ length: BACKENDS_PER_SERVICE }, (_, j) => {
    const k = i * BACKENDS_PER_SERVICE + j + 1;
    return {
      addresses: [`10.200.${k >> 8}.${k & 255}`],
      conditions: { ready: true },
      nodeName: 'node-b',
    };
  });
  return {
    service: {
      namespace: ns,
      name,
      type: 'ClusterIP',
      clusterIP: `10.100.${ipIndex >> 8}.${ipIndex & 255}`,
      selector: { app: name },
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
    },
    slice: {
      namespace: ns,
      name: `${name}-0`,
      serviceName: name,
      addressType: 'IPv4',
      endpoints,
      ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
    },
  };
}

/** The measured Service: the server pod behind ports 80 (sluice-crr) and 81 (sluice-crr rr). */
export function echoService(): { service: Service; slice: EndpointSlice } {
  return {
    service: {
      namespace: ECHO.namespace,
      name: ECHO.name,
      type: 'ClusterIP',
      clusterIP: ECHO.clusterIP,
      selector: { app: 'server' },
      ports: [
        { name: 'crr', port: ECHO.crrPort, protocol: 'TCP', targetPort: PORTS.crr },
        { name: 'rr', port: ECHO.rrPort, protocol: 'TCP', targetPort: PORTS.rr },
      ],
    },
    slice: {
      namespace: ECHO.namespace,
      name: `${ECHO.name}-0`,
      serviceName: ECHO.name,
      addressType: 'IPv4',
      endpoints: [
        { addresses: [SERVER_IP], conditions: { ready: true }, nodeName: NODE_NAME, pod: 'bench/server' },
      ],
      ports: [
        { name: 'crr', protocol: 'TCP', port: PORTS.crr },
        { name: 'rr', protocol: 'TCP', port: PORTS.rr },
      ],
    },
  };
}

// ---- kube-proxy's iptables rules (pure) ----

/** A Service port as kube-proxy programs it (structurally one of Sluice's compiled frontends). */
export type KubeProxyPort = Pick<Frontend, 'service' | 'portName' | 'addr' | 'port' | 'protocol'> & {
  backends: readonly { addr: string; port: number }[];
};

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** kube-proxy's chain name hash: base32(sha256(s)), first 16 characters. */
export function kubeProxyHash(s: string): string {
  const h = createHash('sha256').update(s).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of h) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= 16) break;
    value &= (1 << bits) - 1;
  }
  return out;
}

/**
 * iptables-restore input for the nat table as kube-proxy (iptables mode) writes it for these
 * ClusterIP ports, in this order: PREROUTING/OUTPUT jump to KUBE-SERVICES, which holds one rule
 * per Service port (-d clusterIP --dport port -j KUBE-SVC-*) and ends with the KUBE-NODEPORTS
 * jump; a KUBE-SVC-* chain marks sources outside the cluster CIDR for masquerade and picks a
 * KUBE-SEP-* with `-m statistic --mode random --probability 1/(n-i)`; a KUBE-SEP-* marks hairpin
 * traffic and DNATs to its backend. Ports without backends get no nat rules (kube-proxy rejects
 * them in the filter table). Chain names are kube-proxy's: base32(sha256(portName + protocol
 * [+ endpoint])), 16 characters.
 */
export function kubeProxyRules(ports: readonly KubeProxyPort[], clusterCidr: string): string {
  const chains = ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ'];
  const rules = [
    '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
    '-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000',
    '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
    '-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000',
    '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
  ];
  const services: string[] = [];
  const perService: string[] = [];
  for (const p of ports) {
    if (p.backends.length === 0) continue;
    const spn = p.portName ? `${p.service}:${p.portName}` : p.service;
    const proto = p.protocol.toLowerCase();
    const svcChain = `KUBE-SVC-${kubeProxyHash(spn + proto)}`;
    const match = `-m ${proto} -p ${proto} -d ${p.addr}/32 --dport ${p.port}`;
    chains.push(svcChain);
    services.push(`-A KUBE-SERVICES -m comment --comment "${spn} cluster IP" ${match} -j ${svcChain}`);
    perService.push(
      `-A ${svcChain} -m comment --comment "${spn} cluster IP" ${match} ! -s ${clusterCidr} -j KUBE-MARK-MASQ`,
    );
    const n = p.backends.length;
    const endpointRules: string[] = [];
    p.backends.forEach((b, i) => {
      const ep = `${b.addr}:${b.port}`;
      const sepChain = `KUBE-SEP-${kubeProxyHash(spn + proto + ep)}`;
      chains.push(sepChain);
      const pick = i < n - 1 ? ` -m statistic --mode random --probability ${(1 / (n - i)).toFixed(10)}` : '';
      perService.push(`-A ${svcChain} -m comment --comment "${spn} -> ${ep}"${pick} -j ${sepChain}`);
      endpointRules.push(
        `-A ${sepChain} -m comment --comment ${spn} -s ${b.addr}/32 -j KUBE-MARK-MASQ`,
        `-A ${sepChain} -m comment --comment ${spn} -m ${proto} -p ${proto} -j DNAT --to-destination ${ep}`,
      );
    });
    perService.push(...endpointRules);
  }
  services.push(
    '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS',
  );
  return [
    '*nat',
    ...chains.map((c) => `:${c} - [0:0]`),
    ...rules,
    ...services,
    ...perService,
    'COMMIT',
    '',
  ].join('\n');
}

/** Sluice's own compilation of the Services, as kube-proxy ports (the ready backends of each). */
export function kubeProxyPorts(
  services: readonly Service[],
  slices: readonly EndpointSlice[],
): KubeProxyPort[] {
  const { frontends } = compileServices({
    services,
    endpointSlices: slices,
    nodeIps: [],
    nodeName: NODE_NAME,
    localAddresses: new Set(),
  });
  return frontends.map((f) => ({
    service: f.service,
    portName: f.portName,
    addr: f.addr,
    port: f.port,
    protocol: f.protocol,
    backends: f.backends.filter((b) => b.state === 'active').map((b) => ({ addr: b.addr, port: b.port })),
  }));
}

/** `list` with `item` moved to index ⌊length/2⌋: the expected place of one Service in kube-proxy's
 * KUBE-SERVICES, whose order is Go's map order (random). */
export function placeInMiddle<T>(list: readonly T[], isItem: (x: T) => boolean): T[] {
  const items = list.filter(isItem);
  const rest = list.filter((x) => !isItem(x));
  const at = Math.floor(rest.length / 2);
  return [...rest.slice(0, at), ...items, ...rest.slice(at)];
}

// ---- figures, ratios and targets (pure) ----

const floor3 = (n: number) => Math.floor(n * 1000) / 1000;
const finiteOrNull = (n: number) => (Number.isFinite(n) ? n : null);

/** Config vs vs, the right way round (> 1 better), paired by repetition (pairedRatio); NaN when
 * either is missing. */
export function rawRatio(
  results: readonly ServicesResult[],
  config: string,
  vs: string,
  metric: ServiceMetric,
): number {
  const runs = (c: string) => results.find((r) => r.config === c && r.metric === metric)?.runs ?? [];
  return pairedRatio(runs(config), runs(vs), LOWER_IS_BETTER.has(metric));
}

/** Every config against baseline; ClusterIP configs against sluice-pod, against their 1-Service
 * run and against iptables at the same count; iptables against its 1-Service run. */
export function servicesRatios(results: readonly ServicesResult[]): ServicesRatio[] {
  const configs = [...new Set(results.map((r) => r.config))];
  const pairs: [string, string][] = [];
  for (const c of configs) {
    if (c !== 'baseline') pairs.push([c, 'baseline']);
    const m = /^(sluice|iptables)-clusterip-(\d+)$/.exec(c);
    if (!m) continue;
    const [, kind, n] = m;
    if (kind === 'sluice') pairs.push([c, 'sluice-pod']);
    if (n !== '1') pairs.push([c, `${kind}-clusterip-1`]);
    if (kind === 'sluice') pairs.push([c, `iptables-clusterip-${n}`]);
  }
  return pairs.flatMap(([config, vs]) =>
    SERVICE_METRICS.map((metric) => {
      const r = rawRatio(results, config, vs, metric);
      return { config, metric, vs, ratio: Number.isFinite(r) ? floor3(r) : null };
    }),
  );
}

/** Each threshold as a row; a missing or non-numeric figure is not met (never skipped). */
export function evaluateTargets(
  report: { results: readonly ServicesResult[]; services_sync_ms: number | null | undefined },
  t: ServicesThresholds,
): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const want of t.ratios) {
    const r = rawRatio(report.results, want.config, want.vs, want.metric);
    rows.push({
      target: `${want.config} / ${want.vs} ${want.metric} >= ${want.min}`,
      value: finiteOrNull(r) === null ? null : floor3(r),
      ratio: finiteOrNull(r) === null ? null : floor3(r),
      met: Number.isFinite(r) && r >= want.min,
    });
  }
  for (const want of t.max) {
    const v = Number(report[want.key] ?? Number.NaN);
    const ok = Number.isFinite(v) && v > 0;
    rows.push({
      target: `${want.key} <= ${want.max}`,
      // Shown rounded up, so that a figure over the limit never reads as the limit.
      value: ok ? Math.ceil(v * 10) / 10 : null,
      ratio: ok ? floor3(want.max / v) : null,
      met: ok && v <= want.max,
    });
  }
  return rows;
}

export async function loadServicesThresholds(
  file = path.join(REPO_ROOT, 'bench', 'thresholds.json'),
): Promise<ServicesThresholds> {
  const t = JSON.parse(await readFile(file, 'utf8')) as { services?: Partial<ServicesThresholds> };
  const s = t.services;
  if (!s || !Array.isArray(s.ratios) || !Array.isArray(s.max) || s.ratios.length + s.max.length === 0)
    throw new Error(`${file}: no "services" targets ({ratios: [...], max: [...]})`);
  return { ratios: s.ratios, max: s.max };
}

export function servicesMarkdown(report: ServicesReport): string {
  const configs = [...new Set(report.results.map((r) => r.config))];
  const cell = (config: string, metric: ServiceMetric) => {
    const r = report.results.find((x) => x.config === config && x.metric === metric);
    if (!r) return '—';
    const vs = config.startsWith('sluice-clusterip-') ? 'sluice-pod' : 'baseline';
    const ratio = report.ratios.find((x) => x.config === config && x.metric === metric && x.vs === vs);
    return `${r.median} (${r.min}–${r.max})${ratio?.ratio != null ? ` ×${ratio.ratio}` : ''}`;
  };
  const m = report.machine;
  const table = [
    `| config | ${SERVICE_METRICS.join(' | ')} |`,
    `| --- | ${SERVICE_METRICS.map(() => '---').join(' | ')} |`,
    ...configs.map((c) => `| ${c} | ${SERVICE_METRICS.map((x) => cell(c, x)).join(' | ')} |`),
  ].join('\n');
  const beside = report.ratios
    .filter(
      (r) =>
        (r.metric === 'tcp_rr_tps' || r.metric === 'tcp_crr_tps') &&
        ((r.config.startsWith('sluice-clusterip-') && r.vs.startsWith('iptables-')) ||
          (r.config.startsWith('iptables-clusterip-') && r.vs !== 'baseline')),
    )
    .map((r) => `| ${r.config} | ${r.vs} | ${r.metric} | ${r.ratio ?? 'missing'} |`);
  const targets = report.targets.map(
    (t) => `| ${t.target} | ${t.value ?? 'missing'} | ${t.ratio ?? 'missing'} | ${t.met ? 'yes' : 'NO'} |`,
  );
  return `Machine: ${m.cpus} CPUs (${m.model}), kernel ${m.kernel}. Median (min–max) of the runs; ×ratio to \`sluice-pod\` for ClusterIP through Sluice, to \`baseline\` otherwise (> 1 is better; latency ratios inverted). The measured Service sits ${report.kube_services_position} of KUBE-SERVICES.

${table}

| config | vs | metric | ratio |
| --- | --- | --- | --- |
${beside.join('\n')}

\`services_sync_ms\`: ${report.services_sync_ms} (${report.services_sync.services} Services × ${report.services_sync.backends_per_service} backends, ${report.services_sync.entries} entries; runs ${report.services_sync.runs_ms.join(', ')} ms)

| target | value | ratio | met |
| --- | --- | --- | --- |
${targets.join('\n')}
`;
}

// ---- the run ----

type Sample = Record<ServiceMetric, number>;

class ServicesBench {
  readonly store = new Store();
  readonly reconciler: Reconciler;
  /** Fillers in the store now (svc-0 .. svc-(n-1)). */
  private fillers = 0;
  private echo = false;

  constructor(readonly topo: Topology) {
    this.store.upsertNamespace({ name: 'bench', labels: {} });
    const pod = (name: string, ip: string): Pod => ({
      namespace: 'bench',
      name,
      labels: { app: name },
      ip,
      ports: [],
      nodeName: NODE_NAME,
    });
    this.store.upsertPod(pod('client', CLIENT_IP));
    this.store.upsertPod(pod('server', SERVER_IP));
    this.reconciler = new Reconciler({
      store: this.store,
      endpoints: () => topo.endpoints,
      identities: new IdentityAllocator(),
      namespaceIdentities: new IdentityAllocator('namespaces'),
      syncer: topo.syncer,
      nodeIps: [NODE_IP],
      nodeName: NODE_NAME,
      log: silentLogger,
    });
  }

  private upsert(x: { service: Service; slice: EndpointSlice }): void {
    const problems = [...this.store.upsertService(x.service), ...this.store.upsertEndpointSlice(x.slice)];
    if (problems.length) throw new Error(`bench Service refused: ${JSON.stringify(problems)}`);
  }

  /** The store holds the echo Service (or not) and `fillers` other Services; not yet reconciled. */
  setServices(echo: boolean, fillers: number): void {
    if (echo && !this.echo) this.upsert(echoService());
    if (!echo && this.echo) {
      this.store.deleteService(ECHO.namespace, ECHO.name);
      this.store.deleteEndpointSlice(ECHO.namespace, `${ECHO.name}-0`);
    }
    this.echo = echo;
    for (let i = this.fillers; i < fillers; i++) this.upsert(fillerService(i));
    for (let i = fillers; i < this.fillers; i++) {
      const { service, slice } = fillerService(i);
      this.store.deleteService(service.namespace, service.name);
      this.store.deleteEndpointSlice(slice.namespace, slice.name);
    }
    this.fillers = fillers;
  }

  /** Programs attached, the maps holding `n` Services (the echo Service and n - 1 others). */
  async sluice(n: number): Promise<void> {
    await this.clear();
    this.setServices(true, n - 1);
    await this.reconciler.reconcile();
    for (const ep of this.topo.endpoints) await this.topo.loader.attach(ep.hostIfName);
  }

  /** No programs; kube-proxy's nat rules for the same `n` Services in the node namespace. */
  async iptables(n: number): Promise<void> {
    await this.clear();
    const all = [echoService(), ...Array.from({ length: n - 1 }, (_, i) => fillerService(i))];
    const ports = placeInMiddle(
      kubeProxyPorts(
        all.map((x) => x.service),
        all.map((x) => x.slice),
      ),
      (p) => p.service === `${ECHO.namespace}/${ECHO.name}`,
    );
    // Without --noflush: restore replaces the nat table (ours alone in this namespace), ~10 s for
    // 10,000 Services with iptables-nft here, where --noflush takes minutes.
    await run(['iptables-restore'], {
      netns: this.topo.ns(this.topo.node),
      input: kubeProxyRules(ports, BENCH_CLUSTER_CIDR),
      timeoutMs: 300_000,
    });
  }

  /** Programs detached, filter and nat tables of the node namespace empty (nat gone, so is conntrack). */
  async clear(): Promise<void> {
    await this.topo.clear();
    const netns = this.topo.ns(this.topo.node);
    await run(['iptables', '-t', 'nat', '-F'], { netns }).catch(() => undefined);
    await run(['iptables', '-t', 'nat', '-X'], { netns }).catch(() => undefined);
  }

  async apply(config: string): Promise<{ host: string; rrPort: number; crrPort: number }> {
    const n = Number(config.split('-').at(-1));
    const pod = { host: SERVER_IP, rrPort: PORTS.rr, crrPort: PORTS.crr };
    const clusterIp = { host: ECHO.clusterIP, rrPort: ECHO.rrPort, crrPort: ECHO.crrPort };
    if (config === 'baseline') {
      await this.clear();
      return pod;
    }
    if (config === 'sluice-pod') {
      await this.sluice(1);
      return pod;
    }
    if (config.startsWith('sluice-clusterip-')) {
      await this.sluice(n);
      return clusterIp;
    }
    if (config.startsWith('iptables-clusterip-')) {
      await this.iptables(n);
      return clusterIp;
    }
    throw new Error(`unknown config ${config}`);
  }

  async measure(to: { host: string; rrPort: number; crrPort: number }, seconds: number): Promise<Sample> {
    const client = this.topo.ns(this.topo.client);
    const rr = await measureRr(client, to.host, to.rrPort, seconds);
    const crr = await measureCrr(client, to.host, to.crrPort, seconds);
    return {
      tcp_rr_tps: rr.tps,
      rr_p50_us: rr.p50Us,
      rr_p99_us: rr.p99Us,
      tcp_crr_tps: crr,
      crr_us: 1e6 / crr,
    };
  }

  /** SYNC_SERVICES Services x BACKENDS_PER_SERVICE backends into empty Service maps, `runs` times:
   * the reconcile (compile, encode, one bpftool batch) is timed; the store updates before it are not. */
  async syncRuns(runs: number, log?: (line: string) => void): Promise<ServicesReport['services_sync']> {
    const out: ServicesReport['services_sync'] = {
      services: SYNC_SERVICES,
      backends_per_service: BACKENDS_PER_SERVICE,
      entries: 0,
      runs_ms: [],
      plan_ms: [],
      map_sync_ms: [],
    };
    this.setServices(false, 0);
    await this.reconciler.reconcile();
    for (let r = 0; r < runs; r++) {
      this.setServices(false, SYNC_SERVICES);
      const t = performance.now();
      const res = await this.reconciler.reconcile();
      const ms = performance.now() - t;
      const m = res.stats.byMap;
      out.entries = m.lbFrontends.updates + m.lbRevnat.updates + m.lbBackends.updates + m.lbSlots.updates;
      out.runs_ms.push(ms);
      out.plan_ms.push(round(res.phases.planMs));
      out.map_sync_ms.push(round(res.phases.syncMs));
      log?.(
        `sync ${r + 1}/${runs}: ${round(ms)} ms (plan ${round(res.phases.planMs)}, maps ${round(res.phases.syncMs)}), ${out.entries} entries`,
      );
      this.setServices(false, 0);
      await this.reconciler.reconcile();
    }
    return out;
  }

  /** The echo frontend's translations so far: proof that ClusterIP traffic went through lb.h. */
  async echoTranslations(): Promise<number> {
    const ids = this.reconciler.last?.plan.frontendIds;
    const want = new Set(
      [ECHO.crrPort, ECHO.rrPort].map((p) => ids?.get(`${ECHO.clusterIP}:${p}/TCP`)).filter((x) => x),
    );
    const stats = await readLbStats(this.topo.cfg.pinRoot);
    return stats.filter((s) => want.has(s.frontendId)).reduce((a, s) => a + s.translations, 0);
  }
}

export async function runServicesBench(opts: {
  quick: boolean;
  log?: (line: string) => void;
  thresholds?: ServicesThresholds;
}): Promise<ServicesReport> {
  const thresholds = opts.thresholds ?? (await loadServicesThresholds());
  await requireTools();
  await removeLeftovers(opts.log);
  process.stderr.on('error', () => undefined);
  const topo = new Topology();
  const cleanup = async () => {
    await topo.down();
  };
  const stop = (signal: string) => {
    opts.log?.(`${signal}: removing the benchmark's namespaces, pins, rules and processes`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await topo.up();
    const bench = new ServicesBench(topo);

    // The sync figure first, on the loaded and attached datapath.
    await bench.sluice(1);
    const sync = await bench.syncRuns(opts.quick ? 3 : 5, opts.log);

    const list = servicesConfigs(opts.quick);
    const counts = list
      .filter((c) => c.startsWith('sluice-clusterip-'))
      .map((c) => Number(c.split('-').at(-1)));
    const reps = opts.quick ? 3 : 5;
    const seconds = opts.quick ? 1 : 3;
    const samples = new Map<string, Sample[]>();
    for (let r = 0; r < reps; r++) {
      for (const config of list) {
        const t = performance.now();
        const to = await bench.apply(config);
        const setupMs = performance.now() - t;
        // Switching configs writes or frees up to 120,000 map entries (and V8 collects after
        // building them): the kernel's deferred frees and the collector run on the same two
        // cores. Every config waits at least a second, and as long as its switch took.
        await settle(setupMs);
        const before = config.startsWith('sluice-clusterip-') ? await bench.echoTranslations() : 0;
        const m = await bench.measure(to, seconds);
        if (config.startsWith('sluice-clusterip-') && (await bench.echoTranslations()) <= before)
          throw new Error(`${config}: the ClusterIP traffic was not translated by the datapath`);
        samples.set(config, [...(samples.get(config) ?? []), m]);
        opts.log?.(
          `run ${r + 1}/${reps} ${config} (set up in ${round(setupMs / 1000, 1)} s): ${SERVICE_METRICS.map((k) => `${k}=${round(m[k], 3)}`).join(' ')}`,
        );
      }
    }
    // Ratios and targets from the unrounded figures; the report shows them rounded.
    const raw: ServicesResult[] = [];
    for (const [config, list2] of samples) {
      for (const metric of SERVICE_METRICS) {
        const runs = list2.map((s) => s[metric]);
        raw.push({
          config,
          metric,
          median: median(runs),
          min: Math.min(...runs),
          max: Math.max(...runs),
          runs,
        });
      }
    }
    const r3 = (n: number) => round(n, 3);
    const results = raw.map((x) => ({
      ...x,
      median: r3(x.median),
      min: r3(x.min),
      max: r3(x.max),
      runs: x.runs.map(r3),
    }));
    const syncMs = median(sync.runs_ms);
    const cpu = os.cpus();
    return {
      machine: { cpus: cpu.length, kernel: os.release(), model: cpu[0]?.model ?? '' },
      services: counts,
      kube_services_position: 'in the middle',
      results,
      ratios: servicesRatios(raw),
      // Rounded up: a figure over a limit never reads as the limit.
      services_sync_ms: Math.ceil(syncMs * 10) / 10,
      services_sync: { ...sync, runs_ms: sync.runs_ms.map((x) => round(x)) },
      targets: evaluateTargets({ results: raw, services_sync_ms: syncMs }, thresholds),
    };
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await cleanup();
  }
}
