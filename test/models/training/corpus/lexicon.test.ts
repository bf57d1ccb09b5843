// build-lexicon: which unknown words get a WordNet replacement the corpus knows, and in which form.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLexicon, inflect, wordCounts } from '../../../../models/training/corpus/lexicon.js';
import { WordNet } from '../../../../models/training/corpus/wordnet.js';

let lexicon: Map<string, string>;
// A corpus that says these words often (and nothing else): the lexicon may only point at them.
// "give up" is said more often than "stop", so only the one-word preference picks "stop" for "discontinue".
const KNOWN = 'stop stopped give up give up give up heat heated heating seat warm warmer chair can toilet move moving work icy cold dark';
beforeAll(() => {
  const counts = wordCounts(Array.from({ length: 60 }, () => KNOWN));
  counts.set('cease', 4); // said a few times: still unknown (below 5)
  counts.set('frigid', 5); // said five times: known, never replaced
  lexicon = buildLexicon(new WordNet(), counts);
}, 60_000);

describe('regular inflections', () => {
  it.each([
    ['light', 's', ['lights']],
    ['switch', 's', ['switches']],
    ['body', 's', ['bodies']],
    ['heat', 'ed', ['heated']],
    ['stop', 'ed', ['stoped', 'stopped']],
    ['dry', 'ed', ['dried']],
    ['freeze', 'ing', ['freezing']],
    ['dim', 'er', ['dimer', 'dimmer']],
    ['cold', 'est', ['coldest']],
  ] as const)('%s + %s → %j', (word, form, want) => {
    expect(inflect(word, form)).toEqual(want);
  });
});

describe('the lexicon', () => {
  it('maps an unknown word to a known synonym of its likely sense, one word before a phrase', () => {
    expect(lexicon.get('discontinue')).toBe('stop');
    expect(lexicon.get('cease'), 'said four times').toBe('stop');
  });

  it('keeps the inflection when the corpus knows the inflected replacement', () => {
    expect(lexicon.get('discontinued')).toBe('stopped');
    expect(lexicon.get('discontinuing')).toBe('stop'); // "stopping" is not in the corpus: the base form then
  });

  it('uses a hypernym only for a word of one meaning', () => {
    expect(lexicon.get('preheat')).toBe('heat');
    expect(lexicon.get('preheated')).toBe('heated');
    expect(lexicon.get('armchair')).toBe('chair');
    expect(lexicon.get('steam'), 'steam has several senses: its hypernym "move" drifts too far').toBeUndefined();
  });

  it('never lists a word the corpus knows, a name, or a word whose synonyms it does not know', () => {
    for (const w of KNOWN.split(' ')) expect(lexicon.has(w), w).toBe(false);
    expect(lexicon.has('frigid')).toBe(false);
    expect(lexicon.has('john'), '"john" is also John').toBe(false);
    expect(lexicon.has('glare')).toBe(false);
    for (const to of lexicon.values()) for (const w of to.split(' ')) expect(KNOWN.split(' ')).toContain(w);
  });
});
