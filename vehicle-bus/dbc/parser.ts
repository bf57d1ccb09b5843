// DBC text -> Dbc model: the statement loop, nodes, messages and signals; the keyed sections live in parser-sections.ts.
import type { Dbc, DbcMessage, DbcSignal } from './model.js';
import { tokenize, type Token } from './tokenizer.js';
import { TokenCursor, describe } from './token-cursor.js';
import { signalByteSpan } from './bit-layout.js';
import { parseSection, type ParseState } from './parser-sections.js';
import { resolveSections } from './parser-resolve.js';

const EXTENDED_FLAG = 0x80000000;
/** Vector's holder for signals that belong to no frame; its references resolve but it is not a message. */
const PSEUDO_MESSAGE = 'VECTOR__INDEPENDENT_SIG_MSG';
const MAX_LENGTH = 64;

/** Statements recognised but not modelled: skipped to their `;`. */
const SKIPPED = new Set([
  'BO_TX_BU_', 'SIG_GROUP_', 'ENVVAR_DATA_', 'SGTYPE_', 'SGTYPE_VAL_', 'SIG_TYPE_REF_', 'BA_DEF_SGTYPE_',
  'BA_SGTYPE_', 'BA_DEF_REL_', 'BA_REL_', 'BA_DEF_DEF_REL_', 'BU_SG_REL_', 'BU_EV_REL_', 'BU_BO_REL_',
  'CAT_DEF_', 'CAT_', 'FILTER', 'EV_DATA_', 'NS_DESC_',
]);

/** Keywords that start a statement: a node list or other line-based section ends where one appears. */
const STATEMENTS = new Set([
  ...SKIPPED, 'VERSION', 'NS_', 'BS_', 'BU_', 'BO_', 'SG_', 'CM_', 'BA_DEF_', 'BA_DEF_DEF_', 'BA_', 'VAL_', 'VAL_TABLE_',
  'SIG_VALTYPE_', 'SG_MUL_VAL_', 'EV_',
]);

export function parseDbc(text: string, file: string): Dbc {
  const dbc: Dbc = { file, version: '', nodes: [], messages: [] };
  const warn = (line: number, detail: string) => void (dbc.warnings ??= []).push(`${file}:${line}: ${detail}`);
  const cur = new TokenCursor(tokenize(text, file), file, warn);
  const state: ParseState = { cur, dbc, messagesByDbcId: new Map(), signalLines: new Map(), warn };
  const messageLines = new Map<DbcMessage, number>();
  let current: DbcMessage | undefined;
  while (!cur.atEnd) {
    const tok = cur.next('a statement');
    if (tok.kind !== 'ident') throw cur.error(`unexpected ${describe(tok)} where a statement should start`, tok);
    if (tok.text !== 'SG_') current = undefined;
    switch (tok.text) {
      case 'VERSION':
        dbc.version = cur.expectString('after VERSION');
        break;
      case 'NS_':
        skipNewSymbols(cur, tok);
        break;
      case 'BS_':
        // Bit timing is obsolete; whatever follows on the line is ignored.
        cur.restOfLine(tok.line);
        break;
      case 'BU_':
        parseNodes(cur, tok, dbc);
        break;
      case 'BO_': {
        const { message, dbcId } = parseMessage(cur);
        const previous = state.messagesByDbcId.get(dbcId);
        if (previous) {
          throw cur.error(`message id ${dbcId} (${message.name}) already defined at line ${messageLines.get(previous)}`, tok);
        }
        state.messagesByDbcId.set(dbcId, message);
        messageLines.set(message, tok.line);
        dbc.messages.push(message);
        current = message;
        break;
      }
      case 'SG_': {
        if (!current) throw cur.error('SG_ outside a BO_ message block', tok);
        const signal = parseSignal(cur, tok, current, warn);
        if (current.signals.some((s) => s.name === signal.name)) {
          throw cur.error(`signal ${signal.name} defined twice in message ${current.name}`, tok);
        }
        current.signals.push(signal);
        state.signalLines.set(signal, tok.line);
        break;
      }
      default:
        if (SKIPPED.has(tok.text)) cur.skipStatement();
        else if (!parseSection(state, tok)) {
          if (!tok.atLineStart) throw cur.error(`unexpected '${tok.text}'`, tok);
          // An unknown keyword at column 0: a newer or vendor statement; skip it rather than refuse the file.
          state.warn(tok.line, `skipped unknown statement ${tok.text}`);
          cur.skipStatement();
        }
    }
  }
  resolveSections(state);
  dbc.messages = dbc.messages.filter((m) => m.name !== PSEUDO_MESSAGE);
  return dbc;
}

/**
 * `NS_ :` lists symbol names, one per line and normally indented; it ends at the next statement. A name written
 * at column 0 still belongs to the list when it stands alone on its line (a statement always has more on it).
 */
function skipNewSymbols(cur: TokenCursor, nsTok: Token): void {
  while (!cur.atEnd) {
    const tok = cur.peek()!;
    if (tok.line !== nsTok.line && tok.atLineStart) {
      const after = cur.peek(1);
      if (tok.kind !== 'ident' || (after !== undefined && after.line === tok.line)) return;
    }
    cur.pos++;
  }
}

function parseNodes(cur: TokenCursor, buTok: Token, dbc: Dbc): void {
  cur.expectPunct(':', 'after BU_');
  let line = buTok.line;
  for (;;) {
    const tok = cur.peek();
    // Long node lists are sometimes wrapped onto indented lines.
    if (!tok || tok.kind !== 'ident' || (tok.line !== line && tok.atLineStart) || STATEMENTS.has(tok.text)) return;
    if (tok.line !== line) line = tok.line;
    dbc.nodes.push(tok.text);
    cur.pos++;
    cur.acceptPunct(',');
  }
}

