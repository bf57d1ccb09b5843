// The `;`-terminated DBC sections that annotate messages and signals: CM_, BA_*, VAL_*, SIG_VALTYPE_, SG_MUL_VAL_, EV_.
import type { Dbc, DbcAttributeDefinition, DbcAttributeScope, DbcMessage, DbcSignal } from './model.js';
import type { Token } from './tokenizer.js';
import { describe, type TokenCursor } from './token-cursor.js';

export interface ParseState {
  cur: TokenCursor;
  dbc: Dbc;
  /** Keyed by the id as written (extended flag included), which is how sections refer to messages. */
  messagesByDbcId: Map<number, DbcMessage>;
  signalLines: Map<DbcSignal, number>;
  warn(line: number, detail: string): void;
}

const SCOPES: Record<string, DbcAttributeScope> = { BU_: 'node', BO_: 'message', SG_: 'signal', EV_: 'env' };

/** Parses one section statement whose keyword token was just read; false when the keyword is not one of them. */
export function parseSection(state: ParseState, tok: Token): boolean {
  switch (tok.text) {
    case 'CM_': parseComment(state, tok); return true;
    case 'BA_DEF_': parseAttributeDefinition(state); return true;
    case 'BA_DEF_DEF_': parseAttributeDefault(state); return true;
    case 'BA_': parseAttribute(state, tok); return true;
    case 'VAL_': parseValueDescriptions(state, tok); return true;
    case 'VAL_TABLE_': {
      const name = state.cur.expectIdent('as the VAL_TABLE_ name').text;
      (state.dbc.valueTables ??= new Map()).set(name, parsePairs(state.cur, `in VAL_TABLE_ ${name}`));
      return true;
    }
    case 'SIG_VALTYPE_': parseValueType(state, tok); return true;
    case 'SG_MUL_VAL_': parseMultiplexRanges(state, tok); return true;
    case 'EV_': parseEnvironmentVariable(state); return true;
    default: return false;
  }
}

function findMessage(state: ParseState, dbcId: number, line: number, what: string): DbcMessage | undefined {
  const message = state.messagesByDbcId.get(dbcId);
  // Real files carry leftovers from deleted frames; a dangling reference is noted, not fatal.
  if (!message) state.warn(line, `${what} refers to unknown message id ${dbcId}`);
  return message;
}

function findSignal(state: ParseState, line: number, what: string): DbcSignal | undefined {
  const cur = state.cur;
  const dbcId = cur.expectInt(`as the message id in ${what}`, 0, 0xffffffff);
  const name = cur.expectIdent(`as the signal name in ${what}`).text;
  const message = findMessage(state, dbcId, line, what);
  const signal = message?.signals.find((s) => s.name === name);
  if (message && !signal) state.warn(line, `${what} refers to unknown signal ${name} in message ${message.name}`);
  return signal;
}

function parseComment(state: ParseState, tok: Token): void {
  const cur = state.cur;
  const next = cur.peek();
  if (next?.kind === 'string') {
    state.dbc.comment = cur.expectString('in CM_');
  } else {
    const scope = cur.expectIdent('(BU_, BO_, SG_, EV_ or a string) after CM_');
    if (scope.text === 'BU_') {
      const node = cur.expectIdent('as the node name in CM_ BU_').text;
      (state.dbc.nodeComments ??= new Map()).set(node, cur.expectString('in CM_ BU_'));
    } else if (scope.text === 'BO_') {
      const message = findMessage(state, cur.expectInt('as the message id in CM_ BO_', 0, 0xffffffff), tok.line, 'CM_ BO_');
      const text = cur.expectString('in CM_ BO_');
      if (message) message.comment = text;
    } else if (scope.text === 'SG_') {
      const signal = findSignal(state, tok.line, 'CM_ SG_');
      const text = cur.expectString('in CM_ SG_');
      if (signal) signal.comment = text;
    } else if (scope.text === 'EV_') {
      const name = cur.expectIdent('as the variable name in CM_ EV_').text;
      const text = cur.expectString('in CM_ EV_');
      const ev = state.dbc.environmentVariables?.find((e) => e.name === name);
      if (ev) ev.comment = text;
    } else {
      throw cur.error(`unknown comment target '${scope.text}' (expected BU_, BO_, SG_ or EV_)`, scope);
    }
  }
  cur.expectEnd('CM_');
}

