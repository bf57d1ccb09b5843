// CLI (`npm run asr:lm`): the recogniser's domain language model and dictionary, generated from the Cabin LM corpus.
//
// English sentences of the corpus (its train split only, with its own seed) become ASR word sequences;
// sentences with a word the CMU dictionary lacks are dropped (the recogniser could never output them).
// What occupants say about the conversation itself (style requests, thanks: models/speech/dialogue-sentences.ts)
// is added, since the corpus never says it. `--generator DIR` takes the corpus from another checkout's built
// generator (the shipped n-gram's is corpus v9's; see the manifest).
// Writes models/speech/cabin-en/{cabin.arpa, cabin.dict, cabin.gram, cabin-grammar.dict, manifest.json}.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buildCorpus } from '../training/corpus/corpus.js';
import { LANGUAGES } from '../training/corpus/languages.js';
import { buildArpa } from './arpa.js';
import { withBritishVariants } from './accent-variants.js';
import { asrWords, expandContractions } from './asr-words.js';
import { cabinGrammar, grammarWords } from './cabin-grammar.js';
import { dialogueSentences } from './dialogue-sentences.js';
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
  /** Sentences the corpus never says, added after it (default none; the CLI adds `dialogueSentences()`). */
  extraSentences?: readonly string[];
  /** The corpus generator to draw from (default this checkout's). */
  generator?: CorpusGenerator;
}

/** A corpus generator's two entry points, as `corpus.js` and `languages.js` of a built checkout export them. */
export interface CorpusGenerator {
  buildCorpus: (packs: never, opts: { seed: number; train: number; heldout: number; noiseShare: number; distractShare: number }) => { train: { text: string }[] };
  LANGUAGES: readonly { lang: string }[];
}

/** The built generator in `dir` (e.g. another checkout's dist/models/training/corpus). */
export async function loadGenerator(dir: string): Promise<CorpusGenerator> {
  const url = (f: string) => pathToFileURL(resolve(dir, f)).href;
  const notGenerator = `--generator ${dir}: not a built corpus generator (no corpus.js exporting buildCorpus and languages.js exporting LANGUAGES; build that checkout with npx tsc first)`;
  const modules = await Promise.all([import(url('corpus.js')), import(url('languages.js'))]).catch(() => {
    throw new Error(notGenerator);
  });
  const [{ buildCorpus }, { LANGUAGES }] = modules;
  if (typeof buildCorpus !== 'function' || !Array.isArray(LANGUAGES)) throw new Error(notGenerator);
  return { buildCorpus, LANGUAGES };
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
  const gen = opts.generator ?? { buildCorpus: buildCorpus as unknown as CorpusGenerator['buildCorpus'], LANGUAGES };
  const english = gen.LANGUAGES.filter((p) => p.lang === 'en');
  // Clean sentences only: the corpus's simulated recogniser errors ("vent elation") and inserted distractor words
  // teach the language model to survive a recogniser's mistakes, but in the recogniser's own model they make those
  // mistakes likely.
  const corpus = gen.buildCorpus(english as never, { seed: opts.seed, train: opts.sentences, heldout: 0, noiseShare: 0, distractShare: 0 });
  const texts = [...corpus.train.map((s) => s.text), ...(opts.extraSentences ?? [])];
  const cmu = readDictionaries(opts);
  const sentences: string[][] = [];
  const oov = new Map<string, number>();
  let dropped = 0;
  let contracted = 0;
  for (const text of texts) {
    let words = asrWords(text);
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

const USAGE = `Usage: npm run asr:lm -- [--generator DIR] [--no-dialogue] [--note TEXT]

Build the recogniser's domain n-gram, dictionary and command grammar into ${DOMAIN_LM_DIR}/.

Options:
  --generator DIR  Draw the corpus from another checkout's built generator (its dist/models/training/corpus).
                   The shipped n-gram's is corpus v9's: git worktree add /tmp/v9 aa7e181, build it there, and
                   pass /tmp/v9/dist/models/training/corpus.
  --no-dialogue    Leave out the style requests and thanks (models/speech/dialogue-sentences.ts).
  --note TEXT      Why the build is as it is, recorded in the manifest.
  -h, --help       Show this help.
`;

/** The short commit of the checkout holding `dir`, or undefined outside git. */
function commitOf(dir: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { generator: { type: 'string' }, note: { type: 'string' }, 'no-dialogue': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void process.stdout.write(USAGE);
  const extra = values['no-dialogue'] ? [] : dialogueSentences();
  const opts: DomainLmOptions = {
    seed: 11,
    sentences: 60_000,
    cmudict: join(POCKETSPHINX_MODEL, 'cmudict-en-us.dict'),
    extraDict: EXTRA_DICT,
    out: DOMAIN_LM_DIR,
    extraSentences: extra,
    generator: values.generator ? await loadGenerator(values.generator) : undefined,
  };
  const r = buildDomainLm(opts);
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, 'cabin.arpa'), r.arpa);
  writeFileSync(join(opts.out, 'cabin.dict'), r.dict);
  const g = buildGrammar(opts);
  writeFileSync(join(opts.out, 'cabin.gram'), g.jsgf);
  writeFileSync(join(opts.out, 'cabin-grammar.dict'), g.dict);
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const topOov = [...r.oov].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([w, n]) => `${w} (${n})`);
  const generatorDir = values.generator ?? '.';
  const manifest = {
    generator: `npm run asr:lm${values.generator ? ` -- --generator ${values.generator}` : ''}${values['no-dialogue'] ? ' --no-dialogue' : ''} (models/speech/build-domain-lm.ts)`,
    corpus: {
      seed: opts.seed,
      sentences: opts.sentences,
      language: 'en',
      split: 'train',
      noiseShare: 0,
      distractShare: 0,
      generator_commit: commitOf(generatorDir) ?? null,
      generator_dir: values.generator ? 'another checkout (--generator)' : 'this checkout',
      ...(values.note ? { note: values.note } : {}),
    },
    dialogueSentences: { count: extra.length, source: 'models/speech/dialogue-sentences.ts (style requests and thanks, once each, after the corpus)' },
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    process.stderr.write(`asr:lm: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
