// The Mandarin corpus templates: numerals, catalog coverage, well-formed targets, and speaker-aware seat words.
import { describe, expect, it } from 'vitest';
import { INTENTS, ZONES_BY_KIND, intentSpec, type Intent } from '../../../../intents/catalog.js';
import { formatActions, parseActions } from '../../../../intents/action-language.js';
import type { GeneratedUtterance, Split, Template, TemplateContext } from '../../../../models/training/corpus/template.js';
import { zhAsrNoise, zhConnectors, zhTemplates } from '../../../../models/training/corpus/zh/index.js';
import { zhCount, zhInt, zhNumber } from '../../../../models/training/corpus/zh/numbers.js';
import { SEATS, type Seat } from '../../../../vehicle-bus/cabin/vehicle-state-types.js';
import { mulberry32 } from '../../../../vehicle-bus/prng.js';

/** A stand-in for the generator's context: seeded (mulberry32), and it checks that every bank is big enough to hold some out. */
function makeCtx(seed: number, speaker: Seat, split: Split = 'train'): TemplateContext & { smallBanks: string[][] } {
  const random = mulberry32(seed);
  const smallBanks: string[][] = [];
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return {
    lang: 'zh',
    split,
    speaker,
    random,
    pick,
    chance: (p) => random() < p,
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
    beyondRange: () => undefined, // a plain draw (no --wide-values)
    pairs: () => false, // a plain draw (no --seat-pairs)
    sights: () => false, // a plain draw (no --sights)
    phrase: (bank) => {
      if (bank.length < 4) smallBanks.push([...bank]);
      return pick(bank);
    },
    name: (bank) => pick(bank),
    composed: (make) => make(),
    smallBanks,
  };
}

function samples(t: Template, n: number): { speaker: Seat; u: GeneratedUtterance; smallBanks: string[][] }[] {
  const out = [];
  for (let i = 0; i < n; i++) {
    const speaker = SEATS[i % SEATS.length]!;
    const ctx = makeCtx(i * 7919 + t.id.length, speaker);
    out.push({ speaker, u: t.generate(ctx), smallBanks: ctx.smallBanks });
  }
  return out;
}

const N = 150;
const all = zhTemplates.map((t) => ({ t, s: samples(t, N) }));

function checkIntent(it: Intent): string | null {
  const spec = intentSpec(it.intent);
  if (!spec) return `unknown intent ${it.intent}`;
  if (spec.zone === 'none') {
    if (it.intent !== 'followup') return it.zone || it.value !== undefined || it.delta !== undefined ? 'dialog intents take no fields' : null;
    if (it.zone === undefined && it.value === undefined && it.more === undefined) return 'empty followup';
    if (it.zone !== undefined && !ZONES_BY_KIND['seat-or-group'].includes(it.zone)) return `followup zone ${it.zone}`;
    return null;
  }
  if (!it.zone || !ZONES_BY_KIND[spec.zone].includes(it.zone)) return `zone ${it.zone} not allowed for ${it.intent}`;
  if (it.intent === 'query') return it.feature && intentSpec(it.feature)?.value ? null : `query feature ${it.feature}`;
  if ((it.value === undefined) === (it.delta === undefined)) return 'exactly one of value / delta';
  if (it.value !== undefined) {
    const d = spec.value!;
    if (typeof it.value === 'string') return d.keywords.includes(it.value) ? null : `value ${it.value}`;
    if (!d.numeric || it.value < d.numeric.min || it.value > d.numeric.max) return `value ${it.value} out of range`;
    if (Math.round(it.value / d.numeric.step) * d.numeric.step !== it.value) return `value ${it.value} off step`;
  }
  if (it.delta !== undefined && (spec.deltaStep === undefined || it.delta === 0)) return `delta on ${it.intent}`;
  return null;
}

describe('Mandarin numerals', () => {
  it('writes integers the way they are said', () => {
    expect([0, 1, 2, 10, 11, 16, 20, 22, 30, 45, 99, 100, 105, 110, 122].map(zhInt)).toEqual([
      '零', '一', '二', '十', '十一', '十六', '二十', '二十二', '三十', '四十五', '九十九', '一百', '一百零五', '一百一十', '一百二十二',
    ]);
  });
  it('writes halves and decimals with 点', () => {
    expect(zhNumber(22.5)).toBe('二十二点五');
    expect(zhNumber(16.5)).toBe('十六点五');
    expect(zhNumber(22)).toBe('二十二');
  });
  it('says 两 before a measure word, 二 inside a number', () => {
    expect(zhCount(2)).toBe('两');
    expect(zhCount(3)).toBe('三');
    expect(zhInt(22)).toBe('二十二');
  });
});