function parseAttributeDefinition(state: ParseState): void {
  const cur = state.cur;
  let scope: DbcAttributeScope = 'network';
  const first = cur.peek();
  if (first?.kind === 'ident' && SCOPES[first.text]) {
    scope = SCOPES[first.text]!;
    cur.pos++;
  }
  const name = cur.expectString('as the BA_DEF_ attribute name');
  const typeTok = cur.expectIdent(`as the type of attribute ${name}`);
  const def: DbcAttributeDefinition = { name, scope, type: 'STRING' };
  switch (typeTok.text) {
    case 'INT': case 'HEX': case 'FLOAT':
      def.type = typeTok.text;
      def.minimum = cur.expectNumber(`as the minimum of attribute ${name}`);
      def.maximum = cur.expectNumber(`as the maximum of attribute ${name}`);
      break;
    case 'STRING':
      break;
    case 'ENUM':
      def.type = 'ENUM';
      def.values = [];
      while (cur.peek()?.kind === 'string') {
        def.values.push(cur.expectString(`in ENUM of attribute ${name}`));
        if (!cur.acceptPunct(',')) break;
      }
      break;
    default:
      throw cur.error(`unknown attribute type '${typeTok.text}' for ${name} (expected INT, HEX, FLOAT, STRING or ENUM)`, typeTok);
  }
  const previous = state.dbc.attributeDefinitions?.get(name);
  if (previous?.defaultValue !== undefined) def.defaultValue = previous.defaultValue;
  (state.dbc.attributeDefinitions ??= new Map()).set(name, def);
  cur.expectEnd(`BA_DEF_ ${name}`);
}

function attributeValue(cur: TokenCursor, name: string): number | string {
  const tok = cur.next(`a value for attribute ${name}`);
  if (tok.kind === 'string') return tok.text;
  if (tok.kind === 'number') return Number(tok.text);
  throw cur.error(`expected a number or string as the value of attribute ${name}, got ${describe(tok)}`, tok);
}

function parseAttributeDefault(state: ParseState): void {
  const cur = state.cur;
  const name = cur.expectString('as the BA_DEF_DEF_ attribute name');
  const value = attributeValue(cur, name);
  const defs = (state.dbc.attributeDefinitions ??= new Map());
  // A default may come before its definition in hand-edited files; keep it until the definition arrives.
  const def = defs.get(name) ?? { name, scope: 'network', type: typeof value === 'string' ? 'STRING' : 'INT' };
  def.defaultValue = value;
  defs.set(name, def);
  cur.expectEnd(`BA_DEF_DEF_ ${name}`);
}

function parseAttribute(state: ParseState, tok: Token): void {
  const cur = state.cur;
  const name = cur.expectString('as the BA_ attribute name');
  const target = cur.peek();
  let holder: { attributes?: Record<string, number | string> } | undefined = state.dbc;
  if (target?.kind === 'ident' && SCOPES[target.text]) {
    cur.pos++;
    if (target.text === 'BO_') {
      holder = findMessage(state, cur.expectInt('as the message id in BA_', 0, 0xffffffff), tok.line, `BA_ ${name}`);
    } else if (target.text === 'SG_') {
      holder = findSignal(state, tok.line, `BA_ ${name}`);
    } else {
      cur.expectIdent(`as the ${target.text} name in BA_`);
      holder = undefined; // node and environment-variable attributes are not modelled
    }
  }
  const value = attributeValue(cur, name);
  if (holder) (holder.attributes ??= {})[name] = value;
  cur.expectEnd(`BA_ ${name}`);
}

