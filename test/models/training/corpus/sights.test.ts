// Remarks on coloured things seen outside (generate.js --sights) and a larger share of two-seat, two-value requests
// (--pair-scale): "see that green car" asks nothing; "driver 20, passenger 23" is two settings.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPOKEN_CHATTER } from '../../../../bench/voice-commands.js';
import { Context, PhraseHoldout, sfc32 } from '../../../../models/training/corpus/context.js';
import { buildCorpus, type Corpus, type Sample } from '../../../../models/training/corpus/corpus.js';
import { generate, parseArgs } from '../../../../models/training/corpus/generate.js';
import { LANGUAGES } from '../../../../models/training/corpus/languages.js';
import { SIGHT_SHARE } from '../../../../models/training/corpus/template.js';

const EN_COLOUR = /\b(red|blue|green|white|black|yellow|orange|purple|pink|silver|grey|gold|teal|turquoise|brown|beige|maroon|navy)\b/i;
const ZH_COLOUR = /(红|蓝|绿|白|黑|黄|橙|紫|粉|银|灰|金|青|棕)/;
const VEHICLE = /\b(car|truck|van|bus|taxi|jeep|pickup|convertible|motorbike|tractor)\b|车/i;

/** No intent, names a colour and a vehicle: a remark on a car seen outside. */
const isCarSight = (s: Sample) => s.intents.length === 0 && VEHICLE.test(s.text) && (s.lang === 'en' ? EN_COLOUR : ZH_COLOUR).test(s.text);

/** Two temperatures with different values for the two front seats. */
const isFrontPairTemps = (s: Sample) =>
  s.intents.length === 2 && s.intents.every((i) => i.intent === 'hvac.temp' && typeof i.value === 'number') &&
  s.intents[0]!.value !== s.intents[1]!.value && s.intents.map((i) => i.zone).sort().join('+') === 'driver+passenger';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a train context with sights', () => {
  it('draws nothing when off, so a plain draw is unchanged', () => {
    const a = sfc32(4);
    const b = sfc32(4);
    const ctx = new Context('en', 'train', 'driver', a, new PhraseHoldout());
    expect(ctx.sights()).toBe(false);
    expect(a()).toBe(b());
  });

  it('at pair scale 1 draws exactly what --seat-pairs drew before the scale existed', () => {
    const plain = new Context('en', 'train', 'driver', sfc32(8), new PhraseHoldout(), { seatPairs: true });
    const scaled = new Context('en', 'train', 'driver', sfc32(8), new PhraseHoldout(), { seatPairs: true, pairScale: 1 });
    const a = Array.from({ length: 200 }, () => plain.pairs(0.35));
    expect(Array.from({ length: 200 }, () => scaled.pairs(0.35))).toEqual(a);
  });

  it('scales two-value pairs but not group moves', () => {
    const ctx = (seed: number) => new Context('en', 'train', 'driver', sfc32(seed), new PhraseHoldout(), { seatPairs: true, pairScale: 2 });
    const share = (kind: 'values' | 'groups') => {
      const c = ctx(11);
      return Array.from({ length: 4000 }, () => c.pairs(0.2, kind)).filter(Boolean).length / 4000;
    };
    expect(share('values')).toBeGreaterThan(0.35);
    expect(share('groups')).toBeLessThan(0.25);
  });
});

describe('a draw with sights and pair scale 2', () => {
  let plain: Corpus;
  let pairs: Corpus;
  let more: Corpus;
  beforeAll(() => {
    plain = buildCorpus(LANGUAGES, { seed: 6, train: 20000, heldout: 800 });
    pairs = buildCorpus(LANGUAGES, { seed: 6, train: 20000, heldout: 800, seatPairs: true });
    more = buildCorpus(LANGUAGES, { seed: 6, train: 20000, heldout: 800, seatPairs: true, pairScale: 2, sightShare: SIGHT_SHARE });
  }, 180_000);

  it('has the same held-out split as the draw without them', () => {
    expect(more.heldout.map((s) => `${s.text} → ${s.actions}`)).toEqual(plain.heldout.map((s) => `${s.text} → ${s.actions}`));
  });

  it('remarks on coloured cars in both languages, with no intent, far more often than a plain draw', () => {
    const sights = more.train.filter(isCarSight);
    for (const lang of ['en', 'zh']) expect(sights.filter((s) => s.lang === lang).length, lang).toBeGreaterThan(15);
    expect(sights.length).toBeGreaterThan(4 * Math.max(1, plain.train.filter(isCarSight).length));
  });

  it('never trains on a sentence of the voice bench\'s chatter', () => {
    const bench = new Set(SPOKEN_CHATTER);
    const norm = (t: string) => t.toLowerCase().replace(/[.,!?]/g, '').trim();
    expect(more.train.filter(isCarSight).map((s) => norm(s.text)).filter((t) => bench.has(t))).toEqual([]);
  });

  it('draws more front-seat pairs with two temperatures than --seat-pairs alone', () => {
    expect(more.train.filter(isFrontPairTemps).length).toBeGreaterThan(1.4 * pairs.train.filter(isFrontPairTemps).length);
  });

  it('is chosen with --sights and --pair-scale and recorded in stats.json', () => {
    expect(parseArgs(['--small']).sightShare).toBeUndefined();
    expect(() => parseArgs(['--pair-scale', '2'])).toThrow(/needs --seat-pairs/);
    expect(() => parseArgs(['--seat-pairs', '--pair-scale', '0'])).toThrow(/above 0/);
    expect(() => parseArgs(['--sight-share', '0.1'])).toThrow(/needs --sights/);
    expect(() => parseArgs(['--sights', '--sight-share', '1.5'])).toThrow(/at most 1/);
    expect(parseArgs(['--sights']).sightShare).toBe(SIGHT_SHARE);
    expect(parseArgs(['--sight-share', '0.1', '--sights']).sightShare).toBe(0.1);
    const out = mkdtempSync(join(tmpdir(), 'sights-'));
    dirs.push(out);
    generate({ ...parseArgs(['--seat-pairs', '--pair-scale', '2', '--sights', '--small']), out });
    expect(JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8'))).toMatchObject({ seatPairs: true, pairScale: 2, sights: { share: SIGHT_SHARE } });
  });
});
