// Simulated four-zone climate module: modes, blowers, airflow, set points, and cabin air that approaches the set point.
import { MSG, type Values } from '../cabin/cabin-network.js';
import { CLIMATE_FLAGS, decodeClimateRequest } from '../cabin/commands.js';
import { cabinTempValues, climateStatusValues, climateTempValues } from '../cabin/status-frames.js';
import { ROWS, SEATS, type Seat, type VehicleState } from '../cabin/vehicle-state-types.js';
import { SimulatedEcu, clamp, type EcuContext, type StatusFrame } from './simulated-ecu.js';

export type HvacState = VehicleState['hvac'];

/**
 * Time constant of a zone's air temperature in seconds: about 2 minutes with the blower off, falling
 * with blower level (level 7: 15 s). With the system off the cabin drifts to the outside temperature
 * over about 10 minutes.
 */
export function zoneTimeConstantS(power: boolean, fanLevel: number): number {
  return power ? 120 / (1 + fanLevel) : 600;
}

const ZONE_ROW: Record<Seat, 'front' | 'rear'> = { driver: 'front', passenger: 'front', rear_left: 'rear', rear_right: 'rear' };

export interface ClimateOptions {
  /** Outside air temperature the cabin drifts to when the system is off. Default 15 °C. */
  outsideTempC?: number;
  /** Measured zone temperature at start; default each zone's set point (a settled cabin). */
  cabinTempC?: number;
}

export class ClimateEcu extends SimulatedEcu {
  readonly name = 'climate' as const;
  private readonly hvac: HvacState;
  private readonly measured: Record<Seat, number>;
  private readonly outsideTempC: number;

  constructor(ctx: EcuContext, initial: HvacState, opts: ClimateOptions = {}) {
    super(ctx);
    this.hvac = structuredClone(initial);
    this.outsideTempC = opts.outsideTempC ?? 15;
    this.measured = { ...initial.temp };
    if (opts.cabinTempC !== undefined) for (const s of SEATS) this.measured[s] = opts.cabinTempC;
  }

  get node(): string {
    return 'CLIMATE_ECU';
  }

  snapshot(): HvacState {
    return structuredClone(this.hvac);
  }

  cabinTemperature(): Record<Seat, number> {
    return { ...this.measured };
  }

  protected commandMessages(): string[] {
    return [MSG.climateCmd, MSG.climateTempCmd];
  }

  protected obey(message: string, values: Values): void {
    const req = decodeClimateRequest(this.network, message, values);
    for (const f of CLIMATE_FLAGS) if (req[f] !== undefined) this.hvac[f] = req[f];
    // Pressing SYNC makes every zone take the driver's set point, as dual-zone systems do.
    if (req.sync === true) for (const s of SEATS) this.hvac.temp[s] = this.hvac.temp.driver;
    for (const r of ROWS) {
      const fan = req.fan?.[r];
      if (fan !== undefined) this.hvac.fan[r] = clamp(fan, 0, this.limit('fan_max'));
      const flow = req.airflow?.[r];
      if (flow !== undefined) this.hvac.airflow[r] = flow;
    }
    if (req.temp) this.setTemps(req.temp);
  }

  /**
   * Set points clamp to the module's range and snap to 0.5 °C. With sync on, the driver's set point
   * goes to every zone; another zone asking for something different leaves sync, as in a real car.
   */
  private setTemps(req: Partial<Record<Seat, number>>): void {
    const fit = (t: number): number => clamp(Math.round(t * 2) / 2, this.limit('temp_min'), this.limit('temp_max'));
    if (req.driver !== undefined) {
      const t = fit(req.driver);
      this.hvac.temp.driver = t;
      if (this.hvac.sync) for (const s of SEATS) this.hvac.temp[s] = t;
    }
    for (const s of SEATS) {
      const asked = req[s];
      if (s === 'driver' || asked === undefined) continue;
      const t = fit(asked);
      if (this.hvac.sync && t !== this.hvac.temp.driver) this.hvac.sync = false;
      this.hvac.temp[s] = t;
    }
  }

  protected override tick(dtMs: number): void {
    for (const s of SEATS) {
      const goal = this.hvac.power ? this.hvac.temp[s] : this.outsideTempC;
      const tau = zoneTimeConstantS(this.hvac.power, this.hvac.fan[ZONE_ROW[s]]);
      // Exact first-order step, so the result does not depend on how time is sliced.
      this.measured[s] = goal + (this.measured[s] - goal) * Math.exp(-dtMs / 1000 / tau);
    }
  }

  protected statusFrames(): StatusFrame[] {
    return [
      { message: MSG.climateStatus, values: climateStatusValues(this.hvac) },
      { message: MSG.climateTempStatus, values: climateTempValues(this.hvac.temp) },
      { message: MSG.cabinTemp, values: cabinTempValues(this.measured) },
    ];
  }
}
