// DBC parser: every construct the codec and tools rely on, and errors that point at the right line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDbc } from '../../../vehicle-bus/dbc/parser.js';
import type { Dbc, DbcMessage } from '../../../vehicle-bus/dbc/model.js';
import { DbcParseError } from '../../../vehicle-bus/errors.js';
import { repoRoot } from '../../helpers/cli.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'dbc');
const features: Dbc = parseDbc(readFileSync(join(fixtures, 'features.dbc'), 'utf8'), 'features.dbc');
const message = (name: string): DbcMessage => features.messages.find((m) => m.name === name)!;
const signal = (m: string, s: string) => message(m).signals.find((x) => x.name === s)!;

describe('parseDbc on a file with every construct', () => {
  it('reads VERSION with escaped quotes and the node list (CRLF lines)', () => {
    expect(features.version).toBe('1.2 "beta"');
    expect(features.nodes).toEqual(['HU', 'SEAT_ECU', 'CLIMATE_ECU']);
  });

  it('reads messages, strips the extended flag and drops the Vector pseudo-message', () => {
    expect(features.messages.map((m) => [m.name, m.id, m.extended, m.length, m.sender])).toEqual([
      ['HU_SeatCmd', 784, false, 8, 'HU'],
      ['J1939_Frame', 0x18fef1fe, true, 64, 'CLIMATE_ECU'],
      ['Empty', 1, false, 0, 'Vector__XXX'],
    ]);
    expect(message('J1939_Frame').fd).toBe(true);
    expect(message('HU_SeatCmd').fd).toBeUndefined();
  });

  it('reads every field of a signal line', () => {
    expect(signal('HU_SeatCmd', 'Recline')).toMatchObject({
      startBit: 15, length: 10, byteOrder: 'big_endian', signed: true, factor: 0.5, offset: -10,
      minimum: -266, maximum: 245.5, unit: 'deg', receivers: ['SEAT_ECU', 'CLIMATE_ECU'], isMultiplexer: false,
      valueType: 'integer',
    });
    expect(signal('HU_SeatCmd', 'HeatReq')).toMatchObject({ byteOrder: 'little_endian', signed: false, receivers: ['SEAT_ECU'] });
  });

  it('reads simple and extended multiplexing with SG_MUL_VAL_ ranges', () => {
    expect(signal('J1939_Frame', 'Mode')).toMatchObject({ isMultiplexer: true });
    expect(signal('J1939_Frame', 'Mode').multiplexValue).toBeUndefined();
    expect(signal('J1939_Frame', 'Temp')).toMatchObject({ multiplexValue: 0, multiplexerName: 'Mode' });
    expect(signal('J1939_Frame', 'Fan')).toMatchObject({ multiplexValue: 1, multiplexerName: 'Mode' });
    expect(signal('J1939_Frame', 'Page')).toMatchObject({ isMultiplexer: true, multiplexValue: 2, multiplexerName: 'Mode' });
    expect(signal('J1939_Frame', 'Detail')).toMatchObject({
      multiplexValue: 3, multiplexerName: 'Page', multiplexRanges: [[3, 5], [7, 7]],
    });
    expect(signal('J1939_Frame', 'Ratio').multiplexerName).toBeUndefined();
  });

  it('reads SIG_VALTYPE_ floats', () => {
    expect(signal('J1939_Frame', 'Ratio').valueType).toBe('float64');
    expect(signal('J1939_Frame', 'Gain').valueType).toBe('float32');
  });

  it('attaches VAL_ tables to signals and keeps VAL_TABLE_ tables by name', () => {
    expect([...signal('HU_SeatCmd', 'HeatReq').valueTable!]).toEqual([[0, 'off'], [1, 'low'], [2, 'mid'], [3, 'high']]);
    expect(signal('J1939_Frame', 'Mode').valueTable!.get(2)).toBe('paged');
    expect([...features.valueTables!.keys()]).toEqual(['OnOff', 'Colors']);
    expect(features.valueTables!.get('Colors')!.get(2)).toBe('blue');
  });

  it('reads global, node, message, signal and environment comments, including multi-line ones', () => {
    expect(features.comment).toBe('Cabin test network');
    expect(features.nodeComments!.get('HU')).toBe('Head unit');
    expect(message('HU_SeatCmd').comment).toBe('Seat command\nspanning two lines with a "quote"');
    expect(signal('HU_SeatCmd', 'HeatReq').comment).toBe('Vehicle.Cabin.Seat.Row1.DriverSide.Heating');
    expect(features.environmentVariables).toEqual([
      { name: 'EnvSpeed', type: 'float', minimum: 0, maximum: 300, unit: 'km/h', initialValue: 12, comment: 'speed used by panels' },
    ]);
  });

  it('reads attribute definitions, defaults and values; GenMsgCycleTime becomes cycleTimeMs', () => {
    expect(message('HU_SeatCmd').cycleTimeMs).toBe(100);
    expect(message('J1939_Frame').cycleTimeMs).toBeUndefined(); // default 0 means event-driven
    expect(features.attributeDefinitions!.get('VFrameFormat')).toMatchObject({
      scope: 'message', type: 'ENUM', values: ['StandardCAN', 'ExtendedCAN', 'StandardCAN_FD', 'ExtendedCAN_FD'],
      defaultValue: 'StandardCAN',
    });
    expect(features.attributeDefinitions!.get('GenMsgCycleTime')).toMatchObject({ scope: 'message', type: 'INT', minimum: 0, maximum: 10000 });
    expect(features.attributes).toEqual({ BusType: 'CAN FD' });
    expect(signal('HU_SeatCmd', 'Recline').attributes).toEqual({ GenSigStartValue: 20 });
  });

  it('notes dangling references and unknown statements with their lines instead of failing', () => {
    expect(features.warnings).toEqual([
      'features.dbc:58: BA_ GenMsgCycleTime refers to unknown message id 999',
      'features.dbc:61: VAL_ refers to unknown message id 999',
      'features.dbc:67: skipped unknown statement NEW_SECTION_',
    ]);
  });
});

