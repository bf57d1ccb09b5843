// The sendump → mixture_weights conversion that voice enrolment feeds SphinxTrain with.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSendump, s3MixtureWeightsFile, SendumpError } from '../../../models/speech/sendump.js';

/** A tiny sendump in PocketSphinx's layout: title, header strings, counts, then per stream and density one byte per senone. */
function tinySendump(streams: number, densities: number, senones: number, byte: (f: number, d: number, s: number) => number): Uint8Array {
  const parts: number[] = [];
  const int = (n: number) => parts.push(n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255);
  const str = (s: string) => {
    const b = new TextEncoder().encode(`${s}\0`);
    int(b.length);
    parts.push(...b);
  };
  str('sendump test');
  str(`feature_count ${streams}`);
  str('mixw_shift 10');
  int(0);
  int(densities);
  int(senones);
  for (let f = 0; f < streams; f++) for (let d = 0; d < densities; d++) for (let s = 0; s < senones; s++) parts.push(byte(f, d, s));
  return Uint8Array.from(parts);
}

describe('sendump', () => {
  it('puts each byte at its senone, stream and density, as a normalised probability', () => {
    // Senone s, stream f: density (s + f) % 4 gets byte 0 (the largest weight), the others byte 40.
    const m = readSendump(tinySendump(2, 4, 3, (f, d, s) => (d === (s + f) % 4 ? 0 : 40)));
    expect([m.senones, m.streams, m.densities]).toEqual([3, 2, 4]);
    const small = Math.pow(1.0001, -(40 << 10));
    for (let s = 0; s < 3; s++) {
      for (let f = 0; f < 2; f++) {
        const row = Array.from(m.weights.subarray((s * 2 + f) * 4, (s * 2 + f + 1) * 4));
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
        expect(row.indexOf(Math.max(...row))).toBe((s + f) % 4);
        expect(row[((s + f) % 4 + 1) % 4]).toBeCloseTo(small / (1 + 3 * small), 9);
      }
    }
  });

  it('writes a Sphinx-III 3-D file: header, byte-order mark, dimensions, float32 data', () => {
    const m = readSendump(tinySendump(1, 2, 2, (_f, d) => d * 5));
    const bytes = s3MixtureWeightsFile(m);
    const text = new TextDecoder().decode(bytes.subarray(0, 40));
    expect(text.startsWith('s3\nversion 1.0\n')).toBe(true);
    const start = text.indexOf('endhdr\n') + 'endhdr\n'.length;
    expect(start % 4).toBe(0);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getInt32(start, true)).toBe(0x11223344);
    expect([0, 1, 2, 3].map((i) => view.getUint32(start + 4 + 4 * i, true))).toEqual([2, 1, 2, 4]);
    expect(view.getFloat32(start + 20, true)).toBeCloseTo(m.weights[0]!, 6);
    expect(bytes.length).toBe(start + 20 + 4 * 4);
  });

  it('refuses a truncated file with a clear error', () => {
    const whole = tinySendump(1, 2, 2, () => 1);
    expect(() => readSendump(whole.subarray(0, whole.length - 1))).toThrow(SendumpError);
    expect(() => readSendump(whole.subarray(0, 6))).toThrow(/truncated/);
  });

  const stock = '/usr/share/pocketsphinx/model/en-us/en-us/sendump';
  it.skipIf(!existsSync(stock))('reads the stock en-us model: 5,126 senones × 3 streams × 128 densities', () => {
    const m = readSendump(readFileSync(stock));
    expect([m.senones, m.streams, m.densities]).toEqual([5126, 3, 128]);
    let sum = 0;
    for (let d = 0; d < 128; d++) sum += m.weights[d]!;
    expect(sum).toBeCloseTo(1, 5);
  });
});
