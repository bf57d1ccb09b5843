// The recogniser's domain model: text normalised as a recogniser hears it, a well-formed ARPA model, shipped files as generated.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArpa } from '../../../models/speech/arpa.js';
import { asrWords, expandContractions, numberWords } from '../../../models/speech/asr-words.js';
import { nonRhotic, openTrap, withBritishVariants } from '../../../models/speech/accent-variants.js';
import { loadGenerator, readCmudict } from '../../../models/speech/build-domain-lm.js';
import { cabinGrammar, grammarWords } from '../../../models/speech/cabin-grammar.js';
import { dialogueSentences, styleRequestSentences, thanksSentences } from '../../../models/speech/dialogue-sentences.js';
import { isThanksOnly } from '../../../intents/dialogue/gratitude.js';
import { onlyStyleRequestOf, REQUESTABLE_STYLES } from '../../../intents/dialogue/style-request.js';
import { AMBIENT_COLORS } from '../../../vehicle-bus/cabin/vehicle-state-types.js';
import { GrammarBackedRecognizer } from '../../../models/speech/grammar-backed.recognizer.js';
import { cabinRecognizer, PocketSphinxRecognizer } from '../../../models/speech/pocketsphinx.recognizer.js';
import { speak } from '../../../main/voice/synth.js';
import { DEFAULT_NOISE_FLOOR_DB, withNoiseFloor } from '../../../main/voice/hearing.js';
import { toPcm16 } from '../../../models/speech/recognizer.js';
import { repoRoot } from '../../helpers/cli.js';

describe('ASR text normalisation', () => {
  it('spells numbers and symbols and drops punctuation', () => {
    expect(asrWords('Set it to 22.5°C, please!')).toEqual(['set', 'it', 'to', 'twenty', 'two', 'point', 'five', 'degrees', 'celsius', 'please']);
    expect(asrWords("I'm cold; A/C off at 70F")).toEqual(["i'm", 'cold', 'a', 'c', 'off', 'at', 'seventy', 'fahrenheit']);
    expect(asrWords('brightness 40%')).toEqual(['brightness', 'forty', 'percent']);
    expect(asrWords('把AC关掉')).toBeNull();
    expect([0, 13, 40, 99, 105].map(numberWords)).toEqual(['zero', 'thirteen', 'forty', 'ninety nine', 'one hundred five']);
  });
  it('says contractions in full for the n-gram ("i\'m cold" → "i am cold"), and leaves other words alone', () => {
    expect(expandContractions(asrWords("I'm cold and it's too hot, don't stop")!)).toEqual(['i', 'am', 'cold', 'and', 'it', 'is', 'too', 'hot', 'do', 'not', 'stop']);
    expect(expandContractions(['turn', 'on', 'the', "driver's", 'seat'])).toBeNull();
  });
});

describe('British pronunciations beside the American ones', () => {
  const ph = (s: string) => s.split(' ');

  it('drops an R that no vowel follows, keeps one before a vowel, and leaves a schwa after IH/EH/UH', () => {
    expect(nonRhotic(ph('S T AA R T'))).toEqual(ph('S T AA T')); // start
    expect(nonRhotic(ph('F AO R'))).toEqual(ph('F AO')); // four
    expect(nonRhotic(ph('HH IY T ER'))).toEqual(ph('HH IY T AH')); // heater
    expect(nonRhotic(ph('EH R'))).toEqual(ph('EH AH')); // air
    expect(nonRhotic(ph('R IH R'))).toEqual(ph('R IH AH')); // rear: the first R starts a syllable
    expect(nonRhotic(ph('W AO R M ER'))).toEqual(ph('W AO M AH')); // warmer
    expect(nonRhotic(ph('K AE R IY'))).toEqual(ph('K AE R IY')); // carry: the R is before a vowel
    expect(nonRhotic(ph('HH EH R IH NG'))).toEqual(ph('HH EH R IH NG')); // hearing
    expect(nonRhotic(ph('F AE N'))).toEqual(ph('F AE N'));
  });

  it('opens the vowel of "fan" to the en-us model\'s AA, and only that vowel', () => {
    expect(openTrap(ph('F AE N'))).toEqual(ph('F AA N'));
    expect(openTrap(ph('B AE K R EH S T'))).toEqual(ph('B AA K R EH S T'));
    expect(openTrap(ph('HH AA T'))).toEqual(ph('HH AA T'));
  });

  it('adds each entry\'s British forms as numbered alternatives, once each, and leaves a word without R or AE alone', () => {
    expect(withBritishVariants(['start S T AA R T'])).toEqual(['start S T AA R T', 'start(2) S T AA T']);
    expect(withBritishVariants(['fan F AE N'])).toEqual(['fan F AE N', 'fan(2) F AA N']);
    expect(withBritishVariants(['stop S T AA P'])).toEqual(['stop S T AA P']);
    expect(withBritishVariants(['rather R AE DH ER'])).toEqual(['rather R AE DH ER', 'rather(2) R AE DH AH', 'rather(3) R AA DH ER', 'rather(4) R AA DH AH']);
    expect(withBritishVariants(['for F AO R', 'for(2) F ER', 'for(3) F AO'])).toEqual(['for F AO R', 'for(2) F ER', 'for(3) F AO', 'for(4) F AH']);
  });
});

