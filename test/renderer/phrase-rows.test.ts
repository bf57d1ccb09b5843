// The phrase editor's rules: rows to per-language overrides with the form's own checks, and the core's problems back to their rows.
import { describe, expect, it } from 'vitest';
import { phrasesOf, problemsByKey, rowsOf } from '../../renderer/phrase-rows.js';

describe('phrase rows', () => {
  it('makes one row per key, English order first, and reads the same overrides back', () => {
    const phrases = { en: { ack: 'OK.', outro: 'Bye.' }, zh: { ack: '好的。', 'where.self': '您的' } };
    const rows = rowsOf(phrases);
    expect(rows).toEqual([
      { key: 'ack', en: 'OK.', zh: '好的。' },
      { key: 'outro', en: 'Bye.', zh: '' },
      { key: 'where.self', en: '', zh: '您的' },
    ]);
    expect(phrasesOf(rows)).toEqual({ phrases, problems: new Map() });
  });

  it('skips a blank row, trims, keeps a phrase on one line, and faults what the form can see', () => {
    const { phrases, problems } = phrasesOf([
      { key: ' ack ', en: ' OK,\n  sure. ', zh: '' },
      { key: '', en: '', zh: '' },
      { key: '', en: 'orphan text', zh: '' },
      { key: 'outro', en: '', zh: ' ' },
      { key: 'ack', en: 'again', zh: '' },
    ]);
    expect(phrases).toEqual({ en: { ack: 'OK, sure.' }, zh: {} });
    expect([...problems.keys()]).toEqual([2, 3, 4]);
    expect(problems.get(2)![0]).toContain('phrase key');
    expect(problems.get(3)![0]).toContain('English or Mandarin text');
    expect(problems.get(4)![0]).toContain('the same key as row 1');
  });

  it("files the core's phrase problems under their key, each reason once with its languages", () => {
    const { byKey, other } = problemsByKey([
      'name: a lower-case word',
      'phrases.en."ack": unknown placeholder {oops} (known: where, what)',
      'phrases.en."no.such": unknown phrase key (see intents/styles/base/en.json)',
      'phrases.zh."no.such": unknown phrase key (see intents/styles/base/en.json)',
      'phrases.zh: an object of phrase overrides',
    ]);
    expect(other).toEqual(['name: a lower-case word', 'phrases.zh: an object of phrase overrides']);
    expect(byKey.get('ack')).toEqual(['English: unknown placeholder {oops} (known: where, what)']);
    expect(byKey.get('no.such')).toEqual(['English, 中文: unknown phrase key (see intents/styles/base/en.json)']);
  });
});
