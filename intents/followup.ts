// Follow-ups and undo: which earlier action a follow-up applies to, the intent it stands for, and the plan that undoes a change.
import type { Seat, VehicleState } from '../vehicle-bus/cabin/vehicle-state-types.js';
import type { Intent } from './catalog.js';
import { FEATURE_DEFS, type FeatureValue } from './features.js';
import { planValues, type Plan, type PlanError } from './plan.js';
import { temperatureToCelsius } from './units.js';

/**
 * DESIGN: a follow-up applies to the speaker's last action, or, when that speaker has none yet, to the
 * most recent action in the cabin. `history` is the applied plans, oldest first; plans that changed
 * nothing (wholly refused) are skipped, since "a bit more" of a refusal has nothing to repeat.
 */
export function actionForFollowup(history: readonly Plan[], speaker: Seat): Plan | undefined {
  return lastActionOf(history, speaker) ?? findLast(history, () => true);
}

/** Undo is personal: only the speaker's own last change, never someone else's. */
export function lastActionOf(history: readonly Plan[], speaker: Seat): Plan | undefined {
  return findLast(history, (p) => p.speaker === speaker);
}

function findLast(history: readonly Plan[], pred: (p: Plan) => boolean): Plan | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const p = history[i]!;
    if (p.changes.length > 0 && pred(p)) return p;
  }
  return undefined;
}

/**
 * Which way the last change moved: +1 up, -1 down. A relative change moved by its sign; an absolute
 * one by how the values actually moved, and when nothing moved (already at "max", already at the
 * number) by what was asked: max/on/a higher number up, off/a lower number down, an equal number up.
 */
export function directionOf(last: Plan): 1 | -1 {
  const { delta, value } = last.intent;
  if (delta !== undefined && delta !== 0) return delta > 0 ? 1 : -1;
  let moved = 0;
  for (const c of last.changes) if (typeof c.to === 'number' && typeof c.from === 'number') moved += Math.sign(c.to - c.from);
  if (moved !== 0) return moved > 0 ? 1 : -1;
  if (value === 'off') return -1;
  const from = last.changes[0]?.from;
  if (typeof value === 'number' && typeof from === 'number' && value < from) return -1;
  return 1;
}

/** A state value in the intent's vocabulary: switches are said "on"/"off". */
function asIntentValue(v: FeatureValue): number | string {
  return typeof v === 'boolean' ? (v ? 'on' : 'off') : v;
}

/** Ambient colour and brightness have no off; "turn it off" after changing them means the ambient light. */
const SWITCHED_BY = new Map([
  ['light.ambient_color', 'light.ambient'],
  ['light.ambient_brightness', 'light.ambient'],
]);

/**
 * The intent a follow-up stands for, given the action it applies to (see actionForFollowup). The
 * result is planned like any other intent, for the follow-up's speaker: their permissions apply, and a
 * zone follow-up's `self` is theirs ("me too"). The last action's zone is already concrete (plan.ts),
 * so "a bit more" from another seat changes the same seats the first speaker changed.
 */
export function followupIntent(followup: Intent, last: Plan): Intent | PlanError {
  const feature = last.intent.intent;
  const def = FEATURE_DEFS.get(feature);
  if (!def) return { ok: false, code: 'unknown-feature', detail: `${feature} cannot be followed up` };
  const zone = last.intent.zone ?? 'self';

  if (followup.zone !== undefined && followup.value === undefined && followup.more === undefined) {
    // The same change for another zone: a relative change stays relative (each zone from its own value).
    const same: Intent = { intent: feature, zone: followup.zone };
    if (last.intent.delta !== undefined) same.delta = last.intent.delta;
    else if (last.intent.value !== undefined) same.value = last.intent.value;
    else same.value = asIntentValue(last.changes[0]!.to); // an undo: the value it restored
    return same;
  }

  if (followup.value !== undefined) {
    let value = followup.value;
    const switchedBy = SWITCHED_BY.get(feature);
    if (switchedBy && (value === 'on' || value === 'off')) return { intent: switchedBy, zone: 'cabin', value };
    if (feature === 'hvac.temp' && typeof value === 'number') value = temperatureToCelsius(value, false);
    return { intent: feature, zone, value };
  }

  if (followup.more !== undefined) {
    if (def.defaultStep === undefined) {
      return { ok: false, code: 'invalid-value', detail: `${feature} cannot be turned up or down` };
    }
    const dir = directionOf(last);
    // more:true repeats a relative change's own step ("much warmer" then "more": another +3);
    // an absolute change has no step of its own, so it takes the default one.
    const ownStep = last.intent.delta !== undefined && last.intent.delta !== 0 ? last.intent.delta : undefined;
    if (followup.more) return { intent: feature, zone, delta: ownStep ?? dir * def.defaultStep };
    return { intent: feature, zone, delta: -dir * def.defaultStep };
  }
  return { ok: false, code: 'missing-value', detail: 'a follow-up needs more, value or zone' };
}

/**
 * The plan that restores every target of `last` to its value before that change. Checked again like
 * any change: the car may be moving now, and a driver seat that may not move stays where it is.
 */
export function undoPlan(last: Plan, state: VehicleState): Plan {
  const froms = new Set(last.changes.map((c) => c.from));
  // One restored value becomes the intent's value (a later "same for the passenger" can copy it);
  // a group that had different values has none, and follow-ups read the direction from the changes.
  const intent: Intent = { intent: last.intent.intent, zone: last.intent.zone ?? 'self' };
  if (froms.size === 1) intent.value = asIntentValue(last.changes[0]!.from);
  return planValues(intent, last.speaker, state, last.changes.map((c) => ({ target: c.target, to: c.from })));
}