describe('ARPA estimation', () => {
  const arpa = buildArpa([['heat', 'my', 'seat'], ['heat', 'the', 'seat'], ['cool', 'my', 'seat']]);
  const section = (n: number) => arpa.split(`\\${n}-grams:\n`)[1]!.split('\n\n')[0]!.split('\n');

  it('lists every n-gram with counts in the header', () => {
    expect(arpa.split('\n\n')[0]).toBe('\\data\\\nngram 1=7\nngram 2=8\nngram 3=8');
    expect(arpa.trimEnd().endsWith('\\end\\')).toBe(true);
    expect(section(1)).toHaveLength(7);
  });

  it('unigram probabilities sum to 1 and seen bigrams of a context leave mass for back-off', () => {
    const p = (line: string) => 10 ** Number(line.split('\t')[0]);
    const uni = section(1).filter((l) => !l.includes('<s>'));
    expect(uni.reduce((a, l) => a + p(l), 0)).toBeCloseTo(1, 3); // log10 printed to 4 decimals
    const afterMy = section(2).filter((l) => l.split('\t')[1]!.startsWith('my '));
    const mass = afterMy.reduce((a, l) => a + p(l), 0);
    expect(mass).toBeLessThan(1);
    expect(mass).toBeGreaterThan(0.5);
  });
});

