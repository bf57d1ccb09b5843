// Every number a text says: in digits, in English words ("one hundred and fifty"), in Mandarin numerals (一百五十).
import { ONES, TENS } from '../speech/asr-words.js';

/*
 * A reader, not a guesser: it finds the numbers so the runtime can tell when a text says exactly one, and
 * which. Anything a speaker could mean two ways stays two numbers ("one twenty" is 1 and 20, "one five zero" is
 * 1, 5 and 0), so a caller that wants a single number finds more than one and leaves the text alone.
 */

const DIGITS = /\d+(?:[.,]\d+)?/g;

// The words the recogniser spells numbers with, so what it writes is what this reads.
// A Map, not an object: "constructor" or "valueOf" in a text must not read as a number word.
const SMALL = new Map<string, number>([
  ...ONES.map((w, n) => [w, n] as const),
  ...TENS.flatMap((w, t) => (w ? [[w, t * 10] as const] : [])),
]);
const SCALES = new Set(['hundred', 'thousand']);

/** The numbers `text` says: those in digits, then in words, then in numerals. "half" is a number too (½): a caller that wants whole numbers sees it. */
export function numbersSaid(text: string): number[] {
  return [
    ...[...text.matchAll(DIGITS)].map((m) => Number(m[0].replace(',', '.'))),
    ...englishNumbers(text.replace(DIGITS, ' ')),
    ...mandarinNumbers(text),
  ];
}

function englishNumbers(text: string): number[] {
  const words = text.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  const out: number[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (w === 'half') out.push(0.5);
    const starts = SMALL.has(w) || SCALES.has(w) || (w === 'a' && SCALES.has(words[i + 1] ?? ''));
    const run = starts ? readEnglish(words, i) : null;
    if (run) {
      out.push(run.value);
      i = run.next;
    } else i += 1;
  }
  return out;
}

/*
 * One English cardinal from words[i]. `room` is the largest part that may still be added: after "twenty" only
 * 1–9, after "seven" nothing, after "hundred" up to 99 — so "twenty two" is 22 but "seven twenty" is 7 and 20.
 */
function readEnglish(words: readonly string[], i: number): { value: number; next: number } | null {
  let total = 0;
  let part = 0;
  let room = Infinity;
  let j = i;
  let read = false;
  if (words[j] === 'a') j += 1; // "a hundred"
  for (; j < words.length; j++) {
    const w = words[j]!;
    const small = SMALL.get(w);
    if (small !== undefined) {
      if (small >= room || (small === 0 && read)) break;
      part += small;
      room = small >= 20 && small % 10 === 0 ? 10 : 0;
    } else if (w === 'hundred') {
      if (part >= 10) break; // "fifteen hundred" is 15 and 100: said of years, rarely to a car
      part = (part || 1) * 100;
      room = 100;
    } else if (w === 'thousand') {
      if (total > 0) break;
      total = (part || 1) * 1000;
      part = 0;
      room = 1000;
    } else if (w === 'and' && read && room >= 100 && (SMALL.get(words[j + 1] ?? '') ?? Infinity) < room) {
      continue; // "one hundred and fifty"
    } else break;
    read = true;
  }
  return read ? { value: total + part, next: j } : null;
}

const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };

function mandarinNumbers(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/[零〇一二两三四五六七八九十百千万]+/g)) {
    // A unit before any digit is a word (百分之, 万一, 千万), and 一 on its own is mostly not a number (一点, 一下).
    const run = m[0].replace(/^[百千万]+/, '');
    if (run === '' || run === '一') continue;
    // A run that is not one number (一二三, digit by digit) still says something: NaN, so a caller counts it.
    out.push(readMandarin(run) ?? Number.NaN);
  }
  return out;
}

/** 一百五十 → 150, 一百零五 → 105, 十二 → 12, 一百五 → 150 (a bare digit after 百 / 千 is the next place). */
function readMandarin(run: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let zero = false;
  for (const ch of run) {
    if (ch in ZH_DIGIT) {
      if (digit !== null) return null; // 一二 is digit by digit: not one number
      digit = ZH_DIGIT[ch]!;
      if (digit === 0) {
        zero = true;
        digit = null;
      }
      continue;
    }
    const unit = ZH_UNIT[ch]!;
    if (unit === 10_000) {
      total = (total + section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
      lastUnit = Infinity;
      zero = false;
      continue;
    }
    if (unit >= lastUnit) return null;
    if (digit === null && unit !== 10) return null; // 百 without a digit is not a number here
    section += (digit ?? 1) * unit;
    digit = null;
    lastUnit = unit;
    zero = false;
  }
  if (digit !== null) section += !zero && lastUnit >= 100 && lastUnit !== Infinity ? digit * (lastUnit / 10) : digit;
  return total + section;
}
