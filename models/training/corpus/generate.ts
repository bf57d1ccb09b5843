// CLI: writes the training corpus (train.jsonl, heldout.jsonl, stats.json, action-tokens.json, held-phrases.json),
// deterministic from a seed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ACTION_TOKENS } from '../../../intents/action-language.js';
import { buildCorpus, type Corpus, type CorpusOptions, type Sample } from './corpus.js';
import { LANGUAGES } from './languages.js';
import { PhraseVariation, SYNONYM_SHARE } from './synonyms.js';
import { WordNet, wordNetSource } from './wordnet.js';
import { SIGHT_SHARE, type Unseen } from './template.js';
import { MORE_PHRASINGS } from './en/more-phrasings.js';
import { MORE_ZH_PHRASINGS } from './zh/more-phrasings.js';

export interface GenerateOptions extends CorpusOptions {
  out: string;
  /** The held-out JSONL files whose texts were excluded from train (recorded in stats.json). */
  excludeFiles?: string[];
  /** The file `pinnedHeld` came from (recorded in stats.json). */
  pinnedFile?: string;
}

/** The repository's committed list of pinned held-out phrases (found from here, whether run from dist/ or source). */
export function defaultPinnedFile(): string {
  return join(repoDir(), 'models', 'training', 'corpus', 'held-phrases.json');
}

function repoDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6 && !existsSync(join(dir, 'package.json')); i++) dir = dirname(dir);
  return dir;
}

/** A path as stats.json records it: relative to the repository when inside it, so every clone writes the same. */
function recorded(file: string): string {
  const rel = relative(repoDir(), resolve(file));
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** The phrases of a held-phrases.json file (the committed pin list, or one a draw wrote), for `pinnedHeld`. */
export function pinnedOf(file: string): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : e instanceof SyntaxError ? 'not JSON' : (e as Error).message;
    throw new UsageError(`--pinned ${file}: ${why}`);
  }
  const phrases = (doc as { phrases?: unknown }).phrases;
  if (!Array.isArray(phrases) || !phrases.every((p) => typeof p === 'string')) {
    throw new UsageError(`--pinned ${file}: needs {"phrases": [strings]}`);
  }
  return phrases;
}

/** The texts of a corpus JSONL file (another seed's heldout.jsonl), for `excludeTexts`. */
export function textsOf(file: string): string[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--exclude-heldout ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return raw
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      let row: unknown;
      try {
        row = JSON.parse(l);
      } catch {
        throw new UsageError(`--exclude-heldout ${file}: line ${i + 1} is not JSON`);
      }
      const text = (row as { text?: unknown }).text;
      if (typeof text !== 'string') throw new UsageError(`--exclude-heldout ${file}: line ${i + 1} has no "text"`);
      return text;
    });
}

// 180,000 train rows since corpus v11 (was 120,000): at the same step count the model sees half again as many
// distinct rows, each about 3.3 times instead of 5.
export const DEFAULT_SIZES = { train: 180_000, heldout: 6_000 };
export const SMALL_SIZES = { train: 2_000, heldout: 300 };

function unseenOf(corpus: Corpus, heldTemplates: ReadonlySet<string>, s: Sample): Unseen {
  const m = corpus.meta.get(s)!;
  const t = m.templates.some((x) => heldTemplates.has(x));
  return t && m.heldUsed.length ? 'both' : t ? 'template' : 'phrasing';
}

const line = (s: Sample, unseen?: Unseen) =>
  JSON.stringify({ text: s.text, speaker: s.speaker, lang: s.lang, intents: s.intents, actions: s.actions, template: s.template, split: s.split, ...(unseen ? { unseen } : {}) });
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');

function count<K extends string>(into: Record<string, number>, key: K): void {
  into[key] = (into[key] ?? 0) + 1;
}

const sorted = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function corpusStats(corpus: Corpus, seed: number, hashes: Record<string, string>, excluded?: object, pinned?: object): object {
  const splits = { train: corpus.train, heldout: corpus.heldout };
  const per = (f: (s: Sample) => string[]) =>
    Object.fromEntries(
      Object.entries(splits).map(([name, samples]) => {
        const byLang: Record<string, Record<string, number>> = {};
        for (const s of samples) for (const k of f(s)) count((byLang[s.lang] ??= {}), k);
        return [name, Object.fromEntries(Object.entries(byLang).map(([l, c]) => [l, sorted(c)]))];
      }),
    );
  const flags = (s: Sample) => corpus.meta.get(s)!;
  return {
    seed,
    counts: Object.fromEntries(Object.entries(splits).map(([n, s]) => [n, s.length])),
    lang: per((s) => [s.lang]),
    intent: per((s) => (s.intents.length ? [...new Set(s.intents.map((i) => i.intent))] : ['(none)'])),
    chained: per((s) => (flags(s).chained ? ['chained'] : [])),
    noised: per((s) => (flags(s).noised ? ['noised'] : [])),
    distracted: per((s) => (flags(s).distracted ? ['distracted'] : [])),
    template: per((s) => flags(s).templates),
    heldoutTemplates: corpus.heldoutTemplates,
    heldPhrases: corpus.holdout.held.size,
    phraseBanks: corpus.holdout.bankCount,
    conflicts: corpus.conflicts,
    exhausted: corpus.exhausted,
    ...(excluded ? { excludedHeldout: excluded } : {}),
    ...(pinned ? { pinnedHeld: pinned } : {}),
    sha256: hashes,
  };
}

