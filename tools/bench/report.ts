// Reports of the datapath bench: a Markdown table, an SVG chart of the scaling curve, and the
// gate that compares ratios with bench/thresholds.json.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../../agent/config/config.js';
import {
  type DatapathReport,
  EXTRA_RATIOS,
  METRICS,
  type Metric,
  RULE_COUNTS,
  referenceOf,
} from './datapath.js';

export function markdown(report: DatapathReport): string {
  const configsInOrder = [...new Set(report.results.map((r) => r.config))];
  const ratioCell = (config: string, vs: string | undefined, metric: Metric) => {
    const ratio = report.ratios.find((x) => x.config === config && x.metric === metric && x.vs === vs);
    return ratio ? `×${ratio.ratio ?? 'NaN'}` : '';
  };
  const cell = (config: string, metric: Metric) => {
    const r = report.results.find((x) => x.config === config && x.metric === metric);
    if (!r) return 'missing';
    const ratio = ratioCell(config, referenceOf(config), metric);
    return `${r.median ?? 'NaN'} (${r.min ?? 'NaN'}–${r.max ?? 'NaN'})${ratio ? ` ${ratio}` : ''}`;
  };
  const head = (first: string[]) =>
    `| ${[...first, ...METRICS].join(' | ')} |\n| ${[...first, ...METRICS].map(() => '---').join(' | ')} |\n`;
  const rows = configsInOrder
    .map((c) => `| ${c} | ${METRICS.map((m) => cell(c, m)).join(' | ')} |`)
    .join('\n');
  // The ratios beside the table's: only those of configs this run measured.
  const extra = EXTRA_RATIOS.filter((x) => configsInOrder.includes(x.config))
    .map(
      (x) =>
        `| ${x.config} | ${x.vs} | ${METRICS.map((m) => ratioCell(x.config, x.vs, m) || '—').join(' | ')} |`,
    )
    .join('\n');
  const m = report.machine;
  return (
    `Machine: ${m.cpus} CPUs (${m.model}), kernel ${m.kernel}. Median (min–max) of the runs; ×ratio to \`baseline\` (\`cross-node-native\` and \`cross-node-vxlan\`: to their own \`-baseline\`), where > 1 is better (latency and CPU ratios are inverted).\n\n${head(['config'])}${rows}\n` +
    (extra
      ? `\nMore ratios (from the unrounded medians, > 1 is better):\n\n${head(['config', 'vs'])}${extra}\n`
      : '')
  );
}

/** Throughput and RR rate against rule count, Sluice vs iptables vs ipset, as ratios to baseline. */
export function svg(report: DatapathReport): string {
  const counts = RULE_COUNTS.filter((n) => report.results.some((r) => r.config === `sluice-rules-${n}`));
  const series = ['sluice', 'iptables', 'ipset'];
  const colors: Record<string, string> = { sluice: '#1f77b4', iptables: '#d62728', ipset: '#2ca02c' };
  const panels: Metric[] = ['tcp_stream_gbps', 'tcp_rr_tps'];
  const W = 360;
  const H = 240;
  const pad = 40;
  const ratio = (config: string, metric: Metric) =>
    report.ratios.find((r) => r.config === config && r.metric === metric && r.vs === 'baseline')?.ratio ?? 0;
  const parts: string[] = [];
  panels.forEach((metric, p) => {
    const x0 = p * (W + 20);
    const xs = (i: number) => x0 + pad + (i * (W - 2 * pad)) / Math.max(1, counts.length - 1);
    const ys = (v: number) => H - pad - Math.min(1.2, v) * ((H - 2 * pad) / 1.2);
    parts.push(
      `<text x="${x0 + W / 2}" y="16" text-anchor="middle" font-size="13">${metric} / baseline</text>`,
    );
    parts.push(
      `<line x1="${x0 + pad}" y1="${H - pad}" x2="${x0 + W - pad}" y2="${H - pad}" stroke="#888"/><line x1="${x0 + pad}" y1="${pad}" x2="${x0 + pad}" y2="${H - pad}" stroke="#888"/>`,
    );
    for (const v of [0, 0.5, 1])
      parts.push(`<text x="${x0 + pad - 6}" y="${ys(v) + 4}" text-anchor="end" font-size="10">${v}</text>`);
    counts.forEach((n, i) => {
      parts.push(
        `<text x="${xs(i)}" y="${H - pad + 14}" text-anchor="middle" font-size="10">${n} rules</text>`,
      );
    });
    for (const s of series) {
      const pts = counts.map((n, i) => `${xs(i)},${ys(ratio(`${s}-rules-${n}`, metric))}`).join(' ');
      parts.push(`<polyline fill="none" stroke="${colors[s]}" stroke-width="2" points="${pts}"/>`);
    }
  });
  series.forEach((s, i) => {
    parts.push(`<text x="${pad + i * 90}" y="${H + 12}" font-size="11" fill="${colors[s]}">${s}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W + 20}" height="${H + 20}" font-family="sans-serif">${parts.join('')}</svg>\n`;
}

export interface GateCheck {
  config: string;
  vs: string;
  metric: string;
  /** The unrounded ratio; NaN when not measured. */
  ratio: number;
  min: number;
  met: boolean;
}
export type GateFailure = Omit<GateCheck, 'met'>;

/** Every ratio of bench/thresholds.json against this report, met or not. */
export async function checkGate(
  report: DatapathReport,
  file = path.join(REPO_ROOT, 'bench', 'thresholds.json'),
): Promise<GateCheck[]> {
  const t = JSON.parse(await readFile(file, 'utf8')) as {
    ratios: { config: string; vs: string; metric: string; min: number }[];
  };
  return t.ratios.map((want) => {
    const got = report.ratios.find(
      (r) => r.config === want.config && r.vs === want.vs && r.metric === want.metric,
    );
    // Not measured, or not a number (JSON has no NaN: a report read back has null): a failure,
    // never a pass (a gate that skips cannot fail).
    const exact = typeof got?.exact === 'number' ? got.exact : Number.NaN;
    return { ...want, ratio: exact, met: Number.isFinite(exact) && exact >= want.min };
  });
}

/** The ratios below their minimum in bench/thresholds.json, or not measured. */
export async function gate(
  report: DatapathReport,
  file = path.join(REPO_ROOT, 'bench', 'thresholds.json'),
): Promise<GateFailure[]> {
  return (await checkGate(report, file)).filter((c) => !c.met).map(({ met: _met, ...f }) => f);
}
