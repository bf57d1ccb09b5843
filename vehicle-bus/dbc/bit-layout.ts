// Where a signal's bits sit in the payload: Intel and Motorola (sawtooth) numbering flattened to per-byte segments.
import type { DbcSignal } from './model.js';

/** A run of a signal's bits inside one payload byte and one 32-bit half of the raw value. */
export interface BitSegment {
  /** Payload byte index. */
  byte: number;
  /** Lowest bit of the run inside the byte (0 = least significant). */
  low: number;
  width: number;
  /** 0: bits 0–31 of the raw value; 1: bits 32–63. */
  word: 0 | 1;
  /** Position of the run's lowest bit inside its 32-bit word of the raw value. */
  shift: number;
}

type Layout = Pick<DbcSignal, 'startBit' | 'length' | 'byteOrder'>;

/** First and last payload byte the signal touches. */
export function signalByteSpan(s: Layout): { first: number; last: number } {
  const startByte = s.startBit >> 3;
  if (s.byteOrder === 'little_endian') return { first: startByte, last: (s.startBit + s.length - 1) >> 3 };
  // Motorola: the start bit is the MSB; bits run down inside a byte, then continue at bit 7 of the next byte.
  const afterFirstByte = s.length - ((s.startBit & 7) + 1);
  return { first: startByte, last: afterFirstByte <= 0 ? startByte : startByte + Math.ceil(afterFirstByte / 8) };
}

/** Payload position (byte, bit in byte) of each raw-value bit, least significant first. */
export function bitPositions(s: Layout): Array<[byte: number, bit: number]> {
  const out: Array<[number, number]> = new Array(s.length);
  if (s.byteOrder === 'little_endian') {
    for (let k = 0; k < s.length; k++) out[k] = [(s.startBit + k) >> 3, (s.startBit + k) & 7];
    return out;
  }
  let byte = s.startBit >> 3;
  let bit = s.startBit & 7;
  for (let k = s.length - 1; k >= 0; k--) {
    out[k] = [byte, bit];
    if (bit === 0) {
      byte++;
      bit = 7;
    } else {
      bit--;
    }
  }
  return out;
}

/** Groups the signal's bits into runs that one shift-and-mask moves between a payload byte and the raw value. */
export function signalSegments(s: Layout): BitSegment[] {
  const positions = bitPositions(s);
  const segments: BitSegment[] = [];
  let seg: BitSegment | undefined;
  for (let k = 0; k < positions.length; k++) {
    const [byte, bit] = positions[k]!;
    const word = k >= 32 ? 1 : 0;
    // Both byte orders place rising raw bits on rising bit numbers within a byte, so a run only breaks at a byte or word edge.
    if (seg && seg.byte === byte && seg.word === word && seg.low + seg.width === bit) {
      seg.width++;
      continue;
    }
    seg = { byte, low: bit, width: 1, word, shift: k - word * 32 };
    segments.push(seg);
  }
  return segments;
}
