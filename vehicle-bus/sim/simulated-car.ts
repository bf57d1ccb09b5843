// Wires the simulated ECUs of one car onto a bus: each ECU is its own node, behind the shared bus-fault wrapper.
import type { CanFrame } from '../frame.js';
import type { Transport } from '../transport.js';
import { stderrLog, type LogFn } from '../transports/drop-counter.js';
import { VirtualBus } from '../transports/virtual.transport.js';
import type { CabinNetwork } from '../cabin/cabin-network.js';
import { cloneState, defaultVehicleState, type VehicleState } from '../cabin/vehicle-state-types.js';
import { realClock, type Clock } from './clock.js';
import { ClimateEcu } from './climate.ecu.js';
import { ECU_NAMES, Faults, type EcuName } from './faults.js';
import { FaultyTransport } from './faulty-transport.js';
import { LightEcu } from './light.ecu.js';
import { SeatEcu } from './seat.ecu.js';
import type { EcuContext, SimulatedEcu } from './simulated-ecu.js';
import { VehicleEcu } from './vehicle.ecu.js';

/** A virtual bus to attach to, or a factory giving each ECU its own (opened or openable) transport. */
export type TransportSource = VirtualBus | ((ecu: EcuName) => Transport | Promise<Transport>);

export interface SimulatedCarOptions {
  network: CabinNetwork;
  /** Default: real timers. Tests pass a ManualClock. */
  clock?: Clock;
  /** Default: a fresh Faults with seed 1. Pass one to share it with a UI. */
  faults?: Faults;
  /** Starting state; default DESIGN's default state. */
  initial?: VehicleState;
  speedKph?: number;
  outsideTempC?: number;
  /** Measured cabin temperature at start; default the set points. */
  cabinTempC?: number;
  /** Gets `[ecu] line` log lines; default stderr. */
  log?: LogFn;
}

export interface SimulatedEcus {
  seat_row1: SeatEcu;
  seat_row2: SeatEcu;
  light: LightEcu;
  climate: ClimateEcu;
  vehicle: VehicleEcu;
}

export interface SimulatedCar {
  ecus: SimulatedEcus;
  faults: Faults;
  /** The car's ground truth, straight from the ECUs (the head unit sees it only through status frames). */
  state(): VehicleState;
  stop(): Promise<void>;
}

export async function startSimulatedCar(source: TransportSource, opts: SimulatedCarOptions): Promise<SimulatedCar> {
  const clock = opts.clock ?? realClock();
  const faults = opts.faults ?? new Faults();
  const initial = cloneState(opts.initial ?? defaultVehicleState());
  const baseLog = opts.log ?? ((line: string) => stderrLog('sim')(line));
  const opened: Transport[] = [];
  const ecuNodes = new Set(['SEAT_ECU_ROW1', 'SEAT_ECU_ROW2', 'LIGHT_ECU', 'CLIMATE_ECU', 'VEHICLE_ECU']);
  const fromOutside = (f: CanFrame) => !ecuNodes.has(opts.network.lookup(f)?.sender ?? '');

  const context = async (ecu: EcuName): Promise<EcuContext> => {
    const raw = source instanceof VirtualBus ? source.attach(`virtual:${source.name}`, { log: (l) => baseLog(`${ecu}: ${l}`) }) : await source(ecu);
    opened.push(raw);
    if (raw.state !== 'open') await raw.open();
    return { transport: new FaultyTransport(raw, faults, fromOutside), network: opts.network, clock, faults, log: (l) => baseLog(`${ecu}: ${l}`) };
  };

  try {
    const ctx = Object.fromEntries(await Promise.all(ECU_NAMES.map(async (n) => [n, await context(n)] as const))) as Record<EcuName, EcuContext>;
    const ecus: SimulatedEcus = {
      seat_row1: new SeatEcu(ctx.seat_row1, 'seat_row1', { driver: initial.seats.driver, passenger: initial.seats.passenger }),
      seat_row2: new SeatEcu(ctx.seat_row2, 'seat_row2', { rear_left: initial.seats.rear_left, rear_right: initial.seats.rear_right }),
      light: new LightEcu(ctx.light, initial.lights),
      climate: new ClimateEcu(ctx.climate, initial.hvac, { outsideTempC: opts.outsideTempC, cabinTempC: opts.cabinTempC }),
      vehicle: new VehicleEcu(ctx.vehicle, opts.speedKph ?? initial.vehicle.speed_kph),
    };
    const all: SimulatedEcu[] = Object.values(ecus);
    for (const e of all) e.start();
    let stopped = false;
    return {
      ecus,
      faults,
      state: () => truth(ecus),
      async stop() {
        if (stopped) return;
        stopped = true;
        await Promise.all(all.map((e) => e.stop()));
      },
    };
  } catch (err) {
    await Promise.allSettled(opened.map((t) => t.close()));
    throw err;
  }
}

function truth(ecus: SimulatedEcus): VehicleState {
  const state = defaultVehicleState();
  state.vehicle.speed_kph = ecus.vehicle.speed;
  for (const row of [ecus.seat_row1, ecus.seat_row2]) {
    for (const seat of row.seats()) {
      const s = row.seat(seat);
      state.seats[seat] = { ...s, recline: Math.round(s.recline), slide: Math.round(s.slide) };
    }
  }
  state.lights = ecus.light.snapshot();
  state.hvac = ecus.climate.snapshot();
  return state;
}
