// Codec against byte vectors worked out by hand (floats from Python's struct), not against its own output.
import { describe, expect, it } from 'vitest';
import { compileMessage, decodeMessage, encodeMessage, labelFor } from '../../../vehicle-bus/dbc/codec.js';
import type { DbcMessage, DbcSignal } from '../../../vehicle-bus/dbc/model.js';
import { CodecError } from '../../../vehicle-bus/errors.js';

function sig(name: string, startBit: number, length: number, order: '@1' | '@0', more: Partial<DbcSignal> = {}): DbcSignal {
  return {
    name, startBit, length, byteOrder: order === '@1' ? 'little_endian' : 'big_endian', signed: false, valueType: 'integer',
    factor: 1, offset: 0, minimum: 0, maximum: 0, unit: '', receivers: [], isMultiplexer: false, ...more,
  };
}

function msg(signals: DbcSignal[], length = 8, name = 'TEST'): DbcMessage {
  return { id: 0x123, extended: false, name, length, sender: 'HU', signals };
}

const hex = (data: Uint8Array) => Buffer.from(data).toString('hex');
const bytes = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));

describe('integer signals, hand-computed layouts', () => {
  const cases: Array<[string, DbcSignal, number | bigint, string]> = [
    // 0xABC << 3 = 0x55E0, little-endian bytes E0 55.
    ['Intel 12 bits at bit 3', sig('a', 3, 12, '@1'), 0xabc, 'e055000000000000'],
    // MSB at byte 0 bit 7: AB then the low nibble C in the high half of byte 1.
    ['Motorola 12 bits from bit 7', sig('a', 7, 12, '@0'), 0xabc, 'abc0000000000000'],
    // 0x2D5 = 1011010101: top six bits 101101 fill byte 1 bits 5..0, low four 0101 go to byte 2 bits 7..4.
    ['Motorola 10 bits from bit 13', sig('a', 13, 10, '@0'), 0x2d5, '002d500000000000'],
    // -5 in 7 bits is 123; 123 << 10 = 0x1EC00.
    ['Intel signed 7 bits at bit 10, negative', sig('a', 10, 7, '@1', { signed: true }), -5, '00ec010000000000'],
    ['Motorola signed 16 bits from bit 23, negative', sig('a', 23, 16, '@0', { signed: true }), -2, '0000fffe00000000'],
    // Crosses the 32-bit word inside the codec: 0x123456789A << 4.
    ['Intel 40 bits at bit 4', sig('a', 4, 40, '@1'), 0x123456789a, 'a089674523010000'],
    ['Motorola 40 bits from bit 15', sig('a', 15, 40, '@0'), 0x123456789a, '00123456789a0000'],
    // -0x123456789A in 40 bits is 0xEDCBA98766; << 4 gives little-endian bytes 60 76 98 BA DC 0E.
    ['Intel signed 40 bits at bit 4, negative', sig('a', 4, 40, '@1', { signed: true }), -0x123456789a, '607698badc0e0000'],
    ['Intel 64 bits unsigned', sig('a', 0, 64, '@1'), 0xfedcba9876543210n, '1032547698badcfe'],
    ['Motorola 64 bits signed -2', sig('a', 7, 64, '@0', { signed: true }), -2n, 'fffffffffffffffe'],
    ['Intel 53 bits signed -1', sig('a', 0, 53, '@1', { signed: true }), -1n, 'ffffffffffff1f00'],
    ['Motorola 1 bit at bit 0', sig('a', 0, 1, '@0'), 1, '0100000000000000'],
    // Motorola 3 bits from byte 6 bit 1: bits 1,0 of byte 6 then bit 7 of byte 7. 0b101 -> byte6=0b10, byte7=0x80.
    ['Motorola 3 bits across the last byte edge', sig('a', 49, 3, '@0'), 5, '0000000000000280'],
  ];
  it.each(cases)('%s', (_name, signal, raw, expected) => {
    const codec = compileMessage(msg([signal]));
    expect(hex(codec.encodeRaw({ a: raw }))).toBe(expected);
    expect(codec.decodeRaw(bytes(expected))).toEqual({ a: raw });
  });

  it('keeps 64-bit values exact where a double would not', () => {
    const codec = compileMessage(msg([sig('a', 0, 64, '@1')]));
    const raw = 2n ** 64n - 1n;
    expect(hex(codec.encodeRaw({ a: raw }))).toBe('ffffffffffffffff');
    expect(codec.decodeRaw(bytes('ffffffffffffffff')).a).toBe(raw);
    expect(codec.decodeRaw(bytes('0100000000000020')).a).toBe(2n ** 61n + 1n);
    expect(() => codec.encodeRaw({ a: 2n ** 64n })).toThrow(CodecError);
    expect(() => codec.encodeRaw({ a: 2 ** 64 })).toThrow(CodecError);
  });

  it('leaves other bits alone and decodes from a longer payload', () => {
    const m = msg([sig('lo', 0, 4, '@1'), sig('hi', 4, 4, '@1')], 2);
    expect(hex(encodeMessage(m, { hi: 0xa }))).toBe('a000');
    expect(decodeMessage(m, bytes('5a00ffff'))).toEqual({ lo: 0xa, hi: 0x5 });
  });
});

