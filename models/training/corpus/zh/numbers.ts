// Mandarin numerals as people say them: 二十二, 二十二点五, 两档, 百分之五十, mixed freely with digits.
import type { TemplateContext } from '../template.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** An integer 0–999 in Mandarin numerals (二 everywhere, as in 二十二; see `zhCount` for 两). */
export function zhInt(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`zhInt: ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return n === 10 ? '十' : `十${DIGITS[n - 10]}`;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return `${DIGITS[hundreds]}百`;
  // 105 → 一百零五, 110 → 一百一十, 122 → 一百二十二
  if (rest < 10) return `${DIGITS[hundreds]}百零${DIGITS[rest]}`;
  return `${DIGITS[hundreds]}百${rest < 20 ? '一' : ''}${zhInt(rest)}`;
}

/** A number with at most one decimal digit: 22.5 → 二十二点五. */
export function zhNumber(n: number): string {
  const whole = Math.floor(n);
  const frac = Math.round((n - whole) * 10);
  return frac === 0 ? zhInt(whole) : `${zhInt(whole)}点${DIGITS[frac]}`;
}

/** A count before a measure word (两档, 两度, 一档); 2 is 两 here, as Mandarin requires. */
export function zhCount(n: number): string {
  return n === 2 ? '两' : zhInt(n);
}

/** A number either in digits or in numerals, chosen at random (speech recognisers emit both). */
export function num(ctx: TemplateContext, n: number, pDigits = 0.35): string {
  return ctx.chance(pDigits) ? String(n) : zhNumber(n);
}

/** A count before a measure word, digits or numerals; 2 is 两 (or sometimes 二 in a gear-like 二档). */
export function count(ctx: TemplateContext, n: number, allowEr = false): string {
  if (ctx.chance(0.3)) return String(n);
  if (n === 2 && allowEr && ctx.chance(0.4)) return '二';
  return zhCount(n);
}

/** A level with its measure word: 二档, 两档, 2档, 三挡, 一级 (seat levels, fan speeds). */
export function level(ctx: TemplateContext, n: number): string {
  // 档 is the common word; 挡 is the recogniser's frequent homophone, 级 the spec-sheet word.
  const unit = ctx.chance(0.7) ? '档' : ctx.pick(['挡', '级', '档']);
  return `${count(ctx, n, true)}${unit}`;
}

/** A percentage: 百分之五十, 50%, 百分之百, 五十. */
export function percent(ctx: TemplateContext, n: number): string {
  const r = ctx.random();
  if (r < 0.5) return n === 100 && ctx.chance(0.5) ? '百分之百' : `百分之${zhInt(n)}`;
  if (r < 0.75) return `${n}%`;
  if (r < 0.88) return `百分之${n}`;
  return zhInt(n);
}

/** A temperature in °C as said: 二十二度, 22度, 二十二度半, 22.5度, 二十二点五. */
export function celsius(ctx: TemplateContext, t: number): string {
  const whole = Math.floor(t);
  const half = t !== whole;
  const digits = ctx.chance(0.35);
  const w = digits ? String(whole) : zhInt(whole);
  const r = ctx.random();
  if (half) {
    if (r < 0.4) return `${w}度半`;
    if (r < 0.8) return `${digits ? String(t) : zhNumber(t)}度`;
    return digits ? String(t) : zhNumber(t);
  }
  if (r < 0.7) return `${w}度`;
  if (r < 0.8) return `${w}摄氏度`;
  if (r < 0.85) return `摄氏${w}度`;
  return w;
}

/** A temperature said in °F: 华氏七十二度, 72华氏度. */
export function fahrenheit(ctx: TemplateContext, f: number): string {
  const w = ctx.chance(0.35) ? String(f) : zhInt(f);
  const r = ctx.random();
  if (r < 0.55) return `华氏${w}度`;
  if (r < 0.85) return `${w}华氏度`;
  return `${w}度华氏`;
}
