// Simulated seat module for one row: heater, ventilation and massage switch at once, recline and slide motors take seconds.
import { MSG, type Values } from '../cabin/cabin-network.js';
import { decodeSeatRequest } from '../cabin/commands.js';
import { seatStatusValues } from '../cabin/status-frames.js';
import type { Seat, SeatState } from '../cabin/vehicle-state-types.js';
import { SimulatedEcu, clamp, type EcuContext, type StatusFrame } from './simulated-ecu.js';

/** Motor speeds in percent of travel per second: full recline takes 5 s, full slide about 3.3 s. */
export const RECLINE_SPEED_PCT_S = 20;
export const SLIDE_SPEED_PCT_S = 30;

interface SeatUnit {
  state: SeatState;
  reclineTarget: number;
  slideTarget: number;
}

export class SeatEcu extends SimulatedEcu {
  private readonly units = new Map<Seat, SeatUnit>();

  constructor(
    ctx: EcuContext,
    readonly name: 'seat_row1' | 'seat_row2',
    initial: Partial<Record<Seat, SeatState>>,
  ) {
    super(ctx);
    for (const [seat, s] of Object.entries(initial) as [Seat, SeatState][]) {
      this.units.set(seat, { state: { ...s }, reclineTarget: s.recline, slideTarget: s.slide });
    }
  }

  get node(): string {
    return this.name === 'seat_row1' ? 'SEAT_ECU_ROW1' : 'SEAT_ECU_ROW2';
  }

  seats(): Seat[] {
    return [...this.units.keys()];
  }

  /** The seat as the ECU has it now (positions are where the motors are, not where they head). */
  seat(seat: Seat): SeatState {
    return { ...this.unit(seat).state };
  }

  isMoving(seat: Seat): boolean {
    const u = this.unit(seat);
    return u.state.recline !== u.reclineTarget || u.state.slide !== u.slideTarget;
  }

  protected commandMessages(): string[] {
    return this.seats().map((s) => MSG.seatCmd(s));
  }

  protected obey(message: string, values: Values): void {
    const seat = this.seats().find((s) => MSG.seatCmd(s) === message);
    if (!seat) return;
    const u = this.unit(seat);
    const req = decodeSeatRequest(this.network, seat, values);
    // Levels switch at once; a request above the top level gets the top level, as a real module does.
    if (req.heat !== undefined) u.state.heat = clamp(req.heat, 0, this.limit('heat_max'));
    if (req.vent !== undefined) u.state.vent = clamp(req.vent, 0, this.limit('vent_max'));
    if (req.massage !== undefined) u.state.massage = clamp(req.massage, 0, this.limit('massage_max'));
    if (req.recline !== undefined) u.reclineTarget = clamp(req.recline, 0, this.limit('recline_max'));
    if (req.slide !== undefined) u.slideTarget = clamp(req.slide, 0, this.limit('slide_max'));
  }

  protected override tick(dtMs: number): void {
    for (const u of this.units.values()) {
      u.state.recline = approach(u.state.recline, u.reclineTarget, (RECLINE_SPEED_PCT_S * dtMs) / 1000);
      u.state.slide = approach(u.state.slide, u.slideTarget, (SLIDE_SPEED_PCT_S * dtMs) / 1000);
    }
  }

  protected statusFrames(): StatusFrame[] {
    return this.seats().map((seat) => {
      const u = this.unit(seat);
      const s = u.state;
      const values = seatStatusValues(
        { ...s, recline: Math.round(s.recline), slide: Math.round(s.slide) },
        {
          recline_target: u.reclineTarget,
          slide_target: u.slideTarget,
          recline_moving: s.recline !== u.reclineTarget,
          slide_moving: s.slide !== u.slideTarget,
        },
      );
      return { message: MSG.seatStatus(seat), values };
    });
  }

  private unit(seat: Seat): SeatUnit {
    const u = this.units.get(seat);
    if (!u) throw new RangeError(`${this.name} has no seat ${seat}`);
    return u;
  }
}

/** One motor step toward the target, never overshooting. */
function approach(pos: number, target: number, step: number): number {
  if (pos < target) return Math.min(target, pos + step);
  if (pos > target) return Math.max(target, pos - step);
  return pos;
}