export function generate(opts: GenerateOptions): { corpus: Corpus; stats: object } {
  const corpus = buildCorpus(LANGUAGES, opts);
  const heldTemplates = new Set(Object.values(corpus.heldoutTemplates).flat());
  mkdirSync(opts.out, { recursive: true });
  const files: Record<string, string> = {
    'train.jsonl': corpus.train.map((s) => `${line(s)}\n`).join(''),
    'heldout.jsonl': corpus.heldout.map((s) => `${line(s, unseenOf(corpus, heldTemplates, s))}\n`).join(''),
    'action-tokens.json': `${JSON.stringify(ACTION_TOKENS, null, 1)}\n`,
    // Every phrase this draw held out: a later generator version pins it (--pinned) to keep this split fair.
    'held-phrases.json': `${JSON.stringify({ seed: opts.seed, phrases: [...corpus.holdout.held].sort() }, null, 1)}\n`,
  };
  const hashes: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) {
    writeFileSync(join(opts.out, name), data);
    hashes[name] = sha256(data);
  }
  const excluded = opts.excludeFiles?.length
    ? opts.excludeFiles.map((f) => ({ file: f, sha256: sha256(readFileSync(f, 'utf8')) }))
    : undefined;
  const pinned = opts.pinnedFile
    ? { file: recorded(opts.pinnedFile), sha256: sha256(readFileSync(opts.pinnedFile, 'utf8')), phrases: corpus.holdout.pinned.size }
    : undefined;
  const stats = {
    ...corpusStats(corpus, opts.seed, hashes, excluded, pinned),
    ...(opts.wideValues ? { wideValues: { share: opts.wideValues } } : {}),
    ...(opts.seatPairs ? { seatPairs: true } : {}),
    ...(opts.seatPairs && opts.pairScale !== undefined && opts.pairScale !== 1 ? { pairScale: opts.pairScale } : {}),
    ...(opts.sightShare !== undefined ? { sights: { share: opts.sightShare } } : {}),
    ...(opts.morePhrasings ? { morePhrasings: { banks: opts.morePhrasings.size, entries: [...opts.morePhrasings.values()].flat().length } } : {}),
    ...(opts.moreZhPhrasings ? { moreZhPhrasings: { banks: opts.moreZhPhrasings.size, entries: [...opts.moreZhPhrasings.values()].flat().length } } : {}),
    ...(opts.variation
      ? { wordnet: { source: wordNetSource(), share: opts.variation.share, variedPhrases: opts.variation.varied } }
      : {}),
  };
  writeFileSync(join(opts.out, 'stats.json'), `${JSON.stringify(stats, null, 1)}\n`);
  return { corpus, stats };
}

/** Share of train levels drawn above the range with `--wide-values`: enough rows to learn the numbers, few enough not to teach that levels are usually out of range. */
export const WIDE_VALUE_SHARE = 0.1;

const USAGE = [
  'usage: generate [--seed N] [--out DIR] [--train N] [--heldout N] [--small] [--exclude-heldout FILE]... [--pinned FILE|none]',
  '                [--wordnet] [--wide-values] [--seat-pairs [--pair-scale X]] [--sights [--sight-share X]]',
  '                [--more-phrasings] [--more-zh-phrasings]',
  '  --exclude-heldout FILE  keep the texts of FILE (another seed\'s heldout.jsonl) out of train, so a model trained',
  '                          further on this corpus is still scored fairly on FILE',
  '  --pinned FILE|none      phrases held out whatever the hash picks (default: models/training/corpus/',
  '                          held-phrases.json, what corpus v21 held out); "none" pins nothing',
  `  --wordnet               swap one word of ${SYNONYM_SHARE * 100} % of English train phrases for a WordNet synonym`,
  '                          ("I\'m cold" → "I\'m frigid"); the held-out split is the same with or without it',
  `  --wide-values           draw ${WIDE_VALUE_SHARE * 100} % of train fan and seat levels above the catalog's range ("fan to`,
  '                          12", which the dialogue clamps and says so); the held-out split is the same with or without it',
  '  --seat-pairs            let train requests name both seats of a row with two values ("driver 20, passenger 23",',
  '                          主驾二十度副驾二十三度) and a group for a one-seat feature ("recline the rear seats": one',
  '                          intent per seat); the held-out split is the same with or without it',
  '  --pair-scale X          with --seat-pairs: multiply the share of two-seat, two-value requests by X (default 1;',
  '                          2 draws about twice as many "driver 20, passenger 23" rows)',
  `  --sights                make ${SIGHT_SHARE * 100} % of train chatter a remark on a coloured thing seen outside ("what a nice`,
  '                          green car", 你看那辆红色的车): no intent; the held-out split is the same with or without it',
  '  --sight-share X         with --sights: that share of train chatter instead (0 < X <= 1)',
  `  --more-phrasings        widen ${MORE_PHRASINGS.size} thin English phrase banks in train with everyday sentences of the same`,
  '                          meaning (en/more-phrasings.ts: wishes, yes / no / cancel, dome and reading light names,',
  '                          climate switches, airflow); the held-out split is the same with or without it',
  `  --more-zh-phrasings     widen ${MORE_ZH_PHRASINGS.size} thin Mandarin phrase banks in train the same way (zh/more-phrasings.ts:`,
  '                          wishes, follow-ups and dialogue words, generic lights and brightness, the bare word 风)',
].join('\n');

