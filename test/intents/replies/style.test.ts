// Style files: the presets are valid, problems are named precisely, phrases resolve in the documented order, numbers are said naturally.
import { describe, expect, it } from 'vitest';
import { mandarinNumber } from '../../../intents/replies/numbers.js';
import { StyleBook } from '../../../intents/replies/style-book.js';
import { loadBasePhrases } from '../../../intents/replies/style-files.js';
import { parseStyle, phrase, styleProblems, type Style } from '../../../intents/replies/style.js';
import { onlyStyleRequestOf, styleRequestOf } from '../../../intents/dialogue/style-request.js';

const base = loadBasePhrases();
const book = StyleBook.load();

function styleWith(edit: (s: Record<string, any>) => void): unknown {
  const s = structuredClone(book.get('friendly')) as unknown as Record<string, any>;
  edit(s);
  return s;
}

describe('style files', () => {
  it('ships at least concise, friendly, playful and formal, each in English and Mandarin', () => {
    expect(book.names()).toEqual(expect.arrayContaining(['concise', 'friendly', 'playful', 'formal']));
    for (const s of book.all()) {
      expect(styleProblems(s, base)).toEqual([]);
      expect(s.persona.en && s.persona.zh).toBeTruthy();
      expect(s.voice.zh.voice).toBe('cmn');
    }
  });

  it('the base phrase sets cover the same keys in both languages', () => {
    expect(Object.keys(base.zh).sort()).toEqual(Object.keys(base.en).sort());
  });

  it('names each problem with its path', () => {
    const bad = styleWith((s) => {
      s.verbosity = 'chatty';
      s.confirm.features = ['seat.heat', 'window.open'];
      s.voice.en.rate = 20;
      s.phrases.en['change.on'] = 'on {wher}';
      s.phrases.zh['no.such.key'] = 'x';
      s.phrases.en['change.on:seat.fly'] = 'x';
      s.colour = 'red';
    });
    expect(styleProblems(bad, base)).toEqual([
      'colour: unknown field (expected name, description, persona, verbosity, confirm, voice, phrases)',
      'verbosity: one of brief, normal, full',
      'confirm.features: "window.open" is not an actuating intent',
      'voice.en.rate: words per minute, 80–450',
      'phrases.en."change.on": unknown placeholder {wher} (known: where, what, value, requested, applied, actual, device, winner, min, max, summary, persona, n)',
      'phrases.en."change.on:seat.fly": "seat.fly" is not an actuating intent',
      'phrases.zh."no.such.key": unknown phrase key (see intents/styles/base/en.json)',
    ]);
  });

  it('parseStyle throws one line with the first problem and a count', () => {
    const bad = styleWith((s) => {
      s.name = 'Bad Name';
      s.verbosity = 'x';
    });
    expect(() => parseStyle(bad, 'my.json', base)).toThrow(/^my\.json: name: a lower-case word .* \(and 1 more; run "cabin styles validate my\.json"\)$/);
    expect(styleProblems([], base)).toEqual(['the file must hold one JSON object']);
  });

  it('resolves a phrase: style for the intent, style, base for the intent, base', () => {
    const s: Style = { ...book.get('friendly'), phrases: { en: { 'change.on': 'S', 'change.on:light.dome': 'SI' }, zh: {} } };
    expect(phrase(s, base, 'en', 'change.on', 'light.dome')).toBe('SI');
    expect(phrase(s, base, 'en', 'change.on', 'seat.heat')).toBe('S');
    expect(phrase(s, base, 'zh', 'change.on', 'seat.heat')).toBe(base.zh['change.on']);
  });
});

describe('numbers and style requests', () => {
  it('says numbers the way Mandarin speakers do', () => {
    expect([0, 2, 10, 12, 20, 22.5, 30, 100, 105, 110].map(mandarinNumber)).toEqual(['零', '二', '十', '十二', '二十', '二十二点五', '三十', '一百', '一百零五', '一百一十']);
  });

  it('recognises a style request by voice, and not a car request', () => {
    const known = book.names();
    expect(styleRequestOf('Could you be more formal please', known)).toBe('formal');
    expect(styleRequestOf('talk to me in a more playful way', known)).toBe('playful');
    expect(styleRequestOf('switch to concise mode', known)).toBe('concise');
    expect(styleRequestOf('说话正式一点', known)).toBe('formal');
    expect(styleRequestOf('你活泼一点', known)).toBe('playful');
    expect(styleRequestOf('turn on the massage', known)).toBeUndefined();
    expect(styleRequestOf('make it warmer', known)).toBeUndefined();
    expect(styleRequestOf('座椅加热打开', known)).toBeUndefined();
  });

  it('tells a request for a style and nothing else from a car request that holds a style word', () => {
    const known = book.names();
    expect(onlyStyleRequestOf('Could you please be a bit more formal?', known)).toBe('formal');
    expect(onlyStyleRequestOf('switch to concise mode', known)).toBe('concise');
    expect(onlyStyleRequestOf('speak more casually', known)).toBe('friendly');
    expect(onlyStyleRequestOf('请切换到正式模式', known)).toBe('formal');
    expect(onlyStyleRequestOf('说话活泼一点吧', known)).toBe('playful');
    expect(onlyStyleRequestOf('the kids want to be warm', known)).toBeUndefined();
    expect(onlyStyleRequestOf('be more formal and heat my seat', known)).toBeUndefined();
    expect(onlyStyleRequestOf('你把空调关了，说话正式一点', known)).toBeUndefined();
  });
});
