// The head unit on real time: a bus (a URI, or the simulated car in-process), the state tracker and the dialogue.
import { Dialogue } from '../../intents/dialogue/dialogue.js';
import type { DialogueEvent } from '../../intents/dialogue/events.js';
import type { StyleBook } from '../../intents/replies/style-book.js';
import { loadCabinNetwork } from '../../vehicle-bus/cabin/cabin-dbc-file.js';
import { CommandEncoder } from '../../vehicle-bus/cabin/commands.js';
import { VehicleStateTracker, type Seat } from '../../vehicle-bus/cabin/vehicle-state.js';
import { realClock } from '../../vehicle-bus/sim/clock.js';
import type { Faults } from '../../vehicle-bus/sim/faults.js';
import { startSimulatedCar, type SimulatedCar } from '../../vehicle-bus/sim/simulated-car.js';
import type { Transport } from '../../vehicle-bus/transport.js';
import { openTransport } from '../../vehicle-bus/transports/registry.js';
import { VirtualBus } from '../../vehicle-bus/transports/virtual.transport.js';
import { transportPort } from './vehicle-port.js';

export interface HeadUnitOptions {
  /** A bus URI (slcan://…, socketcand://…, socketcan:…); absent: the simulated car in this process. */
  bus?: string;
  faults?: Faults;
  styles: StyleBook;
  style?: string;
  seatStyles?: Partial<Record<Seat, string>>;
  onEvent?: (e: DialogueEvent) => void;
  log?: (line: string) => void;
}

export interface HeadUnit {
  dialogue: Dialogue;
  tracker: VehicleStateTracker;
  transport: Transport;
  car: SimulatedCar | null;
  stop(): Promise<void>;
}

export async function startHeadUnit(opts: HeadUnitOptions): Promise<HeadUnit> {
  const network = loadCabinNetwork();
  const log = opts.log ?? (() => {});
  let car: SimulatedCar | null = null;
  let transport: Transport;
  let bus: VirtualBus | null = null;
  if (opts.bus) {
    transport = await openTransport(opts.bus);
  } else {
    bus = new VirtualBus();
    transport = bus.attach('head-unit', { log });
  }
  const tracker = new VehicleStateTracker(network, { log });
  tracker.attach(transport);
  if (bus) car = await startSimulatedCar(bus, { network, clock: realClock(), faults: opts.faults, log });
  const dialogue = new Dialogue({
    vehicle: transportPort(transport, tracker, new CommandEncoder(network), { onSendError: (e) => log(`head unit: ${e.message}`) }),
    styles: opts.styles,
    defaultStyle: opts.style,
    seatStyles: opts.seatStyles,
    onEvent: opts.onEvent,
  });
  return {
    dialogue,
    tracker,
    transport,
    car,
    async stop() {
      dialogue.stop();
      await car?.stop();
      await transport.close();
      await bus?.dispose();
    },
  };
}
