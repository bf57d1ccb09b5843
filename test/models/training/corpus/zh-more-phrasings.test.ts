// Thin Mandarin phrase banks widened in train (generate.js --more-zh-phrasings): the extra sentences are drawn, carry
// the bank's meaning, and never leak a held-out phrasing into train.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Context, PhraseHoldout, sfc32 } from '../../../../models/training/corpus/context.js';
import { buildCorpus, type Corpus } from '../../../../models/training/corpus/corpus.js';
import { MORE_PHRASINGS } from '../../../../models/training/corpus/en/more-phrasings.js';
import { parseArgs } from '../../../../models/training/corpus/generate.js';
import { LANGUAGES } from '../../../../models/training/corpus/languages.js';
import { MORE_ZH_PHRASINGS } from '../../../../models/training/corpus/zh/more-phrasings.js';
import { scoredHeldout } from '../../../helpers/scored-heldout.js';

const corpusDir = join(import.meta.dirname, '../../../../models/training/corpus');
const HAN = /[\u4e00-\u9fff]/;
/** Mandarin text without punctuation or spacing, so 停下，取消 and 停下取消 compare equal. */
const norm = (t: string) => t.toLowerCase().replace(/[，。！？、,.!?\s]/g, '');

const heldPhrases = () => (JSON.parse(readFileSync(join(corpusDir, 'held-phrases.json'), 'utf8')) as { phrases: string[] }).phrases
  .filter((p) => HAN.test(p) && !/[{}]/.test(p)).map(norm);

describe('the extra Mandarin phrasings', () => {
  const extras = [...MORE_ZH_PHRASINGS.values()].flat();

  it('are Mandarin, and none of the phrases the corpus holds out', () => {
    expect(extras.filter((e) => !HAN.test(e))).toEqual([]);
    const held = new Set(heldPhrases());
    expect(held.size).toBeGreaterThan(300);
    expect(extras.filter((e) => held.has(norm(e)))).toEqual([]);
  });

  it('contain no held-out phrase of three or more characters (a two-character one is a single word like 关上)', () => {
    const held = heldPhrases().filter((p) => p.length >= 3);
    expect(held.length).toBeGreaterThan(100);
    expect(extras.filter((e) => held.some((h) => norm(e).includes(h)))).toEqual([]);
  });

  it('appear inside no held-out Mandarin row', () => {
    const rows = scoredHeldout().filter((r) => r.lang === 'zh').map((r) => norm(r.text));
    expect(rows.length).toBeGreaterThan(1000);
    expect(extras.filter((e) => rows.some((r) => r.includes(norm(e))))).toEqual([]);
  }, 60_000); // draws the whole scored held-out split

  it('say nothing twice, and widen no English bank', () => {
    expect(new Set(extras.map(norm)).size).toBe(extras.length);
    expect([...MORE_ZH_PHRASINGS.keys()].filter((a) => MORE_PHRASINGS.has(a))).toEqual([]);
  });
});

describe('a draw with --more-zh-phrasings', () => {
  let plain: Corpus;
  let more: Corpus;
  beforeAll(() => {
    plain = buildCorpus(LANGUAGES, { seed: 9, train: 20000, heldout: 800 });
    more = buildCorpus(LANGUAGES, { seed: 9, train: 20000, heldout: 800, moreZhPhrasings: MORE_ZH_PHRASINGS });
  }, 180_000);

  it('has the same held-out split, and the same English train rows, as the draw without it', () => {
    expect(more.heldout.map((s) => `${s.text} → ${s.actions}`)).toEqual(plain.heldout.map((s) => `${s.text} → ${s.actions}`));
    const en = (c: Corpus) => c.train.filter((s) => s.lang === 'en').slice(0, 200).map((s) => s.text);
    expect(en(more)).toEqual(en(plain));
  });

  it('widens every listed bank: each anchor is the first entry of a bank the corpus draws', () => {
    const firsts = more.holdout.firsts();
    expect([...MORE_ZH_PHRASINGS.keys()].filter((a) => !firsts.has(a))).toEqual([]);
  });

  it('trains on the extra sentences with the meaning of their bank', () => {
    const legroom = more.train.filter((s) => s.lang === 'zh' && s.text.includes('膝盖没地方放'));
    expect(legroom.length).toBeGreaterThan(0);
    for (const s of legroom) expect(s.intents.some((i) => i.intent === 'seat.slide' && i.delta === 10), s.text).toBe(true);
    const undo = more.train.filter((s) => s.lang === 'zh' && norm(s.text) === '弄回原样');
    expect(undo.length).toBeGreaterThan(0);
    for (const s of undo) expect(s.intents).toEqual([{ intent: 'dialog.undo' }]);
    expect(plain.train.some((s) => s.text.includes('膝盖没地方放'))).toBe(false);
  });

  it('is a generate.js option of its own, so --more-phrasings draws stay as they were', () => {
    expect(parseArgs(['--more-zh-phrasings']).moreZhPhrasings).toBe(MORE_ZH_PHRASINGS);
    expect(parseArgs(['--more-phrasings']).moreZhPhrasings).toBeUndefined();
  });
});

describe('a Mandarin train context with more phrasings', () => {
  const bank = ['腿伸不开', '前面太挤了'];

  it('draws the extras of a bank by its first entry, and only the bank in the held-out split', () => {
    const ctx = new Context('zh', 'train', 'driver', sfc32(3), new PhraseHoldout(), { morePhrasings: MORE_ZH_PHRASINGS });
    const drawn = new Set(Array.from({ length: 600 }, () => ctx.phrase(bank)));
    for (const e of MORE_ZH_PHRASINGS.get('腿伸不开')!) expect(drawn, e).toContain(e);
    const held = new Context('zh', 'heldout', 'driver', sfc32(3), new PhraseHoldout(), {});
    for (let i = 0; i < 200; i++) expect(bank).toContain(held.phrase(bank));
  });
});
