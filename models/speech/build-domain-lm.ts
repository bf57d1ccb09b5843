// CLI (`npm run asr:lm`): the recogniser's domain language model and dictionary, generated from the Cabin LM corpus.
//
// English sentences of the corpus (its train split only, with its own seed) become ASR word sequences;
// sentences with a word the CMU dictionary lacks are dropped (the recogniser could never output them).
// Writes models/speech/cabin-en/{cabin.arpa, cabin.dict, cabin.gram, cabin-grammar.dict, manifest.json}.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCorpus } from '../training/corpus/corpus.js';
import { LANGUAGES } from '../training/corpus/languages.js';
import { buildArpa } from './arpa.js';
import { withBritishVariants } from './accent-variants.js';
import { asrWords, expandContractions } from './asr-words.js';
import { cabinGrammar, grammarWords } from './cabin-grammar.js';
import { POCKETSPHINX_MODEL } from './pocketsphinx-paths.js';

export const DOMAIN_LM_DIR = join('models', 'speech', 'cabin-en');

export interface DomainLmOptions {
  seed: number;
  sentences: number;
  cmudict: string;
  /** Cabin words the CMU dictionary lacks (recirculation, demister, …), pronounced by hand. */
  extraDict?: string;
  out: string;
  /** Take every other sentence with a contraction in full ("i am cold"); default on. */
  fullForms?: boolean;
  /** Give each word its British pronunciations as well ("start" S T AA T, "fan" F AA N); default on. */
  british?: boolean;
}

export const EXTRA_DICT = join('models', 'speech', 'cabin-extra.dict');

/** CMU dictionary entries by word (alternates `word(2)` kept with their word); `#` starts a comment line. */
export function readCmudict(path: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^(\S+?)(\(\d+\))?\s+(.+)$/.exec(line.trim());
    if (!m) continue;
    const list = out.get(m[1]!) ?? [];
    list.push(line.trim());
    out.set(m[1]!, list);
  }
  return out;
}

/** The CMU dictionary with the hand-written cabin words laid over it. */
function readDictionaries(opts: Pick<DomainLmOptions, 'cmudict' | 'extraDict'>): Map<string, string[]> {
  const cmu = readCmudict(opts.cmudict);
  if (opts.extraDict) for (const [w, lines] of readCmudict(opts.extraDict)) cmu.set(w, lines);
  return cmu;
}

/** The recogniser's dictionary for these words: their entries, each with its British forms unless turned off. */
function dictionaryOf(words: readonly string[], cmu: Map<string, string[]>, opts: Pick<DomainLmOptions, 'british'>): string {
  const british = opts.british !== false;
  return words.flatMap((w) => (british ? withBritishVariants(cmu.get(w)!) : cmu.get(w)!)).join('\n') + '\n';
}

export function buildDomainLm(opts: DomainLmOptions): { arpa: string; dict: string; kept: number; dropped: number; oov: Map<string, number> } {
  const english = LANGUAGES.filter((p) => p.lang === 'en');
  // Clean sentences only: the corpus's simulated recogniser errors ("vent elation") and inserted distractor words
  // teach the language model to survive a recogniser's mistakes, but in the recogniser's own model they make those
  // mistakes likely.
  const corpus = buildCorpus(english, { seed: opts.seed, train: opts.sentences, heldout: 0, noiseShare: 0, distractShare: 0 });
  const cmu = readDictionaries(opts);
  const sentences: string[][] = [];
  const oov = new Map<string, number>();
  let dropped = 0;
  let contracted = 0;
  for (const s of corpus.train) {
    let words = asrWords(s.text);
    if (!words) continue;
    // The corpus is written with contractions ("I'm cold"); people as often say them in full, and the n-gram had
    // no "am cold" at all. Every other sentence with a contraction is taken in full, so both forms are likely.
    const full = expandContractions(words);
    if (full && opts.fullForms !== false && contracted++ % 2 === 1) words = full;
    const missing = words.filter((w) => !cmu.has(w));
    if (missing.length) {
      dropped++;
      for (const w of missing) oov.set(w, (oov.get(w) ?? 0) + 1);
      continue;
    }
    sentences.push(words);
  }
  const arpa = buildArpa(sentences, { order: 3, minCount: 1 });
  const vocab = [...new Set(sentences.flat())].sort();
  const dict = dictionaryOf(vocab, cmu, opts);
  return { arpa, dict, kept: sentences.length, dropped, oov };
}

/** The command grammar and a dictionary spelling each of its words; a word no dictionary knows is an error. */
export function buildGrammar(opts: Pick<DomainLmOptions, 'cmudict' | 'extraDict' | 'british'>): { jsgf: string; dict: string } {
  const cmu = readDictionaries(opts);
  const jsgf = cabinGrammar();
  const words = grammarWords(jsgf);
  const missing = words.filter((w) => !cmu.has(w));
  if (missing.length) throw new Error(`grammar words missing from the dictionaries: ${missing.join(', ')}`);
  return { jsgf, dict: dictionaryOf(words, cmu, opts) };
}

function main(): void {
  const opts: DomainLmOptions = { seed: 11, sentences: 60_000, cmudict: join(POCKETSPHINX_MODEL, 'cmudict-en-us.dict'), extraDict: EXTRA_DICT, out: DOMAIN_LM_DIR };
  const r = buildDomainLm(opts);
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, 'cabin.arpa'), r.arpa);
  writeFileSync(join(opts.out, 'cabin.dict'), r.dict);
  const g = buildGrammar(opts);
  writeFileSync(join(opts.out, 'cabin.gram'), g.jsgf);
  writeFileSync(join(opts.out, 'cabin-grammar.dict'), g.dict);
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const topOov = [...r.oov].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([w, n]) => `${w} (${n})`);
  const manifest = {
    generator: 'npm run asr:lm (models/speech/build-domain-lm.ts)',
    corpus: { seed: opts.seed, sentences: opts.sentences, language: 'en', split: 'train', noiseShare: 0, distractShare: 0 },
    fullForms: 'every other sentence with a contraction is taken in full (i am cold)',
    british: 'each word also has its British pronunciations: without an R no vowel follows (start(2) S T AA T), with the open vowel of fan (fan(2) F AA N)',
    kept: r.kept,
    droppedForOov: r.dropped,
    topOov,
    files: { 'cabin.arpa': sha(r.arpa), 'cabin.dict': sha(r.dict), 'cabin.gram': sha(g.jsgf), 'cabin-grammar.dict': sha(g.dict) },
  };
  writeFileSync(join(opts.out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  process.stdout.write(`domain LM: ${r.kept} sentences kept, ${r.dropped} dropped for words outside the CMU dictionary (${topOov.join(', ')})\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
