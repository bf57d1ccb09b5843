// Constrained decoding for a general causal LM (no action tokens in its vocabulary): the grammar is enforced on the text.
import { ACTION_TOKENS, END_TOKEN, allowedNext } from '../../intents/action-language.js';
import { INTENTS, ZONES } from '../../intents/catalog.js';
import type { LogitsSource } from './onnx-causal-lm.js';

/*
 * The model writes the action language as plain text, tokens separated by spaces, one line. At each step
 * the decoder looks at the model's top-k next tokens and takes the best whose text keeps the line a valid prefix:
 * every complete word a grammatical action token, the last (unfinished) word a prefix of one the grammar allows.
 * It stops at the first newline or end-of-sequence where `<end>` is allowed, or when nothing in the top-k fits
 * and the line so far is complete; failing that it falls back to the longest complete prefix it saw.
 */

export interface TextVocab {
  /** Text the id adds after some text ('' for special tokens). */
  piece(id: number): string;
  /** Number of ids the tokenizer knows. */
  readonly size: number;
}

export interface TextDecodeOptions {
  topK?: number;
  maxSteps?: number;
  eosIds: readonly number[];
}

export interface TextDecodeResult {
  tokens: string[];
  text: string;
  capped: boolean;
  steps: number;
}

type Analysis = { valid: false } | { valid: true; done: string[] | null; complete: string[] };

const PRINTABLE = /^[\x21-\x7e ]*$/;
const BLANK = /^ +$/;
const TOKEN_SET = new Set(ACTION_TOKENS);

class PrefixChecker {
  private readonly cache = new Map<string, string[] | null>();

