// The phrase editor's rules apart from the DOM: table rows to a style's per-language overrides, and the core's problems back to their rows.
import type { Lang } from '../main/app/ipc-contract.js';

/** One phrase key with its text in each language; an empty text means "not overridden in that language". */
export interface PhraseRow {
  key: string;
  en: string;
  zh: string;
}

export type Phrases = Record<Lang, Record<string, string>>;

export const LANG_NAMES: Record<Lang, string> = { en: 'English', zh: '中文' };

/** One row per key: the English overrides in file order, then keys that only Mandarin overrides. */
export function rowsOf(phrases: Phrases): PhraseRow[] {
  const keys = [...new Set([...Object.keys(phrases.en), ...Object.keys(phrases.zh)])];
  return keys.map((key) => ({ key, en: phrases.en[key] ?? '', zh: phrases.zh[key] ?? '' }));
}

/**
 * The overrides the rows describe, and what the form can tell without the core (by row index): a text without
 * a key, a key without text, a key twice. Whether a key or placeholder exists is the core's call (styleProblems).
 */
export function phrasesOf(rows: readonly PhraseRow[]): { phrases: Phrases; problems: Map<number, string[]> } {
  const phrases: Phrases = { en: {}, zh: {} };
  const problems = new Map<number, string[]>();
  const firstRow = new Map<string, number>();
  rows.forEach((r, i) => {
    const key = r.key.trim();
    // A pasted newline would end up inside a spoken reply; a phrase is one line.
    const text = { en: oneLine(r.en), zh: oneLine(r.zh) };
    const say = (p: string) => problems.set(i, [...(problems.get(i) ?? []), p]);
    if (!key && !text.en && !text.zh) return; // a row just added and left blank says nothing
    if (!key) return say('type the phrase key this text replaces');
    if (!text.en && !text.zh) return say('type the English or Mandarin text, or remove the row');
    const first = firstRow.get(key);
    if (first !== undefined) return say(`the same key as row ${first + 1}; one row per key`);
    firstRow.set(key, i);
    for (const lang of ['en', 'zh'] as const) if (text[lang]) phrases[lang][key] = text[lang];
  });
  return { phrases, problems };
}

/**
 * The core's problems that name one phrase (`phrases.en."ack": unknown placeholder {oops} …`), by key, each reason once
 * with the languages it applies to; every other problem (name, voice, a whole phrases object) stays in `other`.
 */
export function problemsByKey(problems: readonly string[]): { byKey: Map<string, string[]>; other: string[] } {
  const found = new Map<string, Map<string, Lang[]>>();
  const other: string[] = [];
  for (const p of problems) {
    const m = /^phrases\.(en|zh)\."(.+?)": (.*)$/s.exec(p);
    if (!m) {
      other.push(p);
      continue;
    }
    const [, lang, key, reason] = m as unknown as [string, Lang, string, string];
    const reasons = found.get(key) ?? new Map<string, Lang[]>();
    reasons.set(reason, [...(reasons.get(reason) ?? []), lang]);
    found.set(key, reasons);
  }
  const byKey = new Map([...found].map(([key, reasons]) => [key, [...reasons].map(([reason, langs]) => `${langs.map((l) => LANG_NAMES[l]).join(', ')}: ${reason}`)]));
  return { byKey, other };
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
