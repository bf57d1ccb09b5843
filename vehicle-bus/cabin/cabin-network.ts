// The cabin network as the code sees it: message names, E2E-protected encode/decode and receive checks over the parsed cabin.dbc.
import type { CanFrame } from '../frame.js';
import type { Dbc, DbcMessage } from '../dbc/model.js';
import { CabinError } from '../errors.js';
import { compileMessage } from '../dbc/codec.js';
import { CounterCheck, checksumOk, protect, readCounter } from './checksum.js';
import type { Seat } from './vehicle-state-types.js';

const SEAT_SUFFIX: Record<Seat, string> = { driver: 'Driver', passenger: 'Passenger', rear_left: 'RearLeft', rear_right: 'RearRight' };

/** Message names in cabin.dbc; the code refers to messages by name, never by id, so ids live in the DBC only. */
export const MSG = {
  seatCmd: (seat: Seat) => `HU_SeatCmd_${SEAT_SUFFIX[seat]}`,
  seatStatus: (seat: Seat) => `SEAT_Status_${SEAT_SUFFIX[seat]}`,
  lightCmd: 'HU_LightCmd',
  lightStatus: 'LIGHT_Status',
  climateCmd: 'HU_ClimateCmd',
  climateTempCmd: 'HU_ClimateTempCmd',
  climateStatus: 'CLIMATE_Status',
  climateTempStatus: 'CLIMATE_TempStatus',
  cabinTemp: 'CLIMATE_CabinTemp',
  vehicleStatus: 'VEHICLE_Status',
  vehicleSimCmd: 'TESTER_VehicleSimCmd',
} as const;

/** Signal name suffix per seat, as used in the light and climate messages (`ReadingDriverReq`, `TempRearLeft`). */
export function seatSuffix(seat: Seat): string {
  return SEAT_SUFFIX[seat];
}

export const CHECKSUM_SIGNAL = 'CHECKSUM';
export const COUNTER_SIGNAL = 'COUNTER';
export const NO_REQUEST = 'no_request';
export const FRAME_LENGTH = 8;

export type Values = Record<string, number>;

export type DropReason = 'unknown-id' | 'wrong-length' | 'bad-checksum' | 'stale-counter';

export type Received =
  | { ok: true; message: DbcMessage; values: Values }
  | { ok: false; reason: DropReason; detail: string; message?: DbcMessage };

interface Entry {
  message: DbcMessage;
  codec: ReturnType<typeof compileMessage>;
  /** Raw value labelled no_request, per signal that has one. */
  noRequestRaw: Map<string, number>;
}

export class CabinNetwork {
  private readonly byName = new Map<string, Entry>();
  private readonly byId = new Map<number, Entry>();

  constructor(readonly dbc: Dbc) {
    for (const message of dbc.messages) {
      const noRequestRaw = new Map<string, number>();
      for (const s of message.signals) {
        for (const [raw, label] of s.valueTable ?? []) if (label === NO_REQUEST) noRequestRaw.set(s.name, raw);
      }
      const entry: Entry = { message, codec: compileMessage(message), noRequestRaw };
      this.byName.set(message.name, entry);
      if (!message.extended) this.byId.set(message.id, entry);
    }
    this.validate();
  }

  message(name: string): DbcMessage {
    return this.entry(name).message;
  }

  /** The message a frame carries, or undefined for an id the cabin network does not define. */
  lookup(frame: Pick<CanFrame, 'id' | 'extended'>): DbcMessage | undefined {
    return frame.extended ? undefined : this.byId.get(frame.id)?.message;
  }

  /** Physical value of the signal's no_request raw value, or undefined when it has none. */
  noRequest(messageName: string, signalName: string): number | undefined {
    const e = this.entry(messageName);
    const raw = e.noRequestRaw.get(signalName);
    if (raw === undefined) return undefined;
    const s = e.message.signals.find((x) => x.name === signalName)!;
    return raw * s.factor + s.offset;
  }

