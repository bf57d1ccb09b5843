// Change plans: an intent, its speaker and the reported vehicle state become per-target absolute values, refusals and CAN commands.
import type { CabinCommand, ClimateRequest, LightRequest, SeatRequest } from '../vehicle-bus/cabin/commands.js';
import { AIRFLOWS, AMBIENT_COLORS, SEATS, type Seat, type VehicleState } from '../vehicle-bus/cabin/vehicle-state-types.js';
import type { Intent } from './catalog.js';
import { FEATURE_DEFS, readFeature, statePath, type FeatureDef, type FeatureValue, type Target } from './features.js';
import { checkPermission, partitionTargets, type Check, type Refusal } from './permissions.js';
import { checkSafety } from './safety.js';
import { concreteZone, resolveZone } from './zones.js';

/** What the ECU's status should show once a change is done; the closed loop confirms against it. */
export interface Expectation {
  /** Vehicle-state path, as the status tracker names changed paths (`seats.driver.heat`). */
  path: string;
  value: FeatureValue;
  /**
   * Seat motors report their position while they travel; this telemetry path (under `CabinTelemetry`)
   * carries the accepted target at once, so the request can be confirmed before the seat arrives.
   */
  motionTarget?: string;
}

export interface PlannedChange {
  feature: string;
  target: Target;
  /** The reported value before the change: the direction of follow-ups and what undo restores. */
  from: FeatureValue;
  to: FeatureValue;
  /** Present when an absolute value was out of range; the reply says what was applied instead. */
  clamped?: { requested: number; applied: number };
  expect: Expectation;
}

export interface Plan {
  ok: true;
  speaker: Seat;
  /** The intent as applied, `self` replaced by what it meant for the speaker (follow-ups from others rely on it). */
  intent: Intent;
  changes: PlannedChange[];
  /** Targets not changed, each with the rule that refused it. Refused with no changes: nothing is sent. */
  refused: Refusal[];
  /** True when hvac.sync spread a driver temperature change to every zone. */
  synced: boolean;
  /** What the caller sends, in a stable order (seats in seat order, then lights, then climate). */
  commands: CabinCommand[];
}

export type PlanErrorCode = 'unknown-feature' | 'missing-value' | 'invalid-value';
export interface PlanError {
  ok: false;
  code: PlanErrorCode;
  detail: string;
}

type Resolved = { to: FeatureValue; clamped?: { requested: number; applied: number } } | PlanError;

const invalid = (def: FeatureDef, v: unknown): PlanError => ({ ok: false, code: 'invalid-value', detail: `${def.name} cannot be set to ${String(v)}` });

function snap(n: number, step: number): number {
  return Math.round(n / step) * step;
}

/**
 * The new absolute value of one target. DESIGN: "on" sets a leveled seat feature to 2 and the fan to 3
 * when off, and keeps the current level when already on (turning on something that is on should not
 * turn it down); "max" is the top of the range; out-of-range absolutes clamp and are reported;
 * relative changes clamp silently.
 */
export function resolveValue(def: FeatureDef, from: FeatureValue, intent: Intent): Resolved {
  const { kind, range } = def;
  if (intent.delta !== undefined) {
    if (!range || typeof from !== 'number') return invalid(def, `a change of ${intent.delta}`);
    return { to: Math.min(range.max, Math.max(range.min, snap(from + intent.delta, range.step))) };
  }
  const v = intent.value;
  if (v === undefined) return { ok: false, code: 'missing-value', detail: `${def.name} needs a value or a change` };
  if (typeof v === 'number') {
    if (!range) return invalid(def, v);
    const snapped = snap(v, range.step);
    const applied = Math.min(range.max, Math.max(range.min, snapped));
    return applied === snapped ? { to: applied } : { to: applied, clamped: { requested: v, applied } };
  }
  if (v === 'on' || v === 'off') {
    if (kind === 'switch') return { to: v === 'on' };
    if (kind === 'level' || kind === 'fan') {
      if (v === 'off') return { to: 0 };
      const current = typeof from === 'number' ? from : 0;
      return { to: current > 0 ? current : kind === 'level' ? 2 : 3 };
    }
    return invalid(def, v);
  }
  if (v === 'max') return range ? { to: range.max } : invalid(def, v);
  if (kind === 'color' && (AMBIENT_COLORS as readonly string[]).includes(v)) return { to: v };
  if (kind === 'airflow' && (AIRFLOWS as readonly string[]).includes(v)) return { to: v };
  return invalid(def, v);
}

/** Permission first (it names who may ask), then safety (it applies to everyone, the driver included). */
function checkTarget(speaker: Seat, state: VehicleState, feature: string, target: Target): Check {
  const p = checkPermission(speaker, feature, target);
  return p.ok ? checkSafety(state, feature, target) : p;
}

function change(state: VehicleState, feature: string, target: Target, to: FeatureValue, clamped?: PlannedChange['clamped']): PlannedChange {
  const path = statePath(feature, target);
  const expect: Expectation = { path, value: to };
  if (target.kind === 'seat' && (feature === 'seat.recline' || feature === 'seat.slide')) {
    expect.motionTarget = `seat_motion.${target.seat}.${feature.slice(5)}_target`;
  }
  return { feature, target, from: readFeature(state, feature, target), to, ...(clamped ? { clamped } : {}), expect };
}

