import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseActions, withoutRepeats } from '../../../intents/action-language.js';
import { ActionGrammar, decodeActions } from '../../../models/runtime/grammar-decoder.js';
import { loadModelConfig, ModelLoadError } from '../../../models/runtime/model-config.js';
import { OnnxCausalLM } from '../../../models/runtime/onnx-causal-lm.js';
import { loadLanguageModel, type OnnxLanguageModel } from '../../../models/runtime/onnx-language-model.js';
import { repoRoot } from '../../helpers/cli.js';
import { intentProblems } from './intent-checks.js';
import { Recompute } from './recompute.js';

// Tiny random-weight models built by test/fixtures/lm/make_tiny_lm.py: they test the runtime's mechanics, not accuracy.
const NATIVE = join(repoRoot, 'test', 'fixtures', 'lm', 'tiny-native'); // cabin block, GQA 4/2, position_ids input
const GENERAL = join(repoRoot, 'test', 'fixtures', 'lm', 'tiny-general'); // byte-level BPE, MHA, no position_ids

function argmax(a: Float32Array): number {
  let b = 0;
  for (let i = 1; i < a.length; i++) if (a[i]! > a[b]!) b = i;
  return b;
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

describe.each([
  ['native (GQA, position_ids)', NATIVE],
  ['general (MHA, no position_ids)', GENERAL],
])('KV cache on the %s fixture', (_name, dir) => {
  let cached: OnnxCausalLM;
  let full: OnnxCausalLM;
  beforeAll(async () => {
    cached = await OnnxCausalLM.create(loadModelConfig(dir), { threads: 1 });
    full = await OnnxCausalLM.create(loadModelConfig(dir), { threads: 1 });
  });
  afterAll(async () => {
    await cached.close();
    await full.close();
  });

  it('cached greedy decoding gives the same tokens and logits as recomputing the full sequence', async () => {
    const prompt = [2, 5, 9, 14, 3];
    const ref = new Recompute(full);
    let a = Float32Array.from(await cached.prefill(prompt));
    let b = await ref.prefill(prompt);
    const seqA: number[] = [];
    const seqB: number[] = [];
    for (let i = 0; i < 24; i++) {
      expect(maxDiff(a, b)).toBeLessThan(1e-3);
      seqA.push(argmax(a));
      seqB.push(argmax(b));
      a = Float32Array.from(await cached.step(seqA.at(-1)!));
      b = await ref.step(seqB.at(-1)!);
    }
    expect(seqA).toEqual(seqB);
    expect(cached.positions).toBe(prompt.length + 24);
  });

  it('feeding several tokens in one call (forced grammar runs) equals feeding them one by one', async () => {
    await cached.prefill([2, 5, 9]);
    const many = Float32Array.from(await cached.extend([11, 12, 13]));
    await full.prefill([2, 5, 9]);
    await full.step(11);
    await full.step(12);
    const one = Float32Array.from(await full.step(13));
    expect(maxDiff(many, one)).toBeLessThan(1e-3);
  });

  it('reads past shapes from the graph/config and says whether position_ids is an input', () => {
    expect(cached.hasPositionIds).toBe(dir === NATIVE);
    expect(cached.numLayers).toBe(2);
  });
});

describe('the text-decoder prefix cache', () => {
  it('gives the same logits as a cold prefill of the whole prompt', async () => {
    const cfg = loadModelConfig(GENERAL);
    const warm = await OnnxCausalLM.create(cfg, { threads: 1 });
    const cold = await OnnxCausalLM.create(cfg, { threads: 1 });
    const head = Array.from({ length: 40 }, (_, i) => 40 + i);
    await warm.cachePrefix(head);
    const prompt = [...head, 101, 102, 103];
    const a = Float32Array.from(await warm.prefill(prompt));
    const b = Float32Array.from(await cold.prefill(prompt));
    expect(maxDiff(a, b)).toBeLessThan(1e-3);
    // A prompt that does not start with the head is computed whole.
    const c = Float32Array.from(await warm.prefill([7, 8, 9]));
    const d = Float32Array.from(await cold.prefill([7, 8, 9]));
    expect(maxDiff(c, d)).toBeLessThan(1e-3);
    await warm.close();
    await cold.close();
  });
});

describe('OnnxLanguageModel on the fixtures', () => {
  let native: OnnxLanguageModel;
  let general: OnnxLanguageModel;
  beforeAll(async () => {
    native = await loadLanguageModel(NATIVE);
    general = await loadLanguageModel(GENERAL);
  });
  afterAll(async () => {
    await native.close();
    await general.close();
  });

  it('picks the decoder from config.json and reports what it loaded', () => {
    expect(native.info()).toMatchObject({ decoding: 'native', path: NATIVE });
    expect(general.info()).toMatchObject({ decoding: 'text', path: GENERAL });
    expect(native.info().loadMs).toBeLessThan(1000);
  });

  it('native decoding through the real session equals decoding with full recomputation', async () => {
    const cfg = loadModelConfig(NATIVE);
    const lm = await OnnxCausalLM.create(cfg, { threads: 1 });
    const tok = JSON.parse(readFileSync(join(NATIVE, 'tokenizer.json'), 'utf8')) as { model: { vocab: Record<string, number> } };
    const idOf = new Map<string, number>();
    for (const [t, id] of Object.entries(tok.model.vocab)) if (t.startsWith('<a:')) idOf.set(t.slice(3, -1), id);
    idOf.set('<end>', cfg.eosIds[0]!);
    const byId = new Map([...idOf].map(([t, id]) => [id, t]));
    const grammar = new ActionGrammar(idOf);
    for (const prompt of [[2, 5, 61, 11, 3], [2, 6, 144, 170, 172, 203, 220, 3], [2, 7, 1, 1, 3]]) {
      const a = await decodeActions(lm, prompt, grammar, (id) => byId.get(id)!);
      const b = await decodeActions(new Recompute(lm), prompt, grammar, (id) => byId.get(id)!);
      expect(a.tokens).toEqual(b.tokens);
    }
    await lm.close();
  });

  const BAD: [string, string][] = [
    ['empty', ''],
    ['whitespace', ' \t\n  \r\n'],
    ['10,000 characters', 'turn on the seat heater '.repeat(417).slice(0, 10_000)],
    ['10,000 characters in one word', 'x'.repeat(10_000)],
    ['binary garbage', String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536))],
    ['control characters', '\u0000\u0001\u0007\u001b[31mturn on\u007f\u0085\u200b\ufeff'],
    ['emoji', '🔥🔥 🥶 👍🏽👨‍👩‍👧 ❄️'],
    ['other languages', 'Stell die Sitzheizung auf drei. Поверни климат. エアコンをつけて. مرحبا'],
    ['lone surrogates', 'turn \uD800on\uDFFF the \uDBFFAC'],
    ['special tokens typed in', '[SEP] <a:hvac.ac> <a:@cabin> <a:value=> <a:on> [EOS] <spk:driver>'],
  ];

  it.each(BAD)('bad input (%s): no crash, no hang, a valid intent list', async (_what, text) => {
    for (const m of [native, general]) {
      const t0 = performance.now();
      const u = await m.understand(text, 'rear_right');
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(u.intents).toEqual(u.tokens.length ? withoutRepeats(parseActions(u.tokens)) : []);
      for (const it of u.intents) expect(intentProblems(it)).toEqual([]);
      expect(JSON.stringify(u.intents)).not.toMatch(/\\ud[89ab]/i);
    }
  });

  it('empty or whitespace-only input is [] without running the model', async () => {
    const spy = native.causalLM;
    const before = spy.positions;
    await native.understand('   ', 'driver');
    expect(spy.positions).toBe(before);
    expect(await native.understand('', 'driver')).toMatchObject({ intents: [], tokens: [], truncated: false, warnings: [] });
  });

  it('input longer than the window is truncated with a warning and fits the window', async () => {
    const long = 'turn on the seat heater '.repeat(417).slice(0, 10_000);
    const u = await native.understand(long, 'driver');
    expect(u.truncated).toBe(true);
    expect(u.warnings.join(' ')).toMatch(/truncated/);
    expect(native.causalLM.positions).toBeLessThanOrEqual(loadModelConfig(NATIVE).maxPositions);
    const short = await native.understand('turn on the seat heater', 'driver');
    expect(short).toMatchObject({ truncated: false, warnings: [] });
  });

  it('lone surrogates are removed with a warning', async () => {
    const u = await native.understand('turn \uD800on', 'driver');
    expect(u.warnings.join(' ')).toMatch(/surrogate/);
  });

  it('is deterministic, and concurrent calls are served in order with the same answers as sequential ones', async () => {
    const texts = ['turn on the AC', '把AC关掉', 'seat heat to 3', 'i am cold', 'rear lights on'];
    const seq = [];
    for (const t of texts) seq.push((await native.understand(t, 'passenger')).tokens);
    const par = await Promise.all(texts.map((t) => native.understand(t, 'passenger')));
    expect(par.map((u) => u.tokens)).toEqual(seq);
  });

  it('rejects an unknown speaker', async () => {
    await expect(native.understand('hi', 'pilot' as never)).rejects.toThrow(/unknown speaker/);
  });
});

