// A simulated car on a fresh virtual bus with a manual clock, plus a head-unit node with tracker and command encoder.
import type { CanFrame } from '../../../vehicle-bus/frame.js';
import { loadCabinNetwork } from '../../../vehicle-bus/cabin/cabin-dbc-file.js';
import { CommandEncoder, type CabinCommand } from '../../../vehicle-bus/cabin/commands.js';
import { VehicleStateTracker, type VehicleState } from '../../../vehicle-bus/cabin/vehicle-state.js';
import { ManualClock, settle } from '../../../vehicle-bus/sim/clock.js';
import { startSimulatedCar, type SimulatedCarOptions } from '../../../vehicle-bus/sim/simulated-car.js';
import { VirtualBus } from '../../../vehicle-bus/transports/virtual.transport.js';

export type Harness = Awaited<ReturnType<typeof carHarness>>;

export async function carHarness(opts: Partial<SimulatedCarOptions> & { trackerInitial?: VehicleState } = {}) {
  const network = loadCabinNetwork();
  const bus = new VirtualBus();
  const clock = new ManualClock();
  const logs: string[] = [];
  // The head unit joins before the car so it sees the ECUs' wake-up frames too.
  const hu = bus.attach('hu', { log: (l) => logs.push(`hu: ${l}`) });
  const frames: { at: number; frame: CanFrame; name: string }[] = [];
  hu.subscribe((frame) => frames.push({ at: clock.now(), frame, name: network.lookup(frame)?.name ?? '?' }));
  const tracker = new VehicleStateTracker(network, { now: () => clock.now(), log: (l) => logs.push(`tracker: ${l}`), initial: opts.trackerInitial });
  tracker.attach(hu);
  const car = await startSimulatedCar(bus, { network, clock, log: (l) => logs.push(l), ...opts });
  await settle();
  const encoder = new CommandEncoder(network);

  return {
    network,
    bus,
    clock,
    car,
    hu,
    frames,
    tracker,
    encoder,
    logs,
    /** Sends a command from the head unit and lets the bus deliver it (no simulated time passes). */
    async send(cmd: CabinCommand): Promise<void> {
      for (const f of encoder.frames(cmd)) await hu.send(f);
      await settle();
    },
    async sendRaw(frame: CanFrame): Promise<void> {
      await hu.send(frame);
      await settle();
    },
    /** Frames of one message seen by the head unit from time `since` on. */
    seen(name: string, since = 0): { at: number; frame: CanFrame }[] {
      return frames.filter((f) => f.name === name && f.at >= since);
    },
    async teardown(): Promise<void> {
      await car.stop();
      await bus.dispose();
    },
  };
}
