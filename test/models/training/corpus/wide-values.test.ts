// Levels above the catalog's range in train (generate.js --wide-values): "fan to 12" must reach the dialogue as 12.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intent } from '../../../../intents/catalog.js';
import { Context, PhraseHoldout, sfc32 } from '../../../../models/training/corpus/context.js';
import { buildCorpus, type Corpus, type Sample } from '../../../../models/training/corpus/corpus.js';
import { generate, parseArgs, WIDE_VALUE_SHARE } from '../../../../models/training/corpus/generate.js';
import { LANGUAGES } from '../../../../models/training/corpus/languages.js';

/** The highest level a plain draw asks for: the catalog's top, except the English seat templates' own 4–6. */
function plainTop(s: Sample, i: Intent): number | undefined {
  if (i.intent === 'hvac.fan') return 7;
  if (i.intent.startsWith('seat.') && ['heat', 'vent', 'massage'].includes(i.intent.slice(5))) return s.lang === 'en' ? 6 : 3;
  return undefined;
}

/** The levels a sample asks for above what a plain draw would. */
function wideLevels(s: Sample): Intent[] {
  return s.intents.filter((i) => {
    const top = plainTop(s, i);
    return top !== undefined && typeof i.value === 'number' && i.value > top;
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a train context with wide values', () => {
  it('draws nothing when off, so a plain draw is unchanged', () => {
    const a = sfc32(3);
    const b = sfc32(3);
    const ctx = new Context('en', 'train', 'driver', a, new PhraseHoldout());
    expect(ctx.beyondRange(7, 20)).toBeUndefined();
    expect(a()).toBe(b());
  });

  it('gives a level above the range for about its share of calls, never inside it', () => {
    const ctx = new Context('zh', 'train', 'driver', sfc32(5), new PhraseHoldout(), { wideValues: 0.1 });
    const got = Array.from({ length: 4000 }, () => ctx.beyondRange(7, 20)).filter((v) => v !== undefined);
    expect(got.length).toBeGreaterThan(300);
    expect(got.length).toBeLessThan(500);
    expect(Math.min(...got)).toBe(8);
    expect(Math.max(...got)).toBe(20);
  });
});

describe('a draw with wide values', () => {
  let plain: Corpus;
  let wide: Corpus;
  beforeAll(() => {
    plain = buildCorpus(LANGUAGES, { seed: 4, train: 8000, heldout: 800 });
    wide = buildCorpus(LANGUAGES, { seed: 4, train: 8000, heldout: 800, wideValues: WIDE_VALUE_SHARE });
  });

  it('has the same held-out split as the draw without it', () => {
    expect(wide.heldout.map((s) => s.text)).toEqual(plain.heldout.map((s) => s.text));
    expect(wide.heldout.flatMap(wideLevels)).toEqual([]);
  });

  it('asks for fan and seat levels above the range in both languages, in train only', () => {
    const rows = wide.train.filter((s) => wideLevels(s).length > 0);
    expect(new Set(rows.map((s) => s.lang))).toEqual(new Set(['en', 'zh']));
    const features = new Set(rows.flatMap(wideLevels).map((i) => i.intent));
    expect(features.has('hvac.fan')).toBe(true);
    expect([...features].some((f) => f.startsWith('seat.'))).toBe(true);
    expect(plain.train.flatMap(wideLevels)).toEqual([]);
  });

  it('writes the level as it is said: digits, words or Mandarin numerals', () => {
    const said = wide.train.filter((s) => s.intents.length === 1 && wideLevels(s).length === 1);
    const twelve = said.filter((s) => s.intents[0]!.value === 12);
    expect(twelve.length).toBeGreaterThan(0);
    for (const s of twelve) expect(s.text, s.text).toMatch(/12|twelve|十二/i);
  });

  it('is chosen with --wide-values and recorded in stats.json', () => {
    expect(parseArgs([]).wideValues).toBeUndefined();
    const opts = parseArgs(['--wide-values', '--small']);
    expect(opts.wideValues).toBe(WIDE_VALUE_SHARE);
    const out = mkdtempSync(join(tmpdir(), 'wide-'));
    dirs.push(out);
    generate({ ...opts, out });
    const stats = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8')) as { wideValues?: { share: number } };
    expect(stats.wideValues).toEqual({ share: WIDE_VALUE_SHARE });
  });
});