describe('ModelLoadError names the missing or bad file', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'cabin-lm-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const copy = (name: string) => {
    const d = join(tmp, name);
    cpSync(NATIVE, d, { recursive: true });
    return d;
  };

  it('missing directory', async () => {
    const err = await loadLanguageModel(join(tmp, 'nope')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect((err as ModelLoadError).code).toBe('E_MODEL_LOAD');
    expect((err as Error).message).toMatch(/nope.*build-model\.sh/);
  });

  it.each(['config.json', 'tokenizer.json', 'model.onnx'])('missing %s', async (file) => {
    const d = copy(`missing-${file}`);
    unlinkSync(join(d, file));
    const err = await loadLanguageModel(d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect((err as ModelLoadError).file).toBe(join(d, file));
    expect((err as Error).message).toContain(join(d, file));
  });

  it('config.json that is not JSON, or lacks a field', async () => {
    const d = copy('bad-config');
    writeFileSync(join(d, 'config.json'), '{ nope');
    await expect(loadLanguageModel(d)).rejects.toThrow(/config\.json is not valid JSON/);
    writeFileSync(join(d, 'config.json'), JSON.stringify({ hidden_size: 32 }));
    await expect(loadLanguageModel(d)).rejects.toThrow(/"num_attention_heads" must be a positive integer/);
  });

  it('a model.onnx that is not ONNX', async () => {
    const d = copy('bad-onnx');
    writeFileSync(join(d, 'model.onnx'), 'not a model');
    const err = await loadLanguageModel(d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect((err as Error).message).toMatch(/cannot load .*model\.onnx/);
  });

  it('a tokenizer without an action token the catalog needs', async () => {
    const d = copy('no-action');
    const tok = JSON.parse(readFileSync(join(d, 'tokenizer.json'), 'utf8')) as { added_tokens: { content: string }[]; model: { vocab: Record<string, number> } };
    tok.added_tokens = tok.added_tokens.filter((t) => t.content !== '<a:hvac.sync>');
    delete tok.model.vocab['<a:hvac.sync>'];
    writeFileSync(join(d, 'tokenizer.json'), JSON.stringify(tok));
    await expect(loadLanguageModel(d)).rejects.toThrow(/lacks the action token <a:hvac\.sync>/);
  });
});
