// The dialogue as a whole: zone machines and the cabin arbiter wired to a vehicle port; utterances in, replies out.
import { createActor, type Actor } from 'xstate';
import type { CabinCommand } from '../../vehicle-bus/cabin/commands.js';
import type { CabinTelemetry } from '../../vehicle-bus/cabin/status-frames.js';
import { SEATS, type Seat, type VehicleState } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { Intent } from '../catalog.js';
import { FEATURE_DEFS } from '../features.js';
import { renderKey, renderTurn, type ReplyContext } from '../replies/render.js';
import { DEFAULT_STYLE, type StyleBook } from '../replies/style-book.js';
import { cabinMachine, type BatchTurn, type CabinEmitted } from './cabin.machine.js';
import { closedLoopMachine, type ChangeOutcome } from './closed-loop.machine.js';
import type { TurnItem } from './interpret.js';
import { isThanksOnly } from './gratitude.js';
import { languageOf, type Lang } from './language.js';
import { planningState } from './planning-state.js';
import { onlyStyleRequestOf, styleRequestOf } from './style-request.js';
import { zoneMachine, type ZoneEmitted } from './zone.machine.js';
import type { DialogueEvent } from './events.js';

/** The timer interface xstate schedules delays on (its own `Clock` type is not exported). */
export interface DialogueClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** What the dialogue needs from the car: the host wires it to a real or simulated bus. */
export interface VehiclePort {
  /** The state as the ECUs last reported it. */
  state(): VehicleState;
  telemetry(): CabinTelemetry;
  /** Puts one command on the bus (the host encodes and sends; it must not throw for a healthy bus). */
  send(cmd: CabinCommand): void;
  /** Calls back for every accepted status frame, with its message name. */
  onStatus(listener: (message: string) => void): () => void;
}

export interface Utterance {
  speaker: Seat;
  /** What was heard (typed or recognised); its script decides the reply language. */
  text: string;
  /** What the language model understood. */
  intents: Intent[];
  /** The recogniser's confidence in `text` (0–1) for spoken input; absent for typed text. */
  confidence?: number;
}

export interface TurnResult {
  turn: string;
  speaker: Seat;
  text: string;
  lang: Lang;
  intents: Intent[];
  style: string;
  items: TurnItem[];
  outcomes: ChangeOutcome[];
  reply: string;
  /** `now()` when this turn's first frame went out; null when it sent nothing. */
  firstFrameAt: number | null;
  /**
   * Set when the turn was about the conversation, not the car: a style request or thanks, served without the
   * model's intents (`intents` is then empty, whatever the model read: "be more formal" is not seat massage).
   */
  about?: 'style' | 'thanks';
}

export interface DialogueOptions {
  vehicle: VehiclePort;
  styles: StyleBook;
  /** Style per seat; seats not named use `defaultStyle`. */
  seatStyles?: Partial<Record<Seat, string>>;
  defaultStyle?: string;
  /** xstate clock for the 300 ms resend and the answer timeout; default real timers. */
  clock?: DialogueClock;
  /** For firstFrameAt; default performance.now. */
  now?: () => number;
  /** Spoken input below this recogniser confidence gets "say again" instead of an action (default 0.3). */
  minConfidence?: number;
  /** Every step, for logs, the UI and snapshot tests. */
  onEvent?: (e: DialogueEvent) => void;
}

export const DEFAULT_MIN_CONFIDENCE = 0.3;

export class Dialogue {
  private readonly zones = {} as Record<Seat, Actor<typeof zoneMachine>>;
  private readonly cabin: Actor<typeof cabinMachine>;
  private readonly zoneOut: ZoneEmitted[] = [];
  private readonly cabinOut: CabinEmitted[] = [];
  private readonly settled = new Map<string, (outcomes: ChangeOutcome[]) => void>();
  private readonly firstFrame = new Map<string, number>();
  private readonly stopStatus: () => void;
  private readonly now: () => number;
  private seq = 0;

  constructor(private readonly opts: DialogueOptions) {
    this.now = opts.now ?? (() => performance.now());
    const actorOpts = opts.clock ? { clock: opts.clock } : {};
    for (const seat of SEATS) {
      const style = opts.seatStyles?.[seat] ?? opts.defaultStyle ?? DEFAULT_STYLE;
      opts.styles.get(style); // an unknown style is a configuration error: fail at start, not at the first reply
      const zone = createActor(zoneMachine, { ...actorOpts, input: { seat, style } });
      zone.on('*', (e) => this.zoneOut.push(e));
      this.zones[seat] = zone.start();
    }
    const loop = closedLoopMachine.provide({
      actions: {
        transmit: ({ context }, params: { commands: CabinCommand[]; attempt: number }) => {
          if (!this.firstFrame.has(context.job) && params.commands.length) this.firstFrame.set(context.job, this.now());
          this.emit({ type: 'sent', job: context.job, attempt: params.attempt, commands: params.commands });
          for (const cmd of params.commands) opts.vehicle.send(cmd);
        },
      },
    });
    this.cabin = createActor(cabinMachine.provide({ actors: { closedLoop: loop } }), { ...actorOpts, input: {} });
    this.cabin.on('*', (e) => this.onCabin(e));
    this.cabin.start();
    this.stopStatus = opts.vehicle.onStatus((message) => {
      // Status frames arrive ten times a second per ECU; only running closed loops need them.
      if (Object.keys(this.cabin.getSnapshot().context.jobs).length === 0) return;
      this.cabin.send({ type: 'STATUS', message, state: opts.vehicle.state(), telemetry: opts.vehicle.telemetry() });
    });
  }