  next(words: readonly string[]): string[] | null {
    const key = words.join(' ');
    let hit = this.cache.get(key);
    if (hit === undefined) {
      hit = words.every((w) => TOKEN_SET.has(w)) ? allowedNext(words) : null;
      if (this.cache.size > 20_000) this.cache.clear();
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** Whether `line` is a valid prefix; `done` is the token list when the line may end right here. */
  analyse(line: string): Analysis {
    // Runs of spaces count as one: a model may emit a bare space and then a space-prefixed word (" " + " @cabin").
    const body = line.replace(/ {2,}/g, ' ').replace(/^ /, '');
    if (!PRINTABLE.test(body)) return { valid: false };
    const words = body === '' ? [] : body.split(' ');
    const partial = words.length && !body.endsWith(' ') ? words.pop()! : '';
    if (body.endsWith(' ')) words.pop(); // split leaves an empty last word after a trailing space
    const allowed = this.next(words);
    if (!allowed) return { valid: false };
    if (partial === '') return { valid: true, complete: words, done: allowed.includes(END_TOKEN) ? words : null };
    if (!allowed.some((t) => t !== END_TOKEN && t.startsWith(partial))) return { valid: false };
    if (!allowed.includes(partial)) return { valid: true, complete: words, done: null };
    const withPartial = [...words, partial];
    return { valid: true, complete: withPartial, done: this.next(withPartial)?.includes(END_TOKEN) ? withPartial : null };
  }
}

/** Indices of the k largest logits, best first (a partial selection; logits is never copied). */
export function topK(logits: Float32Array, k: number, limit: number, out: Int32Array, scores: Float32Array): number {
  let n = 0;
  for (let id = 0; id < limit; id++) {
    const s = logits[id]!;
    if (!(s > -Infinity)) continue;
    if (n === k && s <= scores[k - 1]!) continue;
    let j = n < k ? n++ : k - 1;
    while (j > 0 && scores[j - 1]! < s) {
      scores[j] = scores[j - 1]!;
      out[j] = out[j - 1]!;
      j--;
    }
    scores[j] = s;
    out[j] = id;
  }
  return n;
}

export async function decodeActionText(src: LogitsSource, promptIds: readonly number[], vocab: TextVocab, opts: TextDecodeOptions): Promise<TextDecodeResult> {
  const k = opts.topK ?? 64;
  const maxSteps = opts.maxSteps ?? 96;
  const eos = new Set(opts.eosIds);
  const checker = new PrefixChecker();
  const ids = new Int32Array(k);
  const scores = new Float32Array(k);
  const limit = Math.min(src.vocabSize, vocab.size);
  let line = '';
  let lastDone: string[] = [];
  let logits = await src.prefill(promptIds);
  for (let step = 0; step < maxSteps; step++) {
    const here = checker.analyse(line);
    if (here.valid && here.done) lastDone = here.done;
    const n = topK(logits, k, limit, ids, scores);
    let chosen = -1;
    for (let c = 0; c < n; c++) {
      const id = ids[c]!;
      if (eos.has(id)) {
        if (here.valid && here.done) return { tokens: here.done, text: line.trim(), capped: false, steps: step + 1 };
        continue;
      }
      const piece = vocab.piece(id);
      // Spaces after a space would only stall (the step cap would end it); no progress, no candidate.
      if (!piece || (line.endsWith(' ') && BLANK.test(piece)) || (line === '' && BLANK.test(piece) && piece.length > 1)) continue;
      const nl = piece.search(/[\r\n]/);
      if (nl >= 0) {
        const a = checker.analyse(line + piece.slice(0, nl));
        if (a.valid && a.done) return { tokens: a.done, text: (line + piece.slice(0, nl)).trim(), capped: false, steps: step + 1 };
        continue;
      }
      if (checker.analyse(line + piece).valid) {
        chosen = id;
        line += piece;
        break;
      }
    }
    if (chosen < 0) {
      // Nothing the model likes fits: stop where the line is complete, else at the longest complete prefix.
      const tokens = here.valid && here.done ? here.done : lastDone;
      return { tokens, text: tokens.join(' '), capped: false, steps: step + 1 };
    }
    if (step + 1 < maxSteps) logits = await src.step(chosen);
  }
  const end = checker.analyse(line);
  const tokens = end.valid && end.done ? end.done : lastDone;
  return { tokens, text: tokens.join(' '), capped: true, steps: maxSteps };
}

/** Few-shot prompt that teaches a general instruct model the action language (plain completion, no chat template). */
export function actionPrompt(speaker: string, compact = false): { before: string; after: string } {
  // For a model whose window cannot hold the instructions and examples: the bare frame.
  if (compact) return { before: `Speaker: ${speaker}\nSays:`, after: '\nActions:' };
  const intents = INTENTS.map((i) => i.name).join(', ');
  const zones = ZONES.map((z) => `@${z}`).join(' ');
  const before = [
    'You turn what a car occupant says into actions for the car, written on one line.',
    `Format: INTENT @ZONE then one field: value= VALUE, delta= + N or delta= - N, feature= INTENT, more= true|false. Join several actions with " ; ". Write nothing when the request is not about these intents.`,
    `Intents: ${intents}.`,
    `Zones: ${zones} (@self is the speaker's own seat).`,
    'Values: on, off, max, numbers 0-100, temperatures in degrees with " .5" for a half and " F" for Fahrenheit, colours, airflow modes.',
    '',
    'Speaker: driver\nSays: turn on my seat heating\nActions: seat.heat @self value= on',
    "Speaker: passenger\nSays: I'm a bit cold\nActions: hvac.temp @self delta= + 2",
    'Speaker: driver\nSays: set the rear to 22.5 degrees and turn off the AC\nActions: hvac.temp @rear value= 22 .5 ; hvac.ac @cabin value= off',
    'Speaker: rear_left\nSays: 把阅读灯打开\nActions: light.reading @self value= on',
    'Speaker: driver\nSays: play some music\nActions:',
    'Speaker: passenger\nSays: a bit more\nActions: followup more= true',
    '',
    `Speaker: ${speaker}\nSays:`,
  ].join('\n');
  return { before, after: '\nActions:' };
}
