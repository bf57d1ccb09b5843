// Change plans: "on"/"max"/"off" semantics, clamping reports, 0.5 °C steps, sync, expectations and the commands sent.
import { describe, expect, it } from 'vitest';
import { planIntent } from '../../intents/plan.js';
import { defaultVehicleState } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { mustPlan, stateWith } from './plan-helpers.js';

const tos = (p: ReturnType<typeof mustPlan>) => p.changes.map((c) => c.to);

describe('leveled seat features and the fan', () => {
  it('"on" sets level 2 when off and keeps the level when already on', () => {
    expect(tos(mustPlan({ intent: 'seat.heat', zone: 'self', value: 'on' }, 'driver'))).toEqual([2]);
    const warm = stateWith((s) => (s.seats.driver.vent = 1));
    expect(tos(mustPlan({ intent: 'seat.vent', zone: 'self', value: 'on' }, 'driver', warm))).toEqual([1]);
  });

  it('"max" is the top level, "off" is 0', () => {
    expect(tos(mustPlan({ intent: 'seat.massage', zone: 'self', value: 'max' }, 'passenger'))).toEqual([3]);
    const on = stateWith((s) => (s.seats.passenger.massage = 2));
    expect(tos(mustPlan({ intent: 'seat.massage', zone: 'self', value: 'off' }, 'passenger', on))).toEqual([0]);
  });

  it('fan "on" sets 3 when off and keeps a running fan; "max" is 7', () => {
    const off = stateWith((s) => (s.hvac.fan.rear = 0));
    expect(tos(mustPlan({ intent: 'hvac.fan', zone: 'self', value: 'on' }, 'rear_left', off))).toEqual([3]);
    expect(tos(mustPlan({ intent: 'hvac.fan', zone: 'self', value: 'on' }, 'rear_left'))).toEqual([2]);
    expect(tos(mustPlan({ intent: 'hvac.fan', zone: 'front', value: 'max' }, 'driver'))).toEqual([7]);
  });

  it('group "on" decides per seat', () => {
    const some = stateWith((s) => (s.seats.passenger.heat = 3));
    expect(tos(mustPlan({ intent: 'seat.heat', zone: 'front', value: 'on' }, 'driver', some))).toEqual([2, 3]);
  });
});

describe('clamping', () => {
  it.each([
    [{ intent: 'seat.heat', zone: 'self' as const, value: 5 }, 3, 5],
    [{ intent: 'hvac.temp', zone: 'self' as const, value: 35 }, 30, 35],
    [{ intent: 'hvac.temp', zone: 'self' as const, value: 10 }, 16, 10],
    [{ intent: 'seat.recline', zone: 'self' as const, value: 120 }, 100, 120],
    [{ intent: 'hvac.fan', zone: 'self' as const, value: 9 }, 7, 9],
    [{ intent: 'light.ambient_brightness', zone: 'cabin' as const, value: 101 }, 100, 101],
  ])('absolute %o clamps to %d and reports it', (intent, applied, requested) => {
    const [c] = mustPlan(intent, 'driver').changes;
    expect(c!.to).toBe(applied);
    expect(c!.clamped).toEqual({ requested, applied });
  });

  it('an in-range absolute value reports no clamping', () => {
    expect(mustPlan({ intent: 'hvac.temp', zone: 'self', value: 24 }, 'driver').changes[0]).not.toHaveProperty('clamped');
  });

  it('relative changes clamp silently', () => {
    const heat = mustPlan({ intent: 'seat.heat', zone: 'self', delta: 5 }, 'driver').changes[0]!;
    expect([heat.to, heat.clamped]).toEqual([3, undefined]);
    const cold = mustPlan({ intent: 'hvac.temp', zone: 'self', delta: -10 }, 'driver').changes[0]!;
    expect([cold.to, cold.clamped]).toEqual([16, undefined]);
    const dim = mustPlan({ intent: 'light.ambient_brightness', zone: 'cabin', delta: -80 }, 'rear_left').changes[0]!;
    expect([dim.from, dim.to, dim.clamped]).toEqual([50, 0, undefined]);
  });
});

describe('temperature', () => {
  it('snaps to 0.5 °C steps without calling it a clamp', () => {
    const c = mustPlan({ intent: 'hvac.temp', zone: 'self', value: 22.3 }, 'driver').changes[0]!;
    expect([c.to, c.clamped]).toEqual([22.5, undefined]);
    const warmer = stateWith((s) => (s.hvac.temp.passenger = 22.5));
    expect(tos(mustPlan({ intent: 'hvac.temp', zone: 'self', delta: 2 }, 'passenger', warmer))).toEqual([24.5]);
  });

  it('each zone of a group moves from its own set point', () => {
    const s = stateWith((st) => (st.hvac.temp.rear_right = 20));
    expect(tos(mustPlan({ intent: 'hvac.temp', zone: 'rear', delta: 1 }, 'driver', s))).toEqual([23, 21]);
  });
});