/** Parses `text` and returns the DbcParseError it throws. */
function parseError(text: string): DbcParseError {
  try {
    parseDbc(text, 'bad.dbc');
  } catch (err) {
    if (err instanceof DbcParseError) return err;
    throw err;
  }
  throw new Error('expected a DbcParseError');
}

const head = 'VERSION ""\n\nBU_: A B\n\nBO_ 100 M: 8 A\n'; // lines 1-5

describe('parse errors name file and line', () => {
  it.each([
    ['an unterminated string (line where it starts)', head + ' SG_ s : 0|8@1+ (1,0) [0|0] "unit A\n\nCM_ "x";\n', 6, /unterminated string/],
    ['SG_ outside a message', 'VERSION ""\nBU_: A\n\n SG_ s : 0|8@1+ (1,0) [0|0] "" A\n', 4, /SG_ outside a BO_/],
    ['a bad byte order', head + ' SG_ ok : 0|8@1+ (1,0) [0|0] "" A\n SG_ s : 8|8@2+ (1,0) [0|0] "" A\n', 7, /byte order must be @0 or @1/],
    ['a missing sign', head + ' SG_ s : 8|8@1 (1,0) [0|0] "" A\n', 6, /expected \+ or -/],
    ['a missing colon in SG_', head + ' SG_ s 0|8@1+ (1,0) [0|0] "" A\n', 6, /bad multiplexer indicator|expected ':'/],
    ['a zero-length signal', head + ' SG_ s : 0|0@1+ (1,0) [0|0] "" A\n', 6, /bit length/],
    ['a 65-bit signal', head + ' SG_ s : 0|65@1+ (1,0) [0|0] "" A\n', 6, /bit length/],
    ['a message longer than 64 bytes', 'BO_ 1 Big: 65 A\n', 1, /length 65 exceeds 64/],
    ['a duplicate message id', head + '\nBO_ 100 Again: 8 A\n', 7, /already defined at line 5/],
    ['a duplicate signal', head + ' SG_ s : 0|8@1+ (1,0) [0|0] "" A\n SG_ s : 8|8@1+ (1,0) [0|0] "" A\n', 7, /defined twice/],
    ['a bad multiplexer indicator', head + ' SG_ s x3 : 0|8@1+ (1,0) [0|0] "" A\n', 6, /bad multiplexer indicator 'x3'/],
    ['a muxed signal without a switch', head + ' SG_ s m1 : 0|8@1+ (1,0) [0|0] "" A\n', 6, /has no M switch/],
    ['SIG_VALTYPE_ on a signal of the wrong width', head + ' SG_ s : 0|16@1- (1,0) [0|0] "" A\n\nSIG_VALTYPE_ 100 s : 1;\n', 8, /16 bits but SIG_VALTYPE_ 1 needs 32/],
    ['an error after a multi-line comment', head + '\nCM_ BO_ 100 "one\ntwo\nthree";\nBA_DEF_ BO_ "X" WIDGET;\n', 10, /unknown attribute type 'WIDGET'/],
    ['a number where a statement should start', head + '\n42\n', 7, /unexpected '42'/],
    ['a VAL_ pair without a label', head + ' SG_ s : 0|8@1+ (1,0) [0|0] "" A\n\nVAL_ 100 s 0 "off" 1 ;\n', 8, /quoted string as the label for 1/],
    ['a stray token inside a statement', head + '\nCM_ BO_ 100 "x" extra;\n', 7, /expected ';' to end CM_/],
  ])('%s', (_what, text, line, reason) => {
    const err = parseError(text);
    expect(err.line).toBe(line);
    expect(err.file).toBe('bad.dbc');
    expect(err.message).toMatch(new RegExp(`^bad\\.dbc:${line}: `));
    expect(err.message).toMatch(reason);
    expect(err.message).not.toContain('\n');
  });

  it('reads an NS_ list written at column 0 up to the next real statement', () => {
    const dbc = parseDbc('VERSION "v"\nNS_ :\nCM_\nBA_DEF_\nVAL_\n\nBS_:\nBU_: A\nBO_ 5 M: 1 A\n', 'ns.dbc');
    expect(dbc.nodes).toEqual(['A']);
    expect(dbc.messages.map((m) => m.name)).toEqual(['M']);
    expect(dbc.warnings).toBeUndefined();
  });

  it('tolerates a missing ; before the next statement, with a warning', () => {
    const dbc = parseDbc(head + ' SG_ s : 0|8@1+ (1,0) [0|0] "" A\n\nCM_ SG_ 100 s "c"\nVAL_ 100 s 0 "z"\nBO_ 200 N: 1 A\n', 'ok.dbc');
    expect(dbc.messages.map((m) => m.name)).toEqual(['M', 'N']);
    expect(dbc.messages[0]!.signals[0]!.comment).toBe('c');
    expect(dbc.messages[0]!.signals[0]!.valueTable!.get(0)).toBe('z');
    expect(dbc.warnings).toEqual(["ok.dbc:8: missing ';' after CM_", "ok.dbc:9: missing ';' after VAL_ for s"]);
  });

  it('treats 29-bit ids written without the flag as extended, and keeps signals that overrun with a warning', () => {
    const dbc = parseDbc('BO_ 103596083 BSM: 2 A\n SG_ s : 7|16@0+ (1,0) [0|0] "" A\n SG_ t : 15|16@0+ (1,0) [0|0] "" A\n', 'x.dbc');
    expect(dbc.messages[0]).toMatchObject({ id: 103596083, extended: true });
    expect(dbc.messages[0]!.signals).toHaveLength(2);
    expect(dbc.warnings).toEqual(['x.dbc:3: signal t (15|16@0) does not fit in the 2-byte message BSM']);
  });
});
