// Numbers above 100 said in digits, put back where the action language could write only their first digits.
import { HALF } from '../../intents/action-language.js';

/*
 * The action language writes the numbers 0–100 as single tokens, so for "set the brightness to 150" the
 * constrained decoder can only write a number it allows — the first digits, "15" — and the car would get a
 * wrong value that is silently in range. The catalog's answer to an out-of-range value is to clamp it and
 * say so, and for that the dialogue needs the number as said. The rule is narrow on purpose (anything
 * ambiguous keeps the model's reading): the text says exactly one number, in digits, a whole number above
 * 100, and no other number in digits or words; the reading has exactly one number, and it is a proper prefix
 * of the one said ("15" of "150", "100" of "1000").
 */

const DIGITS = /\d+(?:[.,]\d+)?/g;
const EN_NUMBER_WORD =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half)\b/i;
// 一 on its own is mostly not a number (一点, 一下, 一样); before 十 / 百 / 千 it is.
const ZH_NUMERAL = /[零二两三四五六七八九十百千]|一(?=[十百千])/;
const NUMBER_TOKEN = /^\d+$/;

export interface RestoredNumber {
  tokens: string[];
  /** What was put back, for a warning; absent when the tokens are unchanged. */
  restored?: { wrote: number; said: number };
}

/** The decoded tokens with a truncated number put back as said (see above); the same tokens otherwise. */
export function restoreSaidNumber(text: string, tokens: readonly string[]): RestoredNumber {
  const kept = { tokens: [...tokens] };
  const said = [...text.matchAll(DIGITS)].map((m) => m[0]);
  if (said.length !== 1 || !NUMBER_TOKEN.test(said[0]!)) return kept;
  const digits = String(Number(said[0])); // "0150" says 150
  if (Number(digits) <= 100) return kept;
  const rest = text.replace(DIGITS, ' ');
  if (EN_NUMBER_WORD.test(rest) || ZH_NUMERAL.test(rest)) return kept;
  const at = tokens.flatMap((t, i) => (NUMBER_TOKEN.test(t) ? [i] : []));
  if (at.length !== 1) return kept;
  const i = at[0]!;
  const wrote = tokens[i]!;
  if (tokens[i + 1] === HALF || !digits.startsWith(wrote)) return kept; // digits > 100 ≥ wrote: a proper prefix
  const out = [...tokens];
  out[i] = digits;
  return { tokens: out, restored: { wrote: Number(wrote), said: Number(digits) } };
}