describe('shipped domain model', () => {
  const dir = join(repoRoot, 'models', 'speech', 'cabin-en');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

  it('matches its manifest, and the dictionary spells every word the model can output', () => {
    const arpa = readFileSync(join(dir, 'cabin.arpa'), 'utf8');
    const dict = readFileSync(join(dir, 'cabin.dict'), 'utf8');
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(sha(arpa)).toBe(manifest.files['cabin.arpa']);
    expect(sha(dict)).toBe(manifest.files['cabin.dict']);
    const spelled = new Set(dict.split('\n').map((l) => l.split(/[\s(]/)[0]));
    const words = arpa.split('\\1-grams:\n')[1]!.split('\n\n')[0]!.split('\n').map((l) => l.split('\t')[1]!);
    const missing = words.filter((w) => w !== '<s>' && w !== '</s>' && !spelled.has(w));
    expect(missing).toEqual([]);
    expect(manifest.kept).toBeGreaterThan(50_000);
  });

  it('has both the contracted and the full form of what people say ("i\'m cold", "i am cold")', () => {
    const arpa = readFileSync(join(dir, 'cabin.arpa'), 'utf8');
    const bigrams = new Set(arpa.split('\\2-grams:\n')[1]!.split('\n\n')[0]!.split('\n').map((l) => l.split('\t')[1]));
    for (const b of ["i'm cold", 'am cold', "it's too", 'is too']) expect(bigrams.has(b), b).toBe(true);
  });

  it('spells a word the American way and, as its alternatives, the British ways ("start" without its R, "fan" open)', () => {
    const dict = readFileSync(join(dir, 'cabin.dict'), 'utf8').split('\n');
    const entries = (w: string) => dict.filter((l) => l.startsWith(`${w} `) || l.startsWith(`${w}(`));
    expect(entries('start')).toEqual(['start S T AA R T', 'start(2) S T AA T']);
    expect(entries('fan')).toEqual(['fan F AE N', 'fan(2) F AA N']);
    expect(entries('five')).toEqual(['five F AY V']);
  });

  it('spells no ambient colour exactly like another word, so the open search cannot hear "red" as "read"', () => {
    const owners = new Map<string, Set<string>>();
    for (const line of readFileSync(join(dir, 'cabin.dict'), 'utf8').trim().split('\n')) {
      const [entry, ...phones] = line.split(/\s+/);
      const key = phones.join(' ');
      owners.set(key, (owners.get(key) ?? new Set()).add(entry!.replace(/\(\d+\)$/, '')));
    }
    const colours = new Set(AMBIENT_COLORS.flatMap((c) => c.split('_')));
    const shared = [...owners.values()].filter((words) => words.size > 1 && [...words].some((w) => colours.has(w))).map((w) => [...w].join('/'));
    expect(shared).toEqual([]);
  });

  it('reads comment lines in a hand-written dictionary as comments', () => {
    const extra = readCmudict(join(repoRoot, 'models', 'speech', 'cabin-extra.dict'));
    expect([...extra.keys()].filter((w) => !/^[a-z']+$/.test(w))).toEqual([]);
    expect(extra.get('read')).toEqual(['read R IY D']);
  });

  it('holds what occupants say about the conversation (style requests, thanks), which the corpus never says', () => {
    const arpa = readFileSync(join(dir, 'cabin.arpa'), 'utf8');
    const trigrams = new Set(arpa.split('\\3-grams:\n')[1]!.split('\n\n')[0]!.split('\n').map((l) => l.split('\t')[1]));
    expect(manifest.dialogueSentences.count).toBe(dialogueSentences().length);
    for (const t of ['be more formal', 'switch to playful', 'talk more casually', 'thank you very']) expect(trigrams.has(t), t).toBe(true);
  });

  it('ships the command grammar as generated from the catalog, with every grammar word spelled', () => {
    const jsgf = readFileSync(join(dir, 'cabin.gram'), 'utf8');
    const dict = readFileSync(join(dir, 'cabin-grammar.dict'), 'utf8');
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    expect(jsgf).toBe(cabinGrammar());
    expect(sha(jsgf)).toBe(manifest.files['cabin.gram']);
    expect(sha(dict)).toBe(manifest.files['cabin-grammar.dict']);
    const spelled = new Set(dict.split('\n').map((l) => l.split(/[\s(]/)[0]));
    expect(grammarWords(jsgf).filter((w) => !spelled.has(w))).toEqual([]);
  });
});

describe('the head unit recogniser with the command grammar beside the open n-gram search', () => {
  it('returns the open reading with the grammar reading of the same audio attached, as the n-gram search alone would', () => {
    // As the head unit hears it: silence around the speech and the noise floor Hearing adds.
    const x = speak('turn on the dome light', { voice: 'en-us' });
    const padded = new Float32Array(x.length + 9600);
    padded.set(x, 4800);
    const pcm = toPcm16(withNoiseFloor(padded, DEFAULT_NOISE_FLOOR_DB));
    const both = cabinRecognizer({ withGrammar: true });
    const open = new PocketSphinxRecognizer({ languageModel: 'domain' });
    try {
      const r = both.decode(pcm);
      expect(both).toBeInstanceOf(GrammarBackedRecognizer);
      expect(both.info().languageModel).toBe('domain + command grammar');
      expect(r.text).toBe(open.decode(pcm).text);
      // The grammar's reading is a sentence of the grammar (its decoder's cepstral mean has not adapted yet on a
      // first utterance, so the exact words are not asserted; understandHeard's tests cover how it is used).
      expect(r.grammar?.text).toMatch(/dome light/);
      expect(r.decodeMs).toBeGreaterThan(r.grammar!.decodeMs);
    } finally {
      both.close();
      open.close();
    }
  });

  it('hears a spoken style request (the n-gram without the dialogue sentences heard "be more formal" as "the more for me")', () => {
    const open = new PocketSphinxRecognizer({ languageModel: 'domain' });
    try {
      const heard = ['be more formal', 'switch to playful mode', 'please be brief'].map((t) => {
        const x = speak(t, { voice: 'en-us' });
        const padded = new Float32Array(x.length + 9600);
        padded.set(x, 4800);
        return open.decode(toPcm16(withNoiseFloor(padded, DEFAULT_NOISE_FLOOR_DB))).text;
      });
      expect(heard.map((t) => onlyStyleRequestOf(t, REQUESTABLE_STYLES)), heard.join(' / ')).toEqual(['formal', 'playful', 'concise']);
    } finally {
      open.close();
    }
  }, 60_000);

  it('a missing grammar names the file and how to build it', () => {
    expect(() => cabinRecognizer({ domainDir: join(repoRoot, 'test'), withGrammar: true })).toThrow(/missing .*cabin\.(arpa|gram).*npm run asr:lm/);
  });
});

describe('sentences about the conversation for the n-gram', () => {
  it('are each read by the dialogue as what they are: a style request naming a preset, or thanks', () => {
    for (const t of styleRequestSentences()) expect(onlyStyleRequestOf(t, REQUESTABLE_STYLES), t).toBeDefined();
    for (const t of thanksSentences()) expect(isThanksOnly(t), t).toBe(true);
    const names = new Set(styleRequestSentences().map((t) => onlyStyleRequestOf(t, REQUESTABLE_STYLES)));
    expect([...names].sort()).toEqual([...REQUESTABLE_STYLES].sort());
  });

  it('are written as the recogniser writes words (lower case, no digits or punctuation)', () => {
    for (const t of dialogueSentences()) expect(asrWords(t)?.join(' '), t).toBe(t);
  });
});

describe('asr:lm --generator', () => {
  it("loads another checkout's built corpus generator, and names a directory that is not one", async () => {
    const gen = await loadGenerator(join(repoRoot, 'dist', 'models', 'training', 'corpus'));
    const english = gen.LANGUAGES.filter((p) => p.lang === 'en');
    const corpus = gen.buildCorpus(english as never, { seed: 1, train: 5, heldout: 0, noiseShare: 0, distractShare: 0 });
    expect(corpus.train).toHaveLength(5);
    await expect(loadGenerator(join(repoRoot, 'test'))).rejects.toThrow(/--generator .*test: not a built corpus generator/);
  });
});
