// The peer a Node developer would pick: nlp.js (node-nlp) trained on our corpus, wrapped as a LanguageModel.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Intent } from '../intents/catalog.js';
import { temperatureToCelsius } from '../intents/units.js';
import type { LanguageModel, LanguageModelInfo, Understanding } from '../models/language-model.js';
import type { Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';
import { fileHash, readSamples, repoRoot, type Sample } from './lm-data.js';
import { mulberry32 as seeded } from '../vehicle-bus/prng.js';

/*
 * How the peer is set up, and why:
 * - nlp.js classifies an utterance into ONE intent, so each class is one whole catalog intent of a single-intent
 *   sample, as canonical JSON: `{"intent":"hvac.temp","value":"#","zone":"passenger"}`. Multi-intent samples
 *   cannot be one class and are left out of training (the peer then gets them wrong at evaluation; that is the
 *   tool's limit, not a handicap we added). Samples with no intent train the class `none`.
 * - Numbers come from nlp.js's own entity extraction (its built-in Microsoft recognizers, en and zh numerals): a
 *   value or delta that the extractor finds in the utterance becomes `#` in the class and is filled at run time;
 *   one that is implied ("I'm cold" → +2) stays literal in the class. Colours, keywords and zones stay in the class.
 * - At most `maxTrain` utterances (default 20,000), drawn round-robin over classes (numbers masked) in a seeded
 *   order, so small classes are kept whole and large ones are cut evenly.
 * - The speaker is ignored (nlp.js has no such input); "the seat behind me" can only be learnt per class.
 * - The trained model is cached under bench/out/nlpjs/ (gitignored), keyed by the training file's hash and
 *   these settings, so repeated benches do not retrain.
 */

interface NlpEntity {
  entity: string;
  resolution?: { value?: unknown };
}

interface NlpManagerLike {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, utterance: string): Promise<{ intent: string; score: number; entities: NlpEntity[] }>;
  extractEntities(locale: string, utterance: string): Promise<{ entities: NlpEntity[] } | NlpEntity[]>;
  export(minified?: boolean): string;
  import(data: string): void;
}

const PEER_VERSION = 1;
export const NONE_CLASS = 'none';
const PLACEHOLDER = '#';

/**
 * nlp.js's Chinese tokenizer prints "Compiling dictionary" with console.log the first time it runs, which would
 * corrupt `cabin bench --json` on stdout: calls into nlp.js send console.log to stderr while they run.
 */
async function quiet<T>(fn: () => Promise<T> | T): Promise<T> {
  const log = console.log;
  console.log = (...args: unknown[]) => void process.stderr.write(`${args.map(String).join(' ')}\n`);
  try {
    return await fn();
  } finally {
    console.log = log;
  }
}

function newManager(): NlpManagerLike {
  const require = createRequire(import.meta.url);
  const { NlpManager } = require('node-nlp') as { NlpManager: new (settings: object) => NlpManagerLike };
  return new NlpManager({ languages: ['en', 'zh'], forceNER: true, autoSave: false, nlu: { log: false } });
}

/** The number nlp.js's entities name, preferring the kind the intent takes (temperature, percentage). */
export function numberFromEntities(entities: readonly NlpEntity[], intent: string): number | undefined {
  const of = (kind: string) => entities.filter((e) => e.entity === kind && typeof e.resolution?.value === 'number').map((e) => e.resolution!.value as number);
  const preferred = intent === 'hvac.temp' ? of('temperature') : intent === 'light.ambient_brightness' ? of('percentage') : [];
  if (preferred.length) return preferred[preferred.length - 1];
  const nums = of('number');
  if (nums.length === 0) return undefined;
  const last = nums[nums.length - 1]!;
  // "22 and a half" comes out as 22 and 0.5
  if (last === 0.5 && nums.length > 1) return nums[nums.length - 2]! + 0.5;
  return last;
}

function canonicalJson(rec: Record<string, unknown>): string {
  const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, rec[k]])));
}

type RawIntent = Intent & { fahrenheit?: boolean };

