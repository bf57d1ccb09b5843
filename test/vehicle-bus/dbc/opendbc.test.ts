// All 57 opendbc files parse, and the codec agrees bit for bit with a naive bit-by-bit oracle on every signal.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDbc } from '../../../vehicle-bus/dbc/parser.js';
import { compileMessage, type RawValues } from '../../../vehicle-bus/dbc/codec.js';
import type { DbcSignal } from '../../../vehicle-bus/dbc/model.js';
import { repoRoot } from '../../helpers/cli.js';

const dir = process.env.CABIN_OPENDBC_DIR ?? join(repoRoot, '..', 'shared', 'fixtures', 'opendbc');
// The opendbc files live beside the repository (../shared), not in it: a clone elsewhere skips them, and says so.
const present = existsSync(dir);
if (!present) console.warn(`SKIPPED the opendbc parser tests: no ${dir} (clone next to shared/, or set CABIN_OPENDBC_DIR)`);
const files = present ? readdirSync(dir).filter((f) => f.endsWith('.dbc')).sort() : [];

/** mulberry32, seeded per file so a failure reproduces. */
function rng(seedText: string): () => number {
  let a = 0;
  for (const ch of seedText) a = (Math.imul(a, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Payload bit (byte * 8 + bit) of each raw bit, least significant first: the DBC rules written out plainly. */
function positions(s: DbcSignal): number[] {
  const out: number[] = [];
  if (s.byteOrder === 'little_endian') {
    for (let k = 0; k < s.length; k++) out.push(s.startBit + k);
    return out;
  }
  // Motorola: from the MSB, walk down a byte, then jump to bit 7 of the next byte (sawtooth).
  for (let k = 0, p = s.startBit; k < s.length; k++, p = p % 8 === 0 ? p + 15 : p - 1) out.push(p);
  return out.reverse();
}

const bitOf = (data: Uint8Array, p: number) => (data[p >> 3]! >> (p & 7)) & 1;

function naiveRead(data: Uint8Array, s: DbcSignal): bigint {
  let v = 0n;
  positions(s).forEach((p, k) => (v |= BigInt(bitOf(data, p)) << BigInt(k)));
  return s.signed ? BigInt.asIntN(s.length, v) : v;
}

function naiveWrite(data: Uint8Array, s: DbcSignal, raw: bigint): void {
  const u = BigInt.asUintN(s.length, raw);
  positions(s).forEach((p, k) => {
    if ((u >> BigInt(k)) & 1n) data[p >> 3]! |= 1 << (p & 7);
    else data[p >> 3]! &= ~(1 << (p & 7));
  });
}

const big = (v: number | bigint) => BigInt(v);
const selects = (s: DbcSignal, switchRaw: bigint | undefined) =>
  switchRaw !== undefined && (s.multiplexRanges ?? [[s.multiplexValue!, s.multiplexValue!]]).some(([lo, hi]) => switchRaw >= lo && switchRaw <= hi);

/** A raw value within the signal's width: random, or the extremes, which catch sign and top-bit mistakes. */
function rawFor(s: DbcSignal, next: () => number, mode: number): bigint {
  const bits = BigInt(s.length);
  if (mode === 1) return s.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  if (mode === 2) return s.signed ? -(1n << (bits - 1n)) : 0n;
  const u = BigInt.asUintN(s.length, (BigInt(next()) << 32n) | BigInt(next()));
  return s.signed ? BigInt.asIntN(s.length, u) : u;
}

/** Switch values worth trying: every value a selected signal names, so each branch of a muxed message is exercised. */
function switchCandidates(signals: readonly DbcSignal[], sw: DbcSignal): bigint[] {
  const out = new Set<bigint>();
  for (const s of signals) {
    if (s.multiplexerName !== sw.name) continue;
    for (const [lo, hi] of s.multiplexRanges ?? [[s.multiplexValue!, s.multiplexValue!]]) out.add(big(lo)).add(big(hi));
  }
  return [...out].filter((v) => v < 1n << BigInt(sw.length));
}

it.skipIf(!present)(`finds the 57 opendbc files in ${dir}`, () => {
  expect(files).toHaveLength(57);
});

describe.each(files)('%s', (file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const dbc = parseDbc(text, file);
  // Float signals hold IEEE values, not integers; none of these files has one, and codec.test.ts covers them.
  const integerOnly = (s: DbcSignal) => s.valueType === 'integer';

  it('parses every BO_ and SG_ line', () => {
    let messages = 0;
    let signals = 0;
    let pseudo = false;
    for (const line of text.split(/\r?\n/)) {
      if (/^\s*BO_ /.test(line)) {
        pseudo = /VECTOR__INDEPENDENT_SIG_MSG/.test(line);
        if (!pseudo) messages++;
      } else if (/^\s+SG_ /.test(line) && !pseudo) signals++;
    }
    expect(dbc.messages).toHaveLength(messages);
    expect(dbc.messages.reduce((n, m) => n + m.signals.length, 0)).toBe(signals);
  });

  it('encodes random raw values exactly as the naive oracle does, and decodes them back', () => {
    const next = rng(file);
    for (const message of dbc.messages) {
      const codec = compileMessage(message);
      const signals = codec.signals.filter(integerOnly);
      const top = signals.find((s) => s.isMultiplexer && s.multiplexerName === undefined);
      const trials = Math.max(3, top ? switchCandidates(signals, top).length : 0);
      for (let trial = 0; trial < trials; trial++) {
        const values: RawValues = {};
        const expected = new Uint8Array(message.length);
        const used = new Set<number>();
        for (const s of signals) {
          if (s.multiplexerName !== undefined && !selects(s, values[s.multiplexerName] as bigint | undefined)) continue;
          const bits = positions(s);
          // Overlapping definitions exist in real files; a signal that would share bits with one already set sits out.
          if (bits.some((p) => used.has(p))) continue;
          const candidates = s.isMultiplexer ? switchCandidates(signals, s) : [];
          const raw = candidates.length ? candidates[trial % candidates.length]! : rawFor(s, next, trial % 3);
          values[s.name] = raw;
          bits.forEach((p) => used.add(p));
          naiveWrite(expected, s, raw);
        }
        const encoded = codec.encodeRaw(values);
        expect(Buffer.from(encoded).toString('hex'), `${message.name} trial ${trial}`).toBe(Buffer.from(expected).toString('hex'));
        const decoded = codec.decodeRaw(encoded);
        for (const name of Object.keys(values)) expect(big(decoded[name]!), `${message.name}.${name}`).toBe(values[name]);
      }
    }
  });

  it('decodes random payloads as the oracle does and re-encodes every covered bit', () => {
    const next = rng(file + '/payload');
    for (const message of dbc.messages) {
      const codec = compileMessage(message);
      const signals = codec.signals.filter(integerOnly);
      const switches = signals.filter((s) => s.isMultiplexer);
      for (let trial = 0; trial < 10; trial++) {
        const data = new Uint8Array(message.length).map(() => (trial === 0 ? 0xff : next() & 0xff));
        // Steer the switches to values that select something, so muxed branches are decoded too.
        for (const sw of switches) {
          const c = switchCandidates(signals, sw);
          if (c.length && trial > 1) naiveWrite(data, sw, c[trial % c.length]!);
        }
        const expected: Record<string, bigint> = {};
        for (const s of signals) {
          if (s.multiplexerName !== undefined && !selects(s, expected[s.multiplexerName])) continue;
          expected[s.name] = naiveRead(data, s);
        }
        const raw = codec.decodeRaw(data);
        expect(Object.keys(raw).sort(), message.name).toEqual(Object.keys(expected).sort());
        for (const [name, v] of Object.entries(raw)) expect(big(v), `${message.name}.${name}`).toBe(expected[name]);

        const covered = new Set(Object.keys(raw).flatMap((n) => positions(signals.find((s) => s.name === n)!)));
        const sameBits = (out: Uint8Array, only: Set<number>) => {
          for (let p = 0; p < message.length * 8; p++) {
            if (bitOf(out, p) !== (only.has(p) ? bitOf(data, p) : 0)) return `${message.name}: bit ${p} differs`;
          }
          return 'same';
        };
        expect(sameBits(codec.encodeRaw(raw), covered)).toBe('same');
        // Physical values round-trip too, except above 52 bits where a double cannot hold every raw value.
        const physical = codec.decode(data);
        const wide = signals.filter((s) => s.length > 52 && s.name in physical);
        for (const s of wide) delete physical[s.name];
        const narrowBits = new Set(Object.keys(physical).flatMap((n) => positions(signals.find((s) => s.name === n)!)));
        expect(sameBits(codec.encode(physical), narrowBits)).toBe('same');
      }
    }
  });
});
