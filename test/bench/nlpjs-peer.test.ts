// The nlp.js peer: its class labels, number filling, and a small real training run with the on-disk cache.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intentsOfClass, loadNlpjsPeer, numberFromEntities, peerClass } from '../../bench/nlpjs-peer.js';

describe('peer classes', () => {
  it('puts a said number behind a placeholder and keeps an implied one', () => {
    const set = peerClass([{ intent: 'hvac.temp', zone: 'passenger', value: 72, fahrenheit: true }], 72)!;
    expect(set).toBe('{"fahrenheit":true,"intent":"hvac.temp","value":"#","zone":"passenger"}');
    expect(intentsOfClass(set, 68)).toEqual([{ intent: 'hvac.temp', zone: 'passenger', value: 20 }]);
    expect(intentsOfClass(set, undefined)).toEqual([]);
    const cold = peerClass([{ intent: 'hvac.temp', zone: 'self', delta: 2 }], undefined)!;
    expect(intentsOfClass(cold, 5)).toEqual([{ intent: 'hvac.temp', zone: 'self', delta: 2 }]);
    const down = peerClass([{ intent: 'hvac.temp', zone: 'self', delta: -3 }], 3)!;
    expect(intentsOfClass(down, 4)).toEqual([{ intent: 'hvac.temp', zone: 'self', delta: -4 }]);
    expect(peerClass([], undefined)).toBe('none');
    expect(peerClass([{ intent: 'a' }, { intent: 'b' }], undefined)).toBeNull();
    expect(intentsOfClass('None', 3)).toEqual([]);
  });

  it('prefers the entity kind the intent takes and joins "22 and a half"', () => {
    const e = (entity: string, value: number) => ({ entity, resolution: { value } });
    expect(numberFromEntities([e('number', 22), e('number', 0.5)], 'hvac.temp')).toBe(22.5);
    expect(numberFromEntities([e('number', 3), e('percentage', 40)], 'light.ambient_brightness')).toBe(40);
    expect(numberFromEntities([], 'hvac.fan')).toBeUndefined();
  });
});

describe('a small training run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nlpjs-peer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const line = (text: string, lang: string, intents: unknown[]) => JSON.stringify({ text, speaker: 'driver', lang, intents, template: 't', split: 'train' });
  const rows: string[] = [];
  for (const n of [18, 19, 20, 21, 23, 24, 25, 26]) {
    rows.push(line(`set the temperature to ${n} degrees`, 'en', [{ intent: 'hvac.temp', zone: 'self', value: n }]));
    rows.push(line(`make it ${n} degrees in here`, 'en', [{ intent: 'hvac.temp', zone: 'self', value: n }]));
  }
  for (const t of ['turn on the reading light', 'reading light on please', 'switch my reading lamp on', 'i need my reading light'])
    rows.push(line(t, 'en', [{ intent: 'light.reading', zone: 'self', value: 'on' }]));
  for (const t of ['play some music', 'navigate home', 'open the window', 'call mom'])
    rows.push(line(t, 'en', []));
  for (const t of ['打开阅读灯', '阅读灯打开', '开一下阅读灯'])
    rows.push(line(t, 'zh', [{ intent: 'light.reading', zone: 'self', value: 'on' }]));
  rows.push(line('reading light on and seat heat on', 'en', [{ intent: 'light.reading', zone: 'self', value: 'on' }, { intent: 'seat.heat', zone: 'self', value: 'on' }]));
  const train = join(dir, 'train.jsonl');
  writeFileSync(train, rows.join('\n') + '\n');

  it('trains, answers with numbers filled in, and reuses its cache', async () => {
    const peer = await loadNlpjsPeer(train, { cacheDir: join(dir, 'cache') });
    expect(peer.training).toMatchObject({ fromCache: false, multiIntentSkipped: 1, trainedOn: rows.length - 1, byLang: { en: 24, zh: 3 } });
    expect((await peer.understand('set the temperature to 22 degrees', 'driver')).intents).toEqual([{ intent: 'hvac.temp', zone: 'self', value: 22 }]);
    expect((await peer.understand('请打开阅读灯', 'driver')).intents).toEqual([{ intent: 'light.reading', zone: 'self', value: 'on' }]);
    await peer.close();
    expect(readdirSync(join(dir, 'cache'))).toHaveLength(1);
    const again = await loadNlpjsPeer(train, { cacheDir: join(dir, 'cache') });
    expect(again.training.fromCache).toBe(true);
    expect((await again.understand('make it 22 degrees in here', 'driver')).intents).toEqual([{ intent: 'hvac.temp', zone: 'self', value: 22 }]);
  }, 60_000);
});
