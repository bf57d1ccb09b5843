import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseActions } from '../../../intents/action-language.js';
import { CabinTokenizer } from '../../../models/runtime/cabin-tokenizer.js';
import type { LogitsSource } from '../../../models/runtime/onnx-causal-lm.js';
import { actionPrompt, decodeActionText, topK } from '../../../models/runtime/text-grammar-decoder.js';
import { repoRoot } from '../../helpers/cli.js';
import { intentProblems } from './intent-checks.js';

// The byte-level BPE tokenizer of the tiny general fixture (GPT-2/Qwen style: Ġ marks a leading space).
const GENERAL = join(repoRoot, 'test', 'fixtures', 'lm', 'tiny-general');
const tok = CabinTokenizer.load(join(GENERAL, 'tokenizer.json'), join(GENERAL, 'tokenizer_config.json'));
const EOS = tok.idOf('<|endoftext|>')!;

/** A model that wants to write `text` (as the tokenizer splits it), then stop; `noise` adds distracting ids on top. */
class Spelling implements LogitsSource {
  readonly vocabSize = tok.size;
  private k = 0;
  private readonly want: number[];
  constructor(text: string, private readonly distract: number[] = [], stop = EOS) {
    this.want = [...tok.encodeText(text), stop];
  }
  private row(): Float32Array {
    const out = new Float32Array(this.vocabSize).fill(-10);
    this.distract.forEach((id, i) => (out[id] = 20 - i));
    out[this.want[Math.min(this.k, this.want.length - 1)]!] = 10;
    return out;
  }
  async prefill() {
    this.k = 0;
    return this.row();
  }
  async step(id: number) {
    if (id === this.want[this.k]) this.k++;
    return this.row();
  }
}

describe('text-level constrained decoding (general models)', () => {
  it('follows a model that writes valid action text and stops at end-of-sequence', async () => {
    const r = await decodeActionText(new Spelling(' hvac.temp @rear value= 22 .5 ; seat.heat @driver delta= - 1'), [1], tok, { eosIds: [EOS] });
    expect(r.tokens).toEqual(['hvac.temp', '@rear', 'value=', '22', '.5', ';', 'seat.heat', '@driver', 'delta=', '-', '1']);
    expect(parseActions(r.tokens)).toEqual([
      { intent: 'hvac.temp', zone: 'rear', value: 22.5 },
      { intent: 'seat.heat', zone: 'driver', delta: -1 },
    ]);
  });

  it('stops at a newline once the line is complete, and reads an immediate newline as "no intent"', async () => {
    const nl = tok.idOf('Ċ')!;
    const r = await decodeActionText(new Spelling(' hvac.ac @cabin value= off', [], nl), [1], tok, { eosIds: [EOS] });
    expect(r.tokens).toEqual(['hvac.ac', '@cabin', 'value=', 'off']);
    const none = await decodeActionText(new Spelling('', [], nl), [1], tok, { eosIds: [EOS] });
    expect(none.tokens).toEqual([]);
  });

  it('skips better-scoring candidates that would leave the grammar (prose, double spaces, a wrong zone)', async () => {
    const distract = [tok.idOf('Ġthe')!, tok.idOf('Ġ')!, tok.idOf('Ġ@driver')!, tok.idOf('Ġcold')!];
    const r = await decodeActionText(new Spelling(' light.ambient @cabin value= on', distract), [1], tok, { eosIds: [EOS] });
    expect(r.tokens).toEqual(['light.ambient', '@cabin', 'value=', 'on']);
  });

  it('does not stop where <end> is not allowed (an unfinished intent), and keeps the last complete prefix when it cannot go on', async () => {
    // The model wants to stop after "hvac.temp @self": the decoder must not end there; with nothing else in the top-k it falls back.
    const r = await decodeActionText(new Spelling(' seat.heat @self value= on ; hvac.temp @self'), [1], tok, { eosIds: [EOS], topK: 1 });
    expect(r.tokens).toEqual(['seat.heat', '@self', 'value=', 'on']);
  });

  it('a number that is a prefix of a longer one ("2" of "22") is still a complete token at the end', async () => {
    const r = await decodeActionText(new Spelling(' light.ambient_brightness @cabin value= 2'), [1], tok, { eosIds: [EOS] });
    expect(parseActions(r.tokens)).toEqual([{ intent: 'light.ambient_brightness', zone: 'cabin', value: 2 }]);
  });

  it('fuzz: random logits always give a parseable, in-domain intent list within the step cap', async () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const src: LogitsSource = {
      vocabSize: tok.size,
      prefill: async () => Float32Array.from({ length: tok.size }, () => next() * 10),
      step: async () => Float32Array.from({ length: tok.size }, () => next() * 10),
    };
    for (let run = 0; run < 200; run++) {
      const r = await decodeActionText(src, [1], tok, { eosIds: [EOS], maxSteps: 60, topK: 64 });
      expect(r.steps).toBeLessThanOrEqual(60);
      for (const it of parseActions(r.tokens)) expect(intentProblems(it), r.tokens.join(' ')).toEqual([]);
    }
  });

  it('topK picks the k best ids in order and skips NaN/-Infinity', () => {
    const logits = Float32Array.from([0.5, NaN, 3, -Infinity, 2, 9, 1]);
    const ids = new Int32Array(3);
    const scores = new Float32Array(3);
    expect(topK(logits, 3, logits.length, ids, scores)).toBe(3);
    expect([...ids]).toEqual([5, 2, 4]);
  });

  it('the few-shot prompt names every intent and ends where the model should start writing', () => {
    const p = actionPrompt('rear_left');
    expect(p.before).toContain('hvac.defrost_rear');
    expect(p.before.endsWith('Speaker: rear_left\nSays:')).toBe(true);
    expect(p.after).toBe('\nActions:');
  });
});
