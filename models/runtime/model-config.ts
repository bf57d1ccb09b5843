// Reads a Hugging Face-style causal-LM directory (config.json, tokenizer.json, model.onnx) and checks it before anything loads.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CabinError } from '../../vehicle-bus/errors.js';

/** The model directory is missing, incomplete or malformed; `file` names the culprit. */
export class ModelLoadError extends CabinError {
  readonly file: string;

  constructor(file: string, detail: string, options?: { cause?: unknown }) {
    super('E_MODEL_LOAD', detail, options);
    this.file = file;
  }
}

/** The model failed while running (a broken graph, an out-of-memory); the stage wraps whatever onnxruntime threw. */
export class ModelRunError extends CabinError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_MODEL_RUN', message, options);
  }
}

export const BUILD_HINT = 'build it with `bash models/training/build-model.sh`, or pass --model DIR';

/** The `cabin` block the Cabin LM export adds to config.json; its presence selects the native decoder. */
export interface CabinBlock {
  actionTokenPrefix: string;
  actionTokenSuffix: string;
  speakerTokenFormat: string;
  /** e.g. `[BOS] <spk:{speaker}> {text} [SEP]`: whitespace-separated pieces, `{text}` is the utterance. */
  prompt: string;
}

export interface ModelConfig {
  dir: string;
  modelType: string;
  numLayers: number;
  numHeads: number;
  numKvHeads: number;
  headDim: number;
  vocabSize: number;
  maxPositions: number;
  bosId?: number;
  eosIds: number[];
  padId?: number;
  sepId?: number;
  cabin?: CabinBlock;
  /** lexicon: the optional word lexicon applied before tokenizing (see word-lexicon.ts). */
  files: { config: string; tokenizer: string; tokenizerConfig?: string; model: string; manifest?: string; lexicon?: string };
  /** Whatever manifest.json says (parameter count, quantization, sha256), when present. */
  manifest?: Record<string, unknown>;
}

/** Where a model file may sit: the Cabin LM export puts it at the root, transformers.js-style exports under onnx/. */
const MODEL_CANDIDATES = ['model.onnx', 'model_quantized.onnx', 'onnx/model_int8.onnx', 'onnx/model_quantized.onnx', 'onnx/model_q4.onnx', 'onnx/model.onnx'];

function readJson(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ModelLoadError(file, `cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
    return v as Record<string, unknown>;
  } catch (err) {
    throw new ModelLoadError(file, `${file} is not valid JSON (${(err as Error).message})`, { cause: err });
  }
}

function int(cfg: Record<string, unknown>, key: string, file: string, fallback?: number): number {
  const v = cfg[key] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
    throw new ModelLoadError(file, `${file}: "${key}" must be a positive integer (got ${JSON.stringify(cfg[key])})`);
  }
  return v;
}

function optId(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

export function loadModelConfig(dir: string): ModelConfig {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ModelLoadError(dir, `no model at ${dir} (directory not found); ${BUILD_HINT}`);
  }
  const configFile = join(dir, 'config.json');
  const tokenizerFile = join(dir, 'tokenizer.json');
  for (const f of [configFile, tokenizerFile]) {
    if (!existsSync(f)) throw new ModelLoadError(f, `incomplete model at ${dir}: ${f} is missing; ${BUILD_HINT}`);
  }
  const modelFile = MODEL_CANDIDATES.map((c) => join(dir, c)).find((f) => existsSync(f));
  if (!modelFile) throw new ModelLoadError(join(dir, 'model.onnx'), `incomplete model at ${dir}: ${join(dir, 'model.onnx')} is missing; ${BUILD_HINT}`);

  const raw = readJson(configFile);
  // Multimodal/nested exports keep the decoder's numbers under text_config.
  const cfg = raw.text_config && typeof raw.text_config === 'object' ? { ...raw, ...(raw.text_config as Record<string, unknown>) } : raw;
  const hidden = int(cfg, 'hidden_size', configFile);
  const numHeads = int(cfg, 'num_attention_heads', configFile);
  const numKvHeads = int(cfg, 'num_key_value_heads', configFile, numHeads);
  if (numHeads % numKvHeads !== 0) throw new ModelLoadError(configFile, `${configFile}: num_attention_heads ${numHeads} is not a multiple of num_key_value_heads ${numKvHeads}`);
  const headDim = int(cfg, 'head_dim', configFile, Math.floor(hidden / numHeads));
  const eos = cfg.eos_token_id;
  const eosIds = (Array.isArray(eos) ? eos : [eos]).map(optId).filter((v): v is number => v !== undefined);

  let cabin: CabinBlock | undefined;
  if (cfg.cabin !== undefined) {
    const c = cfg.cabin as Record<string, unknown>;
    const str = (k: string, d?: string): string => {
      const v = c?.[k] ?? d;
      if (typeof v !== 'string' || !v) throw new ModelLoadError(configFile, `${configFile}: cabin.${k} must be a non-empty string`);
      return v;
    };
    cabin = {
      actionTokenPrefix: str('action_token_prefix', '<a:'),
      actionTokenSuffix: str('action_token_suffix', '>'),
      speakerTokenFormat: str('speaker_token_format', '<spk:{seat}>'),
      prompt: str('prompt', '[BOS] <spk:{speaker}> {text} [SEP]'),
    };
    if (!cabin.prompt.split(/\s+/).includes('{text}')) throw new ModelLoadError(configFile, `${configFile}: cabin.prompt has no {text} piece`);
  }

  const manifestFile = join(dir, 'manifest.json');
  const tokenizerConfig = join(dir, 'tokenizer_config.json');
  const lexicon = join(dir, 'lexicon.json');
  return {
    dir,
    modelType: typeof cfg.model_type === 'string' ? cfg.model_type : 'unknown',
    numLayers: int(cfg, 'num_hidden_layers', configFile),
    numHeads,
    numKvHeads,
    headDim,
    vocabSize: int(cfg, 'vocab_size', configFile),
    maxPositions: int(cfg, 'max_position_embeddings', configFile, 2048),
    bosId: optId(cfg.bos_token_id),
    eosIds,
    padId: optId(cfg.pad_token_id),
    sepId: optId(cfg.sep_token_id),
    cabin,
    files: {
      config: configFile,
      tokenizer: tokenizerFile,
      model: modelFile,
      ...(existsSync(tokenizerConfig) ? { tokenizerConfig } : {}),
      ...(existsSync(manifestFile) ? { manifest: manifestFile } : {}),
      ...(existsSync(lexicon) ? { lexicon } : {}),
    },
    manifest: existsSync(manifestFile) ? readJson(manifestFile) : undefined,
  };
}

/** The shipped model: `models/cabin-lm/` of the package (found upwards from this file, which also runs from dist/). */
export function defaultModelDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'models'))) return join(dir, 'models', 'cabin-lm');
    dir = dirname(dir);
  }
  return resolve('models', 'cabin-lm');
}
