// Command messages both ways: typed requests to protected frames for the head unit, and frames back to requests for an ECU.
import type { CanFrame } from '../frame.js';
import { CabinError } from '../errors.js';
import { CounterSource } from './checksum.js';
import { MSG, seatSuffix, type CabinNetwork, type Values } from './cabin-network.js';
import { AIRFLOWS, AMBIENT_COLORS, ROWS, SEATS, type Airflow, type AmbientColor, type Row, type Seat } from './vehicle-state-types.js';

/** Fields left out are not touched by the ECU (they go out as no_request). */
export interface SeatRequest {
  heat?: number;
  vent?: number;
  massage?: number;
  recline?: number;
  slide?: number;
}

export interface LightRequest {
  reading?: Partial<Record<Seat, boolean>>;
  ambient?: { on?: boolean; color?: AmbientColor; brightness?: number };
  dome?: boolean;
}

export type ClimateFlag = 'power' | 'auto' | 'ac' | 'recirc' | 'defrost_front' | 'defrost_rear' | 'sync';
export const CLIMATE_FLAGS: readonly ClimateFlag[] = ['power', 'auto', 'ac', 'recirc', 'defrost_front', 'defrost_rear', 'sync'];
const FLAG_SIGNAL: Record<ClimateFlag, string> = {
  power: 'PowerReq',
  auto: 'AutoReq',
  ac: 'AcReq',
  recirc: 'RecircReq',
  defrost_front: 'DefrostFrontReq',
  defrost_rear: 'DefrostRearReq',
  sync: 'SyncReq',
};

export interface ClimateRequest extends Partial<Record<ClimateFlag, boolean>> {
  temp?: Partial<Record<Seat, number>>;
  fan?: Partial<Record<Row, number>>;
  airflow?: Partial<Record<Row, Airflow>>;
}

export type CabinCommand =
  | { kind: 'seat'; seat: Seat; set: SeatRequest }
  | { kind: 'light'; set: LightRequest }
  | { kind: 'climate'; set: ClimateRequest }
  /** Simulation only (TESTER node): the simulated car drives at this speed. */
  | { kind: 'vehicle'; speed_kph: number };

const ROW_SUFFIX: Record<Row, string> = { front: 'Front', rear: 'Rear' };

/**
 * Wire range of each numeric request. The head unit only keeps values encodable (the all-ones raw
 * value means no_request); clamping to the valid range is the ECU's job, as on a real car, so a
 * faulty ECU that clamps differently is visible.
 */
const WIRE = { level: 14, percent: 254, fan: 14, tempMin: 10, tempMax: 137, speed: 655.34 };

function wire(value: number, min: number, max: number, step: number, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new CabinError('E_COMMAND', `${what}: not a number (${String(value)})`);
  return Math.min(max, Math.max(min, Math.round(value / step) * step));
}

/** Builds protected command frames; keeps one rolling counter per message, as the head unit ECU must. */
export class CommandEncoder {
  constructor(
    private readonly network: CabinNetwork,
    private readonly counters = new CounterSource(),
  ) {}

  /** The frames for one command (none when it asks for nothing). */
  frames(cmd: CabinCommand): CanFrame[] {
    switch (cmd.kind) {
      case 'seat':
        return this.seat(cmd.seat, cmd.set);
      case 'light':
        return this.lights(cmd.set);
      case 'climate':
        return this.climate(cmd.set);
      case 'vehicle':
        return [this.build(MSG.vehicleSimCmd, { SpeedReq: wire(cmd.speed_kph, 0, WIRE.speed, 0.01, 'speed_kph') })];
    }
  }

  seat(seat: Seat, req: SeatRequest): CanFrame[] {
    if (!SEATS.includes(seat)) throw new CabinError('E_COMMAND', `unknown seat "${String(seat)}"`);
    const v: Values = {};
    if (req.heat !== undefined) v.HeatReq = wire(req.heat, 0, WIRE.level, 1, 'heat');
    if (req.vent !== undefined) v.VentReq = wire(req.vent, 0, WIRE.level, 1, 'vent');
    if (req.massage !== undefined) v.MassageReq = wire(req.massage, 0, WIRE.level, 1, 'massage');
    if (req.recline !== undefined) v.ReclineReq = wire(req.recline, 0, WIRE.percent, 1, 'recline');
    if (req.slide !== undefined) v.SlideReq = wire(req.slide, 0, WIRE.percent, 1, 'slide');
    return Object.keys(v).length ? [this.build(MSG.seatCmd(seat), v)] : [];
  }

  lights(req: LightRequest): CanFrame[] {
    const v: Values = {};
    for (const s of SEATS) if (req.reading?.[s] !== undefined) v[`Reading${seatSuffix(s)}Req`] = req.reading[s] ? 1 : 0;
    if (req.ambient?.on !== undefined) v.AmbientOnReq = req.ambient.on ? 1 : 0;
    if (req.dome !== undefined) v.DomeReq = req.dome ? 1 : 0;
    if (req.ambient?.color !== undefined) {
      const i = AMBIENT_COLORS.indexOf(req.ambient.color);
      if (i < 0) throw new CabinError('E_COMMAND', `unknown ambient colour "${req.ambient.color}"`);
      v.AmbientColorReq = i;
    }
    if (req.ambient?.brightness !== undefined) v.AmbientBrightnessReq = wire(req.ambient.brightness, 0, WIRE.percent, 1, 'brightness');
    return Object.keys(v).length ? [this.build(MSG.lightCmd, v)] : [];
  }

