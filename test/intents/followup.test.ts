// Follow-ups (more, less, value, zone) applied to the right earlier action, and undo of a speaker's last change.
import { describe, expect, it } from 'vitest';
import type { Intent } from '../../intents/catalog.js';
import { actionForFollowup, directionOf, followupIntent, lastActionOf, undoPlan } from '../../intents/followup.js';
import type { Plan } from '../../intents/plan.js';
import { defaultVehicleState, type Seat, type VehicleState } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { applied, mustPlan, stateWith } from './plan-helpers.js';

function derive(followup: Omit<Intent, 'intent'>, last: Plan): Intent {
  const d = followupIntent({ intent: 'followup', ...followup }, last);
  if ('ok' in d) throw new Error(d.detail);
  return d;
}

describe('which action a follow-up applies to', () => {
  const a = mustPlan({ intent: 'seat.heat', zone: 'self', value: 'on' }, 'driver');
  const b = mustPlan({ intent: 'hvac.temp', zone: 'self', delta: 2 }, 'rear_left');
  const refused = mustPlan({ intent: 'seat.heat', zone: 'driver', value: 'on' }, 'passenger');

  it("the speaker's own last action, even when someone spoke since", () => {
    expect(actionForFollowup([a, b], 'driver')).toBe(a);
  });

  it('the most recent action in the cabin when the speaker has none', () => {
    expect(actionForFollowup([a, b], 'passenger')).toBe(b);
    expect(actionForFollowup([], 'passenger')).toBeUndefined();
  });

  it('skips requests that changed nothing', () => {
    expect(actionForFollowup([a, refused], 'passenger')).toBe(a);
    expect(lastActionOf([a, b], 'rear_right')).toBeUndefined();
  });
});

describe('more and less', () => {
  it('more:true repeats a relative change; more:false takes one default step back', () => {
    const colder = mustPlan({ intent: 'hvac.temp', zone: 'self', delta: -3 }, 'passenger');
    expect(derive({ more: true }, colder)).toEqual({ intent: 'hvac.temp', zone: 'passenger', delta: -3 });
    expect(derive({ more: false }, colder)).toEqual({ intent: 'hvac.temp', zone: 'passenger', delta: 1 });
  });

  it('an absolute change counts as moving up or down and steps by the default', () => {
    const on = mustPlan({ intent: 'seat.heat', zone: 'self', value: 'on' }, 'driver');
    expect(directionOf(on)).toBe(1);
    expect(derive({ more: true }, on)).toEqual({ intent: 'seat.heat', zone: 'driver', delta: 1 });
    expect(derive({ more: false }, on)).toEqual({ intent: 'seat.heat', zone: 'driver', delta: -1 });
    const lower = mustPlan({ intent: 'seat.recline', zone: 'self', value: 5 }, 'driver');
    expect(derive({ more: true }, lower)).toEqual({ intent: 'seat.recline', zone: 'driver', delta: -10 });
    const dim = mustPlan({ intent: 'light.ambient_brightness', zone: 'cabin', value: 30 }, 'rear_left');
    expect(derive({ more: false }, dim)).toEqual({ intent: 'light.ambient_brightness', zone: 'cabin', delta: 20 });
  });

  it('when nothing moved, what was asked gives the direction', () => {
    const atMax = stateWith((s) => (s.seats.driver.heat = 3));
    expect(directionOf(mustPlan({ intent: 'seat.heat', zone: 'self', value: 'max' }, 'driver', atMax))).toBe(1);
    expect(directionOf(mustPlan({ intent: 'seat.heat', zone: 'self', value: 'off' }, 'driver'))).toBe(-1);
  });

  it('planned, "a bit more" after "warmer by 2" reaches 26 and then clamps silently', () => {
    const first = mustPlan({ intent: 'hvac.temp', zone: 'self', delta: 2 }, 'driver');
    let state = applied(defaultVehicleState(), first);
    const second = mustPlan(derive({ more: true }, first), 'driver', state);
    expect(second.changes.map((c) => [c.from, c.to])).toEqual([[24, 26]]);
    state = stateWith((s) => (s.hvac.temp.driver = 29));
    const third = mustPlan(derive({ more: true }, second), 'driver', state);
    expect([third.changes[0]!.to, third.changes[0]!.clamped]).toEqual([30, undefined]);
  });

  it('features without steps cannot be turned up or down', () => {
    const blue = mustPlan({ intent: 'light.ambient_color', zone: 'cabin', value: 'blue' }, 'driver');
    expect(followupIntent({ intent: 'followup', more: true }, blue)).toMatchObject({ ok: false, code: 'invalid-value' });
  });
});

