// The language-model port: text + speaker in, catalog intents out. Pure (no I/O); the onnxruntime adapter lives in models/runtime/.
import type { Intent } from '../intents/catalog.js';
import type { Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';

export interface Understanding {
  /** Valid catalog intents (temperatures already in °C); empty for "no intent". */
  intents: Intent[];
  /** The action-language tokens the model emitted (without `<end>`). */
  tokens: string[];
  /** True when the input was longer than the model's window and was cut. */
  truncated: boolean;
  /** One-line, human-readable notes (truncation, cleaned input, a decode that hit its step cap). */
  warnings: string[];
  /** Wall time of this call in milliseconds. */
  ms: number;
  /** The lowest probability the model gave one of its own choices (grammar-forced tokens aside); absent where unknown. */
  certainty?: number;
  /** Words the model's lexicon swapped before it read the text ([said, read] pairs); absent when none were. */
  swapped?: [string, string][];
}

export interface LanguageModelInfo {
  name: string;
  params?: number;
  quantization?: string;
  path: string;
  /** Which decoder runs: `native` (the model's vocabulary holds the action tokens) or `text` (a general model). */
  decoding?: 'native' | 'text';
  /** Time it took to load, in milliseconds. */
  loadMs?: number;
}

export interface LanguageModel {
  understand(text: string, speaker: Seat): Promise<Understanding>;
  info(): LanguageModelInfo;
  close(): Promise<void>;
}

/** Canonical form of an utterance for exact lookups: NFKC, lower case, single spaces, no trailing punctuation. */
export function normalizeUtterance(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?。！？]+$/u, '');
}

/**
 * Deterministic stand-in for tests of other modules: answers from a table of utterances (matched after
 * `normalizeUtterance`), optionally per speaker (`"passenger|turn it off"`), and returns no intent otherwise.
 * Zone `self` is left for the dialogue to resolve, exactly as the real model does.
 */
export class FakeLanguageModel implements LanguageModel {
  private readonly table = new Map<string, Intent[]>();
  readonly calls: { text: string; speaker: Seat }[] = [];
  private closed = false;

  constructor(entries: Record<string, Intent[]> | Iterable<[string, Intent[]]> = {}) {
    const pairs = Symbol.iterator in entries ? (entries as Iterable<[string, Intent[]]>) : Object.entries(entries);
    for (const [key, intents] of pairs) this.set(key, intents);
  }

  /** Adds or replaces an answer; a key `speaker|text` applies to that speaker only. */
  set(key: string, intents: Intent[]): this {
    const bar = key.indexOf('|');
    const norm = bar > 0 ? `${key.slice(0, bar)}|${normalizeUtterance(key.slice(bar + 1))}` : normalizeUtterance(key);
    this.table.set(norm, intents);
    return this;
  }

  async understand(text: string, speaker: Seat): Promise<Understanding> {
    if (this.closed) throw new Error('FakeLanguageModel is closed');
    this.calls.push({ text, speaker });
    const key = normalizeUtterance(text);
    const found = this.table.get(`${speaker}|${key}`) ?? this.table.get(key) ?? [];
    return { intents: structuredClone(found), tokens: [], truncated: false, warnings: [], ms: 0 };
  }

  info(): LanguageModelInfo {
    return { name: 'fake', path: '(in memory)' };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
