// The language-model scorer on a fake model with known answers, and how corpus lines become expected intents.
import { describe, expect, it } from 'vitest';
import { FakeLanguageModel } from '../../models/language-model.js';
import { canonicalIntent, sameIntents, scoreCoarse, scoreExact } from '../../bench/lm-accuracy.js';
import { capPerLanguage, expectedIntents, parseSample, saidIntents, type Sample } from '../../bench/lm-data.js';
import type { CoarseCase } from '../../bench/benchmark-mapping.js';

const sample = (text: string, lang: 'en' | 'zh', expected: Sample['expected'], template = `${lang}.t`): Sample => ({
  text,
  lang,
  speaker: 'driver',
  expected,
  raw: expected,
  template,
});

const WARM = [{ intent: 'hvac.temp', zone: 'self' as const, delta: 2 }];
const SAMPLES: Sample[] = [
  sample("i'm cold", 'en', WARM, 'en.cold'),
  sample('seat heat on', 'en', [{ intent: 'seat.heat', zone: 'self', value: 'on' }], 'en.heat'),
  sample('打开阅读灯', 'zh', [{ intent: 'light.reading', zone: 'self', value: 'on' }], 'zh.reading'),
  sample('play some music', 'en', [], 'en.ooc'),
];

describe('exact match', () => {
  it('gives 75 % to a fake that is right on 3 of 4, per language and per intent', async () => {
    const fake = new FakeLanguageModel({
      "i'm cold": WARM,
      // wrong value
      'seat heat on': [{ intent: 'seat.heat', zone: 'self', value: 2 }],
      // keys in another order still match
      打开阅读灯: [{ value: 'on', zone: 'self', intent: 'light.reading' } as never],
    });
    const r = await scoreExact(fake, SAMPLES);
    expect(r.accuracy).toBe(75);
    expect(r.byLang.en).toMatchObject({ total: 3, correct: 2 });
    expect(r.byLang.zh).toMatchObject({ total: 1, correct: 1, accuracy: 100 });
    expect(r.byIntent['seat.heat']).toMatchObject({ total: 1, correct: 0 });
    expect(r.byIntent['(none)']).toMatchObject({ total: 1, correct: 1 });
    expect(r.worstTemplates).toEqual([expect.objectContaining({ template: 'en.heat', failed: 1, total: 1 })]);
    expect(r.failures[0]).toMatchObject({ text: 'seat heat on', got: [{ intent: 'seat.heat', zone: 'self', value: 2 }] });
  });

  it('splits held-out rows by what is new in them, and reads that from the corpus line', async () => {
    const fake = new FakeLanguageModel({ "i'm cold": WARM });
    const rows = [{ ...SAMPLES[0]!, unseen: 'template' as const }, { ...SAMPLES[1]!, unseen: 'phrasing' as const }, { ...SAMPLES[2]!, unseen: 'phrasing' as const }];
    const r = await scoreExact(fake, rows);
    expect(r.byUnseen).toEqual({ 'en template': expect.objectContaining({ total: 1, correct: 1 }), 'en phrasing': expect.objectContaining({ total: 1, correct: 0 }), 'zh phrasing': expect.objectContaining({ total: 1, correct: 0 }) });
    const line = JSON.stringify({ text: 'x', speaker: 'driver', lang: 'en', intents: [], actions: '', template: 't', unseen: 'both' });
    expect(parseSample(line).unseen).toBe('both');
    expect(parseSample(line.replace('"both"', '"sideways"')).unseen).toBeUndefined();
  });

  it('is exact about zones, order and missing fields; a model that throws scores a miss', async () => {
    expect(sameIntents([{ intent: 'hvac.temp', zone: 'self', delta: 2 }], [{ intent: 'hvac.temp', zone: 'driver', delta: 2 }])).toBe(false);
    expect(sameIntents([{ intent: 'a' }, { intent: 'b' }], [{ intent: 'b' }, { intent: 'a' }])).toBe(false);
    expect(canonicalIntent({ intent: 'x', zone: undefined })).toBe(canonicalIntent({ intent: 'x' }));
    const broken = { understand: async () => Promise.reject(new Error('boom')), info: () => ({ name: 'x', path: '' }), close: async () => {} };
    const r = await scoreExact(broken, SAMPLES.slice(0, 1));
    expect(r.accuracy).toBe(0);
    expect(r.failures[0]!.got).toEqual({ error: 'boom' });
  });
});

