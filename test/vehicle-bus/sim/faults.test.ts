// Every fault kind has its observable effect on the bus, can be switched at run time, and parses from `--fault` specs.
import { afterEach, describe, expect, it } from 'vitest';
import { Faults, parseFaultSpec } from '../../../vehicle-bus/sim/faults.js';
import { carHarness, type Harness } from './car-harness.js';

let h: Harness;
afterEach(() => h?.teardown());

describe('ECU faults', () => {
  it('silent: no status and no obedience until the fault is cleared', async () => {
    h = await carHarness();
    await h.clock.advance(50);
    h.car.faults.setEcu('climate', { silent: true });
    const t0 = h.clock.now();
    await h.send({ kind: 'climate', set: { ac: false } });
    await h.clock.advance(1000);
    expect(h.seen('CLIMATE_Status', t0)).toHaveLength(0);
    expect(h.seen('SEAT_Status_Driver', t0)).toHaveLength(10); // the others carry on
    expect(h.car.state().hvac.ac).toBe(true);
    h.car.faults.clearEcu('climate');
    await h.clock.advance(100);
    expect(h.seen('CLIMATE_Status', t0).length).toBeGreaterThan(0);
    expect(h.tracker.state.hvac.ac).toBe(true); // the command sent while silent was lost, as on a real bus
  });

  it('late: status keeps its rhythm but shows the change only after the delay', async () => {
    h = await carHarness();
    h.car.faults.apply('seat_row1:late=450');
    await h.clock.advance(50);
    const sentAt = h.clock.now();
    let shownAt: number | undefined;
    h.tracker.onChange((c) => {
      if (c.paths.includes('seats.driver.heat')) shownAt ??= c.at;
    });
    await h.send({ kind: 'seat', seat: 'driver', set: { heat: 3 } });
    await h.clock.advance(400);
    expect(h.tracker.state.seats.driver.heat).toBe(0);
    expect(h.seen('SEAT_Status_Driver', sentAt).length).toBe(4); // still alive, cyclically
    await h.clock.advance(100);
    expect(h.tracker.state.seats.driver.heat).toBe(3);
    expect(shownAt! - sentAt).toBe(450);
  });

  it('clamps differently: a climate module that stops at 26 degC reports 26 for 28', async () => {
    h = await carHarness({ faults: (() => {
      const f = new Faults();
      f.apply('climate:temp_max=26,fan_max=5');
      return f;
    })() });
    await h.send({ kind: 'climate', set: { temp: { driver: 28 }, fan: { rear: 7 } } });
    expect(h.tracker.state.hvac.temp.driver).toBe(26);
    expect(h.tracker.state.hvac.fan.rear).toBe(5);
    h.car.faults.apply('climate:ok');
    await h.send({ kind: 'climate', set: { temp: { driver: 28 } } });
    expect(h.tracker.state.hvac.temp.driver).toBe(28);
  });
});

describe('bus faults', () => {
  it('drop: receivers see fewer frames, in proportion, reproducibly for a seed', async () => {
    const run = async (seed: number) => {
      h = await carHarness();
      h.car.faults.reseed(seed);
      h.car.faults.setBus({ dropPct: 30 });
      await h.clock.advance(10_000);
      const n = h.seen('LIGHT_Status', 1).length;
      const dropped = h.car.faults.effects.dropped;
      await h.teardown();
      return { n, dropped };
    };
    const a = await run(42);
    expect(a.n).toBeGreaterThan(55);
    expect(a.n).toBeLessThan(85); // 100 sent, about 70 arrive
    expect(a.dropped).toBeGreaterThan(0);
    expect(await run(42)).toEqual(a);
    h = await carHarness();
  });

  it('corrupt: flipped bits are caught by the checksum, counted, and never reach the state', async () => {
    h = await carHarness();
    await h.clock.advance(100);
    const before = h.tracker.state;
    h.car.faults.setBus({ corruptPct: 50 });
    await h.clock.advance(5000);
    const dropped = h.tracker.stats().dropped;
    expect(h.car.faults.effects.corrupted).toBeGreaterThan(100);
    // CRC-8 catches every single-bit error; a flip of the id is impossible here because only payload bits are hit.
    expect(dropped['bad-checksum']).toBe(h.car.faults.effects.corrupted);
    expect(h.tracker.state).toEqual(before);
    expect(h.logs.filter((l) => l.includes('bad-checksum'))).toHaveLength(1);
  });

  it('corrupted commands are refused by the ECU, so a command may need resending', async () => {
    h = await carHarness();
    h.car.faults.setBus({ corruptPct: 100 });
    await h.send({ kind: 'seat', seat: 'driver', set: { heat: 2 } });
    expect(h.car.state().seats.driver.heat).toBe(0);
    expect(h.car.ecus.seat_row1.stats().dropped['bad-checksum']).toBe(1);
    h.car.faults.setBus({ corruptPct: 0 });
    await h.send({ kind: 'seat', seat: 'driver', set: { heat: 2 } });
    expect(h.car.state().seats.driver.heat).toBe(2);
  });
});

describe('fault specs', () => {
  it('parse into the fault state and report changes to listeners', () => {
    const f = new Faults();
    const seen: string[] = [];
    f.onChange((s) => seen.push(JSON.stringify(s.ecus.light)));
    for (const spec of ['light:silent', 'climate:late=300,temp_max=26', 'bus:drop=10,corrupt=2.5', 'seed=7']) f.apply(spec);
    const s = f.snapshot();
    expect(s.ecus.light.silent).toBe(true);
    expect(s.ecus.climate).toEqual({ silent: false, lateMs: 300, limits: { temp_max: 26 } });
    expect(s.bus).toEqual({ dropPct: 10, corruptPct: 2.5 });
    expect(s.seed).toBe(7);
    expect(f.limit('climate', 'temp_max')).toBe(26);
    expect(f.limit('climate', 'temp_min')).toBe(16);
    expect(seen).toHaveLength(4);
  });

  it('name what is wrong in a bad spec', () => {
    expect(() => parseFaultSpec('heater:silent')).toThrow(/unknown ECU "heater"/);
    expect(() => parseFaultSpec('climate:hot')).toThrow(/unknown fault "hot" for climate/);
    expect(() => parseFaultSpec('climate:heat_max=2')).toThrow(/limit: temp_min, temp_max, fan_max/);
    expect(() => parseFaultSpec('bus:drop=x')).toThrow(/needs a number/);
    expect(() => new Faults().apply('bus:drop=120')).toThrow(/0-100 percent/);
    expect(() => parseFaultSpec('silent')).toThrow(/expected TARGET:ITEM/);
  });
});
