// Simulated vehicle gateway: reports the speed; the simulator (or a TESTER frame) decides what that speed is.
import { MSG, type Values } from '../cabin/cabin-network.js';
import { decodeVehicleSimRequest } from '../cabin/commands.js';
import { vehicleStatusValues } from '../cabin/status-frames.js';
import { SimulatedEcu, clamp, type EcuContext, type StatusFrame } from './simulated-ecu.js';

export class VehicleEcu extends SimulatedEcu {
  readonly name = 'vehicle' as const;
  private speedKph: number;

  constructor(ctx: EcuContext, initialSpeedKph: number) {
    super(ctx);
    this.speedKph = initialSpeedKph;
  }

  get node(): string {
    return 'VEHICLE_ECU';
  }

  get speed(): number {
    return this.speedKph;
  }

  /**
   * The car now drives at this speed. It changes at once rather than ramping: a conversation script's
   * `{"vehicle": {"speed_kph": 80}}` states a fact about the moment, not a request to accelerate.
   */
  setSpeed(kph: number): void {
    if (!Number.isFinite(kph)) throw new RangeError(`speed must be a number, got ${kph}`);
    this.speedKph = clamp(Math.round(kph * 100) / 100, 0, this.limit('speed_max'));
    this.changedNow();
  }

  protected commandMessages(): string[] {
    return [MSG.vehicleSimCmd];
  }

  protected obey(_message: string, values: Values): void {
    const req = decodeVehicleSimRequest(this.network, values);
    if (req.speed_kph !== undefined) this.speedKph = clamp(req.speed_kph, 0, this.limit('speed_max'));
  }

  protected statusFrames(): StatusFrame[] {
    return [{ message: MSG.vehicleStatus, values: vehicleStatusValues(this.speedKph) }];
  }
}
