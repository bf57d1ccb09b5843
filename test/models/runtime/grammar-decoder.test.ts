import { describe, expect, it } from 'vitest';
import { ACTION_TOKENS, END_TOKEN, formatActions, parseActions, withoutRepeats } from '../../../intents/action-language.js';
import { ActionGrammar, argmaxOver, decodeActions, MAX_DECODE_STEPS, probabilityOf } from '../../../models/runtime/grammar-decoder.js';
import type { LogitsSource } from '../../../models/runtime/onnx-causal-lm.js';
import { intentProblems } from './intent-checks.js';
import { mulberry32 as rng } from '../../../vehicle-bus/prng.js';

// A vocabulary laid out like the Cabin LM's: some word pieces, then [EOS], then every action token.
const WORDS = 200;
const EOS = WORDS;
const idOf = new Map<string, number>(ACTION_TOKENS.map((t, i) => [t, WORDS + 1 + i]));
idOf.set(END_TOKEN, EOS);
const tokenById = new Map([...idOf].map(([t, id]) => [id, t]));
const tokenOf = (id: number) => tokenById.get(id)!;
const V = WORDS + 1 + ACTION_TOKENS.length;


class RandomLogits implements LogitsSource {
  readonly vocabSize = V;
  private readonly buf = new Float32Array(V);
  fed: number[] = [];
  constructor(private readonly next: () => number, private readonly eosBias = 0) {}
  private fill(): Float32Array {
    for (let i = 0; i < V; i++) {
      const r = this.next();
      // Now and then a NaN or -Infinity, as a broken model might produce.
      this.buf[i] = r < 0.002 ? NaN : r < 0.004 ? -Infinity : (r - 0.5) * 20;
    }
    this.buf[EOS] = this.buf[EOS]! + this.eosBias;
    return this.buf;
  }
  async prefill(ids: readonly number[]) {
    this.fed = [...ids];
    return this.fill();
  }
  async step(id: number) {
    this.fed.push(id);
    return this.fill();
  }
}

/** A "model" that wants one exact token sequence and puts the highest logit on its next token. */
class Scripted implements LogitsSource {
  readonly vocabSize = V;
  private k = 0;
  constructor(private readonly want: number[]) {}
  private row(): Float32Array {
    const out = new Float32Array(V).fill(-5);
    out[this.want[this.k] ?? EOS] = 10;
    return out;
  }
  async prefill() {
    this.k = 0;
    return this.row();
  }
  async step(id: number) {
    if (id !== this.want[this.k]) throw new Error(`fed ${id}, wanted ${this.want[this.k]}`);
    this.k++;
    return this.row();
  }
}

