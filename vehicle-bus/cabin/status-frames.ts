// Status messages both ways: what an ECU puts in each status frame, and how a receiver folds one into the vehicle state.
import { MSG, seatSuffix, type Values } from './cabin-network.js';
import {
  AIRFLOWS,
  AMBIENT_COLORS,
  SEATS,
  type Airflow,
  type AmbientColor,
  type Seat,
  type SeatState,
  type VehicleState,
} from './vehicle-state-types.js';

/** What a seat ECU knows beyond the state: where its motors are heading. */
export interface SeatMotion {
  recline_target: number;
  slide_target: number;
  recline_moving: boolean;
  slide_moving: boolean;
}

/** Status the cabin reports that DESIGN's state JSON leaves out (kept apart so that JSON stays exact). */
export interface CabinTelemetry {
  /** Measured zone air temperature, null until the climate ECU has reported it. */
  cabin_temp: Record<Seat, number | null>;
  seat_motion: Record<Seat, SeatMotion | null>;
}

export function emptyTelemetry(): CabinTelemetry {
  return {
    cabin_temp: { driver: null, passenger: null, rear_left: null, rear_right: null },
    seat_motion: { driver: null, passenger: null, rear_left: null, rear_right: null },
  };
}

const bit = (b: boolean): number => (b ? 1 : 0);

export function seatStatusValues(seat: SeatState, motion: SeatMotion): Values {
  return {
    HeatLevel: seat.heat,
    VentLevel: seat.vent,
    MassageLevel: seat.massage,
    ReclinePos: seat.recline,
    SlidePos: seat.slide,
    ReclineTarget: motion.recline_target,
    SlideTarget: motion.slide_target,
    ReclineMoving: bit(motion.recline_moving),
    SlideMoving: bit(motion.slide_moving),
  };
}

export function lightStatusValues(lights: VehicleState['lights']): Values {
  const v: Values = {
    AmbientOn: bit(lights.ambient.on),
    Dome: bit(lights.dome),
    AmbientColor: AMBIENT_COLORS.indexOf(lights.ambient.color),
    AmbientBrightness: lights.ambient.brightness,
  };
  for (const s of SEATS) v[`Reading${seatSuffix(s)}`] = bit(lights.reading[s]);
  return v;
}

export function climateStatusValues(h: VehicleState['hvac']): Values {
  return {
    Power: bit(h.power),
    Auto: bit(h.auto),
    Ac: bit(h.ac),
    Recirc: bit(h.recirc),
    DefrostFront: bit(h.defrost_front),
    DefrostRear: bit(h.defrost_rear),
    Sync: bit(h.sync),
    FanFront: h.fan.front,
    FanRear: h.fan.rear,
    AirflowFront: AIRFLOWS.indexOf(h.airflow.front),
    AirflowRear: AIRFLOWS.indexOf(h.airflow.rear),
  };
}

export function climateTempValues(temp: Record<Seat, number>): Values {
  const v: Values = {};
  for (const s of SEATS) v[`Temp${seatSuffix(s)}`] = temp[s];
  return v;
}

export function cabinTempValues(measured: Record<Seat, number>): Values {
  const v: Values = {};
  // The wire carries 0.1 degC; round here so a value never falls between two raw steps.
  for (const s of SEATS) v[`CabinTemp${seatSuffix(s)}`] = Math.round(measured[s] * 10) / 10;
  return v;
}

export function vehicleStatusValues(speedKph: number): Values {
  return { VehicleSpeed: Math.round(speedKph * 100) / 100 };
}

/**
 * Folds one decoded status message into `state` and `telemetry` in place and returns the paths of
 * state fields that changed (e.g. `seats.driver.heat`), so listeners can react to exactly those.
 */
