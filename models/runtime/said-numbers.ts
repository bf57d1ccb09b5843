// Numbers above 100, put back as said where the action language could write only a piece of them; °F marks too.
import { FAHRENHEIT, HALF, SEP } from '../../intents/action-language.js';
import { temperatureToCelsius } from '../../intents/units.js';
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
  restored?: { wrote: number; said: number; fahrenheit: boolean };
}

/** The decoded tokens with the number (and its °F mark) put back as said (see above); the same tokens otherwise. */
export function restoreSaidNumber(text: string, tokens: readonly string[]): RestoredNumber {
  const kept = { tokens: [...tokens] };
  const said = numbersSaid(text);
  const at = tokens.flatMap((t, i) => (NUMBER_TOKEN.test(t) ? [i] : []));
  if (said.length !== 1 || at.length !== 1) return kept;
  const n = said[0]!;
  const i = at[0]!;
  const wrote = Number(tokens[i]);
  if (tokens[i + 1] === HALF) return kept;
  const cut = Number.isInteger(n) && n > 100 && piecesOf(n).has(wrote);
  if (!cut && wrote !== n) return kept;
  /*
   * The corpus says °F only for 62–85, so "set it to 58 fahrenheit" was read as 58 with no mark — 58 °C, the
   * car's maximum heat for a request to cool. The text's °F word goes back with the temperature it names.
   */
  const intent = tokens[tokens.lastIndexOf(SEP, i) + 1];
  const fahrenheit =
    intent === 'hvac.temp' && tokens[i - 1] === 'value=' && tokens[i + 1] !== FAHRENHEIT && SAYS_FAHRENHEIT.test(text) &&
    temperatureToCelsius(n, true) !== temperatureToCelsius(n, false); // 60–90 is °F with or without the mark
  if (!cut && !fahrenheit) return kept;
  const out = [...tokens];
  out[i] = String(n);
  if (fahrenheit) out.splice(i + 1, 0, FAHRENHEIT);
  return { tokens: out, restored: { wrote, said: n, fahrenheit } };
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