describe('value', () => {
  it('"turn it off" sets the same feature at the same seats', () => {
    const on = mustPlan({ intent: 'seat.heat', zone: 'rear', value: 'on' }, 'driver');
    expect(derive({ value: 'off' }, on)).toEqual({ intent: 'seat.heat', zone: 'rear', value: 'off' });
  });

  it('"turn it off" after a brightness or colour change switches the ambient light', () => {
    const dim = mustPlan({ intent: 'light.ambient_brightness', zone: 'cabin', delta: -20 }, 'passenger');
    expect(derive({ value: 'off' }, dim)).toEqual({ intent: 'light.ambient', zone: 'cabin', value: 'off' });
  });

  it('a temperature of 72 said as a follow-up is °F like any other', () => {
    const t = mustPlan({ intent: 'hvac.temp', zone: 'self', value: 21 }, 'driver');
    expect(derive({ value: 72 }, t)).toEqual({ intent: 'hvac.temp', zone: 'driver', value: 22 });
  });
});

describe('zone', () => {
  it('"me too" from another seat applies the same change to that seat', () => {
    const driverOn = mustPlan({ intent: 'seat.heat', zone: 'self', value: 'on' }, 'driver');
    const meToo = derive({ zone: 'self' }, driverOn);
    expect(meToo).toEqual({ intent: 'seat.heat', zone: 'self', value: 'on' });
    expect(mustPlan(meToo, 'rear_right').commands).toEqual([{ kind: 'seat', seat: 'rear_right', set: { heat: 2 } }]);
  });

  it('"same for the passenger" repeats a relative change from the passenger\'s own set point', () => {
    const warmer = mustPlan({ intent: 'hvac.temp', zone: 'self', delta: 2 }, 'driver');
    const same = derive({ zone: 'passenger' }, warmer);
    expect(same).toEqual({ intent: 'hvac.temp', zone: 'passenger', delta: 2 });
    const state = stateWith((s) => (s.hvac.temp.passenger = 20));
    expect(mustPlan(same, 'driver', state).changes.map((c) => [c.from, c.to])).toEqual([[20, 22]]);
  });

  it('a row feature followed up for a seat lands on that seat\'s row', () => {
    const fan = mustPlan({ intent: 'hvac.fan', zone: 'self', value: 5 }, 'driver');
    const p = mustPlan(derive({ zone: 'rear_left' }, fan), 'driver');
    expect(p.commands).toEqual([{ kind: 'climate', set: { fan: { rear: 5 } } }]);
  });
});

describe("following up someone else's action", () => {
  it('"a bit more" from the rear on the driver\'s temperature is checked against the rear occupant\'s rights', () => {
    const driverWarmer = mustPlan({ intent: 'hvac.temp', zone: 'self', delta: 1 }, 'driver');
    const last = actionForFollowup([driverWarmer], 'rear_left')!;
    const p = mustPlan(derive({ more: true }, last), 'rear_left');
    expect(p.changes).toEqual([]);
    expect(p.refused.map((r) => [r.rule, r.target])).toEqual([['rear-own-temp-only', { kind: 'seat', seat: 'driver' }]]);
  });
});

describe('undo', () => {
  const run = (intent: Intent, speaker: Seat, before: VehicleState) => {
    const plan = mustPlan(intent, speaker, before);
    return { plan, after: applied(before, plan) };
  };

  it('restores the previous value of every changed target', () => {
    const before = stateWith((s) => (s.seats.passenger.heat = 1));
    const { plan, after } = run({ intent: 'seat.heat', zone: 'front', value: 'max' }, 'driver', before);
    const undo = undoPlan(plan, after);
    expect(undo.changes.map((c) => [c.target, c.from, c.to])).toEqual([
      [{ kind: 'seat', seat: 'driver' }, 3, 0],
      [{ kind: 'seat', seat: 'passenger' }, 3, 1],
    ]);
    expect(undo.commands).toEqual([
      { kind: 'seat', seat: 'driver', set: { heat: 0 } },
      { kind: 'seat', seat: 'passenger', set: { heat: 1 } },
    ]);
    expect(undo.intent).toEqual({ intent: 'seat.heat', zone: 'front' });
  });

  it('restores switches and names the restored value when there is one', () => {
    const { plan, after } = run({ intent: 'light.dome', zone: 'cabin', value: 'on' }, 'rear_left', defaultVehicleState());
    const undo = undoPlan(plan, after);
    expect(undo.commands).toEqual([{ kind: 'light', set: { dome: false } }]);
    expect(undo.intent).toEqual({ intent: 'light.dome', zone: 'cabin', value: 'off' });
  });

  it('undoes only what a partly refused group request changed', () => {
    const { plan, after } = run({ intent: 'seat.heat', zone: 'all', value: 'on' }, 'rear_left', defaultVehicleState());
    expect(undoPlan(plan, after).commands).toEqual([{ kind: 'seat', seat: 'rear_left', set: { heat: 0 } }]);
  });

  it('a driver seat move made while parked is not undone once the car moves', () => {
    const { plan, after } = run({ intent: 'seat.recline', zone: 'self', value: 40 }, 'driver', defaultVehicleState());
    after.vehicle.speed_kph = 30;
    const undo = undoPlan(plan, after);
    expect([undo.changes, undo.refused.map((r) => r.rule), undo.commands]).toEqual([[], ['driver-seat-while-moving'], []]);
  });
});
