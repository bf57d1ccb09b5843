// Latency, load time and memory of a LanguageModel, as `cabin bench` reports them.
import { performance } from 'node:perf_hooks';
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { LanguageModel } from '../language-model.js';

export interface Utterance {
  text: string;
  speaker?: Seat;
}

export interface LatencyReport {
  /** Milliseconds per utterance, warm, in process (the median over rounds of each round's percentile). */
  p50: number;
  p95: number;
  /** How many times every utterance was timed. */
  rounds: number;
  /** Model load time in milliseconds (measured here when given a loader, else what the model reports; NaN if unknown). */
  loadMs: number;
  /** Resident set size of this process after the runs, MB. */
  rssMb: number;
  count: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/**
 * Runs every utterance `rounds` times (default once) after `warmup` untimed runs and reports, per percentile, the
 * median of the rounds: on a shared machine one round's p95 rests on a handful of utterances and swings with
 * whatever else runs. Pass a loader instead of a model to time the load too (the loaded model is closed
 * afterwards; a model passed in is left open).
 */
export async function measureLatency(
  model: LanguageModel | (() => Promise<LanguageModel>),
  utterances: readonly (Utterance | string)[],
  opts: { warmup?: number; rounds?: number } = {},
): Promise<LatencyReport> {
  let lm: LanguageModel;
  let loadMs: number;
  const owned = typeof model === 'function';
  if (typeof model === 'function') {
    const t0 = performance.now();
    lm = await model();
    loadMs = performance.now() - t0;
  } else {
    lm = model;
    loadMs = lm.info().loadMs ?? NaN;
  }
  try {
    const items = utterances.map((u) => (typeof u === 'string' ? { text: u, speaker: 'driver' as Seat } : { text: u.text, speaker: u.speaker ?? 'driver' }));
    const warm = Math.min(opts.warmup ?? 3, items.length);
    for (let i = 0; i < warm; i++) await lm.understand(items[i]!.text, items[i]!.speaker);
    const rounds = Math.max(1, opts.rounds ?? 1);
    const p50s: number[] = [];
    const p95s: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const times: number[] = [];
      for (const u of items) {
        const t0 = performance.now();
        await lm.understand(u.text, u.speaker);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      p50s.push(percentile(times, 50));
      p95s.push(percentile(times, 95));
    }
    const median = (v: number[]) => percentile(v.sort((a, b) => a - b), 50);
    return { p50: median(p50s), p95: median(p95s), rounds, loadMs, rssMb: process.memoryUsage().rss / (1024 * 1024), count: items.length };
  } finally {
    if (owned) await lm.close();
  }
}