describe('Mandarin templates', () => {
  it('have unique zh.* ids and are all Mandarin', () => {
    const ids = zhTemplates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of zhTemplates) {
      expect(t.lang).toBe('zh');
      expect(t.id.startsWith('zh.')).toBe(true);
    }
  });

  it('produce every intent of the catalog from at least two templates', () => {
    const by = new Map<string, Set<string>>();
    for (const { t, s } of all) for (const { u } of s) for (const it of u.intents) by.set(it.intent, (by.get(it.intent) ?? new Set()).add(t.id));
    for (const spec of INTENTS) expect(by.get(spec.name)?.size ?? 0, spec.name).toBeGreaterThanOrEqual(2);
  });

  it('ask about every feature and cover each value kind', () => {
    const features = new Set<string>();
    const values = new Map<string, Set<string>>();
    for (const { s } of all)
      for (const { u } of s)
        for (const it of u.intents) {
          if (it.feature) features.add(it.feature);
          const key = it.value !== undefined ? `value:${typeof it.value === 'number' ? 'n' : it.value}` : it.delta !== undefined ? 'delta' : it.more !== undefined ? `more:${it.more}` : 'zone';
          values.set(it.intent, (values.get(it.intent) ?? new Set()).add(key));
        }
    for (const spec of INTENTS.filter((i) => i.value)) expect(features.has(spec.name), spec.name).toBe(true);
    for (const spec of INTENTS) {
      const got = values.get(spec.name)!;
      for (const k of spec.value?.keywords ?? []) expect(got.has(`value:${k}`), `${spec.name} ${k}`).toBe(true);
      if (spec.value?.numeric) expect(got.has('value:n'), `${spec.name} number`).toBe(true);
      if (spec.deltaStep !== undefined) expect(got.has('delta'), `${spec.name} delta`).toBe(true);
    }
    expect(values.get('followup')).toEqual(new Set(['more:true', 'more:false', 'value:off', 'value:on', 'value:max', 'value:n', 'zone']));
  });

  it('name every zone a catalog intent can take', () => {
    const zones = new Map<string, Set<string>>();
    for (const { s } of all) for (const { u } of s) for (const it of u.intents) if (it.zone) zones.set(it.intent, (zones.get(it.intent) ?? new Set()).add(it.zone));
    for (const spec of INTENTS.filter((i) => i.zone !== 'none' && i.zone !== 'query'))
      for (const z of ZONES_BY_KIND[spec.zone]) expect(zones.get(spec.name)?.has(z), `${spec.name} @${z}`).toBe(true);
  });

  it('write targets that survive formatActions → parseActions, with catalog zones and values', () => {
    for (const { t, s } of all)
      for (const { u } of s) {
        const parsed = parseActions(formatActions(u.intents));
        expect(parsed.length, `${t.id}: ${u.text}`).toBe(u.intents.length);
        for (const it of parsed) expect(checkIntent(it), `${t.id}: ${u.text} → ${JSON.stringify(it)}`).toBeNull();
      }
  });

  it('keep °C as said and mark °F', () => {
    const temps = all.flatMap(({ s }) => s.flatMap(({ u }) => u.intents.filter((i) => i.intent === 'hvac.temp' && i.value !== undefined).map((i) => ({ i, text: u.text }))));
    const f = temps.filter(({ i }) => i.fahrenheit);
    expect(f.length).toBeGreaterThan(0);
    for (const { i, text } of f) expect(text, text).toMatch(/华氏/);
    for (const { i, text } of temps.filter(({ i }) => !i.fahrenheit)) expect(i.value as number, text).toBeLessThanOrEqual(30);
    expect(temps.some(({ i }) => i.value === 22.5 || (typeof i.value === 'number' && i.value % 1 !== 0))).toBe(true);
  });

  it('write Mandarin text', () => {
    for (const { t, s } of all) for (const { u } of s) expect(u.text, t.id).toMatch(/[\u4e00-\u9fff]/);
  });

  it('never say "behind me" for a speaker in the rear, and resolve it from the speaker', () => {
    let seen = 0;
    for (const { t, s } of all)
      for (const { speaker, u } of s) {
        const behindMe = /我(身后|后面|后边|正后方)/.test(u.text);
        if (speaker === 'rear_left' || speaker === 'rear_right') expect(behindMe, `${t.id}: ${u.text}`).toBe(false);
        else if (behindMe && u.intents.length === 1 && u.intents[0]!.zone) {
          seen++;
          expect(u.intents[0]!.zone, `${t.id}: ${u.text}`).toBe(speaker === 'driver' ? 'rear_left' : 'rear_right');
        }
      }
    expect(seen).toBeGreaterThan(20);
  });

  it('resolve 我旁边的人 to the other seat of the speaker\'s row', () => {
    const other = { driver: 'passenger', passenger: 'driver', rear_left: 'rear_right', rear_right: 'rear_left' } as const;
    let seen = 0;
    for (const { t, s } of all)
      for (const { speaker, u } of s)
        if (/我(旁边|边上)/.test(u.text) && u.intents.length === 1 && u.intents[0]!.zone) {
          seen++;
          expect(u.intents[0]!.zone, `${t.id}: ${u.text}`).toBe(other[speaker]);
        }
    expect(seen).toBeGreaterThan(20);
  });

  it('label a sentence that names no seat with the speaker\'s own zone (我想要二十四度)', () => {
    const seatWord = /驾|副|后|前|左|右|全|所有|每|大家|四个|两个|排|乘客|人|司机|座|位|车|一起|都|家|屋|房|厅|楼|旁边|边上/;
    const bad: string[] = [];
    for (const { t, s } of all)
      for (const { u } of s)
        for (const it of u.intents) if (it.zone && !['self', 'cabin'].includes(it.zone) && !seatWord.test(u.text)) bad.push(`${t.id}: ${u.text} → ${it.zone}`);
    expect(bad).toEqual([]);
  });

  it('say the seat after the request for climate and lights too (温度调到22度，给后排的), and label that seat', () => {
    const trailing = all.filter(({ t }) => t.id.endsWith('.trailing'));
    expect(trailing.map(({ t }) => t.id).sort()).toEqual(expect.arrayContaining(['zh.hvac.fan.trailing', 'zh.hvac.temp.trailing', 'zh.light.reading.trailing', 'zh.seat.heat.trailing']));
    // The most specific cue first: 后排左边 is rear_left before 后排 is the rear row.
    const cues: [RegExp, string][] = [[/主副驾/, 'front'], [/副驾|前排乘客/, 'passenger'], [/主驾|司机/, 'driver'], [/后排左|左后/, 'rear_left'], [/后排右|右后/, 'rear_right'],
      [/前排/, 'front'], [/后排|第二排/, 'rear'], [/全车|大家|所有/, 'all']];
    let seen = 0;
    for (const { t, s } of trailing)
      for (const { u } of s) {
        const tail = /[，\s]([^，\s]+)$/.exec(u.text)?.[1];
        const cue = tail && cues.find(([re]) => re.test(tail));
        if (!cue) continue;
        seen++;
        expect(u.intents.map((x) => x.zone), `${t.id}: ${u.text}`).toEqual([cue[1]]);
      }
    expect(seen).toBeGreaterThan(150);
  });

  it('draw phrasing from banks big enough to hold some out', () => {
    for (const { t, s } of all) for (const { smallBanks } of s) expect(smallBanks, t.id).toEqual([]);
  });

  it('have enough genuinely different sentences', () => {
    for (const { t, s } of all) expect(new Set(s.map(({ u }) => u.text)).size, t.id).toBeGreaterThanOrEqual(6);
  });
});

