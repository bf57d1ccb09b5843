// Push-to-talk in the app: capture while the occupant holds the button, then recognise that seat's channel and serve it.
import type { Utterance } from '../../intents/dialogue/dialogue.js';
import type { LanguageModel } from '../../models/language-model.js';
import type { Recognizer } from '../../models/speech/recognizer.js';
import { SEATS, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { CabinError } from '../../vehicle-bus/errors.js';
import type { CaptureSource } from '../voice/capture-source.js';
import { Hearing } from '../voice/hearing.js';
import type { Capture } from '../voice/microphones.js';
import { understandHeard } from '../voice/understand-heard.js';

/** Longest hold kept (a stuck button must not fill memory). */
const MAX_SECONDS = 30;

export class PushToTalk {
  private active: { seat: Seat; capture: Capture; chunks: Buffer[]; bytes: number } | null = null;
  private recognizer: Recognizer | null = null;

  constructor(
    private readonly source: CaptureSource | null,
    private readonly lm: LanguageModel,
    private readonly openRecognizer: () => Promise<Recognizer>,
  ) {}

  get available(): string | null {
    return this.source ? null : 'no microphone is configured (start with --mic-device, or --mic-file for a recording)';
  }

  /** Starts capturing for `seat`; a capture already running is dropped (one talk button at a time). */
  start(seat: Seat): void {
    if (!this.source) throw new CabinError('E_NO_MIC', this.available!);
    this.active?.capture.stop();
    const capture = this.source.start();
    const a = { seat, capture, chunks: [] as Buffer[], bytes: 0 };
    const limit = MAX_SECONDS * 16000 * 2 * this.source.channels;
    capture.stream.on('data', (d: Buffer) => {
      if (a.bytes + d.length > limit) return;
      a.chunks.push(d);
      a.bytes += d.length;
    });
    this.active = a;
  }

  /** Stops capturing and returns what the seat said, understood; an empty hold is one "say again" turn. */
  async stop(): Promise<Utterance[]> {
    const a = this.active;
    if (!a) throw new CabinError('E_NOT_TALKING', 'talk was not started');
    this.active = null;
    a.capture.stop();
    const failed = await a.capture.ended;
    if (failed) throw new CabinError('E_MIC', failed);
    const n = this.source!.channels;
    const all = Buffer.concat(a.chunks);
    const frames = Math.floor(all.length / (2 * n));
    // With one microphone per seat, the pressed seat's own channel is the one to hear.
    const ch = n === SEATS.length ? SEATS.indexOf(a.seat) : 0;
    const samples = new Float32Array(frames);
    for (let i = 0; i < frames; i++) samples[i] = all.readInt16LE((i * n + ch) * 2) / 32768;
    this.recognizer ??= await this.openRecognizer();
    const heard = new Hearing(this.recognizer).mono({ sampleRate: 16000, channels: [samples] }, a.seat);
    if (heard.length === 0) return [{ speaker: a.seat, text: '', intents: [], confidence: 0 }];
    const out: Utterance[] = [];
    for (const h of heard) {
      const m = await understandHeard(this.lm, h.recognition, a.seat);
      out.push({ speaker: a.seat, text: m.text, intents: m.intents, confidence: m.confidence });
    }
    return out;
  }

  close(): void {
    this.active?.capture.stop();
    this.recognizer?.close();
  }
}