function parseMessage(cur: TokenCursor): { message: DbcMessage; dbcId: number } {
  const dbcId = cur.expectInt('as the BO_ message id', 0, 0xffffffff);
  const name = cur.expectIdent('as the BO_ message name').text;
  cur.expectPunct(':', `after message name ${name}`);
  const lengthTok = cur.peek();
  const length = cur.expectInt(`as the length of message ${name}`);
  if (length > MAX_LENGTH && name !== PSEUDO_MESSAGE) {
    throw cur.error(`message ${name} length ${length} exceeds ${MAX_LENGTH} bytes`, lengthTok);
  }
  const senderTok = cur.peek();
  const sender = senderTok && senderTok.kind === 'ident' && senderTok.line === lengthTok!.line ? cur.next('sender').text : '';
  const id = dbcId >= EXTENDED_FLAG ? dbcId - EXTENDED_FLAG : dbcId;
  // Some files write 29-bit ids without the flag; an id above 0x7FF can only be extended on the wire.
  const extended = dbcId >= EXTENDED_FLAG || id > 0x7ff;
  if (name !== PSEUDO_MESSAGE && id > 0x1fffffff) cur.warn(lengthTok!.line, `message ${name} id ${dbcId} exceeds 29 bits`);
  const message: DbcMessage = { id, extended, name, length, sender, signals: [] };
  if (length > 8) message.fd = true;
  return { message, dbcId };
}

function parseSignal(cur: TokenCursor, sgTok: Token, message: DbcMessage, warn: ParseState['warn']): DbcSignal {
  const name = cur.expectIdent('as the SG_ signal name').text;
  const ctx = `in signal ${name}`;
  let isMultiplexer = false;
  let multiplexValue: number | undefined;
  const muxTok = cur.peek();
  if (muxTok?.kind === 'ident') {
    const m = /^(?:(M)|m(\d+)(M?))$/.exec(muxTok.text);
    cur.pos++;
    if (muxTok.text === 'm') {
      // vw_pq.dbc marks a switch with a bare `m`; its SG_MUL_VAL_ lines treat it as the M signal.
      warn(muxTok.line, `bare multiplexer indicator 'm' ${ctx} read as 'M'`);
      isMultiplexer = true;
    } else if (!m) {
      throw cur.error(`bad multiplexer indicator '${muxTok.text}' ${ctx} (expected M, mN or mNM)`, muxTok);
    } else {
      isMultiplexer = m[1] === 'M' || m[3] === 'M';
      if (m[2] !== undefined) multiplexValue = Number(m[2]);
    }
  }
  cur.expectPunct(':', ctx);
  const startBit = cur.expectInt(`as the start bit ${ctx}`, 0, 511);
  cur.expectPunct('|', ctx);
  const lengthTok = cur.peek();
  const length = cur.expectInt(`as the bit length ${ctx}`, 1, 64);
  cur.expectPunct('@', ctx);
  const orderTok = cur.next(`byte order ${ctx}`);
  if (orderTok.kind !== 'number' || (orderTok.text !== '0' && orderTok.text !== '1')) {
    throw cur.error(`byte order must be @0 or @1 ${ctx}, got ${describe(orderTok)}`, orderTok);
  }
  const signTok = cur.next(`sign ${ctx}`);
  if (signTok.kind !== 'punct' || (signTok.text !== '+' && signTok.text !== '-')) {
    throw cur.error(`expected + or - after the byte order ${ctx}, got ${describe(signTok)}`, signTok);
  }
  cur.expectPunct('(', `before factor ${ctx}`);
  const factor = cur.expectNumber(`as the factor ${ctx}`);
  cur.expectPunct(',', ctx);
  const offset = cur.expectNumber(`as the offset ${ctx}`);
  cur.expectPunct(')', ctx);
  cur.expectPunct('[', `before the range ${ctx}`);
  const minimum = cur.expectNumber(`as the minimum ${ctx}`);
  cur.expectPunct('|', ctx);
  const maximum = cur.expectNumber(`as the maximum ${ctx}`);
  cur.expectPunct(']', ctx);
  const unit = cur.expectString(`as the unit ${ctx}`);
  if (factor === 0) throw cur.error(`factor 0 ${ctx}`, sgTok);
  const receivers: string[] = [];
  for (const tok of cur.restOfLine(cur.tokens[cur.pos - 1]!.line)) {
    if (tok.kind === 'ident') receivers.push(tok.text);
    else if (tok.kind !== 'punct' || tok.text !== ',') throw cur.error(`unexpected ${describe(tok)} in receivers ${ctx}`, tok);
  }
  const byteOrder = orderTok.text === '1' ? 'little_endian' : 'big_endian';
  const signal: DbcSignal = {
    name, startBit, length, byteOrder, signed: signTok.text === '-', valueType: 'integer',
    factor, offset, minimum, maximum, unit, receivers, isMultiplexer,
  };
  if (multiplexValue !== undefined) signal.multiplexValue = multiplexValue;
  if (signalByteSpan(signal).last >= message.length && message.name !== PSEUDO_MESSAGE) {
    // Real files (mazda_2017.dbc) hold such signals; the codec leaves them out rather than refuse the whole file.
    warn(lengthTok!.line, `signal ${name} (${startBit}|${length}@${orderTok.text}) does not fit in the ${message.length}-byte message ${message.name}`);
  }
  return signal;
}
