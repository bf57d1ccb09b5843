// Encodes and decodes DBC messages (raw or physical, multiplexed or not) through a per-message precompiled plan.
import { CodecError } from '../errors.js';
import { signalByteSpan } from './bit-layout.js';
import type { DbcMessage, DbcSignal, SignalValues } from './model.js';
import { SignalSlot } from './signal-slot.js';

/** Raw values by signal name: numbers, BigInt for integer signals over 52 bits, the float itself for float signals. */
export type RawValues = Record<string, number | bigint>;

export interface CompiledMessage {
  readonly message: DbcMessage;
  /** Signals the codec places, switches before the signals they select. */
  readonly signals: readonly DbcSignal[];
  /** Signals whose bits run past the message length (found in real files); never encoded or decoded. */
  readonly unplaced: readonly string[];
  readonly multiplexed: boolean;
  /** Physical values or value-table labels -> payload. Missing signals stay 0 bits; `into` is cleared and reused. */
  encode(values: SignalValues, into?: Uint8Array): Uint8Array;
  encodeRaw(values: RawValues, into?: Uint8Array): Uint8Array;
  /**
   * Physical values of the signals the payload carries (for a multiplexed message: those its switches select).
   * A signal over 52 bits comes back as the nearest double; decodeRaw gives it exactly as a BigInt.
   */
  decode(data: Uint8Array, into?: Record<string, number>): Record<string, number>;
  decodeRaw(data: Uint8Array, into?: RawValues): RawValues;
  /** Like decode, but a signal whose raw value has a label gives the label. */
  decodeLabeled(data: Uint8Array): Record<string, number | string>;
}

class MessageCodec implements CompiledMessage {
  readonly signals: DbcSignal[];
  readonly unplaced: string[] = [];
  readonly multiplexed: boolean;
  private readonly slots: SignalSlot[];
  private readonly byName = new Map<string, SignalSlot>();
  private readonly length: number;
  // Per-call scratch, reused: which slots the switches selected and the switches' raw values.
  private readonly present: Uint8Array;
  private readonly switchRaw: Float64Array;

  constructor(readonly message: DbcMessage) {
    this.length = message.length;
    const placed = message.signals.filter((s) => {
      const fits = signalByteSpan(s).last < message.length;
      if (!fits) this.unplaced.push(s.name);
      return fits;
    });
    const byName = new Map(placed.map((s) => [s.name, s]));
    const depth = (s: DbcSignal): number => {
      let d = 0;
      for (let at = s; at.multiplexerName !== undefined; d++) {
        const parent = byName.get(at.multiplexerName);
        if (!parent || d > placed.length) return -1; // switch missing or unplaced: the signal can never be selected
        at = parent;
      }
      return d;
    };
    const depths = new Map(placed.map((s) => [s, depth(s)]));
    for (const [s, d] of depths) if (d < 0) this.unplaced.push(s.name);
    // Stable sort keeps DBC order among equals; a switch always lands before what it selects.
    this.signals = placed.filter((s) => depths.get(s)! >= 0).sort((a, b) => depths.get(a)! - depths.get(b)!);
    this.slots = this.signals.map((s) => new SignalSlot(s));
    this.slots.forEach((slot) => this.byName.set(slot.name, slot));
    this.slots.forEach((slot) => {
      const s = slot.signal;
      if (s.multiplexerName === undefined || s.multiplexValue === undefined) return;
      slot.muxParent = this.slots.findIndex((p) => p.name === s.multiplexerName);
      slot.muxRanges = Float64Array.from((s.multiplexRanges ?? [[s.multiplexValue, s.multiplexValue]]).flat());
    });
    this.multiplexed = this.slots.some((s) => s.muxParent >= 0);
    this.present = new Uint8Array(this.slots.length);
    this.switchRaw = new Float64Array(this.slots.length);
  }

  encode(values: SignalValues, into?: Uint8Array): Uint8Array {
    return this.encodeWith(values, into, true);
  }

  encodeRaw(values: RawValues, into?: Uint8Array): Uint8Array {
    return this.encodeWith(values, into, false);
  }

  decode(data: Uint8Array, into?: Record<string, number>): Record<string, number> {
    return this.decodeWith(data, into ?? {}, true, into !== undefined) as Record<string, number>;
  }

  decodeRaw(data: Uint8Array, into?: RawValues): RawValues {
    return this.decodeWith(data, into ?? {}, false, into !== undefined);
  }