  styleOf(seat: Seat): string {
    return this.zones[seat].getSnapshot().context.style;
  }

  setStyle(seat: Seat, style: string): void {
    this.opts.styles.get(style);
    this.zones[seat].send({ type: 'STYLE', style });
  }

  /** Closed loops still held by the arbiter (0 between turns; anything else is a leak). */
  runningLoops(): number {
    return Object.keys(this.cabin.getSnapshot().children).length;
  }

  /** Whether a seat has a yes/no question open. */
  awaitingAnswer(seat: Seat): boolean {
    return this.zones[seat].getSnapshot().matches('awaitingAnswer');
  }

  /**
   * Serves a batch of utterances that overlapped (or one utterance). Resolves once every turn is
   * settled: its changes confirmed by status frames, or the closed loop gave up on them.
   */
  async handle(batch: readonly Utterance[]): Promise<TurnResult[]> {
    const results: TurnResult[] = [];
    const acts: BatchTurn[] = [];
    for (const u of batch) {
      const r = this.startTurn(u);
      results.push(r);
      this.emit({ type: 'heard', turn: r.turn, speaker: u.speaker, text: u.text, lang: r.lang, intents: u.intents });
      // A likely misrecognition must not move the car: ask again rather than act on a guess.
      if (u.confidence !== undefined && (u.confidence < (this.opts.minConfidence ?? DEFAULT_MIN_CONFIDENCE) || !u.text.trim())) {
        this.reply(r, renderKey(this.ctx(r), 'asr.repeat'));
        continue;
      }
      // A style request the model read as a car request ("be more formal" → massage) still only changes the style.
      const known = this.opts.styles.names();
      const movesCar = u.intents.some((i) => FEATURE_DEFS.has(i.intent));
      const asked = onlyStyleRequestOf(u.text, known) ?? (movesCar ? undefined : styleRequestOf(u.text, known));
      if (asked) {
        this.setStyle(u.speaker, asked);
        r.style = asked;
        r.intents = [];
        r.about = 'style';
        this.reply(r, renderKey(this.ctx(r), 'style.changed'));
        continue;
      }
      // Thanks is answered as thanks unless a question waits for a yes ("Should I …?" "thanks" means yes).
      if (isThanksOnly(u.text) && !movesCar && !this.awaitingAnswer(u.speaker)) {
        r.intents = [];
        r.about = 'thanks';
        this.reply(r, renderKey(this.ctx(r), 'thanks.reply'));
        continue;
      }
      this.zones[u.speaker].send({ type: 'UTTERANCE', intents: u.intents, lang: r.lang });
      for (const e of this.zoneOut.splice(0)) {
        if (e.type === 'act') acts.push({ turn: r.turn, speaker: u.speaker, intents: e.intents, confirmed: e.confirmed, confirm: this.opts.styles.get(r.style).confirm });
        else if (e.type === 'answered') this.reply(r, renderKey(this.ctx(r), e.key));
      }
    }
    if (acts.length === 0) return results;

    this.cabin.send({ type: 'BATCH', turns: acts, state: planningState(this.opts.vehicle.state(), this.opts.vehicle.telemetry()) });
    const waits: Promise<void>[] = [];
    for (const e of this.cabinOut.splice(0)) {
      if (e.type !== 'planned') continue;
      const r = results.find((x) => x.turn === e.turn)!;
      r.items = e.items;
      for (const item of e.items) if (item.kind === 'ask') this.zones[r.speaker].send({ type: 'ASK', question: { intents: item.intents, lang: r.lang } });
      if (e.job === null) {
        this.reply(r, renderTurn(this.ctx(r), r.items));
        continue;
      }
      const job = e.job;
      waits.push(
        new Promise<void>((resolve) => {
          this.settled.set(job, (outcomes) => {
            r.outcomes = outcomes;
            r.firstFrameAt = this.firstFrame.get(job) ?? null;
            this.firstFrame.delete(job);
            this.reply(r, renderTurn(this.ctx(r), r.items, outcomes));
            resolve();
          });
        }),
      );
    }
    await Promise.all(waits);
    return results;
  }

  stop(): void {
    this.stopStatus();
    this.cabin.stop();
    for (const z of Object.values(this.zones)) z.stop();
  }

  private startTurn(u: Utterance): TurnResult {
    return {
      turn: `t${++this.seq}`,
      speaker: u.speaker,
      text: u.text,
      lang: languageOf(u.text),
      intents: u.intents,
      style: this.styleOf(u.speaker),
      items: [],
      outcomes: [],
      reply: '',
      firstFrameAt: null,
    };
  }

  private ctx(r: TurnResult): ReplyContext {
    return { speaker: r.speaker, lang: r.lang, style: this.opts.styles.get(r.style), base: this.opts.styles.base };
  }

  private reply(r: TurnResult, text: string): void {
    r.reply = text;
    this.emit({ type: 'replied', turn: r.turn, speaker: r.speaker, reply: text });
  }

  private onCabin(e: CabinEmitted): void {
    if (e.type === 'planned') {
      this.emit({ type: 'planned', turn: e.turn, speaker: e.speaker, items: e.items, job: e.job });
      this.cabinOut.push(e);
      return;
    }
    this.emit({ type: 'settled', turn: e.turn, job: e.job, outcomes: e.outcomes });
    const done = this.settled.get(e.job);
    this.settled.delete(e.job);
    done?.(e.outcomes);
  }

  private emit(e: DialogueEvent): void {
    this.opts.onEvent?.(e);
  }
}

