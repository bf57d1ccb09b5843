// Seat modules: levels switch at once and clamp, motors take seconds, status is cyclic and on change.
import { afterEach, describe, expect, it } from 'vitest';
import { carHarness, type Harness } from './car-harness.js';

let h: Harness;
afterEach(() => h?.teardown());

describe('seat ECU', () => {
  it('sends each seat status every 100 ms: about 10 frames in a simulated second', async () => {
    h = await carHarness();
    const t0 = h.clock.now();
    await h.clock.advance(1000);
    for (const name of ['SEAT_Status_Driver', 'SEAT_Status_Passenger', 'SEAT_Status_RearLeft', 'SEAT_Status_RearRight']) {
      const n = h.seen(name, t0 + 1).length;
      expect(n, name).toBe(10);
    }
  });

  it('switches heat, vent and massage at once and reports it before the next cycle', async () => {
    h = await carHarness();
    await h.clock.advance(50);
    const before = h.seen('SEAT_Status_Passenger').length;
    await h.send({ kind: 'seat', seat: 'passenger', set: { heat: 2, vent: 1, massage: 3 } });
    // No simulated time passed: the frame that shows it is the on-change one.
    expect(h.seen('SEAT_Status_Passenger').length).toBe(before + 1);
    expect(h.tracker.state.seats.passenger).toMatchObject({ heat: 2, vent: 1, massage: 3 });
    expect(h.tracker.state.seats.driver).toMatchObject({ heat: 0, vent: 0, massage: 0 });
  });

  it('changes only the fields a command names', async () => {
    h = await carHarness();
    await h.send({ kind: 'seat', seat: 'driver', set: { heat: 3, massage: 2 } });
    await h.send({ kind: 'seat', seat: 'driver', set: { vent: 1 } });
    expect(h.tracker.state.seats.driver).toEqual({ heat: 3, vent: 1, massage: 2, recline: 20, slide: 50 });
  });

  it('clamps out-of-range levels and positions the way a seat module does', async () => {
    h = await carHarness();
    await h.send({ kind: 'seat', seat: 'rear_left', set: { heat: 9, vent: 4, massage: 14, recline: 180, slide: 101 } });
    expect(h.tracker.state.seats.rear_left).toMatchObject({ heat: 3, vent: 3, massage: 3 });
    expect(h.tracker.telemetry.seat_motion.rear_left).toMatchObject({ recline_target: 100, slide_target: 100, recline_moving: true });
  });

  it('moves recline and slide a few percent per 100 ms, so a position takes seconds', async () => {
    h = await carHarness();
    await h.send({ kind: 'seat', seat: 'driver', set: { recline: 60, slide: 20 } });
    // Accepted at once (targets), but the seat has not moved yet.
    expect(h.tracker.telemetry.seat_motion.driver).toEqual({ recline_target: 60, slide_target: 20, recline_moving: true, slide_moving: true });
    expect(h.tracker.state.seats.driver).toMatchObject({ recline: 20, slide: 50 });
    await h.clock.advance(1000);
    const after1s = h.tracker.state.seats.driver;
    expect(after1s.recline).toBe(40); // 20 %/s
    expect(after1s.slide).toBe(20); // 30 %/s, reached after 1 s and stopped there
    expect(h.tracker.telemetry.seat_motion.driver?.slide_moving).toBe(false);
    await h.clock.advance(900);
    expect(h.tracker.state.seats.driver.recline).toBe(58);
    await h.clock.advance(100);
    expect(h.tracker.state.seats.driver.recline).toBe(60);
    expect(h.tracker.telemetry.seat_motion.driver?.recline_moving).toBe(false);
    await h.clock.advance(1000);
    expect(h.tracker.state.seats.driver.recline).toBe(60); // no overshoot
  });

  it('reports each intermediate position on the way, monotonically', async () => {
    h = await carHarness();
    const positions: number[] = [];
    h.tracker.onChange((c) => {
      if (c.paths.includes('seats.passenger.recline')) positions.push(c.state.seats.passenger.recline);
    });
    await h.send({ kind: 'seat', seat: 'passenger', set: { recline: 10 } });
    await h.clock.advance(2000);
    expect(positions).toEqual([18, 16, 14, 12, 10]);
  });
});
