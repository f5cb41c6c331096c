/**
 * The few statistics the benchmarks report. Medians and nearest-rank
 * percentiles: robust on a noisy 2-core machine, and exactly what a reader can
 * recompute from the raw samples in results.json.
 */

/** Median of `values`; throws on an empty list rather than report a made-up 0. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * Percentile `p` (0–100) of `values`: nearest-rank for p < 50 and p > 50, the
 * mean of the two middle values for the median of an even count.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("no samples");
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile out of range: ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  if (p === 50 && sorted.length % 2 === 0) {
    const mid = sorted.length / 2;
    return (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** `value / peer`, rounded to two decimals: the number every table reports next to a peer. */
export function ratio(value: number, peer: number): number {
  if (peer <= 0) throw new Error(`peer must be positive, got ${peer}`);
  return Math.round((value / peer) * 100) / 100;
}

/** Milliseconds elapsed since `start` (from `performance.now()`). */
export function since(start: number): number {
  return performance.now() - start;
}

/** Round to `digits` decimals, for tables and JSON alike. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