/** Plans one actuating intent for `speaker` against the state the ECUs last reported. */
export function planIntent(intent: Intent, speaker: Seat, state: VehicleState): Plan | PlanError {
  const def = FEATURE_DEFS.get(intent.intent);
  if (!def) return { ok: false, code: 'unknown-feature', detail: `${intent.intent} does not change the car` };
  const feature = def.name;
  const targets = resolveZone(feature, intent.zone, speaker);
  // A value the feature cannot take is reported as such even when every target would be refused.
  const probe = resolveValue(def, readFeature(state, feature, targets[0]!), intent);
  if ('ok' in probe) return probe;
  const { allowed, refused } = partitionTargets(targets, (t) => checkTarget(speaker, state, feature, t));

  // DESIGN: with hvac.sync on, a driver temperature change applies to every zone, at the driver's new
  // set point (that is what sync means on the climate panel: all zones follow the driver, deltas included).
  // Another zone changing its own temperature is not spread; the climate ECU then leaves sync by itself,
  // which the closed loop sees as a hvac.sync status change the plan did not ask for.
  const driverTemp = feature === 'hvac.temp' && state.hvac.sync && allowed.some((t) => t.kind === 'seat' && t.seat === 'driver');
  const wanted = new Map<Target, Resolved>();
  if (driverTemp) {
    const driver: Target = { kind: 'seat', seat: 'driver' };
    const r = resolveValue(def, readFeature(state, feature, driver), intent);
    if ('ok' in r) return r;
    for (const seat of SEATS) {
      const t = allowed.find((a) => a.kind === 'seat' && a.seat === seat) ?? { kind: 'seat', seat };
      // Spread zones pass the same checks, so sync can never carry a change past a rule.
      if (allowed.includes(t) || checkTarget(speaker, state, feature, t).ok) wanted.set(t, r);
    }
  } else {
    for (const t of allowed) wanted.set(t, resolveValue(def, readFeature(state, feature, t), intent));
  }

  const synced = wanted.size > allowed.length;
  const changes: PlannedChange[] = [];
  for (const [t, r] of wanted) {
    if ('ok' in r) return r; // an invalid value is invalid for every target; report it once
    changes.push(change(state, feature, t, r.to, r.clamped));
  }
  changes.sort((a, b) => targetOrder(a.target) - targetOrder(b.target));
  const applied: Intent = { ...intent, zone: concreteZone(feature, intent.zone, speaker) };
  return { ok: true, speaker, intent: applied, changes, refused, synced, commands: commandsFor(changes) };
}

/**
 * A plan that sets given targets to given values (undo, restoring a previous state). The same
 * permission and safety checks apply: the car may have started moving since the original change.
 */
export function planValues(intent: Intent, speaker: Seat, state: VehicleState, values: readonly { target: Target; to: FeatureValue }[]): Plan {
  const feature = intent.intent;
  const changes: PlannedChange[] = [];
  const refused: Refusal[] = [];
  for (const { target, to } of values) {
    const c = checkTarget(speaker, state, feature, target);
    if (c.ok) changes.push(change(state, feature, target, to));
    else refused.push(c);
  }
  return { ok: true, speaker, intent, changes, refused, synced: false, commands: commandsFor(changes) };
}

function targetOrder(t: Target): number {
  if (t.kind === 'seat') return SEATS.indexOf(t.seat);
  if (t.kind === 'row') return t.row === 'front' ? 0 : 1;
  return 0;
}

/** Merges planned changes into the fewest commands: one per seat, one for lights, one for climate. */
export function commandsFor(changes: readonly PlannedChange[]): CabinCommand[] {
  const seats = new Map<Seat, SeatRequest>();
  let light: LightRequest | undefined;
  let climate: ClimateRequest | undefined;
  for (const c of changes) {
    const [root, a, b] = c.expect.path.split('.') as [string, string, string | undefined];
    if (root === 'seats') {
      const req = seats.get(a as Seat) ?? {};
      (req as Record<string, number>)[b!] = c.to as number;
      seats.set(a as Seat, req);
    } else if (root === 'lights') {
      light ??= {};
      if (a === 'dome') light.dome = c.to as boolean;
      else if (a === 'reading') (light.reading ??= {})[b as Seat] = c.to as boolean;
      else ((light.ambient ??= {}) as Record<string, FeatureValue>)[b!] = c.to;
    } else {
      climate ??= {};
      const h = climate as Record<string, unknown>;
      if (b === undefined) h[a] = c.to;
      else ((h[a] ??= {}) as Record<string, FeatureValue>)[b] = c.to;
    }
  }
  const out: CabinCommand[] = [];
  for (const seat of SEATS) {
    const set = seats.get(seat);
    if (set) out.push({ kind: 'seat', seat, set });
  }
  if (light) out.push({ kind: 'light', set: light });
  if (climate) out.push({ kind: 'climate', set: climate });
  return out;
}
