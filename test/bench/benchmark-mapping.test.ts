// The coarse mapping of Home Assistant and SLURP sentences, and of our intents, checked on records read by hand.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  catalogColor,
  coarseMatches,
  coarseOf,
  mapHaRecord,
  mapSlurpRecord,
  type CoarseCase,
  type HaRecord,
  type Mapped,
  type SlurpRecord,
} from '../../bench/benchmark-mapping.js';
import { loadBenchmarks } from '../../bench/lm-data.js';
import { repoRoot } from '../helpers/cli.js';

const caseOf = (m: Mapped): CoarseCase => {
  if (!('case' in m)) throw new Error(`excluded: ${m.excluded.reason}`);
  return m.case;
};

// Verbatim lines of ../shared/benchmarks (ha-intents/en.jsonl, zh.jsonl, slurp/en.jsonl).
const HA: HaRecord[] = [
  { lang: 'en', text: 'set temp in bedroom to 50 degrees', ha_intent: 'HassClimateSetTemperature', slots: { area: 'Bedroom', temperature: 50 }, category: 'climate' },
  { lang: 'zh', text: '把空调设置到18度', ha_intent: 'HassClimateSetTemperature', slots: { temperature: 18, name: '空调' }, category: 'climate' },
  { lang: 'zh', text: '关闭客厅的窗户', ha_intent: 'HassTurnOff', slots: { area: '客厅', domain: 'cover', device_class: 'window' }, category: 'window' },
  { lang: 'en', text: 'set the bedroom lamp brightness to the lowest', ha_intent: 'HassLightSet', slots: { brightness: 1, name: 'Bedroom Lamp' }, category: 'light' },
  { lang: 'en', text: 'make the lights red', ha_intent: 'HassLightSet', slots: { color: 'red', area: 'Bedroom' }, category: 'light' },
];

const SLURP: SlurpRecord[] = [
  { text: 'make the house lights amber at six pm', slurp_intent: 'iot_hue_lightchange', slots: [{ type: 'house_place', value: 'house' }, { type: 'color_type', value: 'amber' }, { type: 'time', value: 'six pm' }], slurp_id: 897 },
  { text: 'change light color', slurp_intent: 'iot_hue_lightchange', slots: [], slurp_id: 564 },
  { text: 'brightness ninety percent', slurp_intent: 'iot_hue_lightchange', slots: [{ type: 'change_amount', value: 'ninety percent' }], slurp_id: 1 },
  { text: 'alexa turn the lights down to seven', slurp_intent: 'iot_hue_lightdim', slots: [{ type: 'change_amount', value: 'to seven' }], slurp_id: 2 },
  { text: 'turn down the lights to medium', slurp_intent: 'iot_hue_lightoff', slots: [], slurp_id: 3 },
  { text: 'turn off the socket', slurp_intent: 'iot_wemo_off', slots: [{ type: 'device_type', value: 'socket' }], slurp_id: 4 },
];

describe('Home Assistant records', () => {
  it('keeps an out-of-range temperature as said and also accepts it clamped', () => {
    expect(caseOf(mapHaRecord(HA[0]!)).accept).toEqual([
      { domain: 'climate', action: 'set', value: 50 },
      { domain: 'climate', action: 'set', value: 30 },
    ]);
    expect(caseOf(mapHaRecord(HA[1]!))).toMatchObject({ lang: 'zh', accept: [{ domain: 'climate', action: 'set', value: 18 }] });
  });

  it('expects no intent for windows, and accepts 0 or 1 for the minimum brightness', () => {
    expect(caseOf(mapHaRecord(HA[2]!)).accept).toEqual([{ domain: 'none' }]);
    expect(caseOf(mapHaRecord(HA[3]!)).accept.map((a) => a.value)).toEqual([1, 0]);
    expect(caseOf(mapHaRecord(HA[4]!)).accept).toEqual([{ domain: 'light', action: 'color', value: 'red' }]);
  });

  it('converts a Fahrenheit-looking temperature', () => {
    const m = mapHaRecord({ lang: 'en', text: 'set temperature to 72', ha_intent: 'HassClimateSetTemperature', slots: { temperature: 72 }, category: 'climate' });
    expect(caseOf(m).accept[0]).toEqual({ domain: 'climate', action: 'set', value: 22 });
  });
});

