// Reads what the language-model bench scores on: the corpus splits (JSON lines) and the external benchmark files.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseActions } from '../intents/action-language.js';
import type { Intent } from '../intents/catalog.js';
import { temperatureToCelsius } from '../intents/units.js';
import { SEATS, type Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';
import { UNSEEN, type Unseen } from '../models/training/corpus/template.js';
import { mapHaRecord, mapSlurpRecord, type CoarseCase, type Excluded, type HaRecord, type Mapped, type SlurpRecord } from './benchmark-mapping.js';

/** One corpus sample with its expected intents in the car's units (°C), as the model must print them. */
export interface Sample {
  text: string;
  speaker: Seat;
  lang: 'en' | 'zh';
  expected: Intent[];
  /** The intents with numbers as said (`fahrenheit` marks °F), from the action tokens: the peer trains on them. */
  raw: (Intent & { fahrenheit?: boolean })[];
  template: string;
  /** Held-out rows: what train never had (a held-out template, a held-out phrasing, or both). */
  unseen?: Unseen;
}

export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench'))) return dir;
    dir = dirname(dir);
  }
  return resolve('.');
}

export const corpusDir = (): string => process.env.CABIN_CORPUS_DIR ?? join(repoRoot(), 'models', 'training', 'data');
export const benchmarksDir = (): string => process.env.CABIN_BENCHMARKS_DIR ?? join(repoRoot(), '..', 'shared', 'benchmarks');

const tokensOf = (actions: unknown): string[] | undefined =>
  typeof actions === 'string' ? actions.split(/\s+/).filter((t) => t && t !== '<end>') : Array.isArray(actions) ? actions.map(String) : undefined;

/**
 * Expected intents in the car's units. The corpus's `actions` (the model's target tokens) are authoritative when
 * they parse; otherwise `intents` with temperatures converted the way parseActions converts them.
 */
export function expectedIntents(raw: readonly (Intent & { fahrenheit?: boolean })[], actions?: unknown): Intent[] {
  const tokens = tokensOf(actions);
  if (tokens) {
    try {
      return parseActions(tokens);
    } catch {
      // fall through to the intents as written
    }
  }
  return raw.map(({ fahrenheit, ...it }) => {
    if (it.intent === 'hvac.temp' && typeof it.value === 'number') return { ...it, value: temperatureToCelsius(it.value, fahrenheit === true) };
    return it;
  });
}

/**
 * Intents with numbers exactly as said (a temperature in °F keeps its number and gets `fahrenheit`), read from
 * the action tokens; the peer learns from these, since nlp.js can only copy a number it finds in the text.
 */
export function saidIntents(tokens: readonly string[]): (Intent & { fahrenheit?: boolean })[] {
  const out: (Intent & { fahrenheit?: boolean })[] = [];
  let cur: (Intent & { fahrenheit?: boolean }) | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === ';') cur = undefined;
    else if (!cur) out.push((cur = { intent: t }));
    else if (t.startsWith('@')) cur.zone = t.slice(1) as Intent['zone'];
    else if (t === 'feature=') cur.feature = tokens[++i];
    else if (t === 'more=') cur.more = tokens[++i] === 'true';
    else if (t === 'value=' || t === 'delta=') {
      let sign = 1;
      if (tokens[i + 1] === '+' || tokens[i + 1] === '-') sign = tokens[++i] === '-' ? -1 : 1;
      const head = tokens[++i]!;
      let v: number | string = /^\d+$/.test(head) ? Number(head) : head;
      if (typeof v === 'number' && tokens[i + 1] === '.5') (v += 0.5), i++;
      if (tokens[i + 1] === 'F') (cur.fahrenheit = true), i++;
      if (t === 'delta=') cur.delta = sign * (v as number);
      else cur.value = v;
    }
  }
  return out;
}

export function parseSample(line: string): Sample {
  const r = JSON.parse(line) as Record<string, unknown>;
  if (typeof r.text !== 'string' || !Array.isArray(r.intents)) throw new Error('expected {"text", "intents", ...}');
  const tokens = tokensOf(r.actions);
  const raw = tokens ? saidIntents(tokens) : (r.intents as Sample['raw']);
  const speaker = (SEATS as readonly string[]).includes(String(r.speaker)) ? (r.speaker as Seat) : 'driver';
  return {
    text: r.text,
    speaker,
    lang: r.lang === 'zh' ? 'zh' : 'en',
    expected: expectedIntents(r.intents as Sample['raw'], r.actions),
    raw,
    template: typeof r.template === 'string' ? r.template : '?',
    ...((UNSEEN as readonly unknown[]).includes(r.unseen) ? { unseen: r.unseen as Unseen } : {}),
  };
}

export function readSamples(file: string): Sample[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return parseSample(l);
      } catch (err) {
        throw new Error(`${file}:${i + 1}: ${(err as Error).message}`);
      }
    });
}

/** sha256 of a file's bytes, first 16 hex digits: the key of the peer's cached model. */
export function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
}

/**
 * Every `k`-th sample per language so at most `max` remain per language; deterministic, and spread over the
 * file so every template keeps its share.
 */
export function capPerLanguage(samples: readonly Sample[], max: number): Sample[] {
  const out: Sample[] = [];
  for (const lang of ['en', 'zh'] as const) {
    const mine = samples.filter((s) => s.lang === lang);
    const n = Math.min(max, mine.length);
    for (let j = 0; j < n; j++) out.push(mine[Math.floor((j * mine.length) / n)]!);
  }
  return out;
}

export interface Benchmarks {
  ha: CoarseCase[];
  slurp: CoarseCase[];
  excluded: Excluded[];
  /** Records read per source, before exclusion. */
  read: { ha: number; slurp: number };
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function loadBenchmarks(dir = benchmarksDir()): Benchmarks {
  const out: Benchmarks = { ha: [], slurp: [], excluded: [], read: { ha: 0, slurp: 0 } };
  const take = (m: Mapped, into: CoarseCase[]) => ('case' in m ? into.push(m.case) : out.excluded.push(m.excluded));
  for (const lang of ['en', 'zh']) {
    const f = join(dir, 'ha-intents', `${lang}.jsonl`);
    if (!existsSync(f)) continue;
    for (const r of readJsonl<HaRecord>(f)) {
      out.read.ha++;
      take(mapHaRecord(r), out.ha);
    }
  }
  const s = join(dir, 'slurp', 'en.jsonl');
  if (existsSync(s)) {
    for (const r of readJsonl<SlurpRecord>(s)) {
      out.read.slurp++;
      take(mapSlurpRecord(r), out.slurp);
    }
  }
  return out;
}