describe('hvac.sync', () => {
  const synced = stateWith((s) => {
    s.hvac.sync = true;
    s.hvac.temp.passenger = 20;
    s.hvac.temp.rear_right = 25;
  });

  it('a driver temperature change applies to every zone at the driver set point', () => {
    const p = mustPlan({ intent: 'hvac.temp', zone: 'self', delta: 2 }, 'driver', synced);
    expect(p.synced).toBe(true);
    expect(p.changes.map((c) => [c.target.kind === 'seat' && c.target.seat, c.from, c.to])).toEqual([
      ['driver', 22, 24],
      ['passenger', 20, 24],
      ['rear_left', 22, 24],
      ['rear_right', 25, 24],
    ]);
    expect(p.commands).toEqual([{ kind: 'climate', set: { temp: { driver: 24, passenger: 24, rear_left: 24, rear_right: 24 } } }]);
  });

  it('without sync the driver changes only their zone', () => {
    const p = mustPlan({ intent: 'hvac.temp', zone: 'self', value: 24 }, 'driver');
    expect([p.synced, p.commands]).toEqual([false, [{ kind: 'climate', set: { temp: { driver: 24 } } }]]);
  });

  it('another zone changing its own temperature is not spread', () => {
    const p = mustPlan({ intent: 'hvac.temp', zone: 'self', value: 21 }, 'passenger', synced);
    expect([p.synced, p.commands]).toEqual([false, [{ kind: 'climate', set: { temp: { passenger: 21 } } }]]);
  });

  it('a refused driver target does not spread to the others', () => {
    const p = mustPlan({ intent: 'hvac.temp', zone: 'driver', value: 28 }, 'passenger', synced);
    expect([p.synced, p.changes, p.refused.map((r) => r.rule)]).toEqual([false, [], ['passenger-not-driver-temp']]);
  });
});

describe('commands and expectations', () => {
  it('merges into one command per seat, one for lights, one for climate', () => {
    expect(mustPlan({ intent: 'light.reading', zone: 'front', value: 'on' }, 'passenger').commands).toEqual([
      { kind: 'light', set: { reading: { driver: true, passenger: true } } },
    ]);
    expect(mustPlan({ intent: 'seat.vent', zone: 'rear', value: 1 }, 'driver').commands).toEqual([
      { kind: 'seat', seat: 'rear_left', set: { vent: 1 } },
      { kind: 'seat', seat: 'rear_right', set: { vent: 1 } },
    ]);
    expect(mustPlan({ intent: 'light.ambient_color', zone: 'cabin', value: 'blue' }, 'rear_left').commands).toEqual([
      { kind: 'light', set: { ambient: { color: 'blue' } } },
    ]);
    expect(mustPlan({ intent: 'light.dome', zone: 'cabin', value: 'on' }, 'rear_left').commands).toEqual([{ kind: 'light', set: { dome: true } }]);
    expect(mustPlan({ intent: 'hvac.ac', zone: 'cabin', value: 'off' }, 'driver').commands).toEqual([{ kind: 'climate', set: { ac: false } }]);
    expect(mustPlan({ intent: 'hvac.airflow', zone: 'self', value: 'feet' }, 'rear_left').commands).toEqual([
      { kind: 'climate', set: { airflow: { rear: 'feet' } } },
    ]);
  });

  it('each change names the status path and value that confirm it', () => {
    const p = mustPlan({ intent: 'seat.heat', zone: 'self', value: 'on' }, 'rear_right');
    expect(p.changes[0]!.expect).toEqual({ path: 'seats.rear_right.heat', value: 2 });
    expect(mustPlan({ intent: 'light.ambient', zone: 'cabin', value: 'off' }, 'driver').changes[0]!.expect).toEqual({ path: 'lights.ambient.on', value: false });
    expect(mustPlan({ intent: 'hvac.fan', zone: 'rear', delta: -1 }, 'driver').changes[0]!.expect).toEqual({ path: 'hvac.fan.rear', value: 1 });
  });

  it('seat motion is confirmed by the accepted target before the seat arrives', () => {
    const p = mustPlan({ intent: 'seat.slide', zone: 'self', value: 70 }, 'passenger');
    expect(p.changes[0]!.expect).toEqual({ path: 'seats.passenger.slide', value: 70, motionTarget: 'seat_motion.passenger.slide_target' });
  });

  it('records the intent with self made concrete, so others can follow it up', () => {
    expect(mustPlan({ intent: 'seat.heat', zone: 'self', value: 'on' }, 'rear_left').intent).toEqual({ intent: 'seat.heat', zone: 'rear_left', value: 'on' });
    expect(mustPlan({ intent: 'hvac.fan', delta: 1 }, 'rear_left').intent.zone).toBe('rear');
  });
});

describe('errors', () => {
  it.each([
    [{ intent: 'light.ambient_color', zone: 'cabin' as const, value: 'magenta' }, 'invalid-value'],
    [{ intent: 'light.reading', zone: 'self' as const, value: 3 }, 'invalid-value'],
    [{ intent: 'hvac.airflow', zone: 'self' as const, delta: 1 }, 'invalid-value'],
    [{ intent: 'light.ambient_brightness', zone: 'cabin' as const, value: 'on' }, 'invalid-value'],
    [{ intent: 'seat.heat', zone: 'self' as const }, 'missing-value'],
    [{ intent: 'query', zone: 'self' as const, feature: 'hvac.temp' }, 'unknown-feature'],
  ])('%o is %s', (intent, code) => {
    const p = planIntent(intent, 'driver', defaultVehicleState());
    expect(p.ok ? 'planned' : p.code).toBe(code);
  });
});

describe('errors before permissions', () => {
  it('a value the feature cannot take is reported even when the target would be refused', () => {
    const p = planIntent({ intent: 'light.reading', zone: 'driver', value: 3 }, 'rear_left', defaultVehicleState());
    expect(p.ok ? 'planned' : p.code).toBe('invalid-value');
  });
});