describe('float signals', () => {
  // struct.pack('<f', 1.5) = 0000c03f; struct.pack('>f', -2.25) = c0100000.
  it('float32 Intel and Motorola', () => {
    const m = msg([sig('f', 32, 32, '@1', { valueType: 'float32' }), sig('g', 7, 32, '@0', { valueType: 'float32' })]);
    expect(hex(encodeMessage(m, { f: 1.5, g: -2.25 }))).toBe('c01000000000c03f');
    expect(decodeMessage(m, bytes('c01000000000c03f'))).toEqual({ f: 1.5, g: -2.25 });
    // 0.1 is stored as the nearest float32 (cdcccc3d).
    expect(hex(encodeMessage(m, { f: 0.1 })).slice(8)).toBe('cdcccc3d');
    expect(decodeMessage(m, bytes('00000000cdcccc3d')).f).toBe(0.10000000149011612);
    expect(() => encodeMessage(m, { f: 1e39 })).toThrow(/float32/);
  });

  it('float64 Intel and Motorola', () => {
    const intel = msg([sig('d', 0, 64, '@1', { valueType: 'float64' })]);
    expect(hex(encodeMessage(intel, { d: Math.PI }))).toBe('182d4454fb210940');
    expect(decodeMessage(intel, bytes('182d4454fb210940')).d).toBe(Math.PI);
    const moto = msg([sig('d', 7, 64, '@0', { valueType: 'float64' })]);
    expect(hex(encodeMessage(moto, { d: -1234.5678 }))).toBe('c0934a456d5cfaad');
    expect(decodeMessage(moto, bytes('c0934a456d5cfaad')).d).toBe(-1234.5678);
  });
});

describe('factor, offset and rounding', () => {
  const temp = sig('t', 0, 8, '@1', { factor: 0.5, offset: -40 });
  const tenth = sig('v', 8, 16, '@1', { factor: 0.1 });
  const half = sig('h', 24, 8, '@1', { factor: 0.5, signed: true });
  const m = msg([temp, tenth, half]);

  it('rounds physical values to the nearest raw value', () => {
    // (22 + 40) / 0.5 = 124 = 0x7C; 22.2 -> 124.4 -> 124; 0.3 / 0.1 = 2.9999999999999996 must still give 3.
    expect(hex(encodeMessage(m, { t: 22, v: 0.3 }))).toBe('7c03000000000000');
    expect(hex(encodeMessage(m, { t: 22.2, v: 6553.5 }))).toBe('7cffff0000000000');
    // Halves round away from zero on both sides: -2.75 / 0.5 = -5.5 -> -6 = 0xFA; 2.75 -> 6.
    expect(hex(encodeMessage(m, { h: -2.75 })).slice(6, 8)).toBe('fa');
    expect(hex(encodeMessage(m, { h: 2.75 })).slice(6, 8)).toBe('06');
  });

  it('decodes 0.1-factor values without binary noise', () => {
    // 7 * 0.1 is 0.7000000000000001 in doubles; the decoded value must be 0.7.
    expect(decodeMessage(m, bytes('0007000000000000')).v).toBe(0.7);
    expect(decodeMessage(m, bytes('0003000000000000')).v).toBe(0.3);
    expect(decodeMessage(m, bytes('5300000000000000')).t).toBe(1.5);
  });

  it('refuses values outside the raw range instead of wrapping', () => {
    expect(() => encodeMessage(m, { t: 100 })).toThrow(CodecError); // raw 280 > 255
    expect(() => encodeMessage(m, { t: -40.5 })).toThrow(/outside its 8-bit unsigned range/);
    expect(() => encodeMessage(m, { h: -64.5 })).toThrow(CodecError); // raw -129
    expect(hex(encodeMessage(m, { h: -64 })).slice(6, 8)).toBe('80');
    expect(() => compileMessage(m).encodeRaw({ t: 256 })).toThrow(CodecError);
    expect(() => compileMessage(m).encodeRaw({ t: 1.5 })).toThrow(/whole number/);
    expect(() => encodeMessage(m, { t: Number.NaN })).toThrow(CodecError);
  });
});

