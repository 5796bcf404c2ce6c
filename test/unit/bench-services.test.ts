// The Services bench's pure parts: kube-proxy's iptables rules for the same Services (chain names,
// the statistic probabilities, DNAT), and the targets: ratios from the same run, never rounded up
// to a threshold, and a missing or non-numeric figure fails instead of being skipped.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../agent/state/store.js';
import {
  BACKENDS_PER_SERVICE,
  echoService,
  evaluateTargets,
  fillerService,
  type KubeProxyPort,
  kubeProxyHash,
  kubeProxyPorts,
  kubeProxyRules,
  loadServicesThresholds,
  placeInMiddle,
  type ServiceMetric,
  type ServicesResult,
  type ServicesThresholds,
  servicesConfigs,
  servicesRatios,
} from '../../tools/bench/services.js';

const web: KubeProxyPort = {
  service: 'ns1/svc1',
  portName: 'p80',
  addr: '10.20.30.41',
  port: 80,
  protocol: 'TCP',
  backends: [
    { addr: '10.180.0.1', port: 80 },
    { addr: '10.180.0.2', port: 80 },
    { addr: '10.180.0.3', port: 80 },
  ],
};

describe('kube-proxy rules', () => {
  it('names chains as kube-proxy does (base32 of sha256, 16 characters)', () => {
    // kube-proxy's own test fixtures: ns1/svc1:p80 over TCP, endpoint 10.180.0.1:80.
    expect(kubeProxyHash('ns1/svc1:p80tcp')).toBe('XPGD46QRK7WJZT7O');
    expect(kubeProxyHash('ns1/svc1:p80tcp10.180.0.1:80')).toBe('SXIVWICOYRO3J4NJ');
  });

  it('KUBE-SERVICES -> KUBE-SVC (random probability 1/(n-i)) -> KUBE-SEP (DNAT)', () => {
    const text = kubeProxyRules([web], '10.238.0.0/16');
    const lines = text.split('\n');
    expect(lines[0]).toBe('*nat');
    expect(lines.at(-2)).toBe('COMMIT');
    expect(lines).toContain(':KUBE-SVC-XPGD46QRK7WJZT7O - [0:0]');
    expect(lines).toContain(':KUBE-SEP-SXIVWICOYRO3J4NJ - [0:0]');
    expect(lines).toContain(
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
    );
    const services = lines.filter((l) => l.startsWith('-A KUBE-SERVICES '));
    expect(services).toEqual([
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 10.20.30.41/32 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
      expect.stringMatching(/--dst-type LOCAL -j KUBE-NODEPORTS$/), // the last rule, as kube-proxy has it
    ]);
    const svc = lines.filter((l) => l.startsWith('-A KUBE-SVC-XPGD46QRK7WJZT7O '));
    expect(svc[0]).toMatch(/ ! -s 10\.238\.0\.0\/16 -j KUBE-MARK-MASQ$/);
    expect(svc.slice(1).map((l) => /--probability (\S+)/.exec(l)?.[1] ?? 'last')).toEqual([
      '0.3333333333',
      '0.5000000000',
      'last',
    ]);
    expect(svc[1]).toMatch(/-j KUBE-SEP-SXIVWICOYRO3J4NJ$/);
    expect(lines).toContain(
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.1:80',
    );
    expect(lines).toContain(
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -s 10.180.0.1/32 -j KUBE-MARK-MASQ',
    );
    // Every chain jumped to is declared.
    const declared = new Set(lines.filter((l) => l.startsWith(':')).map((l) => l.slice(1).split(' ')[0]));
    for (const l of lines) {
      const target = / -j (KUBE-\S+)/.exec(l)?.[1];
      if (target) expect(declared.has(target), target).toBe(true);
    }
  });

  it('a port without backends gets no nat rules; one backend needs no statistic match', () => {
    const text = kubeProxyRules(
      [
        { ...web, service: 'ns1/empty', backends: [] },
        { ...web, service: 'ns1/one', portName: '', backends: [{ addr: '10.180.0.9', port: 8080 }] },
      ],
      '10.238.0.0/16',
    );
    expect(text).not.toContain('ns1/empty');
    expect(text).not.toContain('statistic');
    expect(text).toContain('"ns1/one cluster IP"'); // an unnamed port: no ":name"
    expect(text).toContain('--to-destination 10.180.0.9:8080');
  });

  it('the bench Services: valid for the store, the same ones as kube-proxy ports, the measured one in the middle', () => {
    const store = new Store();
    const all = [echoService(), ...Array.from({ length: 9 }, (_, i) => fillerService(i))];
    for (const x of all) {
      expect(store.upsertService(x.service)).toEqual([]);
      expect(store.upsertEndpointSlice(x.slice)).toEqual([]);
    }
    const ports = kubeProxyPorts(
      all.map((x) => x.service),
      all.map((x) => x.slice),
    );
    expect(ports).toHaveLength(9 + 2);
    const echo = ports.filter((p) => p.service === 'bench/echo');
    expect(echo.map((p) => `${p.addr}:${p.port} -> ${p.backends.map((b) => `${b.addr}:${b.port}`)}`)).toEqual(
      ['10.96.0.10:80 -> 10.238.0.2:12345', '10.96.0.10:81 -> 10.238.0.2:11111'],
    );
    for (const p of ports.filter((x) => x.service !== 'bench/echo'))
      expect(p.backends).toHaveLength(BACKENDS_PER_SERVICE);
    const placed = placeInMiddle(ports, (p) => p.service === 'bench/echo');
    expect(placed.map((p) => p.service).indexOf('bench/echo')).toBe(4);
    expect(new Set(ports.map((p) => p.addr)).size).toBe(10); // distinct ClusterIPs
    expect(fillerService(9999).service.clusterIP).toBe('10.100.39.17');
  });
});

