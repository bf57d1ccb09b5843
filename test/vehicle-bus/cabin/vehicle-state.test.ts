// VehicleStateTracker: DESIGN's default JSON from the default ECUs, change events, and bad status frames dropped once-logged.
import { afterEach, describe, expect, it } from 'vitest';
import { loadCabinNetwork } from '../../../vehicle-bus/cabin/cabin-dbc-file.js';
import { VehicleStateTracker, defaultVehicleState, type StateChange, type VehicleState } from '../../../vehicle-bus/cabin/vehicle-state.js';
import { carHarness, type Harness } from '../sim/car-harness.js';

/** Copied from DESIGN.md, "Vehicle state", by hand: the contract, not the code's own default. */
const DESIGN_DEFAULT = `{
  "vehicle": { "speed_kph": 0 },
  "seats": {
    "driver":     { "heat": 0, "vent": 0, "massage": 0, "recline": 20, "slide": 50 },
    "passenger":  { "heat": 0, "vent": 0, "massage": 0, "recline": 20, "slide": 50 },
    "rear_left":  { "heat": 0, "vent": 0, "massage": 0, "recline": 20, "slide": 50 },
    "rear_right": { "heat": 0, "vent": 0, "massage": 0, "recline": 20, "slide": 50 }
  },
  "lights": {
    "reading": { "driver": false, "passenger": false, "rear_left": false, "rear_right": false },
    "ambient": { "on": true, "color": "white", "brightness": 50 },
    "dome": false
  },
  "hvac": {
    "power": true, "auto": false, "ac": true, "recirc": false,
    "defrost_front": false, "defrost_rear": false, "sync": false,
    "temp": { "driver": 22, "passenger": 22, "rear_left": 22, "rear_right": 22 },
    "fan": { "front": 3, "rear": 2 },
    "airflow": { "front": "face", "rear": "face" }
  }
}`;

/** A picture in which every field differs from the default, so only real status frames can produce the default. */
function scrambled(): VehicleState {
  const s = defaultVehicleState();
  s.vehicle.speed_kph = 99;
  for (const seat of Object.values(s.seats)) Object.assign(seat, { heat: 1, vent: 2, massage: 3, recline: 77, slide: 1 });
  s.lights = { reading: { driver: true, passenger: true, rear_left: true, rear_right: true }, ambient: { on: false, color: 'red', brightness: 3 }, dome: true };
  Object.assign(s.hvac, { power: false, auto: true, ac: false, recirc: true, defrost_front: true, defrost_rear: true, sync: true });
  s.hvac.temp = { driver: 16, passenger: 16, rear_left: 16, rear_right: 16 };
  s.hvac.fan = { front: 7, rear: 7 };
  s.hvac.airflow = { front: 'feet', rear: 'windshield_feet' };
  return s;
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.teardown();
  h = undefined;
});

describe('VehicleStateTracker', () => {
  it('the default state is DESIGN.md\'s JSON, key order included', () => {
    expect(JSON.stringify(defaultVehicleState())).toBe(JSON.stringify(JSON.parse(DESIGN_DEFAULT)));
  });

  it('decodes exactly DESIGN\'s default JSON from the default ECUs\' status frames', async () => {
    h = await carHarness({ trackerInitial: scrambled() });
    await h.clock.advance(100);
    expect(h.tracker.complete()).toBe(true);
    expect(JSON.stringify(h.tracker.state)).toBe(JSON.stringify(JSON.parse(DESIGN_DEFAULT)));
    expect(h.tracker.telemetry.cabin_temp).toEqual({ driver: 22, passenger: 22, rear_left: 22, rear_right: 22 });
    expect(h.tracker.stats().dropped).toEqual({});
  });

  it('emits one change per status frame that changes something, naming the fields, and status events for all', async () => {
    h = await carHarness();
    await h.clock.advance(100);
    const changes: StateChange[] = [];
    const nodes = new Set<string>();
    h.tracker.onChange((c) => changes.push(c));
    h.tracker.onStatus((e) => nodes.add(e.node));
    await h.clock.advance(200);
    expect(changes).toEqual([]); // cyclic frames that change nothing are silent
    expect([...nodes].sort()).toEqual(['CLIMATE_ECU', 'LIGHT_ECU', 'SEAT_ECU_ROW1', 'SEAT_ECU_ROW2', 'VEHICLE_ECU']);
    await h.send({ kind: 'climate', set: { fan: { front: 5 }, airflow: { rear: 'feet' } } });
    expect(changes).toHaveLength(1);
    expect(changes[0]!.paths).toEqual(['hvac.fan.front', 'hvac.airflow.rear']);
    expect(changes[0]!.message).toBe('CLIMATE_Status');
    expect(changes[0]!.state.hvac.fan.front).toBe(5);
    expect(h.tracker.lastSeen('CLIMATE_Status')).toBe(300);
  });

  it('drops unknown ids, wrong lengths, bad checksums and stale counters: counted, logged once, state untouched', () => {
    const network = loadCabinNetwork();
    const logs: string[] = [];
    const t = new VehicleStateTracker(network, { log: (l) => logs.push(l) });
    const status = (heat: number, counter: number) =>
      network.encode('SEAT_Status_Driver', { HeatLevel: heat, VentLevel: 0, MassageLevel: 0, ReclinePos: 20, SlidePos: 50, ReclineTarget: 20, SlideTarget: 50 }, counter);
    t.handle(status(1, 0));
    expect(t.state.seats.driver.heat).toBe(1);
    const corrupt = status(3, 1);
    corrupt.data[2]! ^= 0x02;
    t.handle(corrupt);
    t.handle(corrupt);
    t.handle(status(3, 0)); // repeats the last accepted counter
    t.handle({ ...status(3, 2), data: status(3, 2).data.slice(0, 7) });
    t.handle({ id: 0x7ff, extended: false, data: new Uint8Array(8) });
    // A command frame on the bus is someone else's traffic, not bad input.
    t.handle(network.encode('HU_SeatCmd_Driver', { HeatReq: 3 }, 0));
    expect(t.state.seats.driver.heat).toBe(1);
    expect(t.stats()).toEqual({ accepted: 1, dropped: { 'bad-checksum': 2, 'stale-counter': 1, 'wrong-length': 1, 'unknown-id': 1 } });
    expect(logs).toHaveLength(4);
    t.handle(status(2, 1));
    expect(t.state.seats.driver.heat).toBe(2);
  });
});
