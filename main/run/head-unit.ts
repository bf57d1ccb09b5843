// The head unit on real time, built in one place for `cabin listen` and the app: a bus (a URI, or the simulated car
// in-process), the state tracker, the command encoder, the dialogue, and a view of every frame on the bus.
import { Dialogue } from '../../intents/dialogue/dialogue.js';
import type { DialogueEvent } from '../../intents/dialogue/events.js';
import type { StyleBook } from '../../intents/replies/style-book.js';
import { loadCabinNetwork } from '../../vehicle-bus/cabin/cabin-dbc-file.js';
import type { CabinNetwork } from '../../vehicle-bus/cabin/cabin-network.js';
import { CommandEncoder } from '../../vehicle-bus/cabin/commands.js';
import { VehicleStateTracker, type Seat } from '../../vehicle-bus/cabin/vehicle-state.js';
import type { CanFrame } from '../../vehicle-bus/frame.js';
import { realClock } from '../../vehicle-bus/sim/clock.js';
import { Faults } from '../../vehicle-bus/sim/faults.js';
import { startSimulatedCar, type SimulatedCar } from '../../vehicle-bus/sim/simulated-car.js';
import type { Transport } from '../../vehicle-bus/transport.js';
import { openTransport } from '../../vehicle-bus/transports/registry.js';
import { SendEchoTransport } from '../../vehicle-bus/transports/send-echo.js';
import { VirtualBus } from '../../vehicle-bus/transports/virtual.transport.js';
import { transportPort } from './vehicle-port.js';

export interface HeadUnitOptions {
  /** A bus URI (virtual:NAME, slcan://…, socketcand://…, socketcan:…); absent: the simulated car in this process. */
  bus?: string;
  /** Faults of the in-process simulated car (shared with a UI that injects them); ignored on an external bus. */
  faults?: Faults;
  styles: StyleBook;
  style?: string;
  seatStyles?: Partial<Record<Seat, string>>;
  onEvent?: (e: DialogueEvent) => void;
  log?: (line: string) => void;
}

export interface HeadUnit {
  network: CabinNetwork;
  tracker: VehicleStateTracker;
  /** The head unit's own node; frames it sends are commands to the car. */
  transport: Transport;
  encoder: CommandEncoder;
  dialogue: Dialogue;
  /** The in-process simulated car, or null on an external bus (that car is not ours to steer). */
  car: SimulatedCar | null;
  /** That car's fault switches, or null on an external bus. */
  faults: Faults | null;
  /** Every frame on the bus, the head unit's own sends included, as a trace shows it. Returns an unsubscribe. */
  onFrame(listener: (f: CanFrame) => void): () => void;
  /** Waits until every ECU has reported once; false when the limit passed first (an ECU that is silent or absent). */
  waitForCompletePicture(limitMs?: number): Promise<boolean>;
  stop(): Promise<void>;
}

export async function startHeadUnit(opts: HeadUnitOptions): Promise<HeadUnit> {
  const network = loadCabinNetwork();
  const log = opts.log ?? (() => {});
  // Anonymous in-process bus: several head units in one process (tests, app windows) must not share a car.
  const bus = opts.bus ? null : new VirtualBus();
  const transport = new SendEchoTransport(bus ? bus.attach('head-unit', { log }) : await openTransport(opts.bus!, { log }));
  const tracker = new VehicleStateTracker(network, { log });
  tracker.attach(transport);
  const encoder = new CommandEncoder(network);
  const faults = bus ? (opts.faults ?? new Faults()) : null;
  let car: SimulatedCar | null = null;
  try {
    if (bus) car = await startSimulatedCar(bus, { network, clock: realClock(), faults: faults!, log });
  } catch (err) {
    await transport.close();
    await bus?.dispose();
    throw err;
  }
  const dialogue = new Dialogue({
    vehicle: transportPort(transport, tracker, encoder, { onSendError: (e) => log(`head unit: ${e.message}`) }),
    styles: opts.styles,
    defaultStyle: opts.style,
    seatStyles: opts.seatStyles,
    onEvent: opts.onEvent,
  });
  return {
    network,
    tracker,
    transport,
    encoder,
    dialogue,
    car,
    faults,
    onFrame: (listener) => transport.onFrame(listener),
    async waitForCompletePicture(limitMs = 2_000) {
      const start = Date.now();
      while (!tracker.complete() && Date.now() - start < limitMs) await new Promise((r) => setTimeout(r, 20));
      return tracker.complete();
    },
    async stop() {
      dialogue.stop();
      await car?.stop();
      await transport.close();
      await bus?.dispose();
    },
  };
}
