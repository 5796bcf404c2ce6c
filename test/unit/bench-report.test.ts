// The datapath bench's report: ratios read the right way round, the gate fails exactly the
// ratios below bench/thresholds.json, and the chart has one line per implementation and panel.

import { describe, expect, it } from 'vitest';
import type { DatapathReport, Metric } from '../../tools/bench/datapath.js';
import { gate, markdown, svg } from '../../tools/bench/report.js';

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
    for (const metric of [
      'tcp_stream_gbps',
      'tcp_rr_tps',
      'rr_p50_us',
      'rr_p99_us',
      'tcp_crr_tps',
      'cpu_s_per_gb',
    ] as Metric[]) {
      results.push({ config, metric, median: 1, min: 1, max: 1, runs: [1] });
      const r = ratios[config]?.[metric];
      if (r !== undefined)
        out.push({ config, metric, vs: config.startsWith('sluice-rules') ? 'sluice' : 'baseline', ratio: r });
    }
  }
  return { machine: { cpus: 2, kernel: '6.18', model: 'test' }, results, ratios: out };
}

describe('bench report', () => {
  it('gate fails the ratios below their minimum and only those', async () => {
    const r = report({
      sluice: { tcp_rr_tps: 0.97, tcp_stream_gbps: 0.99 },
      'sluice-rules-10000': {
        tcp_stream_gbps: 1,
        tcp_rr_tps: 0.9,
        tcp_crr_tps: 1,
        rr_p50_us: 1,
        rr_p99_us: 1,
      },
    });
    const failures = await gate(r);
    expect(failures.map((f) => `${f.config}/${f.vs}/${f.metric}`).sort()).toEqual([
      'sluice-rules-10000/sluice/tcp_rr_tps',
      'sluice/baseline/tcp_rr_tps',
    ]);
  });

  it('renders a markdown row per config and an svg line per implementation and panel', () => {
    const r = report({});
    expect(
      markdown(r)
        .split('\n')
        .filter((l) => l.startsWith('| ') && !l.startsWith('| config') && !l.startsWith('| ---')),
    ).toHaveLength(5);
    expect(svg(r).match(/<polyline/g)).toHaveLength(6);
  });
});
