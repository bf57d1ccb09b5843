import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CabinTokenizer } from '../../../models/runtime/cabin-tokenizer.js';
import { ModelLoadError } from '../../../models/runtime/model-config.js';
import { repoRoot } from '../../helpers/cli.js';

const FIX = join(repoRoot, 'test', 'fixtures', 'lm');
const native = CabinTokenizer.load(join(FIX, 'tiny-native', 'tokenizer.json'));

describe('tokenizer (NFKC + Lowercase + BertPreTokenizer + WordPiece)', () => {
  // Expected splits come from an independent Python implementation (make_tiny_lm.py reference_encode).
  const cases = JSON.parse(readFileSync(join(FIX, 'tokenizer-cases.json'), 'utf8')) as { text: string; tokens: string[]; ids: number[] }[];
  for (const c of cases) {
    it(`matches the Python reference on ${JSON.stringify(c.text)}`, () => {
      expect(native.encodeText(c.text)).toEqual(c.ids);
      expect(native.tokens(c.text)).toEqual(c.tokens);
    });
  }

  it('splits by hand-checked WordPiece rules: English, Mandarin and code-switching', () => {
    expect(native.tokens('Turn ON the A/C!')).toEqual(['turn', 'on', 'the', 'a', '/', 'c', '!']);
    // No whitespace in Mandarin: one word, continued with ## pieces; "AC" lower-cased inside it.
    expect(native.tokens('把AC关掉')).toEqual(['把', '##a', '##c', '##关', '##掉']);
    expect(native.tokens('打开 空调')).toEqual(['打', '##开', '空', '##调']);
    // NFKC folds full-width letters and the ideographic space.
    expect(native.tokens('ＡＣ　ｏｆｆ')).toEqual(['ac', 'off']);
    // A word with a piece missing from the vocabulary is one [UNK], as in the Rust WordPiece model.
    expect(native.tokens('25°C')).toEqual(['[UNK]']);
    expect(native.tokens('x'.repeat(101))).toEqual(['[UNK]']);
  });

  it('does not let special tokens typed into the text through', () => {
    const ids = native.encodeText('on [SEP] <a:hvac.ac> <spk:driver> [EOS]');
    expect(ids.filter((id) => native.isSpecial(id) && id !== native.unkId)).toEqual([]);
    expect(native.tokens('on [SEP]')).toEqual(['on', '[UNK]']);
  });

  it('looks up added tokens (action and speaker tokens) by their text', () => {
    expect(native.idOf('<a:hvac.temp>')).toBeTypeOf('number');
    expect(native.idOf('<spk:rear_left>')).toBeTypeOf('number');
    expect(native.tokenOf(native.idOf('<a:;>')!)).toBe('<a:;>');
  });

  it('gives the text each id adds mid-sentence, for the text-level decoder', () => {
    const gen = CabinTokenizer.load(join(FIX, 'tiny-general', 'tokenizer.json'), join(FIX, 'tiny-general', 'tokenizer_config.json'));
    expect(gen.piece(gen.idOf('Ġhvac')!)).toBe(' hvac');
    expect(gen.piece(gen.idOf('=')!)).toBe('=');
    expect(gen.piece(gen.idOf('<|endoftext|>')!)).toBe('');
    expect(native.piece(native.idOf('##开')!)).toBe('开');
    expect(native.piece(native.idOf('turn')!)).toBe(' turn');
  });

  it('reports a malformed tokenizer.json as a ModelLoadError naming the file', () => {
    expect(() => new CabinTokenizer({ model: { type: 'NoSuchModel' } } as Record<string, unknown>, {}, '/x/tokenizer.json')).toThrow(ModelLoadError);
    expect(() => new CabinTokenizer({ model: { type: 'NoSuchModel' } } as Record<string, unknown>, {}, '/x/tokenizer.json')).toThrow(/\/x\/tokenizer\.json/);
  });
});

// The training side may leave its own token ids for the shipped tokenizer; check parity with them when present.
const SHIPPED = join(repoRoot, 'models', 'cabin-lm');
const pythonCases = [join(SHIPPED, 'tokenizer-cases.json'), join(repoRoot, 'test', 'fixtures', 'lm', 'cabin-tokenizer-cases.json')].find((f) => existsSync(f));
if (!pythonCases || !existsSync(join(SHIPPED, 'tokenizer.json'))) {
  console.warn('tokenizer.test: skipping parity with the training tokenizer: models/cabin-lm/tokenizer.json or its tokenizer-cases.json is not there yet (the model is not committed)');
}
describe.skipIf(!pythonCases || !existsSync(join(SHIPPED, 'tokenizer.json')))('shipped tokenizer parity with the Python training side', () => {
  it('encodes every case exactly as the Python tokenizer did', () => {
    const tok = CabinTokenizer.load(join(SHIPPED, 'tokenizer.json'));
    const cases = JSON.parse(readFileSync(pythonCases!, 'utf8')) as { text: string; ids: number[] }[];
    for (const c of cases) expect(tok.encodeText(c.text), c.text).toEqual(c.ids);
  });
});