  decodeLabeled(data: Uint8Array): Record<string, number | string> {
    const raw = this.decodeRaw(data);
    const out: Record<string, number | string> = {};
    for (const name in raw) {
      const slot = this.byName.get(name)!;
      const r = raw[name]!;
      out[name] = slot.signal.valueTable?.get(Number(r)) ?? slot.toPhysical(r);
    }
    return out;
  }

  private selected(slot: SignalSlot): boolean {
    const p = slot.muxParent;
    if (p < 0) return true;
    if (this.present[p] === 0) return false;
    const v = this.switchRaw[p]!;
    const r = slot.muxRanges;
    for (let j = 0; j < r.length; j += 2) if (v >= r[j]! && v <= r[j + 1]!) return true;
    return false;
  }

  private encodeWith(values: SignalValues | RawValues, into: Uint8Array | undefined, physical: boolean): Uint8Array {
    let data: Uint8Array;
    if (into) {
      if (into.length < this.length) throw new CodecError(`${this.message.name} needs ${this.length} bytes, buffer has ${into.length}`);
      into.fill(0, 0, this.length);
      data = into;
    } else {
      data = new Uint8Array(this.length);
    }
    const slots = this.slots;
    let used = 0;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const v = values[slot.name];
      if (slot.muxParent >= 0 && !this.selected(slot)) {
        this.present[i] = 0;
        if (v !== undefined) throw this.notSelected(slot);
        continue;
      }
      this.present[i] = 1;
      if (v === undefined) {
        this.switchRaw[i] = 0;
        continue;
      }
      used++;
      const raw = physical || typeof v === 'string' ? slot.toRaw(v) : slot.checkRaw(v);
      this.switchRaw[i] = typeof raw === 'bigint' ? Number(raw) : raw;
      slot.writeRaw(data, raw);
    }
    let given = 0;
    for (const _ in values) given++;
    if (given !== used) this.checkNames(values);
    return data;
  }

  private decodeWith(data: Uint8Array, out: RawValues, physical: boolean, reused: boolean): RawValues {
    if (data.length < this.length) {
      throw new CodecError(`${this.message.name} is ${this.length} bytes, payload has ${data.length}`);
    }
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (slot.muxParent >= 0 && !this.selected(slot)) {
        this.present[i] = 0;
        if (reused && slot.name in out) delete out[slot.name];
        continue;
      }
      this.present[i] = 1;
      const raw = slot.readRaw(data);
      this.switchRaw[i] = typeof raw === 'bigint' ? Number(raw) : raw;
      out[slot.name] = physical ? slot.toPhysical(raw) : raw;
    }
    return out;
  }

  private notSelected(slot: SignalSlot): CodecError {
    const parent = this.slots[slot.muxParent]!;
    const at = this.present[slot.muxParent] ? `${parent.name} = ${this.switchRaw[slot.muxParent]}` : `${parent.name} is itself not selected`;
    return new CodecError(`${this.message.name}: signal ${slot.name} is not present when ${at}`);
  }

  /** Slow path after a count mismatch: name the value that matches no signal, if any. */
  private checkNames(values: SignalValues | RawValues): void {
    for (const name in values) {
      if (values[name] === undefined || this.byName.has(name)) continue;
      if (this.unplaced.includes(name)) throw new CodecError(`${this.message.name}: signal ${name} does not fit in the message`);
      throw new CodecError(`${this.message.name} has no signal ${name}`);
    }
  }
}

const cache = new WeakMap<DbcMessage, CompiledMessage>();

/** The message's codec plan, built once per message object (do not mutate the message afterwards). */
export function compileMessage(message: DbcMessage): CompiledMessage {
  let compiled = cache.get(message);
  if (!compiled) {
    compiled = new MessageCodec(message);
    cache.set(message, compiled);
  }
  return compiled;
}

export function encodeMessage(message: DbcMessage, values: SignalValues): Uint8Array {
  return compileMessage(message).encode(values);
}

export function decodeMessage(message: DbcMessage, data: Uint8Array): Record<string, number> {
  return compileMessage(message).decode(data);
}

/** The value-table label for a raw value, if the signal has one. */
export function labelFor(signal: DbcSignal, raw: number | bigint): string | undefined {
  return signal.valueTable?.get(Number(raw));
}
