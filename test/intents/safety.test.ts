// The moving-vehicle rule: driver seat recline and slide refused above 0 km/h, for every speaker; the rest unaffected.
import { describe, expect, it } from 'vitest';
import { checkSafety } from '../../intents/safety.js';
import { mustPlan, stateWith } from './plan-helpers.js';

const moving = (kph: number) => stateWith((s) => (s.vehicle.speed_kph = kph));
const driverSeat = { kind: 'seat', seat: 'driver' } as const;

describe('checkSafety', () => {
  it.each(['seat.recline', 'seat.slide'])('%s of the driver seat: allowed at 0 km/h, refused at 80', (feature) => {
    expect(checkSafety(moving(0), feature, driverSeat)).toEqual({ ok: true });
    expect(checkSafety(moving(80), feature, driverSeat)).toEqual({
      ok: false,
      rule: 'driver-seat-while-moving',
      reason: 'safety.driver-seat-while-moving',
      feature,
      target: driverSeat,
    });
  });

  it('refuses even a crawl, and an unknown speed', () => {
    expect(checkSafety(moving(0.5), 'seat.slide', driverSeat).ok).toBe(false);
    expect(checkSafety(moving(Number.NaN), 'seat.slide', driverSeat).ok).toBe(false);
  });

  it('leaves other seats and the driver seat heat alone while moving', () => {
    expect(checkSafety(moving(80), 'seat.recline', { kind: 'seat', seat: 'passenger' }).ok).toBe(true);
    expect(checkSafety(moving(80), 'seat.heat', driverSeat).ok).toBe(true);
  });
});

describe('planning under the safety rule', () => {
  it('the driver reclining their own seat: sent at 0 km/h, refused at 80 with nothing sent', () => {
    const still = mustPlan({ intent: 'seat.recline', zone: 'self', delta: 10 }, 'driver', moving(0));
    expect(still.commands).toEqual([{ kind: 'seat', seat: 'driver', set: { recline: 30 } }]);
    const driving = mustPlan({ intent: 'seat.recline', zone: 'self', delta: 10 }, 'driver', moving(80));
    expect(driving.changes).toEqual([]);
    expect(driving.refused.map((r) => r.rule)).toEqual(['driver-seat-while-moving']);
    expect(driving.commands).toEqual([]);
  });

  it('the passenger sliding the driver seat while moving is refused by permission first', () => {
    const p = mustPlan({ intent: 'seat.slide', zone: 'driver', value: 80 }, 'passenger', moving(80));
    expect(p.refused.map((r) => r.rule)).toEqual(['passenger-not-driver-seat']);
  });

  it('the passenger reclining their own seat at 80 km/h goes through', () => {
    const p = mustPlan({ intent: 'seat.recline', zone: 'self', value: 60 }, 'passenger', moving(80));
    expect(p.commands).toEqual([{ kind: 'seat', seat: 'passenger', set: { recline: 60 } }]);
  });
});
