// Simulated interior light module: reading lights per seat, cabin-wide ambient light and the dome light.
import { MSG, type Values } from '../cabin/cabin-network.js';
import { decodeLightRequest } from '../cabin/commands.js';
import { lightStatusValues } from '../cabin/status-frames.js';
import { SEATS, type VehicleState } from '../cabin/vehicle-state-types.js';
import { SimulatedEcu, clamp, type EcuContext, type StatusFrame } from './simulated-ecu.js';

export type LightsState = VehicleState['lights'];

export class LightEcu extends SimulatedEcu {
  readonly name = 'light' as const;
  private readonly lights: LightsState;

  constructor(ctx: EcuContext, initial: LightsState) {
    super(ctx);
    this.lights = structuredClone(initial);
  }

  get node(): string {
    return 'LIGHT_ECU';
  }

  snapshot(): LightsState {
    return structuredClone(this.lights);
  }

  protected commandMessages(): string[] {
    return [MSG.lightCmd];
  }

  protected obey(_message: string, values: Values): void {
    const req = decodeLightRequest(this.network, values);
    for (const s of SEATS) if (req.reading?.[s] !== undefined) this.lights.reading[s] = req.reading[s];
    const a = req.ambient;
    if (a?.on !== undefined) this.lights.ambient.on = a.on;
    if (a?.color !== undefined) this.lights.ambient.color = a.color;
    if (a?.brightness !== undefined) this.lights.ambient.brightness = clamp(a.brightness, 0, this.limit('brightness_max'));
    if (req.dome !== undefined) this.lights.dome = req.dome;
  }

  protected statusFrames(): StatusFrame[] {
    return [{ message: MSG.lightStatus, values: lightStatusValues(this.lights) }];
  }
}