describe('grammar-constrained greedy decoding', () => {
  it('returns exactly the sequence a confident model wants', async () => {
    const tokens = formatActions([
      { intent: 'hvac.temp', zone: 'rear', value: 72, fahrenheit: true },
      { intent: 'seat.heat', zone: 'driver', delta: -1 },
      { intent: 'dialog.yes' },
    ]);
    const grammar = new ActionGrammar(idOf);
    const r = await decodeActions(new Scripted(tokens.map((t) => idOf.get(t)!)), [1, 2, 3], grammar, tokenOf);
    expect(r.tokens).toEqual(tokens);
    expect(r.capped).toBe(false);
    expect(parseActions(r.tokens)).toEqual([
      { intent: 'hvac.temp', zone: 'rear', value: 22 },
      { intent: 'seat.heat', zone: 'driver', delta: -1 },
      { intent: 'dialog.yes' },
    ]);
  });

  it('reports the probability of its least sure choice: near 1 for a confident model, about ½ for a coin toss', async () => {
    const grammar = new ActionGrammar(idOf);
    const sure = await decodeActions(new Scripted(['dialog.yes'].map((t) => idOf.get(t)!)), [1], grammar, tokenOf);
    expect(sure.certainty).toBeGreaterThan(0.99);
    const toss = new Float32Array(V).fill(-30);
    toss[idOf.get('dialog.yes')!] = 3;
    toss[idOf.get('dialog.no')!] = 3;
    const end = new Float32Array(V).fill(-30);
    end[EOS] = 10;
    const src: LogitsSource = { vocabSize: V, prefill: async () => toss, step: async () => end };
    const r = await decodeActions(src, [1], grammar, tokenOf);
    expect(r.tokens).toHaveLength(1);
    expect(r.certainty).toBeCloseTo(0.5, 3);
    expect(probabilityOf(new Float32Array([NaN, 0, 0]), 1)).toBeCloseTo(0.5, 6);
    expect(probabilityOf(new Float32Array([NaN, 0, 0]), 0)).toBe(0);
  });

  it('stops at once when the model prefers <end> at the start (no intent)', async () => {
    const r = await decodeActions(new Scripted([]), [1], new ActionGrammar(idOf), tokenOf);
    expect(r).toMatchObject({ tokens: [], capped: false, steps: 1 });
  });

  it('never lets a word piece or an ungrammatical token win, even when it scores highest', async () => {
    const row = new Float32Array(V).fill(0);
    row[5] = 100; // a word piece
    row[idOf.get('@driver')!] = 50; // a zone where an intent name must come
    row[idOf.get('query')!] = 1;
    const grammar = new ActionGrammar(idOf);
    expect(argmaxOver(row, grammar.allowed([], '').ids)).toBe(idOf.get('query'));
    const src: LogitsSource = { vocabSize: V, prefill: async () => row, step: async () => row };
    const r = await decodeActions(src, [1], grammar, tokenOf);
    expect(r.tokens.slice(0, 2)).toEqual(['query', '@driver']);
    expect(() => parseActions(r.tokens)).not.toThrow();
  });

  it('fuzz: 1,000 runs of random logits always give a parseable, in-domain intent list', async () => {
    const grammar = new ActionGrammar(idOf);
    const next = rng(20240601);
    let nonEmpty = 0;
    let capped = 0;
    for (let run = 0; run < 1000; run++) {
      const src = new RandomLogits(next, run % 3 === 0 ? -30 : 0);
      const r = await decodeActions(src, [1, 2], grammar, tokenOf, run % 10 === 0 ? 7 : MAX_DECODE_STEPS);
      const intents = parseActions(r.tokens);
      expect(r.certainty).toBeGreaterThanOrEqual(0);
      expect(r.certainty).toBeLessThanOrEqual(1);
      for (const it of intents) expect(intentProblems(it), `run ${run}: ${r.tokens.join(' ')}`).toEqual([]);
      expect(r.tokens.length).toBeLessThanOrEqual(MAX_DECODE_STEPS);
      expect(intents.length).toBeLessThanOrEqual(6);
      // Every token fed back to the model was one of the ones decoded, in order.
      expect(src.fed.slice(2).map(tokenOf).slice(0, r.tokens.length)).toEqual(r.tokens.slice(0, src.fed.length - 2));
      if (intents.length) nonEmpty++;
      if (r.capped) capped++;
    }
    expect(nonEmpty).toBeGreaterThan(100);
    expect(capped).toBeGreaterThan(0);
  });

  it('keeps the longest complete prefix when the step cap cuts an intent in half', async () => {
    const tokens = formatActions([{ intent: 'hvac.ac', zone: 'cabin', value: 'on' }, { intent: 'hvac.temp', zone: 'self', value: 22.5 }]);
    const r = await decodeActions(new Scripted(tokens.map((t) => idOf.get(t)!)), [1], new ActionGrammar(idOf), tokenOf, 7);
    expect(r.capped).toBe(true);
    expect(r.tokens).toEqual(['hvac.ac', '@cabin', 'value=', 'on']);
  });

  it('rejects a vocabulary without an id for <end>', () => {
    expect(() => new ActionGrammar(new Map([['query', 1]]))).toThrow(/<end>/);
  });
});

describe('intents said twice', () => {
  it('are kept once, in the order first said, whatever the order of their fields', () => {
    const temp = { intent: 'hvac.temp', zone: 'passenger', value: 24 } as const;
    const read = { intent: 'light.reading', zone: 'self', value: 'off' } as const;
    expect(withoutRepeats([read, temp, { value: 24, zone: 'passenger', intent: 'hvac.temp' }])).toEqual([read, temp]);
  });

  it('keep intents that differ in any field, and a repeated delta only once', () => {
    const warmer = { intent: 'hvac.temp', zone: 'self', delta: 1 } as const;
    expect(withoutRepeats([warmer, { ...warmer, zone: 'passenger' }, warmer, { ...warmer, delta: 2 }])).toEqual([warmer, { ...warmer, zone: 'passenger' }, { ...warmer, delta: 2 }]);
  });
});
