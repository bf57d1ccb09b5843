// Permission rules of DESIGN for every speaker, feature and target, and how group requests split.
import { describe, expect, it } from 'vitest';
import { checkPermission, type RuleId } from '../../intents/permissions.js';
import { planIntent, type Plan } from '../../intents/plan.js';
import type { Target } from '../../intents/features.js';
import { defaultVehicleState, SEATS, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';

type Outcome = 'ok' | RuleId;
const OK = 'ok' as const;

function outcome(speaker: Seat, feature: string, target: Target): Outcome {
  const c = checkPermission(speaker, feature, target);
  return c.ok ? OK : c.rule;
}

/** Expected outcome per speaker for targets [driver, passenger, rear_left, rear_right]. */
type SeatMatrix = Record<Seat, [Outcome, Outcome, Outcome, Outcome]>;

const SEAT_RULE: SeatMatrix = {
  driver: [OK, OK, OK, OK],
  passenger: ['passenger-not-driver-seat', OK, OK, OK],
  rear_left: ['rear-own-seat-only', 'rear-own-seat-only', OK, 'rear-own-seat-only'],
  rear_right: ['rear-own-seat-only', 'rear-own-seat-only', 'rear-own-seat-only', OK],
};
const READING: SeatMatrix = {
  driver: [OK, OK, OK, OK],
  // DESIGN forbids the passenger only the driver's seat and temperature; a reading light is neither.
  passenger: [OK, OK, OK, OK],
  rear_left: ['rear-own-reading-light-only', 'rear-own-reading-light-only', OK, 'rear-own-reading-light-only'],
  rear_right: ['rear-own-reading-light-only', 'rear-own-reading-light-only', 'rear-own-reading-light-only', OK],
};
const TEMP: SeatMatrix = {
  driver: [OK, OK, OK, OK],
  passenger: ['passenger-not-driver-temp', OK, OK, OK],
  rear_left: ['rear-own-temp-only', 'rear-own-temp-only', OK, 'rear-own-temp-only'],
  rear_right: ['rear-own-temp-only', 'rear-own-temp-only', 'rear-own-temp-only', OK],
};

const SEAT_CASES: [string, SeatMatrix][] = [
  ['seat.heat', SEAT_RULE],
  ['seat.vent', SEAT_RULE],
  ['seat.massage', SEAT_RULE],
  ['seat.recline', SEAT_RULE],
  ['seat.slide', SEAT_RULE],
  ['light.reading', READING],
  ['hvac.temp', TEMP],
];

const seatRows = SEAT_CASES.flatMap(([feature, m]) =>
  SEATS.flatMap((speaker) => SEATS.map((seat, i) => [speaker, feature, seat, m[speaker][i]!] as const)),
);

/** Rows: [front, rear] per speaker. */
const ROW_RULE: Record<Seat, [Outcome, Outcome]> = {
  driver: [OK, OK],
  passenger: [OK, OK],
  rear_left: ['rear-rear-row-only', OK],
  rear_right: ['rear-rear-row-only', OK],
};
const rowRows = ['hvac.fan', 'hvac.airflow'].flatMap((feature) =>
  SEATS.flatMap((speaker) => (['front', 'rear'] as const).map((row, i) => [speaker, feature, row, ROW_RULE[speaker][i]!] as const)),
);

const LIGHTS = ['light.ambient', 'light.ambient_color', 'light.ambient_brightness', 'light.dome'];
const CLIMATE = ['hvac.ac', 'hvac.recirc', 'hvac.defrost_front', 'hvac.defrost_rear', 'hvac.auto', 'hvac.sync', 'hvac.power'];
const cabinRows = [
  ...LIGHTS.flatMap((f) => SEATS.map((s) => [s, f, OK] as const)),
  ...CLIMATE.flatMap((f) => SEATS.map((s) => [s, f, s.startsWith('rear') ? 'rear-no-cabin-controls' : OK] as const)),
];

describe('checkPermission', () => {
  it.each(seatRows)('%s changing %s of %s: %s', (speaker, feature, seat, expected) => {
    expect(outcome(speaker, feature, { kind: 'seat', seat })).toBe(expected);
  });

  it.each(rowRows)('%s changing %s of the %s row: %s', (speaker, feature, row, expected) => {
    expect(outcome(speaker, feature, { kind: 'row', row })).toBe(expected);
  });

  it.each(cabinRows)('%s changing %s: %s', (speaker, feature, expected) => {
    expect(outcome(speaker, feature, { kind: 'cabin' })).toBe(expected);
  });

  it('a refusal carries the rule, a reply key, the feature and the target', () => {
    expect(checkPermission('rear_left', 'seat.heat', { kind: 'seat', seat: 'driver' })).toEqual({
      ok: false,
      rule: 'rear-own-seat-only',
      reason: 'permission.rear-own-seat-only',
      feature: 'seat.heat',
      target: { kind: 'seat', seat: 'driver' },
    });
  });
});

describe('group requests', () => {
  const plan = (...args: Parameters<typeof planIntent>): Plan => {
    const p = planIntent(...args);
    if (!p.ok) throw new Error(p.detail);
    return p;
  };

  it('"all seats heat on" from the rear applies to their own seat and refuses the others', () => {
    const p = plan({ intent: 'seat.heat', zone: 'all', value: 'on' }, 'rear_left', defaultVehicleState());
    expect(p.changes.map((c) => [c.target, c.to])).toEqual([[{ kind: 'seat', seat: 'rear_left' }, 2]]);
    expect(p.refused.map((r) => [r.target, r.rule])).toEqual([
      [{ kind: 'seat', seat: 'driver' }, 'rear-own-seat-only'],
      [{ kind: 'seat', seat: 'passenger' }, 'rear-own-seat-only'],
      [{ kind: 'seat', seat: 'rear_right' }, 'rear-own-seat-only'],
    ]);
    expect(p.commands).toEqual([{ kind: 'seat', seat: 'rear_left', set: { heat: 2 } }]);
  });

  it('"front temperature 24" from the passenger sets theirs and refuses the driver', () => {
    const p = plan({ intent: 'hvac.temp', zone: 'front', value: 24 }, 'passenger', defaultVehicleState());
    expect(p.changes.map((c) => c.target)).toEqual([{ kind: 'seat', seat: 'passenger' }]);
    expect(p.refused.map((r) => r.rule)).toEqual(['passenger-not-driver-temp']);
    expect(p.commands).toEqual([{ kind: 'climate', set: { temp: { passenger: 24 } } }]);
  });

  it('a request with every target refused is refused whole and sends nothing', () => {
    const p = plan({ intent: 'seat.massage', zone: 'front', value: 'on' }, 'rear_right', defaultVehicleState());
    expect(p.changes).toEqual([]);
    expect(p.refused).toHaveLength(2);
    expect(p.commands).toEqual([]);
  });

  it('a rear occupant may set the rear fan but not the front one', () => {
    const rear = plan({ intent: 'hvac.fan', zone: 'self', delta: 1 }, 'rear_right', defaultVehicleState());
    expect(rear.commands).toEqual([{ kind: 'climate', set: { fan: { rear: 3 } } }]);
    const front = plan({ intent: 'hvac.fan', zone: 'front', value: 'max' }, 'rear_right', defaultVehicleState());
    expect(front.refused.map((r) => r.rule)).toEqual(['rear-rear-row-only']);
    expect(front.commands).toEqual([]);
  });
});
