// One signal prepared for the codec: packed bit segments, value kind, scaling and labels, plus the bit moves and raw<->physical steps.
import { CodecError } from '../errors.js';
import { signalSegments } from './bit-layout.js';
import type { DbcSignal } from './model.js';

/** How the raw value is held: ≤32 bits in a uint32, ≤52 bits exactly in a double, up to 64 bits as a BigInt, or IEEE floats. */
export const Kind = { Int32: 0, Int52: 1, Int64: 2, Float32: 3, Float64: 4 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

const TWO_32 = 4294967296;
const scratch = new DataView(new ArrayBuffer(8));

export class SignalSlot {
  readonly name: string;
  readonly kind: Kind;
  /** Per segment: byte, low bit in byte, mask, shift in word; `lo` for raw bits 0–31, `hi` for 32–63. */
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly signed: boolean;
  readonly full: number; // 2^length as a double (exact up to 2^64)
  readonly half: number;
  readonly rawMin: number;
  readonly rawMax: number;
  readonly factor: number;
  readonly offset: number;
  /** n when factor is exactly 1/n for a whole n (0.1, 0.5, 0.00125): dividing by n keeps decoded values tidy. */
  readonly inverse: number;
  /** Index of the switch signal in the compiled order; -1 when always present. */
  muxParent = -1;
  /** Inclusive [lo, hi] pairs of switch raw values that select this signal. */
  muxRanges: Float64Array = new Float64Array(0);
  readonly labels: Map<string, number> | undefined;

  constructor(readonly signal: DbcSignal) {
    this.name = signal.name;
    const len = signal.length;
    this.kind = signal.valueType === 'float32' ? Kind.Float32 : signal.valueType === 'float64' ? Kind.Float64
      : len <= 32 ? Kind.Int32 : len <= 52 ? Kind.Int52 : Kind.Int64;
    const segs = signalSegments(signal);
    this.lo = pack(segs.filter((s) => s.word === 0));
    this.hi = pack(segs.filter((s) => s.word === 1));
    this.signed = signal.signed;
    this.full = 2 ** len;
    this.half = 2 ** (len - 1);
    this.rawMin = signal.signed ? -this.half : 0;
    this.rawMax = signal.signed ? this.half - 1 : this.full - 1;
    this.factor = signal.factor;
    this.offset = signal.offset;
    const inv = 1 / signal.factor;
    const whole = Math.round(inv);
    this.inverse = signal.factor < 1 && whole > 1 && Math.abs(inv - whole) < 1e-9 * whole ? whole : 0;
    if (signal.valueTable?.size) {
      this.labels = new Map();
      for (const [raw, label] of signal.valueTable) this.labels.set(label, raw);
      // Case-insensitive fallback, without letting it shadow an exact label.
      for (const [raw, label] of signal.valueTable) if (!this.labels.has(label.toLowerCase())) this.labels.set(label.toLowerCase(), raw);
    }
  }

  /** Raw bits of the payload for this signal as a number (or bigint beyond 52 bits; a float for float signals). */
  readRaw(data: Uint8Array): number | bigint {
    const lo = readWord(data, this.lo);
    switch (this.kind) {
      case Kind.Int32:
        return this.signed && lo >= this.half ? lo - this.full : lo;
      case Kind.Int52: {
        const u = lo + readWord(data, this.hi) * TWO_32;
        return this.signed && u >= this.half ? u - this.full : u;
      }
      case Kind.Int64: {
        const u = (BigInt(readWord(data, this.hi)) << 32n) | BigInt(lo);
        return this.signed ? BigInt.asIntN(this.signal.length, u) : u;
      }
      case Kind.Float32:
        scratch.setUint32(0, lo, true);
        return scratch.getFloat32(0, true);
      case Kind.Float64:
        scratch.setUint32(0, lo, true);
        scratch.setUint32(4, readWord(data, this.hi), true);
        return scratch.getFloat64(0, true);
    }
  }

  toPhysical(raw: number | bigint): number {
    if (typeof raw === 'bigint') return Number(raw) * this.factor + this.offset;
    return this.inverse ? raw / this.inverse + this.offset : raw * this.factor + this.offset;
  }

  /** Physical value (or label) -> raw, range-checked. */
  toRaw(value: number | string | bigint): number | bigint {
    if (typeof value === 'string') {
      const raw = this.labels?.get(value) ?? this.labels?.get(value.toLowerCase());
      if (raw === undefined) throw new CodecError(`signal ${this.name} has no value label "${value}"${labelHint(this.signal)}`);
      return this.checkRaw(raw);
    }
    if (typeof value === 'bigint') {
      if (this.factor === 1 && this.offset === 0) return this.checkRaw(value);
      value = Number(value);
    }
    if (this.kind === Kind.Float32 || this.kind === Kind.Float64) {
      const raw = this.factor === 1 && this.offset === 0 ? value : (value - this.offset) / this.factor;
      return this.checkRaw(raw);
    }
    if (!Number.isFinite(value)) throw new CodecError(`signal ${this.name}: ${value} is not a finite number`);
    const q = this.inverse ? (value - this.offset) * this.inverse : (value - this.offset) / this.factor;
    // Half away from zero, so a negative physical value rounds like its positive twin.
    const raw = q < 0 ? -Math.round(-q) : Math.round(q);
    return this.checkRaw(raw === 0 ? 0 : raw, value);
  }

  checkRaw(raw: number | bigint, physical?: number): number | bigint {
    if (this.kind === Kind.Int64 && typeof raw === 'number') {
      // Compare as BigInt: 2^64 - 1 is not a double, so a number bound would let 2^64 through.
      if (!Number.isInteger(raw)) throw new CodecError(`signal ${this.name}: raw value ${raw} is not a whole number`);
      raw = BigInt(raw);
    }
    if (typeof raw === 'bigint') {
      if (this.kind !== Kind.Int64) {
        if (raw < BigInt(this.rawMin) || raw > BigInt(this.rawMax)) throw this.rangeError(raw, physical);
        return Number(raw);
      }
      const min = this.signed ? -(1n << BigInt(this.signal.length - 1)) : 0n;
      const max = this.signed ? -min - 1n : (1n << BigInt(this.signal.length)) - 1n;
      if (raw < min || raw > max) throw this.rangeError(raw, physical);
      return raw;
    }
    if (this.kind === Kind.Float32) {
      if (Number.isFinite(raw) && !Number.isFinite(Math.fround(raw))) throw this.rangeError(raw, physical);
      return raw;
    }
    if (this.kind === Kind.Float64) return raw;
    if (!Number.isInteger(raw)) throw new CodecError(`signal ${this.name}: raw value ${raw} is not a whole number`);
    if (raw < this.rawMin || raw > this.rawMax) throw this.rangeError(raw, physical);
    return raw;
  }

  writeRaw(data: Uint8Array, raw: number | bigint): void {
    switch (this.kind) {
      case Kind.Int32:
        writeWord(data, this.lo, (raw as number) < 0 ? (raw as number) + this.full : (raw as number));
        return;
      case Kind.Int52: {
        const u = (raw as number) < 0 ? (raw as number) + this.full : (raw as number);
        const lo = u % TWO_32;
        writeWord(data, this.lo, lo);
        writeWord(data, this.hi, (u - lo) / TWO_32);
        return;
      }
      case Kind.Int64: {
        const u = BigInt.asUintN(this.signal.length, raw as bigint);
        writeWord(data, this.lo, Number(u & 0xffffffffn));
        writeWord(data, this.hi, Number(u >> 32n));
        return;
      }
      case Kind.Float32:
        scratch.setFloat32(0, raw as number, true);
        writeWord(data, this.lo, scratch.getUint32(0, true));
        return;
      case Kind.Float64:
        scratch.setFloat64(0, raw as number, true);
        writeWord(data, this.lo, scratch.getUint32(0, true));
        writeWord(data, this.hi, scratch.getUint32(4, true));
    }
  }

  private rangeError(raw: number | bigint, physical?: number): CodecError {
    const s = this.signal;
    const phys = physical === undefined ? '' : `${physical} (raw ${raw})`;
    const bounds = this.kind === Kind.Float32 ? 'float32 range' : `${this.rawMin}..${this.rawMax}`;
    return new CodecError(`signal ${s.name}: ${phys || `raw ${raw}`} is outside its ${s.length}-bit ${s.signed ? 'signed' : 'unsigned'} range ${bounds}`);
  }
}

function pack(segs: ReturnType<typeof signalSegments>): Int32Array {
  const out = new Int32Array(segs.length * 4);
  segs.forEach((s, i) => out.set([s.byte, s.low, (1 << s.width) - 1, s.shift], i * 4));
  return out;
}

function readWord(data: Uint8Array, segs: Int32Array): number {
  let v = 0;
  for (let j = 0; j < segs.length; j += 4) v |= ((data[segs[j]!]! >>> segs[j + 1]!) & segs[j + 2]!) << segs[j + 3]!;
  return v >>> 0;
}

function writeWord(data: Uint8Array, segs: Int32Array, value: number): void {
  for (let j = 0; j < segs.length; j += 4) {
    const b = segs[j]!;
    const low = segs[j + 1]!;
    const mask = segs[j + 2]!;
    // Clear first: overlapping signals (and a reused buffer) must not OR stale bits in.
    data[b] = (data[b]! & ~(mask << low)) | (((value >>> segs[j + 3]!) & mask) << low);
  }
}

function labelHint(s: DbcSignal): string {
  const labels = [...(s.valueTable?.values() ?? [])];
  if (labels.length === 0) return ' (it has no value table)';
  return ` (labels: ${labels.slice(0, 8).join(', ')}${labels.length > 8 ? ', …' : ''})`;
}
