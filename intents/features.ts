// Every actuating feature as the dialogue sees it: what it addresses (seat, row, cabin), its value kind, range and state path.
import { CabinError } from '../vehicle-bus/errors.js';
import { LIMITS, type Row, type Seat, type VehicleState } from '../vehicle-bus/cabin/vehicle-state-types.js';
import { intentSpec } from './catalog.js';

/** A concrete thing a change lands on: one seat's feature, one row's feature, or a cabin-wide one. */
export type Target = { kind: 'seat'; seat: Seat } | { kind: 'row'; row: Row } | { kind: 'cabin' };
export type Scope = Target['kind'];

/** A feature's value in the state's own terms: levels and positions are numbers, switches booleans, colours/airflow names. */
export type FeatureValue = number | boolean | string;

export type ValueKind = 'level' | 'fan' | 'percent' | 'temp' | 'switch' | 'color' | 'airflow';

export interface FeatureDef {
  name: string;
  scope: Scope;
  kind: ValueKind;
  /** Numeric range and resolution (numeric kinds only). */
  range?: { min: number; max: number; step: number };
  /** Default step of a relative change (catalog), used by follow-ups. */
  defaultStep?: number;
}

/** A dialogue failure with a stable code (an intent that cannot be applied as given). */
export class IntentError extends CabinError {
  constructor(code: 'E_INTENT_FEATURE' | 'E_INTENT_VALUE', message: string) {
    super(code, message);
  }
}

const RANGES = {
  level: { ...LIMITS.level, step: 1 },
  fan: { ...LIMITS.fan, step: 1 },
  percent: { ...LIMITS.percent, step: 1 },
  temp: LIMITS.temp,
} as const;

const HVAC_FLAGS = ['ac', 'recirc', 'defrost_front', 'defrost_rear', 'auto', 'sync', 'power'] as const;

const table: [string, Scope, ValueKind][] = [
  ['seat.heat', 'seat', 'level'],
  ['seat.vent', 'seat', 'level'],
  ['seat.massage', 'seat', 'level'],
  ['seat.recline', 'seat', 'percent'],
  ['seat.slide', 'seat', 'percent'],
  ['light.reading', 'seat', 'switch'],
  ['light.ambient', 'cabin', 'switch'],
  ['light.ambient_color', 'cabin', 'color'],
  ['light.ambient_brightness', 'cabin', 'percent'],
  ['light.dome', 'cabin', 'switch'],
  ['hvac.temp', 'seat', 'temp'],
  ['hvac.fan', 'row', 'fan'],
  ['hvac.airflow', 'row', 'airflow'],
  ...HVAC_FLAGS.map((f): [string, Scope, ValueKind] => [`hvac.${f}`, 'cabin', 'switch']),
];

export const FEATURE_DEFS: ReadonlyMap<string, FeatureDef> = new Map(
  table.map(([name, scope, kind]) => {
    const range = kind in RANGES ? RANGES[kind as keyof typeof RANGES] : undefined;
    const defaultStep = intentSpec(name)?.deltaStep;
    return [name, { name, scope, kind, ...(range ? { range } : {}), ...(defaultStep !== undefined ? { defaultStep } : {}) }];
  }),
);

export function featureDef(name: string): FeatureDef {
  const def = FEATURE_DEFS.get(name);
  if (!def) throw new IntentError('E_INTENT_FEATURE', `"${name}" is not a feature the car has`);
  return def;
}

/**
 * The vehicle-state path of a feature at a target, spelled exactly as the status tracker reports
 * changed paths (`seats.driver.heat`), so the closed loop can match confirmations by path.
 */
export function statePath(feature: string, target: Target): string {
  const at = target.kind === 'seat' ? target.seat : target.kind === 'row' ? target.row : '';
  switch (feature) {
    case 'seat.heat':
    case 'seat.vent':
    case 'seat.massage':
    case 'seat.recline':
    case 'seat.slide':
      return `seats.${at}.${feature.slice(5)}`;
    case 'light.reading':
      return `lights.reading.${at}`;
    case 'light.ambient':
      return 'lights.ambient.on';
    case 'light.ambient_color':
      return 'lights.ambient.color';
    case 'light.ambient_brightness':
      return 'lights.ambient.brightness';
    case 'light.dome':
      return 'lights.dome';
    case 'hvac.temp':
    case 'hvac.fan':
    case 'hvac.airflow':
      return `${feature}.${at}`;
    default:
      featureDef(feature);
      return feature; // hvac.<flag>
  }
}

export function readPath(state: VehicleState, path: string): FeatureValue {
  let node: unknown = state;
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return node as FeatureValue;
}

export function readFeature(state: VehicleState, feature: string, target: Target): FeatureValue {
  return readPath(state, statePath(feature, target));
}

export function sameTarget(a: Target, b: Target): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'seat') return a.seat === (b as typeof a).seat;
  if (a.kind === 'row') return a.row === (b as typeof a).row;
  return true;
}

/** Short label for logs and test names: `driver`, `row:rear`, `cabin`. */
export function targetLabel(t: Target): string {
  return t.kind === 'seat' ? t.seat : t.kind === 'row' ? `row:${t.row}` : 'cabin';
}
