// Scores any LanguageModel: exact match on corpus samples (per language, per intent, worst templates) and coarse match on external sentences.
import type { Intent } from '../intents/catalog.js';
import type { LanguageModel } from '../models/language-model.js';
import type { Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';
import { coarseMatches, coarseOf, describeCoarse, type CoarseCase } from './benchmark-mapping.js';
import type { Sample } from './lm-data.js';

export interface Tally {
  total: number;
  correct: number;
  /** Percent, 0–100 (NaN when total is 0). */
  accuracy: number;
}

export interface Failure {
  text: string;
  lang: string;
  expected: unknown;
  got: unknown;
  template?: string;
  /** Coarse failures: the intents behind `got`. */
  intents?: unknown;
}

export interface ExactReport extends Tally {
  byLang: Record<string, Tally>;
  /** Per language and what the rows have that train never had (`en template`, `zh phrasing`, …; held-out rows only). */
  byUnseen: Record<string, Tally>;
  /** Per intent name of the expected list (`(none)` for an empty one): samples that contain it, and how many were exact. */
  byIntent: Record<string, Tally>;
  /** Templates ordered by failures, with one failing example each. */
  worstTemplates: { template: string; failed: number; total: number; example: Failure }[];
  failures: Failure[];
  /** Right or wrong per sample, in input order: two models scored on the same rows can be paired row by row. */
  outcomes: boolean[];
}

export interface CoarseReport extends Tally {
  byLabel: Record<string, Tally>;
  failures: Failure[];
  /** Right or wrong per case, in input order. */
  outcomes: boolean[];
}

function tally(): Tally {
  return { total: 0, correct: 0, accuracy: NaN };
}

function count(t: Tally, ok: boolean): void {
  t.total++;
  if (ok) t.correct++;
  t.accuracy = (100 * t.correct) / t.total;
}

/** Fields with `undefined` dropped, keys sorted: two intents are equal iff their canonical strings are. */
export function canonicalIntent(it: Intent): string {
  const rec = it as unknown as Record<string, unknown>;
  const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
  return JSON.stringify(keys.map((k) => [k, rec[k]]));
}

/** Exact match: same intents in the same order, same zones and values. */
export function sameIntents(a: readonly Intent[], b: readonly Intent[]): boolean {
  return a.length === b.length && a.every((x, i) => canonicalIntent(x) === canonicalIntent(b[i]!));
}

async function ask(model: LanguageModel, text: string, speaker: Seat): Promise<Intent[] | { error: string }> {
  try {
    return (await model.understand(text, speaker)).intents;
  } catch (err) {
    return { error: (err as Error).message };
  }
}

export async function scoreExact(model: LanguageModel, samples: readonly Sample[], opts: { maxFailures?: number; worstTemplates?: number } = {}): Promise<ExactReport> {
  const report: ExactReport = { ...tally(), byLang: {}, byUnseen: {}, byIntent: {}, worstTemplates: [], failures: [], outcomes: [] };
  const templates = new Map<string, { failed: number; total: number; example?: Failure }>();
  const allFailures: Failure[] = [];
  for (const s of samples) {
    const got = await ask(model, s.text, s.speaker);
    const ok = Array.isArray(got) && sameIntents(s.expected, got);
    report.outcomes.push(ok);
    count(report, ok);
    count((report.byLang[s.lang] ??= tally()), ok);
    if (s.unseen) count((report.byUnseen[`${s.lang} ${s.unseen}`] ??= tally()), ok);
    const names = s.expected.length ? [...new Set(s.expected.map((i) => i.intent))] : ['(none)'];
    for (const n of names) count((report.byIntent[n] ??= tally()), ok);
    const t = templates.get(s.template) ?? { failed: 0, total: 0 };
    t.total++;
    if (!ok) {
      const f: Failure = { text: s.text, lang: s.lang, expected: s.expected, got, template: s.template };
      allFailures.push(f);
      t.failed++;
      t.example ??= f;
    }
    templates.set(s.template, t);
  }
  report.worstTemplates = [...templates.entries()]
    .filter(([, t]) => t.failed > 0)
    .sort((a, b) => b[1].failed - a[1].failed || b[1].failed / b[1].total - a[1].failed / a[1].total)
    .slice(0, opts.worstTemplates ?? 15)
    .map(([template, t]) => ({ template, failed: t.failed, total: t.total, example: t.example! }));
  // The failures list leads with the worst templates' examples, then the rest in corpus order.
  const lead = new Set(report.worstTemplates.map((w) => w.example));
  report.failures = [...lead, ...allFailures.filter((f) => !lead.has(f))].slice(0, opts.maxFailures ?? 40);
  return report;
}

export async function scoreCoarse(model: LanguageModel, cases: readonly CoarseCase[], opts: { maxFailures?: number } = {}): Promise<CoarseReport> {
  const report: CoarseReport = { ...tally(), byLabel: {}, failures: [], outcomes: [] };
  for (const c of cases) {
    const got = await ask(model, c.text, 'driver');
    const ok = Array.isArray(got) && coarseMatches(c, got);
    report.outcomes.push(ok);
    count(report, ok);
    count((report.byLabel[c.label] ??= tally()), ok);
    if (!ok && report.failures.length < (opts.maxFailures ?? 40)) {
      report.failures.push({
        text: c.text,
        lang: c.lang,
        expected: c.accept.map(describeCoarse).join(' | '),
        got: Array.isArray(got) ? coarseOf(got).map(describeCoarse).join(', ') : got,
        intents: got,
      });
    }
  }
  return report;
}
