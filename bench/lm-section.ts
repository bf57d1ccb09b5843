// The `lm` section of `cabin bench`: the Cabin LM and the nlp.js peer side by side on held-out, Home Assistant and SLURP sentences.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LanguageModel } from '../models/language-model.js';
import { measureLatency } from '../models/runtime/measure.js';
import { addressedRequests } from './lm-addressed.js';
import { scoreCoarse, scoreExact, type CoarseReport, type ExactReport } from './lm-accuracy.js';
import { benchmarksDir, capPerLanguage, corpusDir, loadBenchmarks, readSamples, repoRoot, type Benchmarks, type Sample } from './lm-data.js';
import { UNSEEN, type Unseen } from '../models/training/corpus/template.js';
import type { BenchRow, BenchSection } from './sections.js';
import { round } from './stats.js';

/** Targets from issue 3 ("Measure"). */
export const LM_TARGETS = { exactPct: 97, coarsePct: 90, p95Ms: 30, loadMs: 1000, rssMb: 150 } as const;

export interface ModelFigures {
  name: string;
  heldout?: ExactReport;
  /** The team-written sentences (bench/lm-team-sentences.jsonl), exact match. */
  team?: ExactReport;
  /** Requests said after a name (`lm-addressed.ts`), and the same requests alone. */
  addressed?: ExactReport;
  addressedAlone?: ExactReport;
  haEn?: CoarseReport;
  haZh?: CoarseReport;
  slurpEn?: CoarseReport;
  latency?: { p50: number; p95: number; count: number; rounds: number };
  loadMs?: number;
  /** Growth of this process's resident set from before the load to after the runs, MB. */
  rssDeltaMb?: number;
  extra?: unknown;
  error?: string;
}

interface Inputs {
  heldout?: Sample[];
  team?: Sample[];
  addressed: ReturnType<typeof addressedRequests>;
  bench?: Benchmarks;
  latencyItems: { text: string; speaker: Sample['speaker'] }[];
}

/** `count` items taken evenly across `pool` (all of it when it is smaller): the utterances the latency rows time. */
export function spreadOver<T>(pool: readonly T[], count: number): T[] {
  const want = Math.min(count, pool.length);
  return Array.from({ length: want }, (_, j) => pool[Math.floor((j * pool.length) / want)]!);
}

const mb = (bytes: number) => bytes / (1024 * 1024);
/** Each latency utterance is timed this many times; the rows give the median round's p50 and p95. */
const LATENCY_ROUNDS = 3;

async function measure(name: string, load: () => Promise<LanguageModel>, inputs: Inputs, extra?: (m: LanguageModel) => unknown): Promise<ModelFigures> {
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  let model: LanguageModel;
  try {
    model = await load();
  } catch (err) {
    return { name, error: (err as Error).message };
  }
  const fig: ModelFigures = { name, loadMs: performance.now() - t0 };
  try {
    if (inputs.heldout) fig.heldout = await scoreExact(model, inputs.heldout);
    if (inputs.team) fig.team = await scoreExact(model, inputs.team);
    fig.addressed = await scoreExact(model, inputs.addressed.named);
    fig.addressedAlone = await scoreExact(model, inputs.addressed.alone);
    if (inputs.bench) {
      fig.haEn = await scoreCoarse(model, inputs.bench.ha.filter((c) => c.lang === 'en'));
      fig.haZh = await scoreCoarse(model, inputs.bench.ha.filter((c) => c.lang === 'zh'));
      fig.slurpEn = await scoreCoarse(model, inputs.bench.slurp);
    }
    if (inputs.latencyItems.length) {
      const l = await measureLatency(model, inputs.latencyItems, { warmup: 5, rounds: LATENCY_ROUNDS });
      fig.latency = { p50: l.p50, p95: l.p95, count: l.count, rounds: l.rounds };
    }
    fig.rssDeltaMb = mb(process.memoryUsage().rss - rss0);
    fig.extra = extra?.(model);
  } finally {
    await model.close();
  }
  return fig;
}

function pct(t: { accuracy: number; correct: number; total: number } | undefined): string {
  return t && t.total ? `${round(t.accuracy, 1)} % (${t.correct}/${t.total})` : 'n/a';
}

type Accuracy = ExactReport['byLang'][string];

/** Our figure beside the peer's. */
function sideBySide(ours: Accuracy | undefined, peer: Accuracy | undefined): string {
  return `${pct(ours)}  vs nlp.js ${peer?.total ? `${round(peer.accuracy, 1)} %` : 'n/a'}`;
}

/** One accuracy row: our figure against its target and the peer's figure. */
function accuracyRow(metric: string, target: number, ours: Accuracy | undefined, peer: Accuracy | undefined): BenchRow {
  const value = sideBySide(ours, peer);
  const okTarget = ours !== undefined && ours.total > 0 && ours.accuracy >= target;
  const okPeer = ours !== undefined && (peer === undefined || !(peer.total > 0) || ours.accuracy > peer.accuracy);
  return { section: 'lm', metric, value, target: `>= ${target} %, > nlp.js`, ok: okTarget && okPeer ? 'yes' : 'NO' };
}

