// Plans against the simulated car: the commands a plan builds make the ECUs report exactly the expected values.
import { afterEach, describe, expect, it } from 'vitest';
import type { Intent } from '../../intents/catalog.js';
import { readPath } from '../../intents/features.js';
import type { Plan } from '../../intents/plan.js';
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { carHarness, type Harness } from '../vehicle-bus/sim/car-harness.js';
import { mustPlan } from './plan-helpers.js';

let h: Harness;
afterEach(() => h?.teardown());

async function carryOut(intent: Intent, speaker: Seat): Promise<Plan> {
  const plan = mustPlan(intent, speaker, h.tracker.state);
  for (const cmd of plan.commands) await h.send(cmd);
  return plan;
}

function confirmed(plan: Plan): void {
  const telemetry = h.tracker.telemetry as unknown as Record<string, Record<string, Record<string, unknown>>>;
  for (const c of plan.changes) {
    if (c.expect.motionTarget) {
      const [, seat, key] = c.expect.motionTarget.split('.') as [string, string, string];
      expect(telemetry.seat_motion![seat]![key], c.expect.motionTarget).toBe(c.expect.value);
    } else {
      expect(readPath(h.tracker.state, c.expect.path), c.expect.path).toEqual(c.expect.value);
    }
  }
}

describe('plans on the simulated car', () => {
  it('seat, light and climate changes show up in the status frames as expected', async () => {
    h = await carHarness();
    confirmed(await carryOut({ intent: 'seat.heat', zone: 'all', value: 'on' }, 'driver'));
    confirmed(await carryOut({ intent: 'light.reading', zone: 'rear', value: 'on' }, 'passenger'));
    confirmed(await carryOut({ intent: 'light.ambient_color', zone: 'cabin', value: 'purple' }, 'rear_left'));
    confirmed(await carryOut({ intent: 'hvac.fan', zone: 'self', value: 'max' }, 'rear_right'));
    confirmed(await carryOut({ intent: 'hvac.recirc', zone: 'cabin', value: 'on' }, 'driver'));
    confirmed(await carryOut({ intent: 'seat.recline', zone: 'self', value: 45 }, 'passenger'));
    expect(h.tracker.state.seats.rear_right.heat).toBe(2);
  });

  it('a synced driver temperature change lands in every zone and keeps sync on', async () => {
    h = await carHarness();
    await h.send({ kind: 'climate', set: { sync: true } });
    const plan = await carryOut({ intent: 'hvac.temp', zone: 'self', delta: 3 }, 'driver');
    expect(plan.synced).toBe(true);
    confirmed(plan);
    expect(h.tracker.state.hvac.temp).toEqual({ driver: 25, passenger: 25, rear_left: 25, rear_right: 25 });
    expect(h.tracker.state.hvac.sync).toBe(true);
  });
});
