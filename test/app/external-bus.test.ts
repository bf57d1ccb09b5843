// `cabin start --bus`: the app drives a car it does not own (here a simulated car on a named virtual bus, as a real one
// would sit behind slcan:// or socketcan:), sees its frames and its own commands in the trace, and refuses the tester's controls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CabinApp } from '../../main/app/cabin-app.js';
import type { AppEvent, TraceFrame } from '../../main/app/ipc-contract.js';
import { dispatch } from '../../main/app/ipc-dispatch.js';
import { FakeLanguageModel } from '../../models/language-model.js';
import { loadCabinNetwork } from '../../vehicle-bus/cabin/cabin-dbc-file.js';
import { startSimulatedCar, type SimulatedCar } from '../../vehicle-bus/sim/simulated-car.js';
import { VirtualBus } from '../../vehicle-bus/transports/virtual.transport.js';

const URI = 'virtual:app-external-car';
const lm = new FakeLanguageModel({ 'turn on my seat heater': [{ intent: 'seat.heat', zone: 'self', value: 'on' } as never] });
let bus: VirtualBus;
let car: SimulatedCar;
let app: CabinApp;
let stylesDir: string;
const events: AppEvent[] = [];
/** The command frames as a third node on the bus saw them: what really went out, to compare the trace with. */
const onWire: number[] = [];

beforeAll(async () => {
  stylesDir = mkdtempSync(join(tmpdir(), 'cabin-ext-styles-'));
  const network = loadCabinNetwork();
  bus = new VirtualBus('app-external-car');
  car = await startSimulatedCar(bus, { network, log: () => {} });
  const seatCmd = network.dbc.messages.find((m) => m.name === 'HU_SeatCmd_Driver')!.id;
  bus.attach('monitor').subscribe((f) => f.id === seatCmd && onWire.push(f.id));
  app = await CabinApp.start({ lm, userStylesDir: stylesDir, bus: URI });
  app.onEvent((e) => events.push(e));
});

afterAll(async () => {
  await app?.stop();
  await car?.stop();
  await bus?.dispose();
  rmSync(stylesDir, { recursive: true, force: true });
});

const traced = () => events.flatMap((e) => (e.type === 'trace' ? e.frames : []) as TraceFrame[]);

describe('the app on an external bus', () => {
  it('says which bus it drives and shows no simulator faults of its own', async () => {
    const snap = await app.handlers.snapshot({});
    expect(snap.bus).toEqual({ kind: 'external', uri: URI });
    expect(snap.faults).toEqual({ ecus: {}, bus: { dropPct: 0, corruptPct: 0 }, active: [] });
    // The trace shows that car's status traffic as it arrives.
    await expect.poll(async () => (await app.handlers.snapshot({})).trace.some((f) => f.sender === 'SEAT_ECU_ROW1'), { timeout: 2_000 }).toBe(true);
  });

  it('serves the driver: the car changes, the state follows, and the command is in the trace once per frame sent', async () => {
    const { turns } = await app.handlers.say({ utterances: [{ speaker: 'driver', text: 'turn on my seat heater' }] });
    expect(turns[0]!.confirmed).toContain('seats.driver.heat: confirmed = 2');
    expect(car.state().seats.driver.heat).toBe(2);
    expect((await app.handlers.snapshot({})).state.seats.driver.heat).toBe(2);
    expect(events.some((e) => e.type === 'state' && e.paths.includes('seats.driver.heat'))).toBe(true);
    // The recorder batches every 250 ms; the head unit's own sends reach it through the echo, never twice.
    await expect.poll(() => traced().filter((f) => f.name === 'HU_SeatCmd_Driver').length, { timeout: 2_000 }).toBe(onWire.length);
    expect(onWire.length).toBeGreaterThan(0);
    const cmd = traced().find((f) => f.name === 'HU_SeatCmd_Driver')!;
    expect(cmd.signals?.HeatReq).toBe('medium');
  });

  it.each([
    ['setSpeed', { speedKph: 80 }, 'the vehicle speed belongs to the simulated car'],
    ['applyFault', { spec: 'light:silent' }, 'fault injection belongs to the simulated car'],
    ['clearFaults', {}, 'fault injection belongs to the simulated car'],
  ])('refuses %s with one line and changes nothing', async (channel, request, message) => {
    const before = traced().length;
    const reply = await dispatch(app.handlers, channel, request);
    expect(reply.ok).toBe(false);
    const error = (reply as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('E_NOT_SIMULATED');
    expect(error.message).toContain(message);
    expect(error.message).toContain(URI);
    expect(error.message.split('\n')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    // No TESTER frame went out, and the car kept its speed and health.
    expect(traced().slice(before).some((f) => f.name?.startsWith('TESTER_'))).toBe(false);
    expect(car.state().vehicle.speed_kph).toBe(0);
    expect(car.faults.snapshot().ecus.light.silent).toBe(false);
  });

  it('refuses fault specs at start: the external car is not ours to break', async () => {
    await expect(CabinApp.start({ lm, userStylesDir: stylesDir, bus: URI, faults: ['light:silent'] })).rejects.toThrow(/faults belong to the simulated car/);
  });

  // Last: it takes the bus away.
  it('tells every window when the connection to the bus is gone, and the snapshot says so', async () => {
    expect((await app.handlers.snapshot({})).link).toBe('open');
    await bus.dispose();
    await expect.poll(() => events.some((e) => e.type === 'link' && e.state === 'closed'), { timeout: 3_000 }).toBe(true);
    expect((await app.handlers.snapshot({})).link).toBe('closed');
  });
});
