// The datapath bench's report: ratios read the right way round and against the right reference
// (cross-node Sluice against the kernel on the same two-node topology, and against same-node
// Sluice), the gate fails exactly the ratios below bench/thresholds.json — unrounded, and what was
// not measured or is not a number — and the table and chart show what was measured.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../agent/config/config.js';
import { CROSS_NODE_CONFIGS } from '../../tools/bench/cross-node.js';
import { configs, type DatapathReport, METRICS, type Metric, summarize } from '../../tools/bench/datapath.js';
import { checkGate, gate, markdown, svg } from '../../tools/bench/report.js';
import { pairedRatio } from '../../tools/bench/stats.js';

function report(ratios: Record<string, Partial<Record<Metric, number>>>): DatapathReport {
  const results: DatapathReport['results'] = [];
  const out: DatapathReport['ratios'] = [];
  for (const config of [
    'baseline',
    'sluice',
    'sluice-rules-10000',
    'iptables-rules-10000',
    'ipset-rules-10000',
  ]) {
    for (const metric of METRICS) {
      results.push({ config, metric, median: 1, min: 1, max: 1, runs: [1] });
      const r = ratios[config]?.[metric];
      if (r !== undefined)
        out.push({
          config,
          metric,
          vs: config.startsWith('sluice-rules') ? 'sluice' : 'baseline',
          ratio: Math.round(r * 100) / 100,
          exact: r,
        });
    }
  }
  return { machine: { cpus: 2, kernel: '6.18', model: 'test' }, results, ratios: out };
}

/** A config measured `runs` times with the same figures. */
type Figures = Record<Metric, number>;
const FIGURES: Figures = {
  tcp_stream_gbps: 10,
  tcp_rr_tps: 30_000,
  rr_p50_us: 30,
  rr_p99_us: 90,
  tcp_crr_tps: 15_000,
  cpu_s_per_gb: 1,
};
function scaled(f: Partial<Record<Metric, number>>): Figures {
  const out = { ...FIGURES };
  for (const [k, v] of Object.entries(f) as [Metric, number][]) out[k] = FIGURES[k] * v;
  return out;
}

/** Every config of a quick run, each at FIGURES unless told otherwise (factors of FIGURES). */
function samplesOf(
  overrides: Record<string, Partial<Record<Metric, number>> | null>,
): Map<string, Record<Metric, number>[]> {
  const samples = new Map<string, Record<Metric, number>[]>();
  for (const config of configs(true)) {
    const o = overrides[config];
    if (o === null) continue; // not measured
    const f = scaled(o ?? {});
    samples.set(config, [f, f, f]);
  }
  return samples;
}

const key = (f: { config: string; vs: string; metric: string }) => `${f.config}/${f.vs}/${f.metric}`;
const crossNodeGate = (f: { config: string }) => f.config.startsWith('cross-node');
const ipv6Gate = (f: { config: string }) => f.config.endsWith('-ipv6');

