// The house-assistant style families (generic lights, fans, temperatures with words that name nothing) and the
// distractor step: labels follow the conventions, and inserted words never split a number or a seat name.
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../models/training/corpus/corpus.js';
import { Context, PhraseHoldout, sfc32 } from '../../../../models/training/corpus/context.js';
import { enDistract } from '../../../../models/training/corpus/en/distract.js';
import { enTemplates } from '../../../../models/training/corpus/en/index.js';
import { LANGUAGES } from '../../../../models/training/corpus/languages.js';
import type { GeneratedUtterance, Lang } from '../../../../models/training/corpus/template.js';
import { zhDistract } from '../../../../models/training/corpus/zh/distract.js';
import { zhTemplates } from '../../../../models/training/corpus/zh/index.js';

const holdout = new PhraseHoldout();
const ctx = (lang: Lang, seed: number) => new Context(lang, 'heldout', 'driver', sfc32(seed), holdout);

function outputs(lang: Lang, prefix: string, n = 300): { id: string; u: GeneratedUtterance }[] {
  const templates = (lang === 'en' ? enTemplates : zhTemplates).filter((t) => t.id.startsWith(prefix));
  expect(templates.length).toBeGreaterThan(0);
  return templates.flatMap((t) => Array.from({ length: n }, (_, i) => ({ id: t.id, u: t.generate(ctx(lang, i + 1)) })));
}

/** Whether `small` is `big` with words (or characters) taken out, in order. */
function subsequence(small: string[], big: string[]): boolean {
  let j = 0;
  for (const w of big) if (w === small[j]) j++;
  return j === small.length;
}

describe('house-assistant families', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: lights are the ambient light (cabin); fans and temperatures the speaker's own`, () => {
      for (const { id, u } of outputs(lang, `${lang}.house.`)) {
        expect(u.intents, `${id}: ${u.text}`).toHaveLength(1);
        const it = u.intents[0]!;
        if (id.includes('.light.')) {
          expect(it.intent.startsWith('light.ambient'), `${id}: ${u.text}`).toBe(true);
          expect(it.zone).toBe('cabin');
        } else expect(it.zone, `${id}: ${u.text}`).toBe('self');
      }
    });
  }

  it('en: never names a seat, a side or another cabin light', () => {
    const named = /\b(reading|dome|ceiling light|overhead|roof|interior|cabin|rear|front|left|driver|passenger|head ?lights?|fog)\b/i;
    for (const { id, u } of outputs('en', 'en.house.light.')) expect(named.test(u.text), `${id}: ${u.text}`).toBe(false);
  });

  it('zh: never names a seat, a side or another light', () => {
    for (const { id, u } of outputs('zh', 'zh.house.')) expect(/阅读|顶灯|大灯|主驾|副驾|[左右前后]/.test(u.text), `${id}: ${u.text}`).toBe(false);
  });

  it('say minimum brightness as 1 % and maximum as 100 %', () => {
    const extremes = [...outputs('en', 'en.house.light.extreme'), ...outputs('zh', 'zh.house.light.level')];
    const low = extremes.filter(({ u }) => /minimum|lowest|min\b|all the way down|as (dim|low)|最暗|最低|最小/.test(u.text));
    expect(low.length).toBeGreaterThan(20);
    for (const { u } of low) expect(u.intents[0]!.value, u.text).toBe(1);
  });
});

describe('distractors', () => {
  const en = ['set the rear left temperature to twenty two and a half degrees', 'turn on the A C please', 'fan speed 4 for the driver', 'make it 72 degrees'];
  const zh = ['把副驾温度调到二十二点五度', '后排左边座椅加热开到3档', '请把氛围灯换成蓝色吧', '风扇调到最大'];

  it('add one or two words and keep every word of the sentence in order', () => {
    for (let i = 0; i < 400; i++) {
      const t = en[i % en.length]!;
      const d = enDistract(t, ctx('en', i));
      const added = d.split(' ').length - t.split(' ').length;
      expect(added, d).toBeGreaterThanOrEqual(1);
      expect(subsequence(t.toLowerCase().split(' '), d.toLowerCase().replace(/,/g, '').split(' ')), `${t} → ${d}`).toBe(true);
      const z = zh[i % zh.length]!;
      const dz = zhDistract(z, ctx('zh', i));
      expect(dz.length, dz).toBeGreaterThan(z.length);
      expect(subsequence([...z], [...dz]), `${z} → ${dz}`).toBe(true);
    }
  });

  it('never split a number, a seat name or A C', () => {
    for (let i = 0; i < 400; i++) {
      const d = enDistract(en[i % en.length]!, ctx('en', i)).toLowerCase();
      for (const kept of ['twenty two and a half degrees', 'rear left', 'a c', 'speed 4', '72 degrees']) {
        if (en[i % en.length]!.toLowerCase().includes(kept)) expect(d, d).toContain(kept);
      }
      const dz = zhDistract(zh[i % zh.length]!, ctx('zh', i));
      for (const kept of ['二十二点五度', '3档']) if (zh[i % zh.length]!.includes(kept)) expect(dz, dz).toContain(kept);
    }
  });

  it('touch about a tenth of the corpus', () => {
    const c = buildCorpus(LANGUAGES, { seed: 5, train: 4000, heldout: 300 });
    const share = c.train.filter((s) => c.meta.get(s)!.distracted).length / c.train.length;
    expect(share).toBeGreaterThan(0.06);
    expect(share).toBeLessThan(0.16);
  });
});
