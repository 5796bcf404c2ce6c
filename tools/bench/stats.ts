// Figures of the benchmarks: nearest-rank percentiles, medians, rounding for reports.

/** Nearest-rank percentile p (0–100) of samples (any order); 0 for none. */
export function percentile(samples: readonly number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

/** Median (the mean of the two middle values for an even count). */
export function median(samples: readonly number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** n rounded to `digits` decimals. */
export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * How config a compares with config b, > 1 better: the median of the per-repetition ratios
 * a[i] / b[i] (b[i] / a[i] where lower is better). Every repetition measures each config once,
 * back to back, so whatever drifts between repetitions (where the kernel runs the softirqs, the
 * host's other guests) cancels within a pair instead of landing in one median and not the other.
 * NaN unless both have the same number of runs, all finite and positive.
 */
export function pairedRatio(a: readonly number[], b: readonly number[], lowerIsBetter: boolean): number {
  if (a.length === 0 || a.length !== b.length) return Number.NaN;
  if (![...a, ...b].every((x) => Number.isFinite(x) && x > 0)) return Number.NaN;
  return median(a.map((x, i) => (lowerIsBetter ? b[i]! / x : x / b[i]!)));
}
