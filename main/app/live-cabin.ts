// The app's cabin over the one head-unit builder: the language model in front of the dialogue, and the tester's
// controls (speed, faults) that exist only when the car is the simulated one in this process.
import type { Dialogue, TurnResult, Utterance } from '../../intents/dialogue/dialogue.js';
import type { DialogueEvent } from '../../intents/dialogue/events.js';
import type { StyleBook } from '../../intents/replies/style-book.js';
import type { LanguageModel } from '../../models/language-model.js';
import type { CabinNetwork } from '../../vehicle-bus/cabin/cabin-network.js';
import type { Seat, StateChange, VehicleState } from '../../vehicle-bus/cabin/vehicle-state.js';
import { CabinError } from '../../vehicle-bus/errors.js';
import type { CanFrame } from '../../vehicle-bus/frame.js';
import type { TransportState } from '../../vehicle-bus/transport.js';
import { parseFaultSpec, type Faults, type FaultSnapshot } from '../../vehicle-bus/sim/faults.js';
import { startHeadUnit, type HeadUnit } from '../run/head-unit.js';

export interface LiveCabinOptions {
  styles: StyleBook;
  lm: LanguageModel;
  /** A bus URI to drive (a real car, or a simulator in another process); absent: the simulated car in this process. */
  bus?: string;
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

/** Thrown for a tester's control on an external bus: the speed and faults are that car's, not ours to set. */
export class NotSimulatedError extends CabinError {
  constructor(what: string, uri: string) {
    super('E_NOT_SIMULATED', `${what} belongs to the simulated car; the app drives the external bus ${uri}, so nothing was changed`);
  }
}

export class LiveCabin {
  private constructor(
    private readonly head: HeadUnit,
    private readonly lm: LanguageModel,
    /** The external bus URI, or null for the in-process simulated car. */
    readonly busUri: string | null,
  ) {}

  static async start(opts: LiveCabinOptions): Promise<LiveCabin> {
    const head = await startHeadUnit({ bus: opts.bus, faults: opts.faults, styles: opts.styles, seatStyles: opts.seatStyles, onEvent: opts.onEvent, log: opts.log });
    // The UI must start from what the ECUs report, not from defaults; every ECU reports within ~100 ms.
    if (!(await head.waitForCompletePicture())) opts.log?.('not every ECU has reported yet; the cabin view shows defaults until they do');
    return new LiveCabin(head, opts.lm, opts.bus ?? null);
  }

  get network(): CabinNetwork {
    return this.head.network;
  }

  get dialogue(): Dialogue {
    return this.head.dialogue;
  }

  get state(): VehicleState {
    return this.head.tracker.state;
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
    const results = await this.head.dialogue.handle(batch);
    return results.map((r) => ({ ...r, requestedAt }));
  }

  /** The car changes speed as a test bench would tell it (TESTER frame); resolves once the status shows it. */
  async setSpeed(kph: number, limitMs = 1_000): Promise<number> {
    this.simulated('the vehicle speed');
    const { tracker, encoder, transport } = this.head;
    for (const f of encoder.frames({ kind: 'vehicle', speed_kph: kph })) await transport.send(f);
    const start = Date.now();
    while (Math.abs(tracker.state.vehicle.speed_kph - kph) > 0.5 && Date.now() - start < limitMs) await new Promise((r) => setTimeout(r, 20));
    return tracker.state.vehicle.speed_kph;
  }

  /** Fault switches of the simulated car, or null on an external bus. */
  get faults(): Faults | null {
    return this.head.faults;
  }

  applyFault(spec: string): FaultSnapshot {
    const faults = this.simulated('fault injection');
    parseFaultSpec(spec)(faults);
    return faults.snapshot();
  }

  clearFaults(): FaultSnapshot {
    const faults = this.simulated('fault injection');
    faults.clearAll();
    return faults.snapshot();
  }

  /** The simulated car's faults; throws before anything is sent or switched on an external bus. */
  private simulated(what: string): Faults {
    if (!this.head.faults) throw new NotSimulatedError(what, this.busUri ?? '?');
    return this.head.faults;
  }

  onChange(listener: (c: StateChange) => void): () => void {
    return this.head.tracker.onChange(listener);
  }

  /** The head unit's connection to the bus. */
  get link(): TransportState {
    return this.head.transport.state;
  }

  /**
   * Calls back when the connection changes (a socketcand peer gone, a serial adapter unplugged). A Transport
   * has no state events, so it is sampled; every `everyMs` is quick enough for a person looking at the screen.
   */
  onLinkChange(listener: (state: TransportState) => void, everyMs = 500): () => void {
    let last = this.link;
    const timer = setInterval(() => {
      if (this.link !== last) listener((last = this.link));
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Every frame on the bus, the head unit's commands included, as the trace shows it. */
  onFrame(listener: (f: CanFrame) => void): () => void {
    return this.head.onFrame(listener);
  }

  async stop(): Promise<void> {
    await this.head.stop();
  }
}
