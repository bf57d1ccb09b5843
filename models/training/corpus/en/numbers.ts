// English numbers as people say them and recognisers write them: 22, twenty two, twenty-two and a half, 72°F.
import type { Ctx } from './common.js';

const ONES = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 0–100 in words; `hyphen` joins tens and ones (twenty-two). */
export function words(n: number, hyphen = false): string {
  if (!Number.isInteger(n) || n < 0 || n > 100) throw new RangeError(`words: ${n}`);
  if (n === 100) return 'one hundred';
  if (n < 20) return ONES[n]!;
  const t = TENS[Math.floor(n / 10)]!;
  return n % 10 ? `${t}${hyphen ? '-' : ' '}${ONES[n % 10]}` : t;
}

/** Digits or words (either spelling). */
export function num(ctx: Ctx, n: number, pWords = 0.4): string {
  if (!ctx.chance(pWords)) return String(n);
  if (n === 100 && ctx.chance(0.5)) return 'a hundred';
  return words(n, ctx.chance(0.4));
}

/** A possibly-half number: 22.5, twenty two and a half, twenty-two point five, 22 and a half. */
export function halfNum(ctx: Ctx, t: number): string {
  const whole = Math.floor(t);
  if (t === whole) return num(ctx, t, 0.4);
  const r = ctx.random();
  if (r < 0.4) return String(t);
  if (r < 0.65) return `${words(whole, ctx.chance(0.4))} and a half`;
  if (r < 0.85) return `${words(whole, ctx.chance(0.4))} point five`;
  return `${whole} and a half`;
}

/** A Celsius temperature as said, with or without a unit. */
export function celsius(ctx: Ctx, t: number): string {
  const n = halfNum(ctx, t);
  const half = t !== Math.floor(t);
  const r = ctx.random();
  if (r < 0.3) return n;
  if (r < 0.65) return `${n} degrees`;
  if (r < 0.72 && !half) return `${n} degrees`.replace('degrees', ctx.pick(['degree', 'deg', 'degrees']));
  if (r < 0.8) return `${n} degrees celsius`;
  if (r < 0.86) return `${n} celsius`;
  if (r < 0.92 && /^\d/.test(n)) return `${n}${ctx.pick(['°C', ' °C', '°', ' C', 'C'])}`;
  return `${n} degrees C`;
}

/** A Fahrenheit temperature said with its unit (the target carries F). */
export function fahrenheit(ctx: Ctx, f: number): string {
  const n = num(ctx, f, 0.45);
  const r = ctx.random();
  if (r < 0.35) return `${n} degrees fahrenheit`;
  if (r < 0.6) return `${n} fahrenheit`;
  if (r < 0.7) return `${n} degrees F`;
  if (r < 0.8 && /^\d/.test(n)) return `${n}${ctx.pick(['°F', ' °F', 'F', ' F'])}`;
  if (r < 0.9) return `${n} Fahrenheit`;
  return `${n} degrees in fahrenheit`;
}

/** A bare 60–90 number that means °F without saying so ("set it to 72"); degrees allowed. */
export function bareF(ctx: Ctx, f: number): string {
  const n = num(ctx, f, 0.4);
  return ctx.chance(0.4) ? `${n} degrees` : n;
}

/** A percentage: 50 percent, 50%, fifty percent, 50. */
export function percent(ctx: Ctx, n: number): string {
  const w = num(ctx, n, 0.35);
  const r = ctx.random();
  if (r < 0.45) return `${w} percent`;
  if (r < 0.65 && /^\d/.test(w)) return `${w}%`;
  if (r < 0.72) return `${w} per cent`;
  if (r < 0.8) return `${w} pct`.replace(' pct', ctx.pick([' percent', '%', ' pct']));
  return w;
}

/** A level: 2, two, level 2, setting two, position 2, number 2. */
export function level(ctx: Ctx, n: number): string {
  const w = num(ctx, n, 0.5);
  const r = ctx.random();
  if (r < 0.4) return w;
  if (r < 0.65) return `level ${w}`;
  if (r < 0.75) return `setting ${w}`;
  if (r < 0.82) return `position ${w}`;
  if (r < 0.88) return `number ${w}`;
  if (r < 0.94) return `speed ${w}`.replace('speed', ctx.pick(['stage', 'step', 'level']));
  return `level ${w}`;
}

/** A count of steps with its unit: "two degrees", "1 notch", "a couple of levels" (2). */
export function steps(ctx: Ctx, n: number, units: readonly string[]): string {
  const unit = ctx.pick(units);
  if (n === 1) return `${ctx.pick(['one', 'a', 'one', '1'])} ${unit.replace(/s$/, '')}`;
  if (n === 2 && ctx.chance(0.15)) return `a couple ${unit}`.replace('a couple', ctx.pick(['a couple', 'a couple of']));
  return `${num(ctx, n, 0.6)} ${unit}`;
}
