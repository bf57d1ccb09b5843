// The runtime word lexicon: which words it swaps, what it leaves alone, and how a model directory brings one.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelLoadError, loadModelConfig } from '../../../models/runtime/model-config.js';
import { loadLanguageModel } from '../../../models/runtime/onnx-language-model.js';
import { WordLexicon } from '../../../models/runtime/word-lexicon.js';
import { repoRoot } from '../../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'cabin-lexicon-'));
  dirs.push(d);
  return d;
};

describe('WordLexicon', () => {
  const lexicon = WordLexicon.of({ discontinue: 'stop', preheated: 'heated', operating: 'running' });

  it('swaps listed words whatever their case, keeps everything else as it was, and says what it swapped', () => {
    expect(lexicon.apply('Discontinue the massage, please!')).toEqual({ text: 'stop the massage, please!', swapped: [['Discontinue', 'stop']] });
    expect(lexicon.apply('is the fan operating? 把AC关掉').text).toBe('is the fan running? 把AC关掉');
  });

  it('matches whole words only', () => {
    expect(lexicon.apply('discontinued preheat operatingroom').swapped).toEqual([]);
  });

  it('rejects a file without entries, or with an entry that is not a word, in one line naming the file', () => {
    const d = temp();
    writeFileSync(join(d, 'a.json'), '{"source":"x"}');
    writeFileSync(join(d, 'b.json'), '{"entries":[["cease",""]]}');
    writeFileSync(join(d, 'c.json'), 'not json');
    expect(() => WordLexicon.fromFile(join(d, 'a.json'))).toThrow(/a\.json: lexicon has no "entries" list/);
    expect(() => WordLexicon.fromFile(join(d, 'b.json'))).toThrow(/b\.json: lexicon entry \["cease",""\] is not a \[word, replacement\] pair/);
    expect(() => WordLexicon.fromFile(join(d, 'c.json'))).toThrow(/c\.json: not a readable lexicon/);
  });
});

describe('a model directory with lexicon.json', () => {
  const shipped = join(repoRoot, 'models', 'cabin-lm');

  it('is read before tokenizing: a word the lexicon swaps reaches the model as its replacement', async () => {
    const d = temp();
    cpSync(shipped, d, { recursive: true });
    // "zorbulate" is no English word: only the lexicon can give it a meaning.
    writeFileSync(join(d, 'lexicon.json'), JSON.stringify({ source: 'test', entries: [['zorbulate', 'turn off']] }));
    const model = await loadLanguageModel(d);
    try {
      const got = await model.understand('zorbulate the seat massage', 'driver');
      expect(got.swapped).toEqual([['zorbulate', 'turn off']]);
      expect(got.intents).toEqual([{ intent: 'seat.massage', zone: 'self', value: 'off' }]);
      expect((await model.understand('turn on my seat heating', 'driver')).swapped).toBeUndefined();
    } finally {
      await model.close();
    }
  });

  it('fails to load with a ModelLoadError naming the file when the lexicon is broken', () => {
    const d = temp();
    cpSync(shipped, d, { recursive: true });
    writeFileSync(join(d, 'lexicon.json'), '{"entries": {"zorbulate": "turn off"}}');
    expect(loadModelConfig(d).files.lexicon).toBe(join(d, 'lexicon.json'));
    return expect(loadLanguageModel(d)).rejects.toThrow(ModelLoadError);
  });
});