/**
 * The class of a single-intent sample; `said` is the number nlp.js extracts from the utterance, if any
 * (`maskAll` masks every number: the sampling strata).
 */
export function peerClass(raw: readonly RawIntent[], said: number | undefined, maskAll = false): string | null {
  if (raw.length === 0) return NONE_CLASS;
  if (raw.length > 1) return null;
  const it: Record<string, unknown> = { ...raw[0]! };
  if (typeof it.value === 'number' && (maskAll || it.value === said)) it.value = PLACEHOLDER;
  if (typeof it.delta === 'number' && (maskAll || Math.abs(it.delta) === said)) it.delta = it.delta < 0 ? `-${PLACEHOLDER}` : `+${PLACEHOLDER}`;
  return canonicalJson(it);
}

/** The intents a class stands for, with `#` filled from the utterance; [] when a needed number is missing. */
export function intentsOfClass(cls: string, said: number | undefined): Intent[] {
  if (cls === NONE_CLASS || cls === 'None' || !cls.startsWith('{')) return [];
  const rec = JSON.parse(cls) as Record<string, unknown>;
  if (rec.value === PLACEHOLDER) {
    if (said === undefined) return [];
    rec.value = said;
  }
  if (rec.delta === `+${PLACEHOLDER}` || rec.delta === `-${PLACEHOLDER}`) {
    if (said === undefined) return [];
    rec.delta = rec.delta === `-${PLACEHOLDER}` ? -said : said;
  }
  const { fahrenheit, ...it } = rec as unknown as RawIntent;
  if (it.intent === 'hvac.temp' && typeof it.value === 'number') it.value = temperatureToCelsius(it.value, fahrenheit === true);
  return [it];
}

export interface PeerTraining {
  corpusHash: string;
  /** Utterances the peer was trained on, per language, and its classes (after number placeholders). */
  trainedOn: number;
  byLang: Record<string, number>;
  classes: number;
  /** Single-intent or no-intent samples it could draw from, and multi-intent samples that nlp.js cannot learn. */
  eligible: number;
  multiIntentSkipped: number;
  /** Seconds spent extracting numbers and training (0 when loaded from the cache; the cached run's figure is kept). */
  trainSeconds: number;
  fromCache: boolean;
  cacheFile: string;
}

export interface PeerOptions {
  maxTrain?: number;
  seed?: number;
  cacheDir?: string;
  /** Progress lines (stderr in the bench). */
  log?: (line: string) => void;
}


async function entitiesOf(m: NlpManagerLike, lang: string, text: string): Promise<NlpEntity[]> {
  const r = await quiet(() => m.extractEntities(lang, text));
  return Array.isArray(r) ? r : r.entities ?? [];
}

const HAS_NUMBER = /\d|\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half)\b|[零〇一二两三四五六七八九十百半]/i;

/**
 * Draws the stratified training subset, then labels only what it drew (entity extraction costs milliseconds per
 * utterance). Strata are the classes with every number masked, so "set 22" and "set 23" share one.
 */
export async function selectTraining(samples: readonly Sample[], m: NlpManagerLike, maxTrain: number, seed: number) {
  const strata = new Map<string, Sample[]>();
  let multi = 0;
  for (const s of samples) {
    if (s.raw.length > 1) {
      multi++;
      continue;
    }
    const key = s.raw.length ? peerClass(s.raw, undefined, true)! : NONE_CLASS;
    let list = strata.get(key);
    if (!list) strata.set(key, (list = []));
    list.push(s);
  }
  const rnd = seeded(seed);
  const pools = [...strata.values()].map((items) => {
    const shuffled = [...items];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled;
  });
  const eligible = pools.reduce((n, p) => n + p.length, 0);
  const drawn: Sample[] = [];
  for (let round = 0; drawn.length < Math.min(maxTrain, eligible); round++) {
    for (const p of pools) {
      if (drawn.length >= maxTrain) break;
      const item = p[round];
      if (item) drawn.push(item);
    }
  }
  const chosen: { cls: string; lang: string; text: string }[] = [];
  for (const s of drawn) {
    const it = s.raw[0];
    const numeric = it && (typeof it.value === 'number' || typeof it.delta === 'number');
    const said = numeric && HAS_NUMBER.test(s.text) ? numberFromEntities(await entitiesOf(m, s.lang, s.text), it.intent) : undefined;
    chosen.push({ cls: peerClass(s.raw, said)!, lang: s.lang, text: s.text });
  }
  return { chosen, classes: new Set(chosen.map((c) => c.cls)).size, eligible, multi };
}

