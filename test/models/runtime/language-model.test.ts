import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FakeLanguageModel, normalizeUtterance } from '../../../models/language-model.js';
import { measureLatency, percentile } from '../../../models/runtime/measure.js';
import { loadLanguageModel } from '../../../models/runtime/onnx-language-model.js';
import { repoRoot } from '../../helpers/cli.js';

describe('FakeLanguageModel', () => {
  it('answers from its table after normalising case, spacing and final punctuation', async () => {
    const fake = new FakeLanguageModel({ 'Turn on the AC': [{ intent: 'hvac.ac', zone: 'cabin', value: 'on' }] });
    expect((await fake.understand('  turn ON   the ac! ', 'driver')).intents).toEqual([{ intent: 'hvac.ac', zone: 'cabin', value: 'on' }]);
    expect((await fake.understand('open the window', 'driver')).intents).toEqual([]);
    expect(fake.calls).toHaveLength(2);
  });

  it('supports per-speaker answers and returns copies', async () => {
    const fake = new FakeLanguageModel().set('me too', [{ intent: 'followup', zone: 'self' }]).set('passenger|me too', []);
    expect((await fake.understand('me too', 'driver')).intents).toEqual([{ intent: 'followup', zone: 'self' }]);
    expect((await fake.understand('me too', 'passenger')).intents).toEqual([]);
    const a = await fake.understand('me too', 'driver');
    a.intents[0]!.zone = 'driver';
    expect((await fake.understand('me too', 'driver')).intents[0]!.zone).toBe('self');
  });

  it('normalizeUtterance folds full-width text', () => {
    expect(normalizeUtterance('ＡＣ　ＯＦＦ。')).toBe('ac off');
  });
});

describe('measureLatency', () => {
  it('reports percentiles, load time and memory for a loader', async () => {
    const r = await measureLatency(() => loadLanguageModel(join(repoRoot, 'test', 'fixtures', 'lm', 'tiny-native')), ['turn on the AC', '把AC关掉', 'i am cold', 'seat heat 3']);
    expect(r.count).toBe(4);
    expect(r.p50).toBeGreaterThan(0);
    expect(r.p95).toBeGreaterThanOrEqual(r.p50);
    expect(r.loadMs).toBeGreaterThan(0);
    expect(r.rssMb).toBeGreaterThan(10);
  });

  it('times every utterance once per round and reports the median round', async () => {
    let calls = 0;
    const model = new FakeLanguageModel();
    const understand = model.understand.bind(model);
    model.understand = async (text, speaker) => {
      calls++;
      return understand(text, speaker);
    };
    const r = await measureLatency(model, ['a', 'b', 'c'], { warmup: 1, rounds: 3 });
    expect(calls).toBe(1 + 3 * 3);
    expect(r.rounds).toBe(3);
    expect(r.count).toBe(3);
  });

  it('works on any LanguageModel', async () => {
    const r = await measureLatency(new FakeLanguageModel(), [{ text: 'x', speaker: 'rear_left' }]);
    expect(r.count).toBe(1);
    expect(Number.isNaN(r.loadMs)).toBe(true);
  });

  it('percentile uses the nearest rank', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 95)).toBe(95);
    expect(percentile([3], 95)).toBe(3);
  });
});