describe('coarse match', () => {
  it('scores external sentences by domain, action and value', async () => {
    const cases: CoarseCase[] = [
      { source: 'ha', lang: 'en', text: 'turn on the lights', label: 'HassTurnOn/light', accept: [{ domain: 'light', action: 'on' }] },
      { source: 'ha', lang: 'en', text: 'open the window', label: 'HassTurnOn/window', accept: [{ domain: 'none' }] },
      { source: 'slurp', lang: 'en', text: 'dim the lights', label: 'iot_hue_lightdim', accept: [{ domain: 'light', action: 'down' }] },
      { source: 'ha', lang: 'en', text: 'set temperature to 72', label: 'HassClimateSetTemperature', accept: [{ domain: 'climate', action: 'set', value: 22 }] },
    ];
    const fake = new FakeLanguageModel({
      'turn on the lights': [{ intent: 'light.dome', zone: 'cabin', value: 'on' }],
      'dim the lights': [{ intent: 'light.ambient_brightness', zone: 'cabin', delta: -20 }],
      'set temperature to 72': [{ intent: 'hvac.temp', zone: 'self', value: 22.5 }],
    });
    const r = await scoreCoarse(fake, cases);
    expect(r).toMatchObject({ total: 4, correct: 3, accuracy: 75 });
    expect(r.byLabel.HassClimateSetTemperature).toMatchObject({ correct: 0 });
    expect(r.failures).toEqual([expect.objectContaining({ text: 'set temperature to 72', expected: 'climate set 22', got: 'climate set 22.5' })]);
  });
});

describe('corpus lines', () => {
  it('converts temperatures said in °F, trusting the action tokens when present', () => {
    const f = expectedIntents([{ intent: 'hvac.temp', zone: 'self', value: 72, fahrenheit: true }]);
    expect(f).toEqual([{ intent: 'hvac.temp', zone: 'self', value: 22 }]);
    const s = parseSample(
      JSON.stringify({ text: 'x', speaker: 'passenger', lang: 'zh', intents: [{ intent: 'hvac.temp', zone: 'self', value: 99 }], actions: 'hvac.temp @self value= 70', template: 't', split: 'heldout' }),
    );
    expect(s).toMatchObject({ speaker: 'passenger', lang: 'zh', expected: [{ intent: 'hvac.temp', zone: 'self', value: 21 }] });
  });

  it('reads numbers as said from the action tokens for the peer', () => {
    const tokens = 'hvac.temp @rear value= 72 F ; hvac.temp @self delta= - 1 .5 ; query @cabin feature= hvac.fan ; followup more= true'.split(' ');
    expect(saidIntents(tokens)).toEqual([
      { intent: 'hvac.temp', zone: 'rear', value: 72, fahrenheit: true },
      { intent: 'hvac.temp', zone: 'self', delta: -1.5 },
      { intent: 'query', zone: 'cabin', feature: 'hvac.fan' },
      { intent: 'followup', more: true },
    ]);
  });

  it('caps each language evenly', () => {
    const many = Array.from({ length: 10 }, (_, i) => sample(`e${i}`, 'en', []));
    const capped = capPerLanguage([...many, sample('z', 'zh', [])], 5);
    expect(capped.map((s) => s.text)).toEqual(['e0', 'e2', 'e4', 'e6', 'e8', 'z']);
  });
});
