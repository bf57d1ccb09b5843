// Queries ("what's the temperature in the back?") answered from the vehicle state the ECUs report, one value per target.
import type { Seat, VehicleState } from '../vehicle-bus/cabin/vehicle-state-types.js';
import type { Intent } from './catalog.js';
import { FEATURE_DEFS, readFeature, type FeatureValue, type Target } from './features.js';
import type { PlanError } from './plan.js';
import { resolveZone } from './zones.js';

export interface QueryAnswer {
  ok: true;
  feature: string;
  /** In seat/row order; the reply layer words them ("22 degrees in the back left, 24 in the back right"). */
  values: { target: Target; value: FeatureValue }[];
}

/**
 * Anyone may ask about anything: permissions limit changes, not knowledge of the cabin. A `cabin`
 * zone on a seat or row feature asks about every seat or row ("how warm is it in the car?").
 */
export function answerQuery(intent: Intent, speaker: Seat, state: VehicleState): QueryAnswer | PlanError {
  const feature = intent.feature;
  if (feature === undefined) return { ok: false, code: 'missing-value', detail: 'a query needs a feature' };
  if (!FEATURE_DEFS.has(feature)) return { ok: false, code: 'unknown-feature', detail: `${feature} is not a feature the car has` };
  const values = resolveZone(feature, intent.zone, speaker).map((target) => ({ target, value: readFeature(state, feature, target) }));
  return { ok: true, feature, values };
}
