// The moving-vehicle safety rule: no driver seat recline or slide while the car moves, whoever asks.
import type { VehicleState } from '../vehicle-bus/cabin/vehicle-state-types.js';
import type { Target } from './features.js';
import type { Check, Refusal } from './permissions.js';

/** Features that move the driver out of position; heat, vent and massage stay allowed while driving. */
const MOVING_SEAT_FEATURES = new Set(['seat.recline', 'seat.slide']);

/**
 * Checked against the speed the vehicle reports, not a cached "driving" flag: the car stopping at a
 * light makes the request acceptable again, and any speed above 0 (even creeping) refuses it.
 */
export function checkSafety(state: VehicleState, feature: string, target: Target): Check {
  if (!MOVING_SEAT_FEATURES.has(feature)) return { ok: true };
  if (target.kind !== 'seat' || target.seat !== 'driver') return { ok: true };
  // Written so an unknown speed (NaN from a bad frame) refuses rather than allows.
  if (state.vehicle.speed_kph <= 0) return { ok: true };
  const refusal: Refusal = {
    ok: false,
    rule: 'driver-seat-while-moving',
    reason: 'safety.driver-seat-while-moving',
    feature,
    target,
  };
  return refusal;
}