/** `value "label"` pairs up to the closing `;`. */
function parsePairs(cur: TokenCursor, context: string): Map<number, string> {
  const table = new Map<number, string>();
  for (;;) {
    const next = cur.peek();
    if (!next || (next.kind === 'ident' && next.atLineStart) || (next.kind === 'punct' && next.text === ';')) break;
    const value = cur.expectNumber(`as a raw value ${context}`);
    table.set(value, cur.expectString(`as the label for ${value} ${context}`));
  }
  cur.expectEnd(context.replace(/^in /, ''));
  return table;
}

function parseValueDescriptions(state: ParseState, tok: Token): void {
  const cur = state.cur;
  if (cur.peek()?.kind === 'ident') {
    // `VAL_ EnvVarName ...` describes an environment variable, which has no frame to decode.
    cur.pos++;
    parsePairs(cur, 'in VAL_');
    return;
  }
  const signal = findSignal(state, tok.line, 'VAL_');
  const table = parsePairs(cur, `in VAL_${signal ? ` for ${signal.name}` : ''}`);
  if (signal) signal.valueTable = table;
}

function parseValueType(state: ParseState, tok: Token): void {
  const cur = state.cur;
  const signal = findSignal(state, tok.line, 'SIG_VALTYPE_');
  cur.acceptPunct(':');
  const codeTok = cur.peek();
  const code = cur.expectInt('as the SIG_VALTYPE_ type (0, 1 or 2)', 0, 3);
  cur.expectEnd('SIG_VALTYPE_');
  if (!signal || code === 0) return;
  if (code === 3) throw cur.error('SIG_VALTYPE_ 3 is not a known value type', codeTok);
  const bits = code === 1 ? 32 : 64;
  if (signal.length !== bits) {
    throw cur.error(`signal ${signal.name} is ${signal.length} bits but SIG_VALTYPE_ ${code} needs ${bits}`, codeTok);
  }
  signal.valueType = code === 1 ? 'float32' : 'float64';
}

function parseMultiplexRanges(state: ParseState, tok: Token): void {
  const cur = state.cur;
  const signal = findSignal(state, tok.line, 'SG_MUL_VAL_');
  const switchName = cur.expectIdent('as the switch signal in SG_MUL_VAL_').text;
  const ranges: Array<[number, number]> = [];
  do {
    const lo = cur.expectInt('as a range start in SG_MUL_VAL_');
    let hi: number;
    // `3-5` tokenizes as 3 and -5 (a signed number); `3 - 5` as 3, '-', 5.
    if (cur.acceptPunct('-')) hi = cur.expectInt('as a range end in SG_MUL_VAL_');
    else hi = -cur.expectInt('as a range end in SG_MUL_VAL_', -Number.MAX_SAFE_INTEGER, 0);
    if (hi < lo) throw cur.error(`empty range ${lo}-${hi} in SG_MUL_VAL_`, tok);
    ranges.push([lo, hi]);
  } while (cur.acceptPunct(','));
  cur.expectEnd('SG_MUL_VAL_');
  if (signal) {
    signal.multiplexerName = switchName;
    signal.multiplexRanges = ranges;
  }
}

function parseEnvironmentVariable(state: ParseState): void {
  const cur = state.cur;
  const name = cur.expectIdent('as the EV_ name').text;
  cur.expectPunct(':', `after EV_ ${name}`);
  const type = cur.expectInt(`as the type of EV_ ${name}`, 0, 2);
  cur.expectPunct('[', `in EV_ ${name}`);
  const minimum = cur.expectNumber(`as the minimum of EV_ ${name}`);
  cur.expectPunct('|', `in EV_ ${name}`);
  const maximum = cur.expectNumber(`as the maximum of EV_ ${name}`);
  cur.expectPunct(']', `in EV_ ${name}`);
  const unit = cur.expectString(`as the unit of EV_ ${name}`);
  const initialValue = cur.expectNumber(`as the initial value of EV_ ${name}`);
  // Id, access type and access nodes follow; nothing here uses them.
  cur.skipStatement();
  const kind = type === 0 ? 'integer' : type === 1 ? 'float' : 'string';
  (state.dbc.environmentVariables ??= []).push({ name, type: kind, minimum, maximum, unit, initialValue });
}
