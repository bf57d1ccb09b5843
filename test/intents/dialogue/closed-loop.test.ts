// The closed-loop machine on xstate's SimulatedClock: confirm on status, resend once after 300 ms, then name what did not answer.
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { closedLoopMachine, RESEND_AFTER_MS, type ChangeOutcome } from '../../../intents/dialogue/closed-loop.machine.js';
import type { CabinCommand } from '../../../vehicle-bus/cabin/commands.js';
import { emptyTelemetry } from '../../../vehicle-bus/cabin/status-frames.js';
import type { VehicleState } from '../../../vehicle-bus/cabin/vehicle-state-types.js';
import { mustPlan, stateWith } from '../plan-helpers.js';

function loop(intent: Parameters<typeof mustPlan>[0]) {
  const plan = mustPlan(intent, 'driver');
  const clock = new SimulatedClock();
  const sent: { attempt: number; commands: CabinCommand[] }[] = [];
  const machine = closedLoopMachine.provide({ actions: { transmit: (_, p) => void sent.push(p) } });
  const actor = createActor(machine, { clock, input: { job: 'j', speaker: 'driver', changes: plan.changes, commands: plan.commands } });
  let output: ChangeOutcome[] | undefined;
  actor.subscribe({ complete: () => (output = actor.getSnapshot().output) });
  actor.start();
  const status = (message: string, state: VehicleState) => actor.send({ type: 'STATUS', message, state, telemetry: emptyTelemetry() });
  return { clock, sent, actor, status, output: () => output };
}

describe('closed loop', () => {
  it('sends once and is confirmed when the status shows the requested value', () => {
    const l = loop({ intent: 'seat.heat', zone: 'self', value: 3 });
    expect(l.sent).toEqual([{ attempt: 1, commands: [{ kind: 'seat', seat: 'driver', set: { heat: 3 } }] }]);
    l.status('SEAT_Status_Driver', stateWith((s) => (s.seats.driver.heat = 3)));
    expect(l.output()?.map((o) => [o.result, o.actual, o.attempts])).toEqual([['confirmed', 3, 1]]);
    l.clock.increment(1000);
    expect(l.sent).toHaveLength(1);
  });

  it('ignores other messages and unchanged status, resends after 300 ms, and confirms the second try', () => {
    const l = loop({ intent: 'hvac.fan', zone: 'self', value: 6 });
    l.status('LIGHT_Status', stateWith((s) => (s.hvac.fan.front = 6))); // not the climate ECU: does not count
    l.status('CLIMATE_Status', stateWith(() => {})); // still the old value: keep waiting
    l.clock.increment(RESEND_AFTER_MS - 1);
    expect(l.sent).toHaveLength(1);
    l.clock.increment(1);
    expect(l.sent.map((s) => s.attempt)).toEqual([1, 2]);
    l.status('CLIMATE_Status', stateWith((s) => (s.hvac.fan.front = 6)));
    expect(l.output()?.[0]).toMatchObject({ result: 'confirmed', attempts: 2 });
  });

  it('reports no-response when the ECU sends nothing at all within two waits', () => {
    const l = loop({ intent: 'light.dome', zone: 'cabin', value: 'on' });
    l.clock.increment(RESEND_AFTER_MS);
    l.clock.increment(RESEND_AFTER_MS);
    expect(l.sent).toHaveLength(2);
    expect(l.output()?.[0]).toMatchObject({ result: 'no-response', attempts: 2 });
  });

  it('reports unchanged when the ECU keeps reporting the old value', () => {
    const l = loop({ intent: 'light.dome', zone: 'cabin', value: 'on' });
    l.status('LIGHT_Status', stateWith(() => {}));
    l.clock.increment(RESEND_AFTER_MS);
    l.clock.increment(RESEND_AFTER_MS);
    expect(l.output()?.[0]).toMatchObject({ result: 'unchanged', actual: false });
  });

  it('reports a different value as it is (an ECU that clamps)', () => {
    const l = loop({ intent: 'hvac.temp', zone: 'self', value: 29 });
    l.status('CLIMATE_TempStatus', stateWith((s) => (s.hvac.temp.driver = 26)));
    expect(l.output()?.[0]).toMatchObject({ result: 'differs', actual: 26 });
  });

  it('resends only what is still unconfirmed', () => {
    const l = loop({ intent: 'seat.heat', zone: 'front', value: 1 });
    l.status('SEAT_Status_Driver', stateWith((s) => (s.seats.driver.heat = 1)));
    l.clock.increment(RESEND_AFTER_MS);
    expect(l.sent[1]!.commands).toEqual([{ kind: 'seat', seat: 'passenger', set: { heat: 1 } }]);
  });
});
