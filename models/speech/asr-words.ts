// Text as a speech recogniser hears it: lower case, numbers and symbols spelled out, no punctuation.
export const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
export const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 0–999 in words ("twenty two", "one hundred five"); larger numbers digit by digit. */
export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 20) return ONES[n]!;
  if (n < 100) return TENS[Math.floor(n / 10)]! + (n % 10 ? ` ${ONES[n % 10]}` : '');
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` ${numberWords(n % 100)}` : ''}`;
  return [...String(n)].map((d) => ONES[Number(d)]).join(' ');
}

/** "22.5" → "twenty two point five"; "7th" is left to the dictionary check. */
function spellNumber(token: string): string {
  const [whole, frac] = token.split('.');
  const w = numberWords(Number(whole));
  return frac ? `${w} point ${[...frac].map((d) => ONES[Number(d)]).join(' ')}` : w;
}

/**
 * The word sequence a recogniser would output for `text`, or null when it holds characters a
 * recogniser of English never outputs (Han script). Apostrophes stay ("i'm", "what's": the CMU
 * dictionary spells them so).
 */
export function asrWords(text: string): string[] | null {
  if (/\p{Script=Han}/u.test(text)) return null;
  const t = text
    .toLowerCase()
    .replace(/a\/c\b/g, 'a c')
    .replace(/°\s*c\b/g, ' degrees celsius')
    .replace(/°\s*f\b/g, ' degrees fahrenheit')
    .replace(/°/g, ' degrees')
    .replace(/%/g, ' percent')
    .replace(/(\d)\s*c\b/g, '$1 celsius')
    .replace(/(\d)\s*f\b/g, '$1 fahrenheit')
    .replace(/\d+(\.\d+)?/g, (m) => ` ${spellNumber(m)} `)
    .replace(/[’`]/g, "'")
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/(^|\s)'+|'+(\s|$)/g, ' ');
  const words = t.split(/\s+/).filter(Boolean);
  return words.length ? words : null;
}

/** Contractions a speaker may as well say in full; the recogniser cannot tell "i'm cold" from "i am cold" by grammar. */
const CONTRACTIONS: Record<string, string[]> = {
  "i'm": ['i', 'am'], "it's": ['it', 'is'], "that's": ['that', 'is'], "what's": ['what', 'is'], "there's": ['there', 'is'], "here's": ['here', 'is'],
  "he's": ['he', 'is'], "she's": ['she', 'is'], "we're": ['we', 'are'], "you're": ['you', 'are'], "they're": ['they', 'are'],
  "i'd": ['i', 'would'], "we'd": ['we', 'would'], "you'd": ['you', 'would'], "i'll": ['i', 'will'], "it'll": ['it', 'will'], "we'll": ['we', 'will'],
  "i've": ['i', 'have'], "we've": ['we', 'have'], "don't": ['do', 'not'], "doesn't": ['does', 'not'], "didn't": ['did', 'not'],
  "isn't": ['is', 'not'], "aren't": ['are', 'not'], "can't": ['can', 'not'], "won't": ['will', 'not'], "wouldn't": ['would', 'not'],
  "couldn't": ['could', 'not'], "shouldn't": ['should', 'not'], "wasn't": ['was', 'not'],
};

/** The words with every known contraction said in full ("i'm cold" → "i am cold"), or null when there is none. */
export function expandContractions(words: readonly string[]): string[] | null {
  if (!words.some((w) => CONTRACTIONS[w])) return null;
  return words.flatMap((w) => CONTRACTIONS[w] ?? [w]);
}