describe('Mandarin connectors and ASR noise', () => {
  it('offer the usual ways to chain two requests', () => {
    for (const c of ['然后', '顺便', '再', '并且', '还有', '同时', '，']) expect(zhConnectors).toContain(c);
  });

  it('keeps numbers, seat words and meaning', () => {
    const ctx = makeCtx(42, 'driver');
    for (let i = 0; i < 300; i++) {
      const text = ctx.pick(['把副驾座椅加热调到二档', '后排左边温度调到22度。', '请把氛围灯换成蓝色！', '打开主驾阅读灯，然后内循环打开', '麻烦把右后座椅通风开一下吧']);
      const noisy = zhAsrNoise(text, ctx);
      expect(noisy.length).toBeGreaterThan(0);
      const kept: Record<string, string[]> = { 副驾: ['副驾', '付驾', '副架'], 主驾: ['主驾', '主架', '主家'], 后排左边: ['后排左边'], 右后: ['右后'] };
      for (const [w, ok] of Object.entries(kept)) if (text.includes(w)) expect(ok.some((v) => noisy.includes(v)), `${text} → ${noisy}`).toBe(true);
      for (const d of text.match(/\d+|[一二两三四五六七八九十]+(?=档|度)/g) ?? []) expect(noisy, `${text} → ${noisy}`).toContain(d);
      for (const side of ['左', '右', '前', '后']) expect(noisy.split(side).length, `${text} → ${noisy}`).toBe(text.split(side).length);
    }
  });
});
