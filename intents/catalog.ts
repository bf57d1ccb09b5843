// The intent catalog of DESIGN.md as data: every intent, which zones it takes, and the domain of each field.
import { AIRFLOWS, AMBIENT_COLORS } from '../vehicle-bus/cabin/vehicle-state-types.js';

export const SEAT_ZONES = ['driver', 'passenger', 'rear_left', 'rear_right'] as const;
export const GROUP_ZONES = ['front', 'rear', 'all'] as const;
/** Every zone value an intent can carry; `self` is the speaker's seat (or row), `cabin` the whole car. */
export const ZONES = ['self', ...SEAT_ZONES, ...GROUP_ZONES, 'cabin'] as const;
export type Zone = (typeof ZONES)[number];

export type ZoneKind = 'seat-or-group' | 'seat' | 'row' | 'cabin' | 'query' | 'none';

export const ZONES_BY_KIND: Record<ZoneKind, readonly Zone[]> = {
  'seat-or-group': ['self', ...SEAT_ZONES, ...GROUP_ZONES],
  seat: ['self', ...SEAT_ZONES],
  row: ['self', 'front', 'rear'],
  cabin: ['cabin'],
  query: ['self', ...SEAT_ZONES, 'front', 'rear', 'all', 'cabin'],
  none: [],
};

/** What `value` may be: keywords, and optionally a numeric range (in the unit the intent uses). */
export interface ValueDomain {
  keywords: readonly string[];
  numeric?: { min: number; max: number; step: number };
}

export interface IntentSpec {
  name: string;
  zone: ZoneKind;
  value?: ValueDomain;
  /** Default step of a relative change; absent when the intent takes no delta. */
  deltaStep?: number;
}

const ON_OFF = ['on', 'off'] as const;
const LEVEL: ValueDomain = { keywords: ['on', 'off', 'max'], numeric: { min: 0, max: 3, step: 1 } };
const PERCENT: ValueDomain = { keywords: [], numeric: { min: 0, max: 100, step: 1 } };
const SWITCH: ValueDomain = { keywords: ON_OFF };

const cabinSwitch = (name: string): IntentSpec => ({ name, zone: 'cabin', value: SWITCH });

export const INTENTS: readonly IntentSpec[] = [
  { name: 'seat.heat', zone: 'seat-or-group', value: LEVEL, deltaStep: 1 },
  { name: 'seat.vent', zone: 'seat-or-group', value: LEVEL, deltaStep: 1 },
  { name: 'seat.massage', zone: 'seat-or-group', value: LEVEL, deltaStep: 1 },
  { name: 'seat.recline', zone: 'seat', value: PERCENT, deltaStep: 10 },
  { name: 'seat.slide', zone: 'seat', value: PERCENT, deltaStep: 10 },
  { name: 'light.reading', zone: 'seat-or-group', value: SWITCH },
  cabinSwitch('light.ambient'),
  { name: 'light.ambient_color', zone: 'cabin', value: { keywords: AMBIENT_COLORS } },
  { name: 'light.ambient_brightness', zone: 'cabin', value: PERCENT, deltaStep: 20 },
  cabinSwitch('light.dome'),
  // Temperatures are said in °C or °F; the number is kept as said and converted after decoding (see units.ts).
  { name: 'hvac.temp', zone: 'seat-or-group', value: { keywords: [], numeric: { min: 16, max: 30, step: 0.5 } }, deltaStep: 1 },
  { name: 'hvac.fan', zone: 'row', value: { keywords: ['on', 'off', 'max'], numeric: { min: 0, max: 7, step: 1 } }, deltaStep: 1 },
  { name: 'hvac.airflow', zone: 'row', value: { keywords: AIRFLOWS } },
  cabinSwitch('hvac.ac'),
  cabinSwitch('hvac.recirc'),
  cabinSwitch('hvac.defrost_front'),
  cabinSwitch('hvac.defrost_rear'),
  cabinSwitch('hvac.auto'),
  cabinSwitch('hvac.sync'),
  cabinSwitch('hvac.power'),
  { name: 'query', zone: 'query' },
  { name: 'followup', zone: 'none' },
  { name: 'dialog.cancel', zone: 'none' },
  { name: 'dialog.undo', zone: 'none' },
  { name: 'dialog.yes', zone: 'none' },
  { name: 'dialog.no', zone: 'none' },
];

export const INTENT_NAMES = INTENTS.map((i) => i.name);
/** Features a query can ask about: every actuating intent. */
export const FEATURES = INTENTS.filter((i) => i.value).map((i) => i.name);

export function intentSpec(name: string): IntentSpec | undefined {
  return INTENTS.find((i) => i.name === name);
}

/** One understood request, as `cabin understand` prints it and the dialogue consumes it. */
export interface Intent {
  intent: string;
  zone?: Zone;
  value?: number | string;
  delta?: number;
  feature?: string;
  more?: boolean;
}