export function parseArgs(argv: string[]): GenerateOptions {
  const opts: GenerateOptions = { seed: 1, out: 'models/training/data', ...DEFAULT_SIZES };
  let sized = false;
  let pinnedFile: string | undefined = defaultPinnedFile();
  let wordnet = false;
  let sights = false;
  let sightShare: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const int = () => {
      const v = Number(val());
      if (!Number.isInteger(v) || v < 0) throw new UsageError(`${a} needs a non-negative integer`);
      return v;
    };
    if (a === '--seed') opts.seed = int();
    else if (a === '--out') opts.out = val();
    else if (a === '--train') (opts.train = int()), (sized = true);
    else if (a === '--heldout') (opts.heldout = int()), (sized = true);
    else if (a === '--exclude-heldout') {
      const f = val();
      opts.excludeFiles = [...(opts.excludeFiles ?? []), f];
      opts.excludeTexts = [...(opts.excludeTexts ?? []), ...textsOf(f)];
    }
    else if (a === '--pinned') {
      const f = val();
      pinnedFile = f === 'none' ? undefined : f;
    } else if (a === '--wordnet') {
      wordnet = true;
    } else if (a === '--wide-values') {
      opts.wideValues = WIDE_VALUE_SHARE;
    } else if (a === '--seat-pairs') {
      opts.seatPairs = true;
    } else if (a === '--pair-scale') {
      const v = Number(val());
      if (!(v > 0) || v > 10) throw new UsageError(`${a} needs a number above 0 and at most 10`);
      opts.pairScale = v;
    } else if (a === '--sights') {
      sights = true;
    } else if (a === '--sight-share') {
      const v = Number(val());
      if (!(v > 0) || v > 1) throw new UsageError(`${a} needs a number above 0 and at most 1`);
      sightShare = v;
    } else if (a === '--more-phrasings') {
      opts.morePhrasings = MORE_PHRASINGS;
    } else if (a === '--more-zh-phrasings') {
      opts.moreZhPhrasings = MORE_ZH_PHRASINGS;
    } else if (a === '--small') {
      if (!sized) Object.assign(opts, SMALL_SIZES);
    } else if (a === '--help' || a === '-h') throw new UsageError(USAGE, 0);
    else throw new UsageError(`unknown option ${a}`);
  }
  if (opts.pairScale !== undefined && !opts.seatPairs) throw new UsageError('--pair-scale needs --seat-pairs');
  if (sightShare !== undefined && !sights) throw new UsageError('--sight-share needs --sights');
  if (sights) opts.sightShare = sightShare ?? SIGHT_SHARE;
  if (pinnedFile !== undefined) {
    opts.pinnedFile = pinnedFile;
    opts.pinnedHeld = pinnedOf(pinnedFile);
  }
  if (wordnet) {
    try {
      opts.variation = new PhraseVariation(new WordNet());
    } catch (e) {
      throw new UsageError(`--wordnet: ${(e as Error).message}`);
    }
  }
  return opts;
}

class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

function main(): void {
  let opts: GenerateOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    const u = e as UsageError;
    (u.exitCode === 0 ? process.stdout : process.stderr).write(`${u.message}\n`);
    process.exit(u.exitCode);
  }
  const t0 = Date.now();
  const out = resolve(opts.out);
  process.stderr.write(`corpus: seed ${opts.seed}, ${opts.train} train + ${opts.heldout} held-out → ${out}\n`);
  const { corpus } = generate({
    ...opts,
    out,
    progress: (split, done, total) => process.stderr.write(`  ${split}: ${done}/${total}\n`),
  });
  const chained = corpus.train.filter((s) => corpus.meta.get(s)!.chained).length;
  const heldT = Object.values(corpus.heldoutTemplates).reduce((n, l) => n + l.length, 0);
  process.stdout.write(
    `corpus: ${corpus.train.length} train, ${corpus.heldout.length} held-out (${chained} chained train, ${heldT} held-out templates, ` +
      `${corpus.holdout.held.size} held-out phrases, ${corpus.conflicts.count} label conflicts) in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${out}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