describe('SLURP records', () => {
  it('maps colours to the catalog, and excludes a colour change that names none', () => {
    expect(caseOf(mapSlurpRecord(SLURP[0]!)).accept).toEqual([{ domain: 'light', action: 'color', value: 'orange' }]);
    expect(mapSlurpRecord(SLURP[1]!)).toEqual({ excluded: expect.objectContaining({ reason: 'no colour or amount named' }) });
    expect(catalogColor('dark')).toBeUndefined();
  });

  it('reads a brightness amount, and accepts a dim "down to seven" as down or as set 7', () => {
    expect(caseOf(mapSlurpRecord(SLURP[2]!)).accept).toEqual([{ domain: 'light', action: 'set', value: 90 }]);
    expect(caseOf(mapSlurpRecord(SLURP[3]!)).accept).toEqual([
      { domain: 'light', action: 'down' },
      { domain: 'light', action: 'set', value: 7 },
    ]);
  });

  it('fixes a contradicting label and excludes smart plugs', () => {
    expect(caseOf(mapSlurpRecord(SLURP[4]!)).accept).toEqual([{ domain: 'light', action: 'down' }]);
    expect('excluded' in mapSlurpRecord(SLURP[5]!)).toBe(true);
  });
});

describe('our intents reduced to coarse outcomes', () => {
  it('reduces lights, climate and fan', () => {
    expect(coarseOf([{ intent: 'light.reading', zone: 'self', value: 'on' }])).toEqual([{ domain: 'light', action: 'on' }]);
    expect(coarseOf([{ intent: 'light.dome', zone: 'cabin', value: 'off' }])).toEqual([{ domain: 'light', action: 'off' }]);
    expect(coarseOf([{ intent: 'light.ambient_brightness', zone: 'cabin', delta: -20 }])).toEqual([{ domain: 'light', action: 'down' }]);
    expect(coarseOf([{ intent: 'light.ambient_brightness', zone: 'cabin', value: 50 }])).toEqual([{ domain: 'light', action: 'set', value: 50 }]);
    expect(coarseOf([{ intent: 'light.ambient_color', zone: 'cabin', value: 'red' }])).toEqual([{ domain: 'light', action: 'color', value: 'red' }]);
    expect(coarseOf([{ intent: 'hvac.temp', zone: 'self', delta: 2 }])).toEqual([{ domain: 'climate', action: 'up' }]);
    expect(coarseOf([{ intent: 'hvac.temp', zone: 'all', value: 20.5 }])).toEqual([{ domain: 'climate', action: 'set', value: 20.5 }]);
    expect(coarseOf([{ intent: 'hvac.ac', zone: 'cabin', value: 'off' }])).toEqual([{ domain: 'climate', action: 'off' }]);
    expect(coarseOf([{ intent: 'hvac.fan', zone: 'front', value: 'on' }])).toEqual([{ domain: 'fan', action: 'on' }]);
    expect(coarseOf([{ intent: 'hvac.fan', zone: 'self', delta: 1 }])).toEqual([{ domain: 'fan', action: 'up' }]);
    expect(coarseOf([{ intent: 'seat.heat', zone: 'self', value: 'on' }])).toEqual([{ domain: 'other' }]);
    expect(coarseOf([])).toEqual([{ domain: 'none' }]);
  });

  it('tolerates extra intents in the same domain, not acting on another device', () => {
    const red = caseOf(mapHaRecord(HA[4]!));
    expect(coarseMatches(red, [{ intent: 'light.ambient', zone: 'cabin', value: 'on' }, { intent: 'light.ambient_color', zone: 'cabin', value: 'red' }])).toBe(true);
    expect(coarseMatches(red, [{ intent: 'light.ambient_color', zone: 'cabin', value: 'red' }, { intent: 'hvac.fan', zone: 'self', value: 'on' }])).toBe(false);
    expect(coarseMatches(red, [{ intent: 'light.ambient_color', zone: 'cabin', value: 'pink' }])).toBe(false);
    const window = caseOf(mapHaRecord(HA[2]!));
    expect(coarseMatches(window, [])).toBe(true);
    expect(coarseMatches(window, [{ intent: 'hvac.recirc', zone: 'cabin', value: 'off' }])).toBe(false);
  });
});

const BENCH = join(repoRoot, '..', 'shared', 'benchmarks');
describe.skipIf(!existsSync(BENCH))('the shared benchmark files', () => {
  it('maps every HA sentence and excludes the SLURP records BENCHMARKS.md counts', () => {
    const b = loadBenchmarks(BENCH);
    expect(b.read).toEqual({ ha: 505, slurp: 158 });
    expect(b.ha.length).toBe(505);
    expect(b.slurp.length).toBe(115);
    expect(b.excluded.filter((e) => e.reason.startsWith('smart plug')).length).toBe(28);
  });
});
