// The LanguageModel over onnxruntime-node: loads a model directory once and picks the native or the text decoder.
import { performance } from 'node:perf_hooks';
import { basename, resolve } from 'node:path';
import { ACTION_TOKENS, END_TOKEN, parseActions, withoutRepeats } from '../../intents/action-language.js';
import { SEATS, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { LanguageModel, LanguageModelInfo, Understanding } from '../language-model.js';
import { CabinTokenizer } from './cabin-tokenizer.js';
import { ActionGrammar, MAX_DECODE_STEPS, decodeActions } from './grammar-decoder.js';
import { CHARS_PER_POSITION, cleanInput } from './input-text.js';
import { ModelLoadError, ModelRunError, loadModelConfig, type ModelConfig } from './model-config.js';
import { OnnxCausalLM, type SessionOptions } from './onnx-causal-lm.js';
import { actionPrompt, decodeActionText } from './text-grammar-decoder.js';
import { restoreSaidNumber } from './said-numbers.js';
import { WordLexicon } from './word-lexicon.js';

export interface LoadOptions extends SessionOptions {
  /** `auto` (default): native when config.json has a `cabin` block, otherwise text-level. */
  decoding?: 'auto' | 'native' | 'text';
  /** Cap on generated tokens (native default 48; text default 96). */
  maxSteps?: number;
  /** Candidates the text decoder considers per step. */
  topK?: number;
}

interface Prompter {
  /** Prompt ids around the text ids, and how many text ids fit. */
  build(speaker: Seat, textIds: number[]): number[];
  textBudget: number;
  /** Ids every prompt starts with (worth a cached KV prefix when long). */
  sharedHead?: number[];
}

export class OnnxLanguageModel implements LanguageModel {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly cfg: ModelConfig,
    private readonly tokenizer: CabinTokenizer,
    private readonly lm: OnnxCausalLM,
    private readonly mode: 'native' | 'text',
    private readonly prompter: Prompter,
    private readonly decode: (promptIds: number[]) => Promise<{ tokens: string[]; capped: boolean; certainty?: number }>,
    private readonly loadMs: number,
    private readonly lexicon?: WordLexicon,
  ) {}

  static async load(dir: string, opts: LoadOptions = {}): Promise<OnnxLanguageModel> {
    const t0 = performance.now();
    const cfg = loadModelConfig(resolve(dir));
    const tokenizer = CabinTokenizer.load(cfg.files.tokenizer, cfg.files.tokenizerConfig);
    let lexicon: WordLexicon | undefined;
    if (cfg.files.lexicon) {
      try {
        lexicon = WordLexicon.fromFile(cfg.files.lexicon);
      } catch (err) {
        throw new ModelLoadError(cfg.files.lexicon, (err as Error).message);
      }
    }
    const mode = opts.decoding === 'native' || opts.decoding === 'text' ? opts.decoding : cfg.cabin ? 'native' : 'text';
    if (mode === 'native' && !cfg.cabin) throw new ModelLoadError(cfg.files.config, `${cfg.files.config} has no "cabin" block, so the model has no action tokens; use the text decoder`);
    const lm = await OnnxCausalLM.create(cfg, opts);
    try {
      const maxSteps = opts.maxSteps ?? (mode === 'native' ? MAX_DECODE_STEPS : 96);
      if (mode === 'native') {
        const { prompter, grammar, tokenOf } = nativeSetup(cfg, tokenizer, maxSteps);
        const decode = (ids: number[]) => decodeActions(lm, ids, grammar, tokenOf, maxSteps);
        return new OnnxLanguageModel(cfg, tokenizer, lm, mode, prompter, decode, performance.now() - t0, lexicon);
      }
      const prompter = textPrompter(cfg, tokenizer, maxSteps);
      await lm.cachePrefix(prompter.sharedHead ?? []);
      const eosIds = cfg.eosIds.length ? cfg.eosIds : [tokenizer.idOf('</s>'), tokenizer.idOf('<|endoftext|>'), tokenizer.idOf('[EOS]')].filter((i): i is number => i !== undefined);
      const decode = (ids: number[]) => decodeActionText(lm, ids, tokenizer, { eosIds, maxSteps, topK: opts.topK ?? 64 });
      return new OnnxLanguageModel(cfg, tokenizer, lm, mode, prompter, decode, performance.now() - t0, lexicon);
    } catch (err) {
      await lm.close();
      throw err;
    }
  }

  understand(text: string, speaker: Seat): Promise<Understanding> {
    // One KV cache per session: calls run one after another, in the order they were made.
    const run = this.queue.then(() => this.understandNow(text, speaker));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async understandNow(raw: string, speaker: Seat): Promise<Understanding> {
    const t0 = performance.now();
    if (this.closed) throw new Error('language model is closed');
    if (!SEATS.includes(speaker)) throw new RangeError(`unknown speaker "${String(speaker)}" (one of ${SEATS.join(', ')})`);
    const warnings: string[] = [];
    const clean = cleanInput(raw, this.prompter.textBudget * CHARS_PER_POSITION);
    warnings.push(...clean.notes);
    // Words the model never read become ones it did (lexicon.json beside the model), before tokenizing.
    const lexed = this.lexicon?.apply(clean.text);
    const text = lexed ? lexed.text : clean.text;
    const swapped = lexed?.swapped.length ? { swapped: lexed.swapped } : {};
    const done = (tokens: string[], truncated: boolean, certainty?: number): Understanding => {
      const said = restoreSaidNumber(clean.text, tokens);
      const r = said.restored;
      if (r && r.said !== r.wrote) warnings.push(`number ${r.said} kept as said (the model can write 0–100 and wrote ${r.wrote})`);
      if (r?.fahrenheit) warnings.push(`${r.said} read as °F, as said (the model wrote it without the mark)`);
      return {
        intents: tokens.length ? withoutRepeats(parseActions(said.tokens)) : [],
        tokens,
        truncated,
        warnings,
        ms: performance.now() - t0,
        ...(certainty !== undefined ? { certainty } : {}),
        ...swapped,
      };
    };
    if (!clean.text) return done([], false);
    // The text prompt ends in "Says:"; a leading space keeps the first word's usual (space-prefixed) tokens.
    let ids = this.tokenizer.encodeText(this.mode === 'text' ? ` ${text}` : text);
    let truncated = clean.cut;
    if (ids.length > this.prompter.textBudget) {
      warnings.push(`input truncated to the model window: kept the first ${this.prompter.textBudget} tokens of ${raw.length} characters`);
      ids = ids.slice(0, this.prompter.textBudget);
      truncated = true;
    } else if (clean.cut) warnings.push(`input truncated to the model window: kept the first ${clean.text.length} of ${raw.length} characters`);
    if (ids.length === 0) return done([], truncated);
    let result: { tokens: string[]; capped: boolean; certainty?: number };
    try {
      result = await this.decode(this.prompter.build(speaker, ids));
    } catch (err) {
      throw new ModelRunError(`language model failed on ${ids.length} input tokens: ${(err as Error).message.split('\n')[0]}`, { cause: err });
    }
    if (result.capped) warnings.push('decoding stopped at its step cap; kept the longest complete prefix');
    return done(result.tokens, truncated, result.certainty);
  }

  info(): LanguageModelInfo {
    const m = this.cfg.manifest ?? {};
    const num = (...keys: string[]) => keys.map((k) => m[k]).find((v): v is number => typeof v === 'number');
    const str = (...keys: string[]) => keys.map((k) => m[k]).find((v): v is string => typeof v === 'string');
    const file = basename(this.cfg.files.model);
    return {
      name: str('name') ?? `${this.cfg.modelType} (${basename(this.cfg.dir)})`,
      params: num('params', 'parameters', 'param_count', 'num_parameters'),
      quantization: str('quantization') ?? (/int8|quantized/.test(file) ? 'int8' : /q4|int4/.test(file) ? 'int4' : undefined),
      path: this.cfg.dir,
      decoding: this.mode,
      loadMs: this.loadMs,
    };
  }

  /** The underlying logits source, for tests (KV-cache checks) and the bench. */
  get causalLM(): OnnxCausalLM {
    return this.lm;
  }

  get textBudget(): number {
    return this.prompter.textBudget;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.lm.close();
  }
}

export function loadLanguageModel(dir: string, opts?: LoadOptions): Promise<OnnxLanguageModel> {
  return OnnxLanguageModel.load(dir, opts);
}

function nativeSetup(cfg: ModelConfig, tok: CabinTokenizer, maxSteps: number) {
  const cabin = cfg.cabin!;
  const file = cfg.files.tokenizer;
  const idOf = new Map<string, number>();
  const tokenById = new Map<number, string>();
  for (const t of ACTION_TOKENS) {
    const id = tok.idOf(`${cabin.actionTokenPrefix}${t}${cabin.actionTokenSuffix}`);
    if (id === undefined) throw new ModelLoadError(file, `${file} lacks the action token ${cabin.actionTokenPrefix}${t}${cabin.actionTokenSuffix} (model and catalog out of step: rebuild the model)`);
    idOf.set(t, id);
    tokenById.set(id, t);
  }
  const eos = cfg.eosIds[0] ?? tok.idOf('[EOS]');
  if (eos === undefined) throw new ModelLoadError(cfg.files.config, `${cfg.files.config} has no eos_token_id and ${file} no [EOS]`);
  idOf.set(END_TOKEN, eos);
  const grammar = new ActionGrammar(idOf);
  const tokenOf = (id: number) => tokenById.get(id) ?? END_TOKEN;

  // Prompt pieces: `{text}`, or a token (with {speaker} filled in) looked up whole, else tokenized as text.
  const pieces = cabin.prompt.split(/\s+/).filter(Boolean);
  const special = (name: string): number | undefined =>
    ({ '[BOS]': cfg.bosId, '[SEP]': cfg.sepId, '[EOS]': cfg.eosIds[0], '[PAD]': cfg.padId })[name] ?? tok.idOf(name);
  const speakerIds = new Map<Seat, number[][]>();
  for (const seat of SEATS) {
    const parts = pieces.map((p) => {
      if (p === '{text}') return [];
      // `{speaker}` is the seat name inside the prompt (`<spk:{speaker}>`); a bare `{speaker}` piece means the speaker token.
      const name = p === '{speaker}' ? cabin.speakerTokenFormat.replaceAll('{seat}', seat) : p.replaceAll('{speaker}', seat).replaceAll('{seat}', seat);
      const id = special(name);
      if (id !== undefined) return [id];
      if (p.includes('{speaker}')) throw new ModelLoadError(file, `${file} lacks the speaker token ${name}`);
      return tok.encodeText(name);
    });
    speakerIds.set(seat, parts);
  }
  const textAt = pieces.indexOf('{text}');
  const overhead = speakerIds.get('driver')!.reduce((n, p) => n + p.length, 0);
  const textBudget = cfg.maxPositions - overhead - maxSteps;
  if (textBudget < 8) throw new ModelLoadError(cfg.files.config, `${cfg.files.config}: max_position_embeddings ${cfg.maxPositions} leaves no room for input after ${maxSteps} output steps`);
  const prompter: Prompter = {
    textBudget,
    build(speaker, textIds) {
      const parts = speakerIds.get(speaker)!;
      const out: number[] = [];
      parts.forEach((p, i) => out.push(...(i === textAt ? textIds : p)));
      return out;
    },
  };
  return { prompter, grammar, tokenOf };
}

function textPrompter(cfg: ModelConfig, tok: CabinTokenizer, maxSteps: number): Prompter {
  const bos = cfg.bosId !== undefined && !cfg.eosIds.includes(cfg.bosId) ? [cfg.bosId] : [];
  const build = (compact: boolean) => {
    const cache = new Map<Seat, { before: number[]; after: number[] }>();
    for (const seat of SEATS) {
      const p = actionPrompt(seat, compact);
      cache.set(seat, { before: [...bos, ...tok.encodeText(p.before)], after: tok.encodeText(p.after) });
    }
    const longest = Math.max(...[...cache.values()].map((c) => c.before.length + c.after.length));
    return { cache, textBudget: Math.min(cfg.maxPositions - longest - maxSteps, 256) };
  };
  let { cache, textBudget } = build(false);
  if (textBudget < 32) ({ cache, textBudget } = build(true));
  if (textBudget < 8) throw new ModelLoadError(cfg.files.config, `${cfg.files.config}: max_position_embeddings ${cfg.maxPositions} is too small for the prompt and ${maxSteps} output steps`);
  const heads = [...cache.values()].map((c) => c.before);
  let shared = 0;
  while (heads.every((h) => shared < h.length - 1 && h[shared] === heads[0]![shared])) shared++;
  return {
    textBudget,
    sharedHead: heads[0]!.slice(0, shared),
    build(speaker, textIds) {
      const c = cache.get(speaker)!;
      return [...c.before, ...textIds, ...c.after];
    },
  };
}
