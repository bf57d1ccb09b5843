// `npm run lm:latency -- LABEL=MODEL_DIR...`: the latency rows of `cabin bench --only lm`, read for several models side
// by side in one process. One `cabin bench` run times one model, and on a shared machine its p95 moves by several
// milliseconds from one run to the next; here the models take turns, round by round, so whatever else runs on the
// machine falls on all of them alike, and the figures compare.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LanguageModel } from '../models/language-model.js';
import { percentile, type Utterance } from '../models/runtime/measure.js';
import { capPerLanguage, corpusDir, readSamples } from './lm-data.js';
import { spreadOver } from './lm-section.js';
import { parseModelArgs, runAsScript } from './model-cli.js';

const USAGE = `usage: npm run lm:latency -- [--rounds N] [--count N] LABEL=MODEL_DIR...
  Times the utterances \`cabin bench --only lm\` times (--count, default 300, spread over the held-out split of
  $CABIN_CORPUS_DIR or models/training/data, at most $CABIN_BENCH_LM_MAX a language as the bench reads it) with
  each model in turn, --rounds rounds (default 5), after 5 warm-ups; prints each model's p50 and p95 (the median
  round's, as the bench does) and the action tokens it emitted over the utterances: two models of one architecture
  differ in work only by those, and a p95 gap of a few milliseconds is within what two loads of one file read.`;

export type LatencyOptions = ReturnType<typeof parseLatencyArgs>;

export const parseLatencyArgs = (argv: readonly string[]) => parseModelArgs(argv, { rounds: 5, count: 300 });

export interface SideBySide {
  label: string;
  /** Milliseconds per utterance: the median round's p50 and p95. */
  p50: number;
  p95: number;
  /** Action tokens the model emitted over all the utterances (one round): the work that differs between two models of
   * one architecture, as the prompts are the same. */
  tokens: number;
}

/**
 * Times all the utterances with one model, then with the next, round after round, the first model rotating from one
 * round to the next, and takes the median round per model. Not model after model per utterance: onnxruntime's worker
 * threads keep spinning for a while after a run, so the model just used slows the next one down (both read ~17 ms at
 * p50 that way, against ~9 ms alone).
 */
export async function timeSideBySide(
  models: readonly { label: string; lm: LanguageModel }[],
  items: readonly Required<Utterance>[],
  opts: { rounds: number; warmup?: number },
): Promise<SideBySide[]> {
  const warm = Math.min(opts.warmup ?? 5, items.length);
  for (const m of models) for (const u of items.slice(0, warm)) await m.lm.understand(u.text, u.speaker);
  const rounds = models.map(() => ({ p50: [] as number[], p95: [] as number[], tokens: 0 }));
  for (let r = 0; r < opts.rounds; r++) {
    for (let k = 0; k < models.length; k++) {
      const j = (r + k) % models.length;
      const times: number[] = [];
      for (const u of items) {
        const t0 = performance.now();
        const heard = await models[j]!.lm.understand(u.text, u.speaker);
        times.push(performance.now() - t0);
        if (r === 0) rounds[j]!.tokens += heard.tokens.length;
      }
      times.sort((a, b) => a - b);
      rounds[j]!.p50.push(percentile(times, 50));
      rounds[j]!.p95.push(percentile(times, 95));
    }
  }
  const median = (v: number[]) => percentile([...v].sort((a, b) => a - b), 50);
  return models.map((m, j) => ({ label: m.label, p50: median(rounds[j]!.p50), p95: median(rounds[j]!.p95), tokens: rounds[j]!.tokens }));
}

export async function main(argv: readonly string[]): Promise<number> {
  let o: LatencyOptions;
  try {
    o = parseLatencyArgs(argv);
  } catch (err) {
    process.stderr.write(`lm:latency: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const file = join(corpusDir(), 'heldout.jsonl');
  if (!existsSync(file)) {
    process.stderr.write(`lm:latency: no held-out split at ${file}: run \`npm run corpus\` (or set CABIN_CORPUS_DIR)\n`);
    return 2;
  }
  const heldout = capPerLanguage(readSamples(file), Number(process.env.CABIN_BENCH_LM_MAX ?? 2000));
  const items = spreadOver(heldout.map((s) => ({ text: s.text, speaker: s.speaker })), o.count);
  const { loadLanguageModel } = await import('../models/runtime/onnx-language-model.js');
  const models: { label: string; lm: LanguageModel }[] = [];
  try {
    for (const m of o.models) models.push({ label: m.label, lm: await loadLanguageModel(m.dir) });
    process.stderr.write(`lm:latency: ${items.length} utterances × ${o.rounds} rounds × ${models.length} models…\n`);
    const rows = await timeSideBySide(models, items, { rounds: o.rounds });
    process.stdout.write(`${items.length} held-out utterances, the models in turn, median of ${o.rounds} rounds\n\n`
      + '| model | p50 ms | p95 ms | action tokens emitted |\n|---|---|---|---|\n'
      + rows.map((r) => `| ${r.label} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.tokens} |`).join('\n') + '\n');
  } finally {
    for (const m of models) await m.lm.close();
  }
  return 0;
}

runAsScript(import.meta.url, 'lm:latency', main);