/** nlp.js as a LanguageModel: classify, then fill the class's number from nlp.js's entities. */
export class NlpjsPeer implements LanguageModel {
  private closed = false;

  constructor(
    private readonly manager: NlpManagerLike,
    readonly training: PeerTraining,
    private readonly loadMs: number,
  ) {}

  async understand(text: string, _speaker: Seat): Promise<Understanding> {
    const t0 = performance.now();
    if (this.closed) throw new Error('nlp.js peer is closed');
    const lang = /[\u3400-\u9fff]/u.test(text) ? 'zh' : 'en';
    const r = await quiet(() => this.manager.process(lang, text));
    const said = numberFromEntities(r.entities ?? [], r.intent.startsWith('{') ? (JSON.parse(r.intent) as Intent).intent : '');
    const intents = intentsOfClass(r.intent, said);
    return { intents, tokens: [r.intent], truncated: false, warnings: [], ms: performance.now() - t0 };
  }

  info(): LanguageModelInfo {
    return { name: 'nlp.js (node-nlp 4.27) peer', path: this.training.cacheFile, loadMs: this.loadMs };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

export const peerCacheDir = (): string => join(repoRoot(), 'bench', 'out', 'nlpjs');

/** Trains the peer on `trainFile` (or loads it from the cache) and returns it ready to run. */
export async function loadNlpjsPeer(trainFile: string, opts: PeerOptions = {}): Promise<NlpjsPeer> {
  const t0 = performance.now();
  const maxTrain = opts.maxTrain ?? 20_000;
  const seed = opts.seed ?? 7;
  const corpusHash = fileHash(trainFile);
  const key = createHash('sha256').update(JSON.stringify({ corpusHash, maxTrain, seed, v: PEER_VERSION })).digest('hex').slice(0, 16);
  const dir = opts.cacheDir ?? peerCacheDir();
  const cacheFile = join(dir, `peer-${key}.json`);
  const manager = newManager();
  if (existsSync(cacheFile)) {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { training: PeerTraining; model: string };
    await quiet(() => manager.import(cached.model));
    return new NlpjsPeer(manager, { ...cached.training, fromCache: true, cacheFile }, performance.now() - t0);
  }
  const samples = readSamples(trainFile);
  opts.log?.(`nlp.js peer: drawing at most ${maxTrain} of ${samples.length} training samples, numbers via nlp.js entity extraction…`);
  const { chosen, classes, eligible, multi } = await selectTraining(samples, manager, maxTrain, seed);
  const byLang: Record<string, number> = {};
  for (const c of chosen) {
    manager.addDocument(c.lang, c.text, c.cls);
    byLang[c.lang] = (byLang[c.lang] ?? 0) + 1;
  }
  opts.log?.(`nlp.js peer: training on ${chosen.length} utterances, ${classes} classes (minutes on 2 cores; cached in ${dir} afterwards)…`);
  await quiet(() => manager.train());
  const training: PeerTraining = {
    corpusHash,
    trainedOn: chosen.length,
    byLang,
    classes,
    eligible,
    multiIntentSkipped: multi,
    trainSeconds: (performance.now() - t0) / 1000,
    fromCache: false,
    cacheFile,
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${cacheFile}.tmp`, JSON.stringify({ training, model: manager.export(true) }));
  renameSync(`${cacheFile}.tmp`, cacheFile);
  return new NlpjsPeer(manager, training, performance.now() - t0);
}
