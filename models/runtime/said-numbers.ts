// Numbers above 100, put back as said where the action language could write only a piece of them.
import { FAHRENHEIT, HALF, SEP } from '../../intents/action-language.js';
import { numbersSaid } from './spoken-numbers.js';

/*
 * The action language writes the numbers 0–100 as single tokens, so for "set the brightness to 150" the
 * constrained decoder can only write a number it allows — a piece of the one said: "15" or "50" of 150, "12"
 * of "two hundred twelve", "100" of "one hundred fifty", 五十 of 一百五十 — and the car would get a wrong
 * value that is silently in range. The catalog's answer to an out-of-range value is to clamp it and say so,
 * and for that the dialogue needs the number as said. The rule is narrow on purpose (anything ambiguous keeps
 * the model's reading): the text says exactly one number — in digits, English words or Mandarin numerals — a
 * whole number above 100; the reading has exactly one number, and it is a piece of the one said.
 */

const NUMBER_TOKEN = /^\d+$/;
const SAYS_FAHRENHEIT = /fahrenheit|华氏/i;

export interface RestoredNumber {
  tokens: string[];
  /** What was put back, for a warning; absent when the tokens are unchanged. */
  restored?: { wrote: number; said: number };
}

/** The decoded tokens with a number put back as said (see above); the same tokens otherwise. */
export function restoreSaidNumber(text: string, tokens: readonly string[]): RestoredNumber {
  const kept = { tokens: [...tokens] };
  const said = numbersSaid(text);
  if (said.length !== 1) return kept;
  const n = said[0]!;
  if (!Number.isInteger(n) || n <= 100) return kept;
  const at = tokens.flatMap((t, i) => (NUMBER_TOKEN.test(t) ? [i] : []));
  if (at.length !== 1) return kept;
  const i = at[0]!;
  const wrote = Number(tokens[i]);
  if (tokens[i + 1] === HALF || !piecesOf(n).has(wrote)) return kept;
  const out = [...tokens];
  out[i] = String(n);
  // "212 fahrenheit" read as 12: the unit goes back with the number, or 212 would count as °C.
  const intent = tokens[tokens.lastIndexOf(SEP, i) + 1];
  if (intent === 'hvac.temp' && tokens[i - 1] === 'value=' && SAYS_FAHRENHEIT.test(text) && tokens[i + 1] !== FAHRENHEIT) {
    out.splice(i + 1, 0, FAHRENHEIT);
  }
  return { tokens: out, restored: { wrote, said: n } };
}

/** The numbers a model limited to 0–100 writes for `n`: its first digits (15 of 150), its last two (12 of 212), its hundreds (100 of 150). */
function piecesOf(n: number): Set<number> {
  const digits = String(n);
  const pieces = new Set<number>();
  for (let k = 1; k < digits.length; k++) pieces.add(Number(digits.slice(0, k)));
  pieces.add(n % 100);
  pieces.add(n - (n % 100));
  pieces.delete(0);
  pieces.delete(n);
  return pieces;
}
