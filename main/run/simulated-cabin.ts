// A whole cabin in one process: simulated ECUs on a virtual bus, the head unit's tracker and the dialogue, on one manual clock.
import { Dialogue, type TurnResult, type Utterance } from '../../intents/dialogue/dialogue.js';
import type { DialogueEvent } from '../../intents/dialogue/events.js';
import { StyleBook } from '../../intents/replies/style-book.js';
import { loadCabinNetwork } from '../../vehicle-bus/cabin/cabin-dbc-file.js';
import type { CabinNetwork } from '../../vehicle-bus/cabin/cabin-network.js';
import { CommandEncoder } from '../../vehicle-bus/cabin/commands.js';
import { VehicleStateTracker, type Seat, type VehicleState } from '../../vehicle-bus/cabin/vehicle-state.js';
import { ManualClock, settle, timerClockOf } from '../../vehicle-bus/sim/clock.js';
import { Faults } from '../../vehicle-bus/sim/faults.js';
import { startSimulatedCar, type SimulatedCar } from '../../vehicle-bus/sim/simulated-car.js';
import type { Transport } from '../../vehicle-bus/transport.js';
import { VirtualBus } from '../../vehicle-bus/transports/virtual.transport.js';
import { transportPort } from './vehicle-port.js';

export interface SimulatedCabinOptions {
  styles?: StyleBook;
  /** Style for every seat (`cabin run --style`); default the book's default. */
  style?: string;
  seatStyles?: Partial<Record<Seat, string>>;
  faults?: Faults;
  speedKph?: number;
  network?: CabinNetwork;
  onEvent?: (e: DialogueEvent) => void;
  /** Where dropped-frame and ECU log lines go; default nowhere (a script run prints only its outcome). */
  log?: (line: string) => void;
}

/** The longest a batch may take in simulated time: two 300 ms waits, with a wide margin for slow ECUs. */
const SETTLE_LIMIT_MS = 5_000;
const STEP_MS = 10;
/** Full recline takes 5 s at the simulated motor's speed; a seat stuck by a fault must not hold a run forever. */
const MOTION_LIMIT_MS = 10_000;
const MOTION_STEP_MS = 100;

export class SimulatedCabin {

  private constructor(
    readonly clock: ManualClock,
    readonly bus: VirtualBus,
    readonly car: SimulatedCar,
    readonly tracker: VehicleStateTracker,
    readonly dialogue: Dialogue,
    /** Command frames the head unit sent (resends included), for `frames` in `cabin run --json`. */
    private readonly sentFrames: () => number,
    private readonly hu: Transport,
    private readonly encoder: CommandEncoder,
  ) {}

  static async start(opts: SimulatedCabinOptions = {}): Promise<SimulatedCabin> {
    const network = opts.network ?? loadCabinNetwork();
    const styles = opts.styles ?? StyleBook.load();
    const log = opts.log ?? (() => {});
    const clock = new ManualClock();
    const bus = new VirtualBus();
    const hu = bus.attach('head-unit', { log });
    const tracker = new VehicleStateTracker(network, { now: () => clock.now(), log });
    tracker.attach(hu);
    const encoder = new CommandEncoder(network);
    const car = await startSimulatedCar(bus, { network, clock, faults: opts.faults, speedKph: opts.speedKph, log });
    await settle();
    // The car reports every status within one cycle; start from that picture, not from an assumption.
    await clock.advance(100);
    let sent = 0;
    const port = transportPort(hu, tracker, encoder, { onSendError: (e) => log(`head unit: ${e.message}`), onFrame: () => sent++ });
    const dialogue = new Dialogue({
      vehicle: port,
      styles,
      defaultStyle: opts.style,
      seatStyles: opts.seatStyles,
      clock: timerClockOf(clock),
      now: () => performance.now(),
      onEvent: opts.onEvent,
    });
    const cabin = new SimulatedCabin(clock, bus, car, tracker, dialogue, () => sent, hu, encoder);
    return cabin;
  }

  /**
   * Serves overlapping utterances (or one) and lets simulated time run until every closed loop has
   * settled. Returns the turns in the order given.
   */
  async say(batch: readonly Utterance[]): Promise<TurnResult[]> {
    let done = false;
    const pending = this.dialogue.handle(batch).finally(() => (done = true));
    await settle();
    const start = this.clock.now();
    while (!done && this.clock.now() - start < SETTLE_LIMIT_MS) await this.clock.advance(STEP_MS);
    if (!done) throw new Error(`the dialogue did not settle within ${SETTLE_LIMIT_MS} ms of simulated time`);
    return pending;
  }

  /**
   * Lets simulated time run until no seat motor reports motion (at most MOTION_LIMIT_MS), so that a run
   * ends on where the seats stopped, not where they were when the last reply was said.
   */
  async settleMotors(): Promise<void> {
    const moving = () => Object.values(this.tracker.telemetry.seat_motion).some((m) => m !== null && (m.recline_moving || m.slide_moving));
    const start = this.clock.now();
    while (moving() && this.clock.now() - start < MOTION_LIMIT_MS) await this.clock.advance(MOTION_STEP_MS);
  }

  /** Lets simulated time pass (the car keeps reporting, seats keep moving). */
  async wait(ms: number): Promise<void> {
    await this.clock.advance(ms);
  }

  /** The car changes speed (TESTER frame, as a test bench would); returns once the status shows it. */
  async setSpeed(kph: number): Promise<void> {
    for (const f of this.encoder.frames({ kind: 'vehicle', speed_kph: kph })) await this.hu.send(f);
    await this.clock.advance(110);
  }

  /** Command frames sent so far. */
  get frames(): number {
    return this.sentFrames();
  }

  get state(): VehicleState {
    return this.tracker.state;
  }

  async stop(): Promise<void> {
    this.dialogue.stop();
    await this.car.stop();
    await this.bus.dispose();
  }
}
