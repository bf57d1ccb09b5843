// Splits DBC text into tokens that keep their 1-based line, so every parse error can name the line it is about.
import { DbcParseError } from '../errors.js';

export type TokenKind = 'ident' | 'number' | 'string' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Identifier or punctuation as written; a string's unescaped contents; a number's source text. */
  text: string;
  /** Line the token starts on (strings may run over several lines). */
  line: number;
  /** First token on its line and written at column 0: where top-level statements start. */
  atLineStart: boolean;
}

const SPACE = 1;
const IDENT_START = 2;
const IDENT_PART = 4;
const DIGIT = 8;
const charClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\f' || ch === '\v') charClass[c] = SPACE;
  if (/[A-Za-z_]/.test(ch)) charClass[c] = IDENT_START | IDENT_PART;
  if (/[0-9]/.test(ch)) charClass[c] = DIGIT | IDENT_PART;
}
const cls = (code: number): number => (code < 128 ? charClass[code]! : 0);

const NUMBER_RE = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;
/** Statement keywords that, at the start of a line inside a string, mean the string's closing quote is missing. */
const STATEMENT_AHEAD = /[ \t]*(?:BO_|SG_|CM_|BA_|BA_DEF_|BA_DEF_DEF_|VAL_|VAL_TABLE_|SIG_VALTYPE_|SG_MUL_VAL_|BU_|EV_|BO_TX_BU_) /y;

export function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineHead = true; // nothing but (possibly) whitespace seen on this line so far
  let column0 = true; // no whitespace either
  let i = 0;
  const n = text.length;
  // A byte-order mark would otherwise read as an unknown character before VERSION.
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      line++;
      lineHead = true;
      column0 = true;
      i++;
      continue;
    }
    if (cls(code) & SPACE) {
      column0 = false;
      i++;
      continue;
    }
    // `//` comments exist in hand-written files; they run to the end of the line.
    if (code === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      continue;
    }
    const atLineStart = lineHead && column0;
    lineHead = false;
    const startLine = line;
    if (code === 34) {
      let out = '';
      let j = i + 1;
      let runStart = j;
      for (;;) {
        if (j >= n) throw new DbcParseError(file, startLine, 'unterminated string');
        const c = text.charCodeAt(j);
        if (c === 34) break;
        if (c === 10) {
          line++;
          // Comments may span lines, but one that runs into the next statement lost its closing quote;
          // report where it opened rather than wherever the quotes happen to pair up again.
          STATEMENT_AHEAD.lastIndex = j + 1;
          if (STATEMENT_AHEAD.test(text)) throw new DbcParseError(file, startLine, 'unterminated string (the next statement starts inside it)');
        }
        if (c === 92 && j + 1 < n) {
          // Only \" and \\ are escapes in DBC; any other backslash stays as written (Windows paths in comments).
          const next = text.charCodeAt(j + 1);
          if (next === 34 || next === 92) {
            out += text.slice(runStart, j) + text[j + 1];
            j += 2;
            runStart = j;
            continue;
          }
        }
        j++;
      }
      out += text.slice(runStart, j);
      tokens.push({ kind: 'string', text: out.replace(/\r\n/g, '\n'), line: startLine, atLineStart });
      i = j + 1;
      continue;
    }
    const c = cls(code);
    if (c & IDENT_START) {
      let j = i + 1;
      while (j < n && cls(text.charCodeAt(j)) & IDENT_PART) j++;
      tokens.push({ kind: 'ident', text: text.slice(i, j), line, atLineStart });
      i = j;
      continue;
    }
    if (c & DIGIT || code === 45 || code === 43 || code === 46) {
      NUMBER_RE.lastIndex = i;
      const m = NUMBER_RE.exec(text);
      if (m) {
        let j = i + m[0].length;
        // Names such as `3D_Camera` start with digits; keep them one identifier.
        if (j < n && cls(text.charCodeAt(j)) & IDENT_START && /^\d+$/.test(m[0])) {
          while (j < n && cls(text.charCodeAt(j)) & IDENT_PART) j++;
          tokens.push({ kind: 'ident', text: text.slice(i, j), line, atLineStart });
        } else {
          tokens.push({ kind: 'number', text: m[0], line, atLineStart });
        }
        i = j;
        continue;
      }
    }
    tokens.push({ kind: 'punct', text: text[i]!, line, atLineStart });
    i++;
  }
  return tokens;
}
