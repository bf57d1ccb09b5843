// Greedy decoding constrained by the action grammar: at every step only the tokens `allowedNext` permits can win.
import { END_TOKEN, allowedNext } from '../../intents/action-language.js';
import type { LogitsSource } from './onnx-causal-lm.js';

/** Default cap on generated tokens: MAX_INTENTS intents of at most ~8 tokens each. */
export const MAX_DECODE_STEPS = 48;

interface Allowed {
  ids: Int32Array;
  end: boolean;
}

/**
 * The grammar over vocabulary ids. `allowedNext` results are cached by prefix (the same few prefixes recur
 * across utterances), so the hot loop only walks an Int32Array of allowed ids.
 */
export class ActionGrammar {
  private readonly cache = new Map<string, Allowed>();

  /** `idOf` maps an action token (or `<end>`) to its vocabulary id. */
  constructor(
    private readonly idOf: ReadonlyMap<string, number>,
    private readonly maxCache = 20_000,
  ) {
    if (!idOf.has(END_TOKEN)) throw new Error('the action vocabulary needs an id for <end>');
  }

  get endId(): number {
    return this.idOf.get(END_TOKEN)!;
  }

  allowed(prefix: readonly string[], key: string): Allowed {
    let hit = this.cache.get(key);
    if (!hit) {
      const next = allowedNext(prefix);
      if (!next) throw new Error(`decoder left the grammar at: ${key}`);
      const ids = new Int32Array(next.length);
      next.forEach((t, i) => {
        const id = this.idOf.get(t);
        if (id === undefined) throw new Error(`action token ${t} has no vocabulary id`);
        ids[i] = id;
      });
      hit = { ids, end: next.includes(END_TOKEN) };
      if (this.cache.size >= this.maxCache) this.cache.clear();
      this.cache.set(key, hit);
    }
    return hit;
  }
}

export interface DecodeResult {
  tokens: string[];
  /** The step cap was reached; `tokens` is the longest complete prefix seen. */
  capped: boolean;
  steps: number;
  /** The lowest probability (softmax over the whole vocabulary) the model gave a token it chose, `<end>` included. */
  certainty: number;
}

/** Probability of `id` under a softmax over the whole row (NaN counts as -Infinity, as in `argmaxOver`). */
export function probabilityOf(logits: Float32Array, id: number): number {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i]! > max) max = logits[i]!;
  if (max === -Infinity || !(id < logits.length) || !(logits[id]! > -Infinity)) return 0;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const v = logits[i]!;
    if (v > -Infinity) sum += Math.exp(v - max);
  }
  return Math.exp(logits[id]! - max) / sum;
}

/** The best-scoring id among `ids` (NaN counts as -Infinity; ties go to the earlier id, so it is deterministic). */
export function argmaxOver(logits: Float32Array, ids: Int32Array): number {
  let best = ids[0]!;
  let bestScore = -Infinity;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const s = id < logits.length ? logits[id]! : -Infinity;
    if (s > bestScore) {
      bestScore = s;
      best = id;
    }
  }
  return best;
}

/**
 * Greedy, grammar-constrained decoding on a model whose vocabulary holds the action tokens. The result always
 * satisfies the grammar and ends where `<end>` is allowed, whatever the logits. Where the grammar allows a single
 * token (`light.ambient` → `@cabin` → `value=`) it is taken without asking the model, and the forced run is fed
 * in one call: the same result as stepping through it, in fewer model calls.
 */
export async function decodeActions(
  src: LogitsSource,
  promptIds: readonly number[],
  grammar: ActionGrammar,
  tokenOf: (id: number) => string,
  maxSteps = MAX_DECODE_STEPS,
): Promise<DecodeResult> {
  const tokens: string[] = [];
  const pending: number[] = [];
  let key = '';
  let lastComplete = 0;
  let calls = 1;
  let certainty = 1;
  let logits = await src.prefill(promptIds);
  const push = (id: number) => {
    const tok = tokenOf(id);
    tokens.push(tok);
    key = key ? `${key} ${tok}` : tok;
    pending.push(id);
  };
  while (tokens.length < maxSteps) {
    let allowed = grammar.allowed(tokens, key);
    if (allowed.end) lastComplete = tokens.length;
    const id = argmaxOver(logits, allowed.ids);
    certainty = Math.min(certainty, probabilityOf(logits, id));
    if (id === grammar.endId) return { tokens, capped: false, steps: calls, certainty };
    pending.length = 0;
    push(id);
    while (tokens.length < maxSteps && (allowed = grammar.allowed(tokens, key)).ids.length === 1 && !allowed.end) push(allowed.ids[0]!);
    if (tokens.length >= maxSteps) break;
    logits = pending.length === 1 || !src.extend ? await feedOneByOne(src, pending) : await src.extend(pending);
    calls++;
  }
  if (grammar.allowed(tokens, key).end) return { tokens, capped: true, steps: calls, certainty };
  return { tokens: tokens.slice(0, lastComplete), capped: true, steps: calls, certainty };
}

async function feedOneByOne(src: LogitsSource, ids: readonly number[]): Promise<Float32Array> {
  let logits: Float32Array | undefined;
  for (const id of ids) logits = await src.step(id);
  return logits!;
}
