// Thin English phrase banks widened in train (generate.js --more-phrasings): the extra sentences are drawn, carry
// the bank's meaning, and never leak a held-out phrasing into train.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Context, PhraseHoldout, sfc32 } from '../../../../models/training/corpus/context.js';
import { buildCorpus, type Corpus } from '../../../../models/training/corpus/corpus.js';
import { MORE_PHRASINGS } from '../../../../models/training/corpus/en/more-phrasings.js';
import { parseArgs } from '../../../../models/training/corpus/generate.js';
import { LANGUAGES } from '../../../../models/training/corpus/languages.js';
import { scoredHeldout } from '../../../helpers/scored-heldout.js';

const corpusDir = join(import.meta.dirname, '../../../../models/training/corpus');

const norm = (t: string) => t.toLowerCase().replace(/[.,!?']/g, '').replace(/\s+/g, ' ').trim();

describe('the extra phrasings', () => {
  const extras = [...MORE_PHRASINGS.values()].flat();

  it('are none of the phrases the corpus holds out', () => {
    const held = new Set((JSON.parse(readFileSync(join(corpusDir, 'held-phrases.json'), 'utf8')) as { phrases: string[] }).phrases.map(norm));
    expect(extras.filter((e) => held.has(norm(e)))).toEqual([]);
  });

  it('contain no held-out phrase of two or more words ("of course, go ahead" would teach "of course")', () => {
    const held = (JSON.parse(readFileSync(join(corpusDir, 'held-phrases.json'), 'utf8')) as { phrases: string[] }).phrases
      .filter((p) => !/[{}]/.test(p)).map(norm).filter((p) => p.includes(' '));
    expect(held.length).toBeGreaterThan(100);
    expect(extras.filter((e) => held.some((h) => ` ${norm(e)} `.includes(` ${h} `)))).toEqual([]);
  });

  it('appear inside no held-out English row', () => {
    const rows = scoredHeldout().filter((r) => r.lang === 'en').map((r) => ` ${norm(r.text)} `);
    expect(rows.length).toBeGreaterThan(1000);
    expect(extras.filter((e) => rows.some((r) => r.includes(` ${norm(e)} `)))).toEqual([]);
  });

  it('say nothing twice, within a list or against the bank they widen', () => {
    expect(new Set(extras.map(norm)).size).toBe(extras.length);
  });
});

describe('a train context with more phrasings', () => {
  const anchor = 'my seat is cold';
  const bank = [anchor, 'the seat is freezing'];

  it('draws the extras of a bank by its first entry', () => {
    const ctx = new Context('en', 'train', 'driver', sfc32(3), new PhraseHoldout(), { morePhrasings: MORE_PHRASINGS });
    const drawn = new Set(Array.from({ length: 400 }, () => ctx.phrase(bank)));
    for (const e of MORE_PHRASINGS.get(anchor)!) expect(drawn, e).toContain(e);
  });

  it('draws only the bank without the option, and in the held-out split', () => {
    const plain = new Context('en', 'train', 'driver', sfc32(3), new PhraseHoldout());
    const held = new Context('en', 'heldout', 'driver', sfc32(3), new PhraseHoldout(), {});
    for (const ctx of [plain, held]) {
      for (let i = 0; i < 200; i++) expect(bank).toContain(ctx.phrase(bank));
    }
  });

  it('never draws an extra the holdout holds', () => {
    const holdout = new PhraseHoldout(['the seat is like ice']);
    const ctx = new Context('en', 'train', 'driver', sfc32(5), holdout, { morePhrasings: MORE_PHRASINGS });
    expect(Array.from({ length: 400 }, () => ctx.phrase(bank))).not.toContain('the seat is like ice');
  });
});

describe('a draw with --more-phrasings', () => {
  let plain: Corpus;
  let more: Corpus;
  beforeAll(() => {
    plain = buildCorpus(LANGUAGES, { seed: 9, train: 30000, heldout: 800 });
    more = buildCorpus(LANGUAGES, { seed: 9, train: 30000, heldout: 800, morePhrasings: MORE_PHRASINGS });
  }, 180_000);

  it('has the same held-out split as the draw without it', () => {
    expect(more.heldout.map((s) => `${s.text} → ${s.actions}`)).toEqual(plain.heldout.map((s) => `${s.text} → ${s.actions}`));
  });

  it('widens every listed bank: each anchor is the first entry of a bank the corpus draws', () => {
    const firsts = more.holdout.firsts();
    expect([...MORE_PHRASINGS.keys()].filter((a) => !firsts.has(a))).toEqual([]);
  });

  it('trains on the extra sentences with the meaning of their bank', () => {
    const legroom = more.train.filter((s) => s.lang === 'en' && /\bmy knees are jammed\b/i.test(s.text));
    expect(legroom.length).toBeGreaterThan(0);
    for (const s of legroom) expect(s.intents.some((i) => i.intent === 'seat.slide' && i.delta === 10), s.text).toBe(true);
    const cancel = more.train.filter((s) => s.lang === 'en' && norm(s.text) === 'call it off');
    expect(cancel.length).toBeGreaterThan(0);
    for (const s of cancel) expect(s.intents).toEqual([{ intent: 'dialog.cancel' }]);
    expect(plain.train.some((s) => /\bmy knees are jammed\b/i.test(s.text))).toBe(false);
  });

  it('is a generate.js option that reaches the corpus', () => {
    expect(parseArgs(['--more-phrasings']).morePhrasings).toBe(MORE_PHRASINGS);
    expect(parseArgs([]).morePhrasings).toBeUndefined();
  });
});
