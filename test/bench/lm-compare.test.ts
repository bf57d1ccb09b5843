// lm:compare: the four figures of the README's corpus rule, their mean per model and per corpus, and clear errors.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeLanguageModel } from '../../models/language-model.js';
import { compareReport, corpusMeans, pairedVersus, scoreCandidate, type CandidateScores } from '../../bench/lm-compare.js';
import { parseCompareArgs } from '../../bench/compare-models.js';
import { loadBenchmarks, parseSample } from '../../bench/lm-data.js';
import { repoRoot } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'lm-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ON = [{ intent: 'light.reading', zone: 'self' as const, value: 'on' }];
const row = (text: string, lang: string, intents: unknown[]) => parseSample(JSON.stringify({ text, speaker: 'driver', lang, intents, template: `t.${lang}` }));

function benchmarks() {
  const b = join(dir, 'benchmarks');
  mkdirSync(join(b, 'ha-intents'), { recursive: true });
  mkdirSync(join(b, 'slurp'), { recursive: true });
  writeFileSync(join(b, 'ha-intents', 'en.jsonl'), JSON.stringify({ lang: 'en', text: 'turn on the lights', ha_intent: 'HassTurnOn', slots: { domain: 'light' }, category: 'light' }));
  writeFileSync(join(b, 'slurp', 'en.jsonl'), JSON.stringify({ text: 'dim the lights', slurp_intent: 'iot_hue_lightdim', slots: [], slurp_id: 1 }));
  return loadBenchmarks(b);
}

const scores = (label: string, mean4: number) => ({ label, mean4 }) as CandidateScores;

describe('lm:compare', () => {
  it('scores the four figures of the corpus rule and their mean on the same rows', async () => {
    const model = new FakeLanguageModel({ 'reading light on': ON, 打开阅读灯: ON, 'turn on the lights': ON });
    const inputs = {
      heldout: [row('reading light on', 'en', ON), row('dome light on', 'en', [{ intent: 'light.dome', zone: 'cabin', value: 'on' }]), row('打开阅读灯', 'zh', ON)],
      team: [row('reading light on', 'en', ON)],
      bench: benchmarks(),
      probes: [{ name: 'p', samples: [row('reading light on', 'en', ON), row('play music', 'en', [])] }],
    };
    const s = await scoreCandidate('v9/s1', model, inputs, { failures: true });
    expect(s.heldout.en).toMatchObject({ correct: 1, total: 2 });
    expect(s.heldout.zh).toMatchObject({ correct: 1, total: 1 });
    expect(s.haEn).toMatchObject({ correct: 1, total: 1 });
    expect(s.slurp).toMatchObject({ correct: 0, total: 1 }); // the fake knows no "dim"
    expect(s.mean4).toBeCloseTo((50 + 100 + 100 + 0) / 4);
    expect(s.probes.p).toMatchObject({ correct: 2, total: 2 }); // the fake answers [] to what it does not know
    expect(s.named.en!.total).toBe(270);
    expect(s.failures.some((f) => f.startsWith('v9/s1 held-out t.en | dome light on'))).toBe(true);
    const report = compareReport([s]);
    expect(report).toContain('| v9/s1 | 50.0 | 100.0 | 100.0 | 0.0 | 62.50 |');
    expect(report).toContain('v9 62.50 (1 seed)');
  });

  it('means a corpus over its seeds ("v16/s1", "v16/s2"); a label without a corpus stands alone', () => {
    const m = corpusMeans([scores('v16/s1', 92), scores('v16/s2', 94), scores('v15/s1', 93), scores('shipped', 99)]);
    expect(m).toEqual([
      { corpus: 'v16', seeds: 2, mean4: 93 },
      { corpus: 'v15', seeds: 1, mean4: 93 },
    ]);
  });

  it('pairs a model with the first row by row: rows gained, rows lost and a sign test, per mean4 figure', async () => {
    const DOME = [{ intent: 'light.dome', zone: 'cabin' as const, value: 'on' }];
    const inputs = {
      // Mixed languages in one file: pairing must follow each row's language, not its position.
      heldout: [row('reading light on', 'en', ON), row('打开阅读灯', 'zh', ON), row('dome light on', 'en', DOME), row('ceiling light on', 'en', DOME)],
      team: [],
      bench: benchmarks(),
      probes: [],
    };
    const base = await scoreCandidate('base', new FakeLanguageModel({ 'reading light on': ON, 打开阅读灯: ON, 'turn on the lights': ON }), inputs);
    const other = await scoreCandidate('other', new FakeLanguageModel({ 'dome light on': DOME, 'ceiling light on': DOME, 打开阅读灯: ON }), inputs);
    expect(other.outcomes['held-out en']).toEqual([false, true, true]);
    const paired = pairedVersus(base, other);
    expect(paired.map(({ figure, gained, lost }) => [figure, gained, lost])).toEqual([
      ['held-out en', 2, 1], ['held-out zh', 0, 0], ['HA en', 0, 1], ['SLURP', 0, 0],
    ]);
    expect(paired[1]!.p).toBe(1);
    const report = compareReport([base, other]);
    expect(report).toContain('row by row against base');
    expect(report).toContain('| other | +2 −1 (p 1.000) | +0 −0 (p 1.000) | +0 −1 (p 1.000) | +0 −0 (p 1.000) |');
    expect(() => pairedVersus(base, { ...other, outcomes: { ...other.outcomes, SLURP: [] } })).toThrow(/different SLURP rows/);
  });

  it('refuses bad arguments with a one-line reason', () => {
    const shipped = join(repoRoot, 'models', 'cabin-lm');
    const team = join(repoRoot, 'bench', 'lm-team-sentences.jsonl');
    expect(() => parseCompareArgs(['--team', team, '--heldout', team])).toThrow(/name at least one model directory/);
    expect(() => parseCompareArgs(['--heldout', team, `a=${dir}`])).toThrow(/is not a model directory/);
    expect(() => parseCompareArgs(['--heldout', team, `a=${shipped}`, `a=${shipped}`])).toThrow(/the label a is used twice/);
    expect(() => parseCompareArgs(['--heldout', join(dir, 'none.jsonl'), `a=${shipped}`])).toThrow(/no held-out rows at .*npm run corpus/);
    expect(() => parseCompareArgs(['--heldout', team, '--probe', join(dir, 'none.jsonl'), `a=${shipped}`])).toThrow(/no such file: .*none\.jsonl/);
    expect(() => parseCompareArgs(['--frobnicate', `a=${shipped}`])).toThrow(/unknown option --frobnicate/);
    expect(parseCompareArgs(['--heldout', team, `v13/s2=${shipped}`]).models).toEqual([{ label: 'v13/s2', dir: shipped }]);
  });
});
