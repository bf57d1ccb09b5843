// ECUs drop bad command frames (checksum, counter, length, unknown id): counted, logged once, nothing changes.
import { afterEach, describe, expect, it } from 'vitest';
import { carHarness, type Harness } from './car-harness.js';

let h: Harness;
afterEach(() => h?.teardown());

const heat = (h: Harness, level: number, counter: number) => h.network.encode('HU_SeatCmd_Driver', { HeatReq: level }, counter);

describe('simulated ECU input checks', () => {
  it('drops a frame with a bad checksum', async () => {
    h = await carHarness();
    const f = heat(h, 3, 0);
    f.data[2]! ^= 0x01; // heat 3 -> 2, checksum not updated
    await h.sendRaw(f);
    await h.sendRaw({ ...heat(h, 1, 1), data: heat(h, 1, 1).data.map((b, i) => (i === 0 ? b ^ 0xff : b)) });
    expect(h.car.state().seats.driver.heat).toBe(0);
    expect(h.car.ecus.seat_row1.stats().dropped).toEqual({ 'bad-checksum': 2 });
    expect(h.logs.filter((l) => l.startsWith('seat_row1:') && l.includes('bad-checksum'))).toHaveLength(1);
  });

  it('drops a repeated (stale) counter and an old frame, then accepts the next in sequence', async () => {
    h = await carHarness();
    await h.sendRaw(heat(h, 1, 4));
    await h.sendRaw(heat(h, 2, 4)); // same counter: a stale or replayed frame
    await h.sendRaw(heat(h, 3, 3)); // older
    expect(h.car.state().seats.driver.heat).toBe(1);
    expect(h.car.ecus.seat_row1.stats().dropped).toEqual({ 'stale-counter': 2 });
    await h.sendRaw(heat(h, 2, 5));
    expect(h.car.state().seats.driver.heat).toBe(2);
    expect(h.car.ecus.seat_row1.stats().commandsAccepted).toBe(2);
  });

  it('drops a command id with the wrong length', async () => {
    h = await carHarness();
    const f = heat(h, 3, 0);
    await h.sendRaw({ ...f, data: f.data.slice(0, 6) });
    expect(h.car.state().seats.driver.heat).toBe(0);
    expect(h.car.ecus.seat_row1.stats().dropped).toEqual({ 'wrong-length': 1 });
  });

  it('counts ids the cabin network does not define on every ECU, and ignores other ECUs\' traffic', async () => {
    h = await carHarness();
    await h.sendRaw({ id: 0x123, extended: false, data: new Uint8Array(8) });
    await h.sendRaw({ id: 0x310, extended: true, data: heat(h, 3, 0).data });
    for (const ecu of Object.values(h.car.ecus)) expect(ecu.stats().dropped, ecu.name).toEqual({ 'unknown-id': 2 });
    // A light command is valid traffic the seat ECUs must ignore without counting.
    await h.send({ kind: 'light', set: { dome: true } });
    expect(h.car.ecus.seat_row1.stats().dropped).toEqual({ 'unknown-id': 2 });
    expect(h.car.state().seats.driver.heat).toBe(0);
    expect(h.car.state().lights.dome).toBe(true);
  });

  it('keeps working after bad input: a good frame still acts', async () => {
    h = await carHarness();
    const bad = heat(h, 3, 0);
    bad.data[0]! ^= 0x80;
    await h.sendRaw(bad);
    await h.send({ kind: 'seat', seat: 'driver', set: { heat: 3 } });
    expect(h.tracker.state.seats.driver.heat).toBe(3);
  });
});
