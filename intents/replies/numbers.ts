// Numbers as each language says them: digits in English, Mandarin numerals in Mandarin (二十二点五).
import type { Lang } from '../dialogue/language.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 0–9999 and one decimal place the way a Mandarin speaker says it: 十二 not 一十二, 一百零五, 二十二点五. */
export function mandarinNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n < 0) return `负${mandarinNumber(-n)}`;
  const whole = Math.floor(n);
  const frac = Math.round((n - whole) * 10);
  const head = whole >= 10_000 ? String(whole) : mandarinInteger(whole);
  return frac === 0 ? head : `${head}点${DIGITS[frac]}`;
}

function mandarinInteger(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = n;
  let zero = false;
  for (const [size, name] of units) {
    const d = Math.floor(rest / size);
    rest %= size;
    if (d > 0) {
      if (zero) out += '零';
      out += DIGITS[d] + name;
      zero = false;
    } else if (out) zero = true;
  }
  if (rest > 0) out += (zero ? '零' : '') + DIGITS[rest];
  return out;
}

/** English keeps digits ("22.5 degrees"): TTS voices read them naturally, and screens show them. */
export function sayNumber(n: number, lang: Lang): string {
  return lang === 'zh' ? mandarinNumber(n) : String(n);
}
