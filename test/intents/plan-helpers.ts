// Shared helpers for the intents tests: a plan that must succeed, and a state with a few fields changed.
import type { Intent } from '../../intents/catalog.js';
import { planIntent, type Plan } from '../../intents/plan.js';
import { applyPlanned } from '../../intents/dialogue/interpret.js';
import { defaultVehicleState, type Seat, type VehicleState } from '../../vehicle-bus/cabin/vehicle-state-types.js';

export function mustPlan(intent: Intent, speaker: Seat, state: VehicleState = defaultVehicleState()): Plan {
  const p = planIntent(intent, speaker, state);
  if (!p.ok) throw new Error(`expected a plan, got ${p.code}: ${p.detail}`);
  return p;
}

export function stateWith(edit: (s: VehicleState) => void): VehicleState {
  const s = defaultVehicleState();
  edit(s);
  return s;
}

/** What the ECUs would report once a plan is carried out (every change lands as planned). */
export const applied = applyPlanned;