export function lmRows(ours: ModelFigures | undefined, peer: ModelFigures | undefined, notes: string[]): BenchRow[] {
  const rows: BenchRow[] = notes.map((n) => ({ section: 'lm', metric: 'note', value: n }));
  if (ours?.error) rows.push({ section: 'lm', metric: 'Cabin LM', value: `not run: ${ours.error}`, ok: 'NO' });
  if (peer?.error) rows.push({ section: 'lm', metric: 'nlp.js peer', value: `not run: ${peer.error}` });
  const o = ours?.error ? undefined : ours;
  const p = peer?.error ? undefined : peer;
  const T = LM_TARGETS;
  if (o?.heldout || p?.heldout) {
    for (const lang of ['en', 'zh']) rows.push(accuracyRow(`held-out exact match ${lang}`, T.exactPct, o?.heldout?.byLang[lang], p?.heldout?.byLang[lang]));
    // The split of those figures: rows whose only novelty is the template, only a phrasing, or both.
    const label: Record<Unseen, string> = { template: 'new template only', phrasing: 'new phrasing only', both: 'new template and phrasing' };
    for (const lang of ['en', 'zh'])
      for (const kind of UNSEEN) {
        const t = o?.heldout?.byUnseen[`${lang} ${kind}`];
        if (t?.total) rows.push({ section: 'lm', metric: `held-out ${lang}, ${label[kind]}`, value: pct(t) });
      }
  }
  if (o?.team || p?.team) {
    // Not a target: a small fixed set written by the team, outside the generator, to compare models side by side.
    for (const lang of ['en', 'zh']) {
      const ours = o?.team?.byLang[lang];
      const theirs = p?.team?.byLang[lang];
      if (ours?.total || theirs?.total) rows.push({ section: 'lm', metric: `team-written sentences exact match ${lang}`, value: sideBySide(ours, theirs) });
    }
  }
  if (o?.addressed || p?.addressed) {
    // Not a target: what a name before a request does ("mike, turn the fan up" against "turn the fan up").
    for (const lang of ['en', 'zh']) {
      const n = (o?.addressed ?? p?.addressed)?.byLang[lang]?.total;
      if (!n) continue;
      rows.push({ section: 'lm', metric: `requests after a name ${lang} (${n})`, value: sideBySide(o?.addressed?.byLang[lang], p?.addressed?.byLang[lang]) });
      rows.push({ section: 'lm', metric: `… the same requests alone ${lang}`, value: sideBySide(o?.addressedAlone?.byLang[lang], p?.addressedAlone?.byLang[lang]) });
    }
  }
  if (o?.haEn || p?.haEn) {
    rows.push(accuracyRow('Home Assistant coarse en', T.coarsePct, o?.haEn, p?.haEn));
    rows.push(accuracyRow('Home Assistant coarse zh', T.coarsePct, o?.haZh, p?.haZh));
    rows.push(accuracyRow('SLURP coarse en', T.coarsePct, o?.slurpEn, p?.slurpEn));
  }
  if (o?.latency) {
    rows.push({ section: 'lm', metric: 'Cabin LM latency p50', value: `${round(o.latency.p50, 2)} ms (median round of ${o.latency.rounds} × ${o.latency.count} utterances)` });
    rows.push({ section: 'lm', metric: 'Cabin LM latency p95', value: `${round(o.latency.p95, 2)} ms`, target: `<= ${T.p95Ms} ms`, ok: o.latency.p95 <= T.p95Ms ? 'yes' : 'NO' });
  }
  if (o?.loadMs !== undefined) rows.push({ section: 'lm', metric: 'Cabin LM load time', value: `${round(o.loadMs, 0)} ms`, target: `<= ${T.loadMs} ms`, ok: o.loadMs <= T.loadMs ? 'yes' : 'NO' });
  if (o?.rssDeltaMb !== undefined) rows.push({ section: 'lm', metric: 'Cabin LM resident memory', value: `${round(o.rssDeltaMb, 1)} MB`, target: `<= ${T.rssMb} MB`, ok: o.rssDeltaMb <= T.rssMb ? 'yes' : 'NO' });
  if (p?.latency) rows.push({ section: 'lm', metric: 'nlp.js latency p50 / p95', value: `${round(p.latency.p50, 2)} / ${round(p.latency.p95, 2)} ms` });
  if (p?.loadMs !== undefined) {
    const t = p.extra as { trainedOn?: number; trainSeconds?: number; fromCache?: boolean; classes?: number } | undefined;
    const how = t?.fromCache ? `loaded from cache (trained on ${t.trainedOn}, ${t.classes} classes, in ${round(t.trainSeconds ?? NaN, 1)} s)` : `trained on ${t?.trainedOn}, ${t?.classes} classes`;
    rows.push({ section: 'lm', metric: 'nlp.js load', value: `${round(p.loadMs / 1000, 1)} s, ${how}, +${round(p.rssDeltaMb ?? NaN, 0)} MB` });
  }
  return rows;
}

function modelDir(): string {
  return process.env.CABIN_MODEL ?? join(repoRoot(), 'models', 'cabin-lm');
}