  /** One frame for modes, fans and airflow, one for set points; each only when something in it is asked. */
  climate(req: ClimateRequest): CanFrame[] {
    const mode: Values = {};
    for (const f of CLIMATE_FLAGS) if (req[f] !== undefined) mode[FLAG_SIGNAL[f]] = req[f] ? 1 : 0;
    for (const r of ROWS) {
      if (req.fan?.[r] !== undefined) mode[`Fan${ROW_SUFFIX[r]}Req`] = wire(req.fan[r], 0, WIRE.fan, 1, `fan.${r}`);
      const flow = req.airflow?.[r];
      if (flow !== undefined) {
        const i = AIRFLOWS.indexOf(flow);
        if (i < 0) throw new CabinError('E_COMMAND', `unknown airflow "${flow}"`);
        mode[`Airflow${ROW_SUFFIX[r]}Req`] = i;
      }
    }
    const temps: Values = {};
    for (const s of SEATS) {
      const t = req.temp?.[s];
      if (t !== undefined) temps[`Temp${seatSuffix(s)}Req`] = wire(t, WIRE.tempMin, WIRE.tempMax, 0.5, `temp.${s}`);
    }
    const out: CanFrame[] = [];
    if (Object.keys(mode).length) out.push(this.build(MSG.climateCmd, mode));
    if (Object.keys(temps).length) out.push(this.build(MSG.climateTempCmd, temps));
    return out;
  }

  private build(message: string, values: Values): CanFrame {
    const id = this.network.message(message).id;
    return this.network.encode(message, values, this.counters.take(id));
  }
}

/** Requested value of a signal, or undefined for no_request and reserved raw values the ECU ignores. */
function requested(net: CabinNetwork, msg: string, sig: string, v: Values, valid?: (n: number) => boolean): number | undefined {
  const n = v[sig];
  if (n === undefined || net.isNoRequest(msg, sig, n)) return undefined;
  return valid && !valid(n) ? undefined : n;
}

const onOff = (n: number): boolean => n === 0 || n === 1;

export function decodeSeatRequest(net: CabinNetwork, seat: Seat, v: Values): SeatRequest {
  const msg = MSG.seatCmd(seat);
  const out: SeatRequest = {};
  const map: [keyof SeatRequest, string][] = [['heat', 'HeatReq'], ['vent', 'VentReq'], ['massage', 'MassageReq'], ['recline', 'ReclineReq'], ['slide', 'SlideReq']];
  for (const [key, sig] of map) {
    const n = requested(net, msg, sig, v);
    if (n !== undefined) out[key] = n;
  }
  return out;
}

export function decodeLightRequest(net: CabinNetwork, v: Values): LightRequest {
  const msg = MSG.lightCmd;
  const out: LightRequest = {};
  for (const s of SEATS) {
    const n = requested(net, msg, `Reading${seatSuffix(s)}Req`, v, onOff);
    if (n !== undefined) (out.reading ??= {})[s] = n === 1;
  }
  const on = requested(net, msg, 'AmbientOnReq', v, onOff);
  if (on !== undefined) (out.ambient ??= {}).on = on === 1;
  const color = requested(net, msg, 'AmbientColorReq', v, (n) => n < AMBIENT_COLORS.length);
  if (color !== undefined) (out.ambient ??= {}).color = AMBIENT_COLORS[color]!;
  const brightness = requested(net, msg, 'AmbientBrightnessReq', v);
  if (brightness !== undefined) (out.ambient ??= {}).brightness = brightness;
  const dome = requested(net, msg, 'DomeReq', v, onOff);
  if (dome !== undefined) out.dome = dome === 1;
  return out;
}

/** Decodes either climate command message (modes/fans/airflow, or set points). */
export function decodeClimateRequest(net: CabinNetwork, messageName: string, v: Values): ClimateRequest {
  const out: ClimateRequest = {};
  if (messageName === MSG.climateTempCmd) {
    for (const s of SEATS) {
      const t = requested(net, messageName, `Temp${seatSuffix(s)}Req`, v);
      if (t !== undefined) (out.temp ??= {})[s] = t;
    }
    return out;
  }
  for (const f of CLIMATE_FLAGS) {
    const n = requested(net, messageName, FLAG_SIGNAL[f], v, onOff);
    if (n !== undefined) out[f] = n === 1;
  }
  for (const r of ROWS) {
    const fan = requested(net, messageName, `Fan${ROW_SUFFIX[r]}Req`, v);
    if (fan !== undefined) (out.fan ??= {})[r] = fan;
    const flow = requested(net, messageName, `Airflow${ROW_SUFFIX[r]}Req`, v, (n) => n < AIRFLOWS.length);
    if (flow !== undefined) (out.airflow ??= {})[r] = AIRFLOWS[flow]!;
  }
  return out;
}

export function decodeVehicleSimRequest(net: CabinNetwork, v: Values): { speed_kph?: number } {
  const n = requested(net, MSG.vehicleSimCmd, 'SpeedReq', v);
  return n === undefined ? {} : { speed_kph: Math.round(n * 100) / 100 };
}