describe('bench report', () => {
  it('gate fails the ratios below their minimum and only those, unrounded, and what was not measured', async () => {
    const r = report({
      // 0.9499 shows as 0.95 but is below 0.95: it fails. tcp_crr_tps is not measured: it fails.
      sluice: { tcp_rr_tps: 0.97, tcp_stream_gbps: 0.9499 },
      'sluice-rules-10000': {
        tcp_stream_gbps: 1,
        tcp_rr_tps: 0.9,
        tcp_crr_tps: 1,
        rr_p50_us: 1,
        rr_p99_us: 1,
      },
    });
    const failures = (await gate(r)).filter((f) => !crossNodeGate(f) && !ipv6Gate(f));
    expect(failures.map(key).sort()).toEqual([
      'sluice-rules-10000/sluice/tcp_rr_tps',
      'sluice/baseline/tcp_crr_tps',
      'sluice/baseline/tcp_rr_tps',
      'sluice/baseline/tcp_stream_gbps',
    ]);
    expect(failures.find((f) => f.metric === 'tcp_crr_tps')?.ratio).toBeNaN();
    // No cross-node config in this report: every cross-node gate fails, none is skipped.
    expect((await gate(r)).filter(crossNodeGate)).toHaveLength(8);
    // Nor an IPv6 one: their four gates fail too.
    expect((await gate(r)).filter(ipv6Gate)).toHaveLength(4);
  });

  it('measures IPv6 beside IPv4 and gates it: RR at least 0.95 of IPv4, and the IPv4 targets against the kernel over IPv6', async () => {
    for (const quick of [true, false])
      expect(configs(quick)).toEqual(expect.arrayContaining(['baseline-ipv6', 'sluice-ipv6']));
    const thresholds = JSON.parse(
      await readFile(path.join(REPO_ROOT, 'bench', 'thresholds.json'), 'utf8'),
    ) as {
      ratios: { config: string; vs: string; metric: string; min: number }[];
    };
    const ipv6 = thresholds.ratios.filter(ipv6Gate).map((t) => `${key(t)}>=${t.min}`);
    expect(ipv6.sort()).toEqual([
      'sluice-ipv6/baseline-ipv6/tcp_crr_tps>=0.9',
      'sluice-ipv6/baseline-ipv6/tcp_rr_tps>=1',
      'sluice-ipv6/baseline-ipv6/tcp_stream_gbps>=0.95',
      'sluice-ipv6/sluice/tcp_rr_tps>=0.95',
    ]);
    // IPv6 RR 6 % below IPv4 (and below the kernel over IPv6): exactly those two fail.
    const slow = {
      machine: { cpus: 2, kernel: '6.18', model: 'test' },
      ...summarize(samplesOf({ 'sluice-ipv6': { tcp_rr_tps: 0.94 } })),
    };
    expect((await gate(slow)).filter(ipv6Gate).map(key).sort()).toEqual([
      'sluice-ipv6/baseline-ipv6/tcp_rr_tps',
      'sluice-ipv6/sluice/tcp_rr_tps',
    ]);
  });

  it('the quick run measures the cross-node configs beside the same-node ones', () => {
    for (const quick of [true, false]) {
      const list = configs(quick);
      expect(list.slice(0, 2)).toEqual(['baseline', 'sluice']);
      for (const c of CROSS_NODE_CONFIGS) expect(list, c).toContain(c);
    }
  });

  it('thresholds hold the cross-node targets: native 0.95 and VXLAN 0.9 of their kernel baselines, RR 0.8 of same-node Sluice', async () => {
    const t = JSON.parse(await readFile(path.join(REPO_ROOT, 'bench', 'thresholds.json'), 'utf8')) as {
      ratios: { config: string; vs: string; metric: string; min: number }[];
    };
    const cross = t.ratios.filter(crossNodeGate).map((x) => `${key(x)}>=${x.min}`);
    expect(cross.sort()).toEqual(
      [
        'cross-node-native/cross-node-native-baseline/tcp_crr_tps>=0.95',
        'cross-node-native/cross-node-native-baseline/tcp_rr_tps>=0.95',
        'cross-node-native/cross-node-native-baseline/tcp_stream_gbps>=0.95',
        'cross-node-native/sluice/tcp_rr_tps>=0.8',
        'cross-node-vxlan/cross-node-vxlan-baseline/tcp_crr_tps>=0.9',
        'cross-node-vxlan/cross-node-vxlan-baseline/tcp_rr_tps>=0.9',
        'cross-node-vxlan/cross-node-vxlan-baseline/tcp_stream_gbps>=0.9',
        'cross-node-vxlan/sluice/tcp_rr_tps>=0.8',
      ].sort(),
    );
  });

  it('cross-node ratios: against their own kernel baseline and against same-node Sluice, all gates met', async () => {
    const s = samplesOf({
      // Crossing nodes costs the kernel itself RR: not Sluice's to answer for.
      'cross-node-native-baseline': { tcp_rr_tps: 0.9 },
      'cross-node-native': { tcp_rr_tps: 0.9 * 0.96, rr_p50_us: 1.25 },
      'cross-node-vxlan-baseline': { tcp_rr_tps: 0.9, tcp_stream_gbps: 0.5 },
      'cross-node-vxlan': { tcp_rr_tps: 0.9 * 0.91, tcp_stream_gbps: 0.5 * 0.92 },
    });
    const r = summarize(s);
    const ratio = (config: string, vs: string, metric: Metric) =>
      r.ratios.find((x) => x.config === config && x.vs === vs && x.metric === metric)?.exact;
    expect(ratio('cross-node-native', 'cross-node-native-baseline', 'tcp_rr_tps')).toBeCloseTo(0.96, 10);
    // Latency inverted: 25 % slower is 0.8.
    expect(ratio('cross-node-native', 'cross-node-native-baseline', 'rr_p50_us')).toBeCloseTo(0.8, 10);
    expect(ratio('cross-node-vxlan', 'cross-node-vxlan-baseline', 'tcp_stream_gbps')).toBeCloseTo(0.92, 10);
    expect(ratio('cross-node-vxlan', 'sluice', 'tcp_rr_tps')).toBeCloseTo(0.819, 10);
    expect(ratio('cross-node-native-baseline', 'baseline', 'tcp_rr_tps')).toBeCloseTo(0.9, 10);
    // Sluice across nodes is not compared with the same-node plain baseline.
    expect(ratio('cross-node-native', 'baseline', 'tcp_rr_tps')).toBeUndefined();
    const report: DatapathReport = { machine: { cpus: 2, kernel: '6.18', model: 'test' }, ...r };
    const checks = (await checkGate(report)).filter(crossNodeGate);
    expect(checks).toHaveLength(8);
    expect(checks.filter((c) => !c.met)).toEqual([]);
    expect(await gate(report)).toEqual([]);
  });

  it('cross-node gates fail unrounded misses, a missing or non-numeric metric, and a config not measured', async () => {
    const nan = { ...FIGURES, tcp_crr_tps: Number.NaN };
    const s = samplesOf({
      // 0.9499 of the baseline reads 0.95 rounded: below 0.95, it fails.
      'cross-node-native': { tcp_rr_tps: 0.9499 },
      // RR at 0.7999 of same-node Sluice: fails the 0.8 target (and 0.7999 of its baseline: 0.9).
      'cross-node-vxlan': { tcp_rr_tps: 0.7999 },
    });
    // The VXLAN baseline's stream figure missing from one run, its CRR NaN in another.
    const vb = s.get('cross-node-vxlan-baseline')!;
    const { tcp_stream_gbps: _gone, ...noStream } = vb[0]!;
    s.set('cross-node-vxlan-baseline', [noStream as Figures, nan, vb[2]!]);
    const r = summarize(s);
    const report: DatapathReport = { machine: { cpus: 2, kernel: '6.18', model: 'test' }, ...r };
    const failures = (await gate(report)).filter(crossNodeGate);
    expect(failures.map(key).sort()).toEqual([
      'cross-node-native/cross-node-native-baseline/tcp_rr_tps',
      'cross-node-vxlan/cross-node-vxlan-baseline/tcp_crr_tps',
      'cross-node-vxlan/cross-node-vxlan-baseline/tcp_rr_tps',
      'cross-node-vxlan/cross-node-vxlan-baseline/tcp_stream_gbps',
      'cross-node-vxlan/sluice/tcp_rr_tps',
    ]);
    const byKey = new Map(failures.map((f) => [key(f), f.ratio]));
    expect(byKey.get('cross-node-native/cross-node-native-baseline/tcp_rr_tps')).toBeCloseTo(0.9499, 10);
    expect(byKey.get('cross-node-vxlan/cross-node-vxlan-baseline/tcp_stream_gbps')).toBeNaN();
    expect(byKey.get('cross-node-vxlan/cross-node-vxlan-baseline/tcp_crr_tps')).toBeNaN();
    // The results say so too: no median from a NaN run.
    expect(
      r.results.find((x) => x.config === 'cross-node-vxlan-baseline' && x.metric === 'tcp_crr_tps')?.median,
    ).toBeNaN();

    // cross-node-native not measured at all: its four gates fail, the VXLAN ones are untouched.
    const missing = summarize(samplesOf({ 'cross-node-native': null }));
    const f2 = await gate({ machine: report.machine, ...missing });
    expect(f2.filter(crossNodeGate).map(key).sort()).toEqual([
      'cross-node-native/cross-node-native-baseline/tcp_crr_tps',
      'cross-node-native/cross-node-native-baseline/tcp_rr_tps',
      'cross-node-native/cross-node-native-baseline/tcp_stream_gbps',
      'cross-node-native/sluice/tcp_rr_tps',
    ]);
    expect(f2.every((f) => Number.isNaN(f.ratio))).toBe(true);

    // A report read back from JSON has null where a ratio was NaN: still a failure.
    const readBack = JSON.parse(JSON.stringify({ machine: report.machine, ...missing })) as DatapathReport;
    expect((await gate(readBack)).filter(crossNodeGate)).toHaveLength(4);
  });

  it('renders a markdown row per config, the further ratios, and an svg line per implementation and panel', () => {
    const r = report({});
    const tables = markdown(r).split('More ratios');
    const rows = (text: string) =>
      text
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| config') && !l.startsWith('| ---'));
    expect(rows(tables[0]!)).toHaveLength(5);
    expect(rows(tables[1]!)).toEqual([expect.stringMatching(/^\| sluice-rules-10000 \| sluice \|/)]);
    expect(svg(r).match(/<polyline/g)).toHaveLength(6);

    // A full quick run: cross-node rows carry the ratio to their own baseline; the ratios to
    // same-node Sluice are in the second table.
    const full = markdown({
      machine: r.machine,
      ...summarize(samplesOf({ 'cross-node-vxlan': { tcp_rr_tps: 0.5 } })),
    });
    const [main, more] = full.split('More ratios');
    expect(rows(main!)).toHaveLength(configs(true).length);
    expect(rows(main!).find((l) => l.startsWith('| cross-node-vxlan |'))).toContain(' ×0.5 ');
    expect(rows(more!).map((l) => l.split(' | ').slice(0, 2).join(' | '))).toEqual([
      '| sluice-rules-10000 | sluice',
      '| sluice-ipv6 | sluice',
      '| cross-node-native | sluice',
      '| cross-node-vxlan | sluice',
    ]);
  });
});

describe('pairedRatio', () => {
  it('compares within each repetition: a drift that moves both configs cancels', () => {
    // Repetitions 1 and 3 land in a slow mode, 2 in a fast one; config a is 2 % slower throughout.
    const b = [25_000, 29_000, 25_500];
    const a = b.map((x) => x * 0.98);
    expect(pairedRatio(a, b, false)).toBeCloseTo(0.98, 10);
    // The ratio of the medians would depend on which mode each median came from.
    expect(pairedRatio([30, 10, 20], [60, 20, 40], true)).toBe(2);
  });

  it('is NaN (a failed gate) for unequal, empty or non-finite runs', () => {
    expect(pairedRatio([1, 2], [1], false)).toBeNaN();
    expect(pairedRatio([], [], false)).toBeNaN();
    expect(pairedRatio([1, Number.NaN], [1, 1], false)).toBeNaN();
    expect(pairedRatio([1, 0], [1, 1], false)).toBeNaN();
  });
});
