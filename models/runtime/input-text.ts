// Makes any string safe to tokenize: lone surrogates and control characters go, length is bounded before tokenizing.

/** Characters kept at most before tokenizing, per position of the model's window (a word is rarely > 8 chars). */
export const CHARS_PER_POSITION = 8;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0/C1 controls, DEL, zero-width and bidi marks, the BOM and noncharacters: never meaningful in an utterance.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF0-\uFFFF]/g;

export interface CleanText {
  text: string;
  /** What was changed, for a warning (empty when nothing was). */
  notes: string[];
  /** The text was longer than maxChars and was cut. */
  cut: boolean;
}

export function cleanInput(raw: unknown, maxChars: number): CleanText {
  const notes: string[] = [];
  let text = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  if (text.length > maxChars * 2) text = text.slice(0, maxChars * 2); // bound the regex work below
  const fixed = text.replace(LONE_SURROGATE, '');
  if (fixed.length !== text.length) notes.push('removed invalid UTF-16 (lone surrogates)');
  text = fixed.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  const cut = text.length > maxChars || (typeof raw === 'string' && raw.length > maxChars * 2);
  if (text.length > maxChars) {
    // Cut on a code-point boundary so no new lone surrogate appears.
    let end = maxChars;
    const c = text.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
    text = text.slice(0, end);
  }
  return { text, notes, cut };
}
