// Cabin LM candidates side by side on one held-out split: the figures the README's corpus rule reads (held-out en,
// held-out zh, Home Assistant en, SLURP — their mean, then the mean over a corpus's seeds), with the team sentences,
// requests after a name and any probe sets beside them. `cabin bench` compares the shipped model with nlp.js; this
// compares models with each other before one ships.
import type { LanguageModel } from '../models/language-model.js';
import { addressedRequests } from './lm-addressed.js';
import { scoreCoarse, scoreExact, type Failure, type Tally } from './lm-accuracy.js';
import type { Benchmarks, Sample } from './lm-data.js';
import { signTestP } from './stats.js';

export interface CompareInputs {
  heldout: Sample[];
  team: Sample[];
  bench: Benchmarks;
  probes: { name: string; samples: Sample[] }[];
}

export interface CandidateScores {
  label: string;
  heldout: Record<string, Tally>;
  haEn: Tally;
  haZh: Tally;
  slurp: Tally;
  /** Mean of held-out en, held-out zh, HA en and SLURP (percent); NaN when one of them has no rows. */
  mean4: number;
  team: Tally;
  named: Record<string, Tally>;
  probes: Record<string, Tally>;
  worst: { template: string; failed: number; total: number }[];
  failures: string[];
  /** Right or wrong per row of each mean4 figure, in input order, for pairing models row by row (`pairedVersus`). */
  outcomes: Record<Mean4Figure, boolean[]>;
}

export const MEAN4_FIGURES = ['held-out en', 'held-out zh', 'HA en', 'SLURP'] as const;
export type Mean4Figure = (typeof MEAN4_FIGURES)[number];

const pct = (t: Tally | undefined) => (t && t.total ? t.accuracy : NaN);

export async function scoreCandidate(label: string, model: LanguageModel, inputs: CompareInputs, opts: { failures?: boolean } = {}): Promise<CandidateScores> {
  const keep = opts.failures ? 100_000 : 0;
  const held = await scoreExact(model, inputs.heldout, { maxFailures: keep, worstTemplates: 12 });
  const team = await scoreExact(model, inputs.team, { maxFailures: keep });
  const haEn = await scoreCoarse(model, inputs.bench.ha.filter((c) => c.lang === 'en'), { maxFailures: keep });
  const haZh = await scoreCoarse(model, inputs.bench.ha.filter((c) => c.lang === 'zh'), { maxFailures: keep });
  const slurp = await scoreCoarse(model, inputs.bench.slurp, { maxFailures: keep });
  const named = await scoreExact(model, addressedRequests().named, { maxFailures: keep });
  const probes: Record<string, Tally> = {};
  const probeFailures: Failure[] = [];
  for (const p of inputs.probes) {
    const r = await scoreExact(model, p.samples, { maxFailures: keep });
    probes[p.name] = r;
    probeFailures.push(...r.failures);
  }
  const heldLang = (lang: string) => held.outcomes.filter((_, i) => inputs.heldout[i]!.lang === lang);
  const en = held.byLang.en ?? empty();
  const zh = held.byLang.zh ?? empty();
  const line = (kind: string, f: Failure) => `${label} ${kind} ${f.template ?? ''} | ${f.text} | want ${JSON.stringify(f.expected)} | got ${JSON.stringify(f.got)}`;
  return {
    label,
    heldout: { en, zh },
    haEn,
    haZh,
    slurp,
    mean4: (pct(en) + pct(zh) + pct(haEn) + pct(slurp)) / 4,
    team,
    named: { en: named.byLang.en ?? empty(), zh: named.byLang.zh ?? empty() },
    probes,
    worst: held.worstTemplates.map(({ template, failed, total }) => ({ template, failed, total })),
    outcomes: { 'held-out en': heldLang('en'), 'held-out zh': heldLang('zh'), 'HA en': haEn.outcomes, SLURP: slurp.outcomes },
    failures: [
      ...held.failures.map((f) => line('held-out', f)),
      ...team.failures.map((f) => line('team', f)),
      ...[...haEn.failures, ...haZh.failures].map((f) => line('HA', f)),
      ...slurp.failures.map((f) => line('SLURP', f)),
      ...named.failures.map((f) => line('named', f)),
      ...probeFailures.map((f) => line('probe', f)),
    ],
  };
}

