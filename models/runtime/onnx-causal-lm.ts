// One onnxruntime-node session over a causal-LM export with past_key_values: feed the prompt once, then one token per step.
import { availableParallelism } from 'node:os';
import * as ort from 'onnxruntime-node';
import { ModelLoadError, type ModelConfig } from './model-config.js';

/** Where the decoders get next-token logits from; a fake in tests, the ONNX session in the product. */
export interface LogitsSource {
  /** Length of a logits row (may exceed the tokenizer's size: padded embedding tables). */
  readonly vocabSize: number;
  /** Starts a new sequence with the prompt; resolves to the logits for the next token (valid until the next call). */
  prefill(ids: readonly number[]): Promise<Float32Array>;
  /** Appends one token; resolves to the logits for the one after it. */
  step(id: number): Promise<Float32Array>;
  /** Appends several tokens in one call (optional); resolves to the logits after the last. */
  extend?(ids: readonly number[]): Promise<Float32Array>;
}

export interface SessionOptions {
  /** intra-op threads; default min(2, cores): the head unit and the dev machine have 2 cores. */
  threads?: number;
}

interface PastSlot {
  input: string;
  output: string;
}

export class OnnxCausalLM implements LogitsSource {
  readonly vocabSize: number;
  readonly hasPositionIds: boolean;
  readonly numLayers: number;
  /** Positions already in the KV cache. */
  private pastLen = 0;
  private past = new Map<string, ort.Tensor>();
  private readonly slots: PastSlot[];
  private readonly mask: BigInt64Array;
  private readonly one = new BigInt64Array(1);
  private readonly pos = new BigInt64Array(1);
  private readonly empty: ort.Tensor;
  private readonly useCacheBranch: boolean;
  private readonly f16 = { buf: new Float32Array(0) };
  private prefix: { ids: number[]; past: Map<string, ort.Tensor> } | undefined;

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly cfg: ModelConfig,
    private readonly pastType: 'float32' | 'float16',
    kvShape: { heads: number; headDim: number },
  ) {
    const names = session.inputNames;
    this.hasPositionIds = names.includes('position_ids');
    this.useCacheBranch = names.includes('use_cache_branch');
    const pastNames = names.filter((n) => n.startsWith('past_key_values.') || n.startsWith('past_key_values_'));
    this.slots = pastNames.map((input) => {
      const suffix = input.replace(/^past_key_values[._]/, '');
      const output = session.outputNames.find((o) => o !== 'logits' && o.replace(/^present(_key_values)?[._]/, '') === suffix);
      if (!output) throw new ModelLoadError(cfg.files.model, `${cfg.files.model}: no present output matches input ${input}`);
      return { input, output };
    });
    this.numLayers = this.slots.length / 2;
    const logitsMeta = session.outputMetadata.find((m) => m.name === 'logits');
    const v = logitsMeta?.isTensor ? logitsMeta.shape[2] : undefined;
    this.vocabSize = typeof v === 'number' && v > 0 ? v : cfg.vocabSize;
    this.mask = new BigInt64Array(cfg.maxPositions).fill(1n);
    const dims = [1, kvShape.heads, 0, kvShape.headDim];
    this.empty = pastType === 'float16' ? new ort.Tensor('float16', new Uint16Array(0), dims) : new ort.Tensor('float32', new Float32Array(0), dims);
  }

  static async create(cfg: ModelConfig, opts: SessionOptions = {}): Promise<OnnxCausalLM> {
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(cfg.files.model, {
        executionProviders: ['cpu'],
        graphOptimizationLevel: 'all',
        executionMode: 'sequential',
        intraOpNumThreads: opts.threads ?? Math.min(2, availableParallelism()),
        interOpNumThreads: 1,
        enableCpuMemArena: true,
        enableMemPattern: true,
      });
    } catch (err) {
      throw new ModelLoadError(cfg.files.model, `cannot load ${cfg.files.model}: ${(err as Error).message.split('\n')[0]}`, { cause: err });
    }
    const need = ['input_ids', 'attention_mask'];
    for (const n of need) if (!session.inputNames.includes(n)) throw new ModelLoadError(cfg.files.model, `${cfg.files.model}: no "${n}" input (inputs: ${session.inputNames.join(', ')})`);
    if (!session.outputNames.includes('logits')) throw new ModelLoadError(cfg.files.model, `${cfg.files.model}: no "logits" output`);
    const pastMeta = session.inputMetadata.find((m) => m.name.startsWith('past_key_values'));
    if (!pastMeta) throw new ModelLoadError(cfg.files.model, `${cfg.files.model}: no past_key_values inputs (export it with a KV cache, e.g. optimum's text-generation-with-past)`);
    // Trust numeric dims in the graph over config.json (GQA exports sometimes disagree with a stale config).
    const shape = pastMeta.isTensor ? pastMeta.shape : [];
    const heads = typeof shape[1] === 'number' ? shape[1] : cfg.numKvHeads;
    const headDim = typeof shape[3] === 'number' ? shape[3] : cfg.headDim;
    const type = pastMeta.isTensor && pastMeta.type === 'float16' ? 'float16' : 'float32';
    const lm = new OnnxCausalLM(session, cfg, type, { heads, headDim });
    if (lm.slots.length === 0 || lm.slots.length % 2 !== 0) throw new ModelLoadError(cfg.files.model, `${cfg.files.model}: expected key and value past inputs per layer, found ${lm.slots.length}`);
    return lm;
  }

  get positions(): number {
    return this.pastLen;
  }

  async prefill(ids: readonly number[]): Promise<Float32Array> {
    this.pastLen = 0;
    this.past.clear();
    let from = 0;
    const p = this.prefix;
    if (p && ids.length > p.ids.length && p.ids.every((id, i) => ids[i] === id)) {
      // The shared head of every prompt (a few-shot preamble) was computed once; start after it.
      for (const [k, v] of p.past) this.past.set(k, v);
      this.pastLen = p.ids.length;
      from = p.ids.length;
    }
    const data = BigInt64Array.from(ids.slice(from), (i) => BigInt(i));
    return this.forward(data, data.length);
  }

  /** Computes the KV cache of a prompt head once; later prompts that start with it skip those positions. */
  async cachePrefix(ids: readonly number[]): Promise<void> {
    this.prefix = undefined;
    if (ids.length === 0) return;
    await this.prefill(ids);
    this.prefix = { ids: [...ids], past: new Map(this.past) };
  }

  async step(id: number): Promise<Float32Array> {
    this.one[0] = BigInt(id);
    return this.forward(this.one, 1);
  }

  async extend(ids: readonly number[]): Promise<Float32Array> {
    return this.forward(BigInt64Array.from(ids, (i) => BigInt(i)), ids.length);
  }

  private async forward(ids: BigInt64Array, n: number): Promise<Float32Array> {
    const total = this.pastLen + n;
    if (total > this.mask.length) throw new RangeError(`sequence of ${total} positions exceeds the model window of ${this.mask.length}`);
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', ids, [1, n]),
      attention_mask: new ort.Tensor('int64', this.mask.subarray(0, total), [1, total]),
    };
    if (this.hasPositionIds) {
      let positions: BigInt64Array;
      if (n === 1) {
        this.pos[0] = BigInt(this.pastLen);
        positions = this.pos;
      } else positions = BigInt64Array.from({ length: n }, (_, i) => BigInt(this.pastLen + i));
      feeds.position_ids = new ort.Tensor('int64', positions, [1, n]);
    }
    if (this.useCacheBranch) feeds.use_cache_branch = new ort.Tensor('bool', [this.pastLen > 0], [1]);
    for (const s of this.slots) feeds[s.input] = this.past.get(s.input) ?? this.empty;
    const out = await this.session.run(feeds);
    for (const s of this.slots) this.past.set(s.input, out[s.output]!);
    this.pastLen = total;
    const logits = out.logits!;
    const v = logits.dims[2] ?? this.vocabSize;
    const rows = logits.dims[1] ?? n;
    const start = (rows - 1) * v;
    if (logits.type === 'float32') return (logits.data as Float32Array).subarray(start, start + v);
    return this.fromHalf(logits.data as Uint16Array, start, v);
  }

  private fromHalf(data: Uint16Array, start: number, v: number): Float32Array {
    if (this.f16.buf.length !== v) this.f16.buf = new Float32Array(v);
    const out = this.f16.buf;
    for (let i = 0; i < v; i++) out[i] = halfToFloat(data[start + i]!);
    return out;
  }

  async close(): Promise<void> {
    this.past.clear();
    this.prefix = undefined;
    await this.session.release();
  }

  get inputNames(): readonly string[] {
    return this.session.inputNames;
  }

  get config(): ModelConfig {
    return this.cfg;
  }

  get pastDtype(): string {
    return this.pastType;
  }
}

function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * 2 ** -14 * (f / 1024);
  if (e === 31) return f ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + f / 1024);
}
