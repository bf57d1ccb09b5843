// Light and vehicle modules: commands, clamping, reserved values ignored, speed from the simulator and from a TESTER frame.
import { afterEach, describe, expect, it } from 'vitest';
import { carHarness, type Harness } from './car-harness.js';

let h: Harness;
afterEach(() => h?.teardown());

describe('light ECU', () => {
  it('switches reading lights per seat, ambient colour and brightness, and the dome light', async () => {
    h = await carHarness();
    await h.send({ kind: 'light', set: { reading: { rear_right: true }, ambient: { color: 'warm_white', brightness: 80 }, dome: true } });
    expect(h.tracker.state.lights).toEqual({
      reading: { driver: false, passenger: false, rear_left: false, rear_right: true },
      ambient: { on: true, color: 'warm_white', brightness: 80 },
      dome: true,
    });
    await h.send({ kind: 'light', set: { ambient: { on: false } } });
    expect(h.tracker.state.lights.ambient).toEqual({ on: false, color: 'warm_white', brightness: 80 });
  });

  it('clamps brightness to 100 and ignores reserved raw values', async () => {
    h = await carHarness();
    await h.send({ kind: 'light', set: { ambient: { brightness: 250 } } });
    expect(h.tracker.state.lights.ambient.brightness).toBe(100);
    // Raw 2 on an on/off field and palette index 12 are reserved: a real module leaves the field as it is.
    const frame = h.network.encode('HU_LightCmd', { DomeReq: 2, AmbientColorReq: 12, ReadingDriverReq: 1 }, 7);
    await h.sendRaw(frame);
    expect(h.tracker.state.lights.dome).toBe(false);
    expect(h.tracker.state.lights.ambient.color).toBe('white');
    expect(h.tracker.state.lights.reading.driver).toBe(true);
  });
});

describe('vehicle ECU', () => {
  it('reports the speed the simulator sets, at once and then cyclically', async () => {
    h = await carHarness({ speedKph: 12.5 });
    expect(h.tracker.state.vehicle.speed_kph).toBe(12.5);
    h.car.ecus.vehicle.setSpeed(80);
    await h.clock.advance(0);
    expect(h.tracker.state.vehicle.speed_kph).toBe(80);
    await h.clock.advance(1000);
    expect(h.seen('VEHICLE_Status', 1).length).toBe(10);
  });

  it('takes a speed from a TESTER frame and clamps it to the car top speed', async () => {
    h = await carHarness();
    await h.send({ kind: 'vehicle', speed_kph: 47.33 });
    expect(h.tracker.state.vehicle.speed_kph).toBe(47.33);
    await h.send({ kind: 'vehicle', speed_kph: 400 });
    expect(h.tracker.state.vehicle.speed_kph).toBe(250);
  });
});
