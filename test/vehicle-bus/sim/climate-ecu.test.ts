// Climate module: modes, blowers, airflow, clamped set points, sync, and cabin air that approaches the set point.
import { afterEach, describe, expect, it } from 'vitest';
import { zoneTimeConstantS } from '../../../vehicle-bus/sim/climate.ecu.js';
import { carHarness, type Harness } from './car-harness.js';

let h: Harness;
afterEach(() => h?.teardown());

describe('climate ECU', () => {
  it('obeys modes, fans and airflow, leaving unnamed fields alone', async () => {
    h = await carHarness();
    await h.send({ kind: 'climate', set: { ac: false, recirc: true, defrost_front: true, fan: { rear: 5 }, airflow: { front: 'windshield_feet' } } });
    const hvac = h.tracker.state.hvac;
    expect(hvac).toMatchObject({ power: true, auto: false, ac: false, recirc: true, defrost_front: true, defrost_rear: false, sync: false });
    expect(hvac.fan).toEqual({ front: 3, rear: 5 });
    expect(hvac.airflow).toEqual({ front: 'windshield_feet', rear: 'face' });
    expect(hvac.temp).toEqual({ driver: 22, passenger: 22, rear_left: 22, rear_right: 22 });
  });

  it('clamps set points to 16-30 in 0.5 steps and fans to 7', async () => {
    h = await carHarness();
    await h.send({ kind: 'climate', set: { temp: { driver: 35, passenger: 12, rear_left: 21.7, rear_right: 23.5 }, fan: { front: 11 } } });
    expect(h.tracker.state.hvac.temp).toEqual({ driver: 30, passenger: 16, rear_left: 21.5, rear_right: 23.5 });
    expect(h.tracker.state.hvac.fan.front).toBe(7);
  });

  it('with sync on, the driver set point goes to every zone; another zone asking differently leaves sync', async () => {
    h = await carHarness();
    await h.send({ kind: 'climate', set: { temp: { passenger: 25 } } });
    await h.send({ kind: 'climate', set: { sync: true } });
    expect(h.tracker.state.hvac.temp).toEqual({ driver: 22, passenger: 22, rear_left: 22, rear_right: 22 });
    await h.send({ kind: 'climate', set: { temp: { driver: 24 } } });
    expect(h.tracker.state.hvac.temp).toEqual({ driver: 24, passenger: 24, rear_left: 24, rear_right: 24 });
    expect(h.tracker.state.hvac.sync).toBe(true);
    await h.send({ kind: 'climate', set: { temp: { rear_right: 20 } } });
    expect(h.tracker.state.hvac.sync).toBe(false);
    expect(h.tracker.state.hvac.temp).toEqual({ driver: 24, passenger: 24, rear_left: 24, rear_right: 20 });
  });

  it('reports the set point at once while the measured cabin air approaches it over minutes', async () => {
    h = await carHarness();
    await h.clock.advance(100);
    expect(h.tracker.telemetry.cabin_temp.driver).toBe(22);
    await h.send({ kind: 'climate', set: { temp: { driver: 26 } } });
    expect(h.tracker.state.hvac.temp.driver).toBe(26);
    const samples: number[] = [];
    for (let i = 0; i < 6; i++) {
      await h.clock.advance(10_000);
      samples.push(h.tracker.telemetry.cabin_temp.driver!);
    }
    for (let i = 1; i < samples.length; i++) expect(samples[i]!).toBeGreaterThan(samples[i - 1]!);
    // First order with tau = 120 s / (1 + fan 3) = 30 s: after 10 s, 22 + 4 * (1 - e^(-1/3)) = 23.13.
    expect(zoneTimeConstantS(true, 3)).toBe(30);
    expect(samples[0]).toBeCloseTo(22 + 4 * (1 - Math.exp(-1 / 3)), 1);
    expect(samples[5]!).toBeLessThan(26);
    // Other zones did not move.
    expect(h.tracker.telemetry.cabin_temp.passenger).toBe(22);
    await h.clock.advance(300_000);
    expect(h.tracker.telemetry.cabin_temp.driver).toBe(26);
  });

  it('lets the cabin drift to the outside temperature when the system is off', async () => {
    h = await carHarness({ outsideTempC: 5 });
    await h.send({ kind: 'climate', set: { power: false } });
    await h.clock.advance(60_000);
    const t = h.tracker.telemetry.cabin_temp.rear_left!;
    expect(t).toBeLessThan(22);
    expect(t).toBeGreaterThan(5);
    expect(h.tracker.state.hvac.temp.rear_left).toBe(22); // the set point is remembered
  });

  it('sends its three status messages every 100 ms', async () => {
    h = await carHarness();
    await h.clock.advance(1000);
    for (const name of ['CLIMATE_Status', 'CLIMATE_TempStatus', 'CLIMATE_CabinTemp']) expect(h.seen(name, 1).length, name).toBe(10);
  });
});
