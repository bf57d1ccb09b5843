// Reading position over DBC tokens with typed `expect*` helpers whose failures name the file and line.
import { DbcParseError } from '../errors.js';
import type { Token } from './tokenizer.js';

export class TokenCursor {
  pos = 0;

  constructor(
    readonly tokens: Token[],
    readonly file: string,
    /** Receives tolerated slips (a missing `;`), with the line they are on. */
    readonly warn: (line: number, detail: string) => void = () => {},
  ) {}

  get atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  /** Line of the next token, or of the last one at the end of the text. */
  get line(): number {
    return (this.tokens[this.pos] ?? this.tokens[this.tokens.length - 1])?.line ?? 1;
  }

  error(detail: string, token?: Token): DbcParseError {
    return new DbcParseError(this.file, token?.line ?? this.line, detail);
  }

  next(what: string): Token {
    const tok = this.tokens[this.pos];
    if (!tok) throw this.error(`unexpected end of file, expected ${what}`);
    this.pos++;
    return tok;
  }

  isPunct(ch: string): boolean {
    const tok = this.tokens[this.pos];
    return tok !== undefined && tok.kind === 'punct' && tok.text === ch;
  }

  acceptPunct(ch: string): boolean {
    if (!this.isPunct(ch)) return false;
    this.pos++;
    return true;
  }

  expectPunct(ch: string, context: string): Token {
    const tok = this.next(`'${ch}' ${context}`);
    if (tok.kind !== 'punct' || tok.text !== ch) throw this.error(`expected '${ch}' ${context}, got ${describe(tok)}`, tok);
    return tok;
  }

  expectIdent(context: string): Token {
    const tok = this.next(`a name ${context}`);
    if (tok.kind !== 'ident') throw this.error(`expected a name ${context}, got ${describe(tok)}`, tok);
    return tok;
  }

  expectString(context: string): string {
    const tok = this.next(`a quoted string ${context}`);
    if (tok.kind !== 'string') throw this.error(`expected a quoted string ${context}, got ${describe(tok)}`, tok);
    return tok.text;
  }

  expectNumber(context: string): number {
    const tok = this.next(`a number ${context}`);
    const value = tok.kind === 'number' ? Number(tok.text) : NaN;
    if (!Number.isFinite(value)) throw this.error(`expected a number ${context}, got ${describe(tok)}`, tok);
    return value;
  }

  expectInt(context: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const tok = this.peek();
    const value = this.expectNumber(context);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw this.error(`expected a whole number in ${min}..${max} ${context}, got ${tok!.text}`, tok);
    }
    return value;
  }

  expectEnd(context: string): void {
    if (this.acceptPunct(';')) return;
    const tok = this.peek();
    // Files in the wild forget the `;` before the next statement; the statement itself is complete, so go on.
    if (!tok || (tok.atLineStart && tok.kind === 'ident')) {
      this.warn(this.tokens[this.pos - 1]!.line, `missing ';' after ${context}`);
      return;
    }
    this.expectPunct(';', `to end ${context}`);
  }

  /** Skips a statement this parser does not model: up to its `;`, or up to the next statement at column 0. */
  skipStatement(): void {
    while (!this.atEnd) {
      const tok = this.tokens[this.pos]!;
      if (tok.kind === 'punct' && tok.text === ';') {
        this.pos++;
        return;
      }
      if (tok.atLineStart && tok.kind === 'ident' && this.pos > 0) return;
      this.pos++;
    }
  }

  /** Consumes every token left on `line`. */
  restOfLine(line: number): Token[] {
    const out: Token[] = [];
    while (!this.atEnd && this.tokens[this.pos]!.line === line) out.push(this.tokens[this.pos++]!);
    return out;
  }
}

export function describe(tok: Token): string {
  if (tok.kind === 'string') return 'a quoted string';
  return `'${tok.text}'`;
}
