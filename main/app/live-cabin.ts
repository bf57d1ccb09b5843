// The head unit's cabin on real time: simulated ECUs on a virtual bus, the state tracker, the dialogue and the language model.
import { Dialogue, type TurnResult, type Utterance } from '../../intents/dialogue/dialogue.js';
import type { DialogueEvent } from '../../intents/dialogue/events.js';
import type { StyleBook } from '../../intents/replies/style-book.js';
import type { LanguageModel } from '../../models/language-model.js';
import { loadCabinNetwork } from '../../vehicle-bus/cabin/cabin-dbc-file.js';
import type { CabinNetwork } from '../../vehicle-bus/cabin/cabin-network.js';
import { CommandEncoder } from '../../vehicle-bus/cabin/commands.js';
import { VehicleStateTracker, type Seat, type StateChange, type VehicleState } from '../../vehicle-bus/cabin/vehicle-state.js';
import type { CanFrame } from '../../vehicle-bus/frame.js';
import { realClock } from '../../vehicle-bus/sim/clock.js';
import { Faults } from '../../vehicle-bus/sim/faults.js';
import { startSimulatedCar, type SimulatedCar } from '../../vehicle-bus/sim/simulated-car.js';
import type { Transport } from '../../vehicle-bus/transport.js';
import { VirtualBus } from '../../vehicle-bus/transports/virtual.transport.js';
import { transportPort } from '../run/vehicle-port.js';

export interface LiveCabinOptions {
  styles: StyleBook;
  lm: LanguageModel;
  seatStyles?: Partial<Record<Seat, string>>;
  faults?: Faults;
  onEvent?: (e: DialogueEvent) => void;
  /** ECU and bus log lines (dropped frames, fault changes); default nowhere, the UI shows the trace instead. */
  log?: (line: string) => void;
}

/** A turn with the time the utterance was handed over, so latency is measured from the request, not from the reply. */
export interface LiveTurn extends TurnResult {
  requestedAt: number;
}

export class LiveCabin {
  private constructor(
    readonly network: CabinNetwork,
    readonly bus: VirtualBus,
    readonly car: SimulatedCar,
    readonly tracker: VehicleStateTracker,
    readonly dialogue: Dialogue,
    readonly faults: Faults,
    private readonly lm: LanguageModel,
    private readonly hu: Transport,
    private readonly tap: Transport,
    private readonly encoder: CommandEncoder,
  ) {}

  static async start(opts: LiveCabinOptions): Promise<LiveCabin> {
    const log = opts.log ?? (() => {});
    const network = loadCabinNetwork();
    // Anonymous bus: several app instances (tests) in one process must not share a car.
    const bus = new VirtualBus();
    const hu = bus.attach('head-unit', { log });
    // A second node sees every frame, the head unit's commands included (a node never hears its own sends).
    const tap = bus.attach('trace', { log });
    const tracker = new VehicleStateTracker(network, { log });
    tracker.attach(hu);
    const encoder = new CommandEncoder(network);
    const faults = opts.faults ?? new Faults();
    const car = await startSimulatedCar(bus, { network, clock: realClock(), faults, log });
    const port = transportPort(hu, tracker, encoder, { onSendError: (e) => log(`head unit: ${e.message}`) });
    const dialogue = new Dialogue({ vehicle: port, styles: opts.styles, seatStyles: opts.seatStyles, onEvent: opts.onEvent });
    const cabin = new LiveCabin(network, bus, car, tracker, dialogue, faults, opts.lm, hu, tap, encoder);
    await cabin.waitForCompletePicture();
    return cabin;
  }

  /** The UI must start from what the ECUs report, not from defaults; every ECU reports within ~100 ms. */
  private async waitForCompletePicture(limitMs = 2_000): Promise<void> {
    const start = Date.now();
    while (!this.tracker.complete() && Date.now() - start < limitMs) await new Promise((r) => setTimeout(r, 20));
  }

  /** Understands each utterance, then serves them as one overlapping batch. */
  async say(utterances: readonly { speaker: Seat; text: string }[]): Promise<LiveTurn[]> {
    const requestedAt = performance.now();
    const batch: Utterance[] = [];
    for (const u of utterances) batch.push({ speaker: u.speaker, text: u.text, intents: (await this.lm.understand(u.text, u.speaker)).intents });
    return this.serve(batch, requestedAt);
  }

  /** Serves utterances already understood (push-to-talk: recognised and understood by the caller). */
  async serve(batch: Utterance[], requestedAt = performance.now()): Promise<LiveTurn[]> {
    const results = await this.dialogue.handle(batch);
    return results.map((r) => ({ ...r, requestedAt }));
  }

  /** The car changes speed as a test bench would tell it (TESTER frame); resolves once the status shows it. */
  async setSpeed(kph: number, limitMs = 1_000): Promise<number> {
    for (const f of this.encoder.frames({ kind: 'vehicle', speed_kph: kph })) await this.hu.send(f);
    const start = Date.now();
    while (Math.abs(this.tracker.state.vehicle.speed_kph - kph) > 0.5 && Date.now() - start < limitMs) await new Promise((r) => setTimeout(r, 20));
    return this.tracker.state.vehicle.speed_kph;
  }

  get state(): VehicleState {
    return this.tracker.state;
  }

  onChange(listener: (c: StateChange) => void): () => void {
    return this.tracker.onChange(listener);
  }

  /** Every frame on the bus, as the trace shows it. */
  onFrame(listener: (f: CanFrame) => void): () => void {
    return this.tap.subscribe(listener);
  }

  async stop(): Promise<void> {
    this.dialogue.stop();
    await this.car.stop();
    await this.bus.dispose();
  }
}