describe('multiplexing', () => {
  const simple = msg([
    sig('Mux', 0, 8, '@1', { isMultiplexer: true }),
    sig('A', 8, 8, '@1', { multiplexValue: 0, multiplexerName: 'Mux' }),
    sig('B', 8, 16, '@1', { multiplexValue: 1, multiplexerName: 'Mux' }),
    sig('C', 56, 8, '@1'),
  ]);

  it('encodes and decodes only the selected signals', () => {
    expect(hex(encodeMessage(simple, { Mux: 1, B: 0x1234, C: 7 }))).toBe('0134120000000007');
    expect(decodeMessage(simple, bytes('0134120000000007'))).toEqual({ Mux: 1, B: 0x1234, C: 7 });
    expect(decodeMessage(simple, bytes('0034120000000007'))).toEqual({ Mux: 0, A: 0x34, C: 7 });
    expect(decodeMessage(simple, bytes('0534120000000007'))).toEqual({ Mux: 5, C: 7 });
    expect(() => encodeMessage(simple, { Mux: 0, B: 1 })).toThrow(/B is not present when Mux = 0/);
  });

  it('drops stale keys when decoding into a reused object', () => {
    const out: Record<string, number> = {};
    compileMessage(simple).decode(bytes('0134120000000007'), out);
    compileMessage(simple).decode(bytes('0099000000000000'), out);
    expect(out).toEqual({ Mux: 0, A: 0x99, C: 0 });
  });

  // Extended multiplexing: S2 (m1M) is a switch selected by S1 = 1; X is selected by S2 in 2..3 or 5 (SG_MUL_VAL_).
  const extended = msg([
    sig('S1', 0, 4, '@1', { isMultiplexer: true }),
    sig('S2', 4, 4, '@1', { isMultiplexer: true, multiplexValue: 1, multiplexerName: 'S1' }),
    sig('X', 8, 8, '@1', { multiplexValue: 2, multiplexerName: 'S2', multiplexRanges: [[2, 3], [5, 5]] }),
    sig('Y', 8, 8, '@1', { multiplexValue: 0, multiplexerName: 'S1', multiplexRanges: [[0, 0]] }),
  ], 2);

  it('follows SG_MUL_VAL_ ranges through nested switches', () => {
    expect(hex(encodeMessage(extended, { S1: 1, S2: 3, X: 0xaa }))).toBe('31aa');
    expect(decodeMessage(extended, bytes('5177'))).toEqual({ S1: 1, S2: 5, X: 0x77 });
    expect(decodeMessage(extended, bytes('4177'))).toEqual({ S1: 1, S2: 4 });
    expect(decodeMessage(extended, bytes('0005'))).toEqual({ S1: 0, Y: 5 });
    expect(hex(encodeMessage(extended, { S1: 0, Y: 5 }))).toBe('0005');
    expect(() => encodeMessage(extended, { S1: 1, S2: 4, X: 1 })).toThrow(CodecError);
    expect(() => encodeMessage(extended, { S1: 2, S2: 3 })).toThrow(/S2 is not present/);
  });
});

describe('value labels and payload checks', () => {
  const heat = sig('Heat', 0, 2, '@1', { valueTable: new Map([[0, 'off'], [1, 'on'], [3, 'max']]) });
  const m = msg([heat, sig('Level', 2, 6, '@1')], 1);

  it('accepts labels on encode and gives them back on request', () => {
    expect(hex(encodeMessage(m, { Heat: 'on', Level: 5 }))).toBe('15');
    expect(hex(encodeMessage(m, { Heat: 'MAX' }))).toBe('03');
    expect(() => encodeMessage(m, { Heat: 'hot' })).toThrow(/no value label "hot".*off, on, max/);
    expect(() => encodeMessage(m, { Level: 'on' })).toThrow(/no value table/);
    expect(labelFor(heat, 3)).toBe('max');
    expect(labelFor(heat, 2)).toBeUndefined();
    expect(compileMessage(m).decodeLabeled(bytes('15'))).toEqual({ Heat: 'on', Level: 5 });
  });

  it('refuses short payloads, unknown names and small buffers', () => {
    expect(() => decodeMessage(msg([heat], 4), bytes('010203'))).toThrow(/4 bytes, payload has 3/);
    expect(() => encodeMessage(m, { Heta: 1 })).toThrow(/has no signal Heta/);
    expect(() => compileMessage(m).encode({ Heat: 1 }, new Uint8Array(0))).toThrow(CodecError);
  });

  it('clears a reused buffer before encoding into it', () => {
    const buf = bytes('ffee');
    const out = compileMessage(m).encode({ Heat: 'on' }, buf);
    expect(out).toBe(buf);
    expect(hex(buf)).toBe('01ee');
  });

  it('leaves out signals that run past the message length', () => {
    const c = compileMessage(msg([sig('ok', 0, 8, '@1'), sig('past', 7, 16, '@0')], 1));
    expect(c.unplaced).toEqual(['past']);
    expect(c.decode(bytes('07'))).toEqual({ ok: 7 });
    expect(() => c.encode({ past: 1 })).toThrow(/does not fit/);
  });
});