  /**
   * Builds a protected frame. Signals left out of `values` are sent as no_request where the signal has
   * one (so a command touches only the fields it names) and as 0 bits otherwise.
   */
  encode(messageName: string, values: Values, counter: number): CanFrame {
    const e = this.entry(messageName);
    const full: Record<string, number | string> = { ...values };
    for (const name of e.noRequestRaw.keys()) if (full[name] === undefined) full[name] = NO_REQUEST;
    const data = e.codec.encode(full);
    return { id: e.message.id, extended: false, data: protect(e.message.id, data, counter) };
  }

  /** Physical values of a frame's signals. */
  decode(message: DbcMessage, data: Uint8Array): Values {
    const e = this.entry(message.name);
    return e.codec.decode(data);
  }

  /**
   * Checks a received frame in the order a real receiver does (id, length, checksum, counter) and
   * decodes it. `wanted` limits which messages count; frames of other cabin messages return null,
   * because on a shared bus they are simply someone else's traffic, not bad input.
   */
  receive(frame: CanFrame, counters: CounterCheck, wanted?: ReadonlySet<string>): Received | null {
    const message = this.lookup(frame);
    if (!message || frame.rtr || frame.fd) {
      return { ok: false, reason: 'unknown-id', detail: `id 0x${frame.id.toString(16)}${frame.extended ? ' (extended)' : ''}` };
    }
    if (wanted && !wanted.has(message.name)) return null;
    if (frame.data.length !== message.length) {
      return { ok: false, reason: 'wrong-length', detail: `${message.name} with ${frame.data.length} bytes, expected ${message.length}`, message };
    }
    if (!checksumOk(message.id, frame.data)) {
      return { ok: false, reason: 'bad-checksum', detail: `${message.name} checksum 0x${frame.data[0]!.toString(16)}`, message };
    }
    const counter = readCounter(frame.data);
    const verdict = counters.check(message.id, counter);
    if (verdict !== 'ok') return { ok: false, reason: 'stale-counter', detail: `${message.name} counter ${counter} ${verdict}`, message };
    return { ok: true, message, values: this.decode(message, frame.data) };
  }

  /** Is `value` (physical) the no_request encoding of that signal? */
  isNoRequest(messageName: string, signalName: string, value: number): boolean {
    const nr = this.noRequest(messageName, signalName);
    return nr !== undefined && Math.abs(value - nr) < 1e-9;
  }

  private entry(name: string): Entry {
    const e = this.byName.get(name);
    if (!e) throw new CabinError('E_CABIN_DBC', `${this.dbc.file}: no message ${name}`);
    return e;
  }

  /** The E2E code hard-wires byte positions, so a DBC edit that moves them must fail loudly, not corrupt frames. */
  private validate(): void {
    const problems: string[] = [];
    for (const m of this.dbc.messages) {
      if (m.length !== FRAME_LENGTH) problems.push(`${m.name} is ${m.length} bytes, expected ${FRAME_LENGTH}`);
      const ck = m.signals.find((s) => s.name === CHECKSUM_SIGNAL);
      const ct = m.signals.find((s) => s.name === COUNTER_SIGNAL);
      if (!ck || ck.startBit !== 0 || ck.length !== 8 || ck.byteOrder !== 'little_endian') problems.push(`${m.name}: CHECKSUM must be 0|8@1+`);
      if (!ct || ct.startBit !== 8 || ct.length !== 4 || ct.byteOrder !== 'little_endian') problems.push(`${m.name}: COUNTER must be 8|4@1+`);
    }
    for (const name of requiredMessages()) if (!this.byName.has(name)) problems.push(`missing message ${name}`);
    if (problems.length) throw new CabinError('E_CABIN_DBC', `${this.dbc.file} is not a cabin network: ${problems.join('; ')}`);
  }
}

function requiredMessages(): string[] {
  const seats: Seat[] = ['driver', 'passenger', 'rear_left', 'rear_right'];
  const fixed = (Object.values(MSG) as unknown[]).filter((v): v is string => typeof v === 'string');
  return [...seats.flatMap((s) => [MSG.seatCmd(s), MSG.seatStatus(s)]), ...fixed];
}
