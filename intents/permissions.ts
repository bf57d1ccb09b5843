// Who may change what (DESIGN "Dialogue rules"): per target checks with stable rule ids, and how group requests split.
import type { Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';
import { featureDef, type Target } from './features.js';

export type PermissionRule =
  | 'passenger-not-driver-seat'
  | 'passenger-not-driver-temp'
  | 'rear-own-seat-only'
  | 'rear-own-reading-light-only'
  | 'rear-own-temp-only'
  | 'rear-rear-row-only'
  | 'rear-no-cabin-controls';

export type SafetyRule = 'driver-seat-while-moving';
export type RuleId = PermissionRule | SafetyRule;

/**
 * One target a request may not change. `reason` is a message key the style files translate
 * (`permission.rear-own-seat-only`, `safety.driver-seat-while-moving`), so replies in English and
 * Mandarin name the same rule; `rule` is the stable id for logs, tests and the event stream.
 */
export interface Refusal {
  ok: false;
  rule: RuleId;
  reason: string;
  feature: string;
  target: Target;
}

export type Check = { ok: true } | Refusal;

const ALLOWED: Check = { ok: true };

function refuse(rule: PermissionRule, feature: string, target: Target): Refusal {
  return { ok: false, rule, reason: `permission.${rule}`, feature, target };
}

/** Lights any rear occupant may switch: they light the whole cabin and harm nobody's comfort. */
const REAR_CABIN_FEATURES = new Set(['light.ambient', 'light.ambient_color', 'light.ambient_brightness', 'light.dome']);

/** Whether `speaker` may change `feature` at one concrete `target`. */
export function checkPermission(speaker: Seat, feature: string, target: Target): Check {
  if (speaker === 'driver') return ALLOWED;
  const { scope } = featureDef(feature);
  const isSeatFeature = feature.startsWith('seat.');
  if (speaker === 'passenger') {
    if (scope === 'seat' && target.kind === 'seat' && target.seat === 'driver') {
      if (isSeatFeature) return refuse('passenger-not-driver-seat', feature, target);
      if (feature === 'hvac.temp') return refuse('passenger-not-driver-temp', feature, target);
    }
    // The driver's reading light is not "the driver's seat": DESIGN lets the passenger switch it.
    return ALLOWED;
  }
  // Rear occupants.
  if (scope === 'cabin') return REAR_CABIN_FEATURES.has(feature) ? ALLOWED : refuse('rear-no-cabin-controls', feature, target);
  if (scope === 'row') return target.kind === 'row' && target.row === 'rear' ? ALLOWED : refuse('rear-rear-row-only', feature, target);
  if (target.kind === 'seat' && target.seat === speaker) return ALLOWED;
  if (isSeatFeature) return refuse('rear-own-seat-only', feature, target);
  if (feature === 'light.reading') return refuse('rear-own-reading-light-only', feature, target);
  return refuse('rear-own-temp-only', feature, target);
}

export interface Partition {
  allowed: Target[];
  refused: Refusal[];
}

/**
 * Splits a request's targets into those the speaker may change and refusals for the rest.
 *
 * A group request ("all seats heat on" from the rear) is served where it may be and refused where it
 * may not: the occupant gets their own seat warmed and is told which seats are not theirs to change.
 * Refusing it whole would leave them with nothing for a request they were half entitled to, and DESIGN
 * asks that each occupant's request be served. A request whose targets are all refused (one named
 * seat that is not theirs) is refused whole and nothing is sent.
 */
export function partitionTargets(targets: readonly Target[], check: (t: Target) => Check): Partition {
  const out: Partition = { allowed: [], refused: [] };
  for (const t of targets) {
    const c = check(t);
    if (c.ok) out.allowed.push(t);
    else out.refused.push(c);
  }
  return out;
}