function results(medians: Record<string, Partial<Record<ServiceMetric, number>>>): ServicesResult[] {
  return Object.entries(medians).flatMap(([config, m]) =>
    Object.entries(m).map(([metric, median]) => ({
      config,
      metric: metric as ServiceMetric,
      median: median!,
      min: median!,
      max: median!,
      runs: [median!],
    })),
  );
}

const thresholds: ServicesThresholds = {
  ratios: [
    { config: 'sluice-clusterip-1', vs: 'sluice-pod', metric: 'tcp_rr_tps', min: 0.95 },
    { config: 'sluice-clusterip-10000', vs: 'sluice-clusterip-1', metric: 'tcp_rr_tps', min: 0.95 },
    { config: 'sluice-clusterip-10000', vs: 'sluice-pod', metric: 'rr_p50_us', min: 0.95 },
  ],
  max: [{ key: 'services_sync_ms', max: 1000 }],
};

describe('services targets', () => {
  it('meets and misses on the ratios of the same run; latency ratios are inverted', () => {
    const rows = evaluateTargets(
      {
        results: results({
          'sluice-pod': { tcp_rr_tps: 1000, rr_p50_us: 30 },
          'sluice-clusterip-1': { tcp_rr_tps: 960 },
          'sluice-clusterip-10000': { tcp_rr_tps: 900, rr_p50_us: 40 },
        }),
        services_sync_ms: 800,
      },
      thresholds,
    );
    expect(rows.map((r) => [r.value, r.met])).toEqual([
      [0.96, true],
      [0.937, false], // 0.9375 rounded down
      [0.75, false], // 30 / 40: slower is worse
      [800, true],
    ]);
    expect(rows[3]!.ratio).toBe(1.25);
  });

  it('never rounds up to a threshold', () => {
    const [rr, sync] = evaluateTargets(
      {
        results: results({
          'sluice-pod': { tcp_rr_tps: 10000 },
          'sluice-clusterip-1': { tcp_rr_tps: 9499.9 },
        }),
        services_sync_ms: 1000.04,
      },
      { ratios: [thresholds.ratios[0]!], max: thresholds.max },
    );
    expect(rr).toMatchObject({ value: 0.949, met: false });
    expect(sync).toMatchObject({ value: 1000.1, met: false });
  });

  it('a missing config, a NaN or zero median and a missing sync time fail instead of being skipped', () => {
    const rows = evaluateTargets(
      {
        results: results({
          'sluice-pod': { tcp_rr_tps: Number.NaN, rr_p50_us: 30 },
          'sluice-clusterip-1': { tcp_rr_tps: 950 },
          'sluice-clusterip-10000': { rr_p50_us: 0 },
        }),
        services_sync_ms: undefined,
      },
      thresholds,
    );
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toMatchObject({ value: null, ratio: null, met: false });
  });

  it('ratios: against baseline, sluice-pod, the 1-Service run and iptables at the same count', () => {
    const r = servicesRatios(
      results({
        baseline: { tcp_rr_tps: 100 },
        'sluice-pod': { tcp_rr_tps: 110 },
        'sluice-clusterip-1': { tcp_rr_tps: 105 },
        'sluice-clusterip-10000': { tcp_rr_tps: 104 },
        'iptables-clusterip-1': { tcp_rr_tps: 100 },
        'iptables-clusterip-10000': { tcp_rr_tps: 40 },
      }),
    ).filter((x) => x.metric === 'tcp_rr_tps');
    const get = (config: string, vs: string) => r.find((x) => x.config === config && x.vs === vs)?.ratio;
    expect(get('sluice-clusterip-10000', 'iptables-clusterip-10000')).toBe(2.6);
    expect(get('iptables-clusterip-10000', 'iptables-clusterip-1')).toBe(0.4);
    expect(get('sluice-clusterip-1', 'sluice-pod')).toBe(0.954); // 0.95454…, rounded down
    expect(get('sluice-clusterip-10000', 'sluice-clusterip-1')).toBe(0.99);
    expect(get('sluice-pod', 'baseline')).toBe(1.1);
    // Metrics not measured are there as null, not dropped.
    expect(
      servicesRatios(results({ baseline: { tcp_rr_tps: 1 }, 'sluice-pod': { rr_p50_us: 1 } })),
    ).toContainEqual({
      config: 'sluice-pod',
      vs: 'baseline',
      metric: 'tcp_rr_tps',
      ratio: null,
    });
  });

  it("the repository's thresholds name only configs the quick run measures; a file without them is refused", async () => {
    const t = await loadServicesThresholds();
    expect(t.max).toEqual([{ key: 'services_sync_ms', max: 1000 }]);
    const quick = servicesConfigs(true);
    for (const r of t.ratios) {
      expect(quick).toContain(r.config);
      expect(quick).toContain(r.vs);
    }
    expect(servicesConfigs(false)).toContain('sluice-clusterip-1000');
    const dir = await mkdtemp(path.join(tmpdir(), 'bench-services-'));
    try {
      await writeFile(path.join(dir, 't.json'), JSON.stringify({ ratios: [] }));
      await expect(loadServicesThresholds(path.join(dir, 't.json'))).rejects.toThrow(/no "services" targets/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