function empty(): Tally {
  return { total: 0, correct: 0, accuracy: NaN };
}

/** "v16/s1", "v16/s2" → corpus "v16": the mean of its seeds' mean4 (the README's corpus rule). Labels without "/" stand alone. */
export function corpusMeans(rows: readonly CandidateScores[]): { corpus: string; seeds: number; mean4: number }[] {
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const slash = r.label.indexOf('/');
    if (slash < 0) continue;
    const key = r.label.slice(0, slash);
    groups.set(key, [...(groups.get(key) ?? []), r.mean4]);
  }
  return [...groups].map(([corpus, m]) => ({ corpus, seeds: m.length, mean4: m.reduce((a, b) => a + b, 0) / m.length }));
}

export interface PairedFigure {
  figure: Mean4Figure;
  /** Rows the base model missed and this one gets right, and the reverse. */
  gained: number;
  lost: number;
  /** Exact two-sided sign test on the rows where the two differ (McNemar's exact test): how often a coin would split them this unevenly. */
  p: number;
}

/**
 * Row-by-row comparison of `other` with `base` on the mean4 figures. The mean moves by a whole SLURP sentence (0.87
 * points) as much as by 52 held-out rows; counting the rows that changed, and how unlikely the split is by chance,
 * says whether a difference is more than noise.
 */
export function pairedVersus(base: CandidateScores, other: CandidateScores): PairedFigure[] {
  return MEAN4_FIGURES.map((figure) => {
    const a = base.outcomes[figure];
    const b = other.outcomes[figure];
    if (a.length !== b.length) throw new Error(`lm:compare: ${base.label} and ${other.label} were scored on different ${figure} rows`);
    let gained = 0;
    let lost = 0;
    a.forEach((ok, i) => {
      if (!ok && b[i]) gained++;
      else if (ok && !b[i]) lost++;
    });
    return { figure, gained, lost, p: signTestP(gained, lost) };
  });
}

const f1 = (t: Tally) => (t.total ? t.accuracy.toFixed(1) : '—');
const frac = (t: Tally) => `${t.correct}/${t.total}`;

/** A Markdown table of the candidates, then the corpus means and each model's worst held-out templates. */
export function compareReport(rows: readonly CandidateScores[]): string {
  const probeNames = [...new Set(rows.flatMap((r) => Object.keys(r.probes)))];
  const head = ['model', 'held-out en', 'held-out zh', 'HA en', 'SLURP', 'mean4', 'HA zh', 'team', 'after a name en', 'after a name zh', ...probeNames];
  const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const cells = [r.label, f1(r.heldout.en!), f1(r.heldout.zh!), f1(r.haEn), f1(r.slurp), Number.isNaN(r.mean4) ? '—' : r.mean4.toFixed(2), f1(r.haZh),
      frac(r.team), frac(r.named.en!), frac(r.named.zh!), ...probeNames.map((p) => (r.probes[p] ? frac(r.probes[p]!) : '—'))];
    out.push(`| ${cells.join(' | ')} |`);
  }
  const means = corpusMeans(rows);
  if (means.length) {
    out.push('', 'corpus means (mean4 over seeds): ' + means.map((m) => `${m.corpus} ${m.mean4.toFixed(2)} (${m.seeds} seed${m.seeds === 1 ? '' : 's'})`).join(', '));
  }
  if (rows.length > 1) {
    const base = rows[0]!;
    const cell = (f: PairedFigure) => `+${f.gained} −${f.lost} (p ${f.p < 0.001 ? '< 0.001' : f.p.toFixed(3)})`;
    out.push('', `row by row against ${base.label} (rows gained, rows lost, two-sided sign test on the rows that differ):`, '',
      `| model | ${MEAN4_FIGURES.join(' | ')} |`, `|${['model', ...MEAN4_FIGURES].map(() => '---').join('|')}|`);
    for (const r of rows.slice(1)) out.push(`| ${r.label} | ${pairedVersus(base, r).map(cell).join(' | ')} |`);
  }
  for (const r of rows) out.push(`worst held-out templates, ${r.label}: ` + r.worst.map((w) => `${w.template} ${w.failed}/${w.total}`).join(', '));
  return out.join('\n');
}
