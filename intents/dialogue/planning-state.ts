// The state a request is planned against: where seat motors are heading, not where they are mid-way.
import type { CabinTelemetry } from '../../vehicle-bus/cabin/status-frames.js';
import { SEATS, type VehicleState } from '../../vehicle-bus/cabin/vehicle-state-types.js';

/**
 * A recline or slide takes seconds, so "a bit more" said while the seat still moves must step from the
 * target it was sent to (30 → 40), not from the position the last status frame caught (21 → 31).
 * Seats whose ECU has not reported its motors yet keep their reported position.
 */
export function planningState(state: VehicleState, telemetry: CabinTelemetry): VehicleState {
  const seats = { ...state.seats };
  for (const seat of SEATS) {
    const motion = telemetry.seat_motion[seat];
    if (motion) seats[seat] = { ...seats[seat], recline: motion.recline_target, slide: motion.slide_target };
  }
  return { ...state, seats };
}
