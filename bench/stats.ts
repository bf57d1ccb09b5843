// Order statistics used by every benchmark: medians of repetitions, latency percentiles.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p % of samples at or below it.
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Runs `fn` `reps` times and returns the median of what it returns. */
export async function medianOf(reps: number, fn: () => number | Promise<number>): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < reps; i++) out.push(await fn());
  return median(out);
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Two-sided exact binomial test of k successes out of k + j at p = 1/2 (1 when there is nothing to test). */
export function signTestP(k: number, j: number): number {
  const n = k + j;
  // Terms C(n, i) / 2^n summed in log space, so that thousands of differing rows neither overflow nor underflow to NaN.
  let logTerm = -n * Math.LN2;
  let sum = 0;
  for (let i = 0; i <= Math.min(k, j); i++) {
    sum += Math.exp(logTerm);
    logTerm += Math.log(n - i) - Math.log(i + 1);
  }
  return Math.min(1, 2 * sum);
}