export function applyStatus(state: VehicleState, telemetry: CabinTelemetry, messageName: string, v: Values): string[] {
  const changed: string[] = [];
  const set = <T>(obj: Record<string, T>, key: string, value: T, path: string): void => {
    if (obj[key] !== value) {
      obj[key] = value;
      changed.push(path);
    }
  };
  const bool = (n: number | undefined): boolean => n === 1;
  for (const seat of SEATS) {
    if (messageName !== MSG.seatStatus(seat)) continue;
    const s = state.seats[seat] as unknown as Record<string, number>;
    set(s, 'heat', v.HeatLevel!, `seats.${seat}.heat`);
    set(s, 'vent', v.VentLevel!, `seats.${seat}.vent`);
    set(s, 'massage', v.MassageLevel!, `seats.${seat}.massage`);
    set(s, 'recline', v.ReclinePos!, `seats.${seat}.recline`);
    set(s, 'slide', v.SlidePos!, `seats.${seat}.slide`);
    telemetry.seat_motion[seat] = {
      recline_target: v.ReclineTarget!,
      slide_target: v.SlideTarget!,
      recline_moving: bool(v.ReclineMoving),
      slide_moving: bool(v.SlideMoving),
    };
    return changed;
  }
  switch (messageName) {
    case MSG.lightStatus: {
      const l = state.lights;
      for (const s of SEATS) set(l.reading, s, bool(v[`Reading${seatSuffix(s)}`]), `lights.reading.${s}`);
      set(l.ambient as unknown as Record<string, unknown>, 'on', bool(v.AmbientOn), 'lights.ambient.on');
      const color: AmbientColor | undefined = AMBIENT_COLORS[v.AmbientColor!];
      if (color) set(l.ambient as unknown as Record<string, unknown>, 'color', color, 'lights.ambient.color');
      set(l.ambient as unknown as Record<string, unknown>, 'brightness', v.AmbientBrightness!, 'lights.ambient.brightness');
      set(l as unknown as Record<string, unknown>, 'dome', bool(v.Dome), 'lights.dome');
      break;
    }
    case MSG.climateStatus: {
      const h = state.hvac as unknown as Record<string, unknown>;
      const flags: [string, string][] = [
        ['power', 'Power'], ['auto', 'Auto'], ['ac', 'Ac'], ['recirc', 'Recirc'],
        ['defrost_front', 'DefrostFront'], ['defrost_rear', 'DefrostRear'], ['sync', 'Sync'],
      ];
      for (const [key, sig] of flags) set(h, key, bool(v[sig]), `hvac.${key}`);
      set(state.hvac.fan, 'front', v.FanFront!, 'hvac.fan.front');
      set(state.hvac.fan, 'rear', v.FanRear!, 'hvac.fan.rear');
      const front: Airflow | undefined = AIRFLOWS[v.AirflowFront!];
      const rear: Airflow | undefined = AIRFLOWS[v.AirflowRear!];
      if (front) set(state.hvac.airflow, 'front', front, 'hvac.airflow.front');
      if (rear) set(state.hvac.airflow, 'rear', rear, 'hvac.airflow.rear');
      break;
    }
    case MSG.climateTempStatus:
      for (const s of SEATS) set(state.hvac.temp, s, v[`Temp${seatSuffix(s)}`]!, `hvac.temp.${s}`);
      break;
    case MSG.cabinTemp:
      for (const s of SEATS) telemetry.cabin_temp[s] = Math.round(v[`CabinTemp${seatSuffix(s)}`]! * 10) / 10;
      break;
    case MSG.vehicleStatus:
      // Scaled decoding leaves float noise (0.01 * 7); the wire resolution is 0.01 km/h.
      set(state.vehicle, 'speed_kph', Math.round(v.VehicleSpeed! * 100) / 100, 'vehicle.speed_kph');
      break;
  }
  return changed;
}

/** Every status message name, in the order a full picture of the car is assembled. */
export function statusMessageNames(): string[] {
  return [
    ...SEATS.map((s) => MSG.seatStatus(s)),
    MSG.lightStatus,
    MSG.climateStatus,
    MSG.climateTempStatus,
    MSG.cabinTemp,
    MSG.vehicleStatus,
  ];
}
