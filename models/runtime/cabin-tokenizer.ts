// tokenizer.json in TypeScript: a thin wrapper over @huggingface/tokenizers with the look-ups the decoders need.
import { readFileSync } from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import { ModelLoadError } from './model-config.js';

/*
 * @huggingface/tokenizers 0.2.0 implements every piece the Cabin LM's tokenizer.json uses (NFKC, Lowercase,
 * BertPreTokenizer, WordPiece with `##`) and the byte-level BPE / Metaspace pieces of general models;
 * test/models/runtime/tokenizer.test.ts checks its splits against an independent Python implementation.
 */

export class CabinTokenizer {
  private readonly tok: Tokenizer;
  private readonly specialIds: Set<number>;
  readonly unkId: number | undefined;
  /** Highest id + 1 over the vocabulary and the added tokens. */
  readonly size: number;
  /** Decoded text of each id when it follows other text (lazy; the text decoder asks only for its top-k). */
  private readonly pieces: (string | undefined)[] = [];
  private readonly anchorId: number | undefined;
  private readonly anchorText: string;

  constructor(json: Record<string, unknown>, config: Record<string, unknown> = {}, file = 'tokenizer.json') {
    try {
      this.tok = new Tokenizer(json, { clean_up_tokenization_spaces: false, ...config });
    } catch (err) {
      throw new ModelLoadError(file, `${file}: unsupported or malformed tokenizer (${(err as Error).message})`, { cause: err });
    }
    this.specialIds = new Set([...this.tok.get_added_tokens_decoder()].filter(([, t]) => t.special).map(([id]) => id));
    const model = json.model as { unk_token?: unknown } | undefined;
    this.unkId = typeof model?.unk_token === 'string' ? this.tok.token_to_id(model.unk_token) : undefined;
    let max = -1;
    for (const id of this.tok.get_vocab(true).values()) if (id > max) max = id;
    this.size = max + 1;
    // A plain letter that tokenizes to one id: decoding [anchor, id] minus the anchor gives id's text mid-sentence.
    this.anchorId = ['a', 'Ġa', '▁a'].map((t) => this.tok.token_to_id(t)).find((id) => id !== undefined);
    this.anchorText = this.anchorId === undefined ? '' : this.decode([this.anchorId]);
  }

  static load(file: string, configFile?: string): CabinTokenizer {
    const read = (f: string): Record<string, unknown> => {
      try {
        return JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
      } catch (err) {
        throw new ModelLoadError(f, `cannot read ${f}: ${(err as Error).message}`, { cause: err });
      }
    };
    const config = configFile ? read(configFile) : {};
    // Only the keys that change how text is split or decoded; a chat template or auto_map is irrelevant here.
    const keep: Record<string, unknown> = {};
    for (const k of ['remove_space', 'do_lowercase_and_remove_accent', 'additional_special_tokens']) if (k in config) keep[k] = config[k];
    return new CabinTokenizer(read(file), keep, file);
  }

  /**
   * Ids of user text, with no special tokens: a special token typed into the text (`[SEP]`, `<a:hvac.ac>`) must
   * not steer the model, so it becomes [UNK] (or is dropped when the vocabulary has no [UNK]).
   */
  encodeText(text: string): number[] {
    if (!text) return [];
    const ids = this.tok.encode(text, { add_special_tokens: false }).ids;
    const out: number[] = [];
    for (const id of ids) {
      if (!this.specialIds.has(id)) out.push(id);
      else if (this.unkId !== undefined) out.push(this.unkId);
    }
    return out;
  }

  tokens(text: string): string[] {
    return this.encodeText(text).map((id) => this.tok.id_to_token(id) ?? '');
  }

  idOf(token: string): number | undefined {
    return this.tok.token_to_id(token);
  }

  tokenOf(id: number): string | undefined {
    return this.tok.id_to_token(id);
  }

  isSpecial(id: number): boolean {
    return this.specialIds.has(id);
  }

  decode(ids: number[]): string {
    return this.tok.decode(ids, { skip_special_tokens: false, clean_up_tokenization_spaces: false });
  }

  /** Text that id adds after some text (leading space included when the tokenizer marks one). */
  piece(id: number): string {
    let p = this.pieces[id];
    if (p === undefined) {
      if (this.specialIds.has(id)) p = '';
      else if (this.anchorId === undefined) p = this.decode([id]);
      else {
        const both = this.decode([this.anchorId, id]);
        p = both.startsWith(this.anchorText) ? both.slice(this.anchorText.length) : this.decode([id]);
      }
      this.pieces[id] = p;
    }
    return p;
  }
}