export interface LmBenchOptions {
  /** Held-out samples scored per language (evenly spread); default 2,000 or $CABIN_BENCH_LM_MAX. */
  maxPerLanguage?: number;
  /** Utterances timed for latency; default 300. */
  latencyCount?: number;
  log?: (line: string) => void;
  /** The team-written sentences; default bench/lm-team-sentences.jsonl. */
  teamFile?: string;
  /** Stand-ins for tests. */
  loadOurs?: () => Promise<LanguageModel>;
  loadPeer?: (trainFile: string) => Promise<LanguageModel & { training?: unknown }>;
}

export async function benchLanguageModels(opts: LmBenchOptions = {}) {
  const notes: string[] = [];
  const data = corpusDir();
  const heldoutFile = join(data, 'heldout.jsonl');
  const trainFile = join(data, 'train.jsonl');
  const max = opts.maxPerLanguage ?? Number(process.env.CABIN_BENCH_LM_MAX ?? 2000);
  let heldout: Sample[] | undefined;
  if (existsSync(heldoutFile)) {
    const all = readSamples(heldoutFile);
    heldout = capPerLanguage(all, max);
    if (heldout.length < all.length) notes.push(`held-out: ${heldout.length} of ${all.length} samples scored (at most ${max} per language; set CABIN_BENCH_LM_MAX)`);
  } else {
    notes.push(`no corpus at ${data}: run \`npm run corpus\` for the held-out and nlp.js figures`);
  }
  const teamFile = opts.teamFile ?? join(repoRoot(), 'bench', 'lm-team-sentences.jsonl');
  const team = existsSync(teamFile) ? readSamples(teamFile) : undefined;
  if (!team) notes.push(`no team-written sentences at ${teamFile}: that row is skipped`);
  let bench: Benchmarks | undefined;
  const bdir = benchmarksDir();
  if (existsSync(bdir)) {
    bench = loadBenchmarks(bdir);
    notes.push(`benchmarks: HA ${bench.ha.length} of ${bench.read.ha}, SLURP ${bench.slurp.length} of ${bench.read.slurp} sentences scored (see bench/BENCHMARKS.md for the exclusions)`);
  } else {
    notes.push(`no external benchmarks at ${bdir} (set CABIN_BENCHMARKS_DIR): Home Assistant/SLURP figures skipped`);
  }
  // Latency on utterances spread over the held-out set (or the HA sentences when there is no corpus).
  const pool: Inputs['latencyItems'] = heldout ? heldout.map((s) => ({ text: s.text, speaker: s.speaker })) : (bench?.ha ?? []).map((c) => ({ text: c.text, speaker: 'driver' }));
  const latencyItems = spreadOver(pool, opts.latencyCount ?? 300);
  const inputs: Inputs = { heldout, team, addressed: addressedRequests(), bench, latencyItems };

  let ours: ModelFigures | undefined;
  const dir = modelDir();
  if (opts.loadOurs || (existsSync(join(dir, 'config.json')) && existsSync(join(dir, 'model.onnx')))) {
    opts.log?.('lm: Cabin LM…');
    const load =
      opts.loadOurs ??
      (async () => {
        const { loadLanguageModel } = await import('../models/runtime/onnx-language-model.js');
        return loadLanguageModel(dir);
      });
    ours = await measure('Cabin LM', load, inputs, (m) => m.info());
  } else {
    ours = { name: 'Cabin LM', error: `no model at ${dir}: build it with \`npm run model:build\` (or set CABIN_MODEL)` };
  }

  let peer: ModelFigures | undefined;
  if (opts.loadPeer || existsSync(trainFile)) {
    opts.log?.('lm: nlp.js peer…');
    const load =
      opts.loadPeer ??
      (async (f: string) => {
        const { loadNlpjsPeer } = await import('./nlpjs-peer.js');
        const maxTrain = process.env.CABIN_BENCH_PEER_MAX ? Number(process.env.CABIN_BENCH_PEER_MAX) : undefined;
        return loadNlpjsPeer(f, { log: opts.log, maxTrain });
      });
    peer = await measure('nlp.js', () => load(trainFile), inputs, (m) => (m as { training?: unknown }).training);
  } else {
    peer = { name: 'nlp.js', error: `no training corpus at ${trainFile}: run \`npm run corpus\`` };
  }
  return { ours, peer, notes, excluded: bench ? summariseExcluded(bench) : undefined };
}

function summariseExcluded(b: Benchmarks): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of b.excluded) out[`${e.source}: ${e.reason}`] = (out[`${e.source}: ${e.reason}`] ?? 0) + 1;
  return out;
}

export const lmSection: BenchSection = {
  name: 'lm',
  summary: 'Cabin LM vs nlp.js: held-out exact match, Home Assistant/SLURP coarse accuracy, latency, load, memory',
  async run() {
    const r = await benchLanguageModels({ log: (l) => process.stderr.write(`bench: ${l}\n`) });
    return { figures: { ...r, targets: LM_TARGETS }, rows: lmRows(r.ours, r.peer, r.notes) };
  },
};
