// The head-unit app's core behind the IPC contract: one handler per channel over a live cabin, and the events every window receives.
import { SEATS, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { LanguageModel } from '../../models/language-model.js';
import { activeFaultSpecs, DEFAULT_LIMITS, ECU_NAMES, Faults, parseFaultSpec, type FaultSnapshot } from '../../vehicle-bus/sim/faults.js';
import { CabinError, UsageError } from '../../vehicle-bus/errors.js';
import type { AppEvent, Channel, FaultView, RequestOf, ResponseOf, TurnView } from './ipc-contract.js';
import { LiveCabin } from './live-cabin.js';
import { StyleTuner } from './style-tuner.js';
import { TraceRecorder } from './trace-recorder.js';
import { turnView } from './turn-view.js';
import { PushToTalk } from './push-to-talk.js';
import type { CaptureSource } from '../voice/capture-source.js';
import type { LiveTurn } from './live-cabin.js';

export type Handlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface CabinAppOptions {
  lm: LanguageModel;
  /** Push-to-talk audio (microphones or a recording); absent: the talk button explains there is none. */
  capture?: CaptureSource;
  userStylesDir: string;
  /** A bus URI to drive instead of the simulated car in this process (`cabin start --bus`). */
  bus?: string;
  /** Fault specs for the simulated car; refused with `bus`, whose faults are that car's own. */
  faults?: readonly string[];
  log?: (line: string) => void;
}

/** Turns kept for a window that opens late; older ones are in the UI's own history already. */
const CONVERSATION_KEPT = 100;

export class CabinApp {
  private readonly listeners = new Set<(e: AppEvent) => void>();
  private readonly conversation: TurnView[] = [];
  private readonly stops: (() => void)[] = [];

  private constructor(
    private readonly cabin: LiveCabin,
    private readonly tuner: StyleTuner,
    private readonly trace: TraceRecorder,
    private readonly lm: LanguageModel,
    private readonly talk: PushToTalk,
  ) {}

  static async start(opts: CabinAppOptions): Promise<CabinApp> {
    if (opts.bus && opts.faults?.length) throw new UsageError(`faults belong to the simulated car; they cannot be injected on ${opts.bus}`);
    const faults = new Faults();
    for (const spec of opts.faults ?? []) parseFaultSpec(spec)(faults);
    const tuner = new StyleTuner(opts.userStylesDir, opts.log);
    const cabin = await LiveCabin.start({ styles: tuner.book, lm: opts.lm, bus: opts.bus, faults, log: opts.log });
    let app: CabinApp | undefined;
    const trace = new TraceRecorder(cabin.network.dbc, (frames) => app?.emit({ type: 'trace', frames }));
    const talk = new PushToTalk(opts.capture ?? null, opts.lm, async () => {
      const { cabinRecognizer } = await import('../../models/speech/pocketsphinx.recognizer.js');
      return cabinRecognizer();
    });
    app = new CabinApp(cabin, tuner, trace, opts.lm, talk);
    app.stops.push(
      cabin.onFrame((f) => trace.add(f)),
      cabin.onChange((c) => app!.emit({ type: 'state', state: c.state, paths: c.paths })),
      cabin.onLinkChange((state) => {
        opts.log?.(`CAN link ${state}`);
        app!.emit({ type: 'link', state });
      }),
    );
    if (cabin.faults) app.stops.push(cabin.faults.onChange((s) => app!.emit({ type: 'faults', faults: faultView(s) })));
    return app;
  }

  onEvent(listener: (e: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: AppEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** Records and announces the turns of one request (typed or spoken). */
  private async served(run: () => Promise<LiveTurn[]>): Promise<{ turns: TurnView[] }> {
    const before = JSON.stringify(this.seatStyles());
    const turns = (await run()).map(turnView);
    for (const t of turns) {
      this.conversation.push(t);
      this.emit({ type: 'turn', turn: t });
    }
    this.conversation.splice(0, Math.max(0, this.conversation.length - CONVERSATION_KEPT));
    // "Switch to the playful style" is a spoken style change; the tuner's seat pickers must follow.
    if (JSON.stringify(this.seatStyles()) !== before) this.stylesChanged();
    return { turns };
  }

  private seatStyles(): Record<Seat, string> {
    return Object.fromEntries(SEATS.map((s) => [s, this.cabin.dialogue.styleOf(s)])) as Record<Seat, string>;
  }

  private stylesChanged(): void {
    this.emit({ type: 'styles', styleNames: this.tuner.book.names(), seatStyles: this.seatStyles() });
  }

  /** The handlers the IPC layer calls once a request has passed the contract's validator. */
  readonly handlers: Handlers = {
    snapshot: async () => ({
      state: this.cabin.state,
      seatStyles: this.seatStyles(),
      styleNames: this.tuner.book.names(),
      faults: this.cabin.faults ? faultView(this.cabin.faults.snapshot()) : NO_FAULTS,
      ecuLimits: Object.fromEntries(ECU_NAMES.map((n) => [n, Object.keys(DEFAULT_LIMITS[n])])),
      conversation: [...this.conversation],
      trace: this.trace.recent(),
      userStylesDir: this.tuner.userDir,
      model: this.lm.info().name,
      talkUnavailable: this.talk.available,
      bus: this.cabin.busUri === null ? { kind: 'simulated' } : { kind: 'external', uri: this.cabin.busUri },
      link: this.cabin.link,
    }),
    say: async ({ utterances }) => {
      const speakers = utterances.map((u) => u.speaker);
      if (new Set(speakers).size !== speakers.length) throw new CabinError('E_SAY', 'one utterance per seat in a batch (each seat has one microphone zone)');
      return this.served(() => this.cabin.say(utterances));
    },
    talkStart: async ({ speaker }) => {
      this.talk.start(speaker);
      return { listening: true };
    },
    talkStop: async () => {
      const heard = await this.talk.stop();
      return this.served(() => this.cabin.serve(heard));
    },
    setSpeed: async ({ speedKph }) => ({ speedKph: await this.cabin.setSpeed(speedKph) }),
    applyFault: async ({ spec }) => faultView(this.cabin.applyFault(spec)),
    clearFaults: async () => faultView(this.cabin.clearFaults()),
    exportTrace: async ({ filter }) => {
      const { text, frames } = this.trace.exportCandump(filter);
      const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
      return { fileName: `cabin-trace-${stamp}.log`, text, frames };
    },
    setSeatStyle: async ({ seat, style }) => {
      this.cabin.dialogue.setStyle(seat, style);
      this.stylesChanged();
      return { seatStyles: this.seatStyles() };
    },
    getStyle: async ({ name }) => ({ style: this.tuner.draftOf(name), basePhrases: this.tuner.book.base }),
    previewStyle: async ({ draft, compare, lang }) => this.tuner.preview(draft, compare, lang),
    saveStyle: async ({ draft }) => {
      const saved = this.tuner.save(draft);
      this.stylesChanged();
      return saved;
    },
  };

  async stop(): Promise<void> {
    for (const s of this.stops) s();
    this.trace.stop();
    this.talk.close();
    this.listeners.clear();
    await this.cabin.stop();
  }
}

/** An external car's faults are not ours to see or switch: no ECUs to show, nothing active. */
const NO_FAULTS: FaultView = { ecus: {}, bus: { dropPct: 0, corruptPct: 0 }, active: [] };

export function faultView(s: FaultSnapshot): FaultView {
  return { ecus: s.ecus, bus: s.bus, active: activeFaultSpecs(s) };
}
