// The shipped Cabin LM (models/cabin-lm/) matches its manifest and understands plain commands in both languages.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLanguageModel } from '../../models/runtime/onnx-language-model.js';
import type { LanguageModel } from '../../models/language-model.js';
import { repoRoot } from '../helpers/cli.js';

const dir = join(repoRoot, 'models', 'cabin-lm');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  files: Record<string, { sha256: string; bytes: number }>;
  params: number;
  heldout: Record<string, number> | null;
};

describe('shipped model files', () => {
  it.each(Object.keys(manifest.files))('%s matches the sha256 and size in manifest.json', (file) => {
    const data = readFileSync(join(dir, file));
    expect({ sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length }).toEqual(manifest.files[file]);
  });

  it('model.onnx is at most 15 MB', () => {
    expect(statSync(join(dir, 'model.onnx')).size).toBeLessThanOrEqual(15 * 1024 * 1024);
  });

  it('records held-out scores per language', () => {
    expect(manifest.heldout?.en).toBeGreaterThan(0);
    expect(manifest.heldout?.zh).toBeGreaterThan(0);
  });
});

// Plain, unambiguous commands: if the shipped model misses these, something in the pipeline broke.
const GOLDEN: [string, string, unknown][] = [
  ['driver', 'turn on my seat heating', [{ intent: 'seat.heat', zone: 'self', value: 'on' }]],
  ['passenger', 'set the temperature to 22 degrees', [{ intent: 'hvac.temp', zone: 'self', value: 22 }]],
  ['driver', 'turn off the air conditioning', [{ intent: 'hvac.ac', zone: 'cabin', value: 'off' }]],
  ['rear_left', 'open the window', []],
  ['driver', '打开座椅加热', [{ intent: 'seat.heat', zone: 'self', value: 'on' }]],
  ['passenger', '把温度调到二十二度', [{ intent: 'hvac.temp', zone: 'self', value: 22 }]],
  ['driver', '关闭氛围灯', [{ intent: 'light.ambient', zone: 'cabin', value: 'off' }]],
  ['driver', '放首歌', []],
];

describe('shipped model understanding', () => {
  let model: LanguageModel;
  beforeAll(async () => {
    model = await loadLanguageModel(dir);
  });
  afterAll(async () => model?.close());

  it.each(GOLDEN)('%s: "%s"', async (speaker, text, want) => {
    const got = await model.understand(text, speaker as 'driver');
    expect(got.intents).toEqual(want);
  });
});
