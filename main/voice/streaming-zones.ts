// Zone attribution on a live stream: interleaved 16-bit PCM in, each seat's finished utterances out as soon as they end.
//
// attributeZones (zones.ts) works on a whole recording. Live, the buffer is analysed again every
// `hopMs` of new audio, over the audio since the last emitted utterance plus `contextMs` before it (the
// noise floor needs history). An utterance is emitted once `endSilenceMs` of audio has followed its
// end, so it cannot grow any more; one still open is reported as speech starting (barge-in).
// Occupants talking over each other are one overlapping batch for the dialogue (DESIGN: each is served,
// conflicts are arbitrated by seat): a finished utterance is held while another seat's speech that began
// before it ended is still open, and they are emitted together (bounded by `maxHoldMs`).
import { SEATS, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { VoiceInputError } from './errors.js';
import { vadOptions } from './vad.js';
import { attributeZones, type ZoneOptions, type ZoneSegment } from './zones.js';

export interface StreamingOptions {
  channels: number;
  sampleRate?: number;
  zones?: Partial<ZoneOptions>;
  /** How often the buffer is analysed (audio time). */
  hopMs?: number;
  /** Audio kept before the analysis window for the noise floor. */
  contextMs?: number;
  /** For one-channel capture: the seat it belongs to (default the driver). */
  seat?: Seat;
  /** Longest a finished utterance waits for an overlapping one to finish (audio time, default 4000 ms). */
  maxHoldMs?: number;
}

export interface StreamingEvents {
  /** Finished utterances, one or several seats that spoke over each other, in the order they began. */
  utterances(batch: ZoneSegment[]): void;
  /** Speech began in a zone (once per utterance): the moment to stop a reply being spoken. */
  speechStarted?(seat: Seat): void;
}

export class StreamingZones {
  private readonly rate: number;
  private readonly hop: number;
  private readonly context: number;
  private readonly endSilenceMs: number;
  private chunks: Float32Array[][] = [];
  private buffered = 0;
  /** Sample index (stream time) of the first buffered sample. */
  private origin = 0;
  private sinceAnalysis = 0;
  /** Per seat: stream time (ms) up to which utterances were emitted, and whether one is known to be open. */
  private readonly emittedUntil = new Map<Seat, number>();
  private readonly open = new Set<Seat>();
  /** Finished utterances waiting for an overlapping one (stream-time ms). */
  private held: ZoneSegment[] = [];
  private heldSince = 0;
  private readonly maxHoldMs: number;

  constructor(
    private readonly opts: StreamingOptions,
    private readonly events: StreamingEvents,
  ) {
    if (opts.channels < 1 || opts.channels > SEATS.length) throw new VoiceInputError(`live capture needs 1–${SEATS.length} channels, got ${opts.channels}`);
    this.rate = opts.sampleRate ?? 16000;
    this.hop = Math.round(((opts.hopMs ?? 200) * this.rate) / 1000);
    this.context = Math.round(((opts.contextMs ?? 2000) * this.rate) / 1000);
    this.endSilenceMs = vadOptions(opts.zones).endSilenceMs;
    this.maxHoldMs = opts.maxHoldMs ?? 4000;
  }

  /** Interleaved little-endian 16-bit samples, any length (a partial frame is kept for the next call). */
  push(pcm: Int16Array): void {
    const n = this.opts.channels;
    const frames = Math.floor(pcm.length / n);
    const out = Array.from({ length: n }, () => new Float32Array(frames));
    for (let i = 0; i < frames; i++) for (let c = 0; c < n; c++) out[c]![i] = pcm[i * n + c]! / 32768;
    this.chunks.push(out);
    this.buffered += frames;
    this.sinceAnalysis += frames;
    if (this.sinceAnalysis >= this.hop) {
      this.sinceAnalysis = 0;
      this.analyse(false);
    }
  }

  /** End of stream: whatever was said last is complete now. */
  flush(): void {
    this.analyse(true);
  }

  private toMs(sample: number): number {
    return (sample * 1000) / this.rate;
  }

  private analyse(final: boolean): void {
    if (this.buffered === 0) {
      // Nothing new to analyse, but held utterances must not be lost at the end of the stream.
      if (final) this.release([], this.toMs(this.origin), true);
      return;
    }
    const channels = this.joined();
    const segments =
      this.opts.channels === 1
        ? attributeZones([channels[0]!], this.rate, this.opts.zones).map((s) => ({ ...s, seat: this.opts.seat ?? 'driver' }))
        : attributeZones(channels, this.rate, this.opts.zones);
    const endMs = this.toMs(this.buffered);
    const originMs = this.toMs(this.origin);
    let keepFrom = this.buffered; // samples from here on are still needed
    const openStarts: number[] = [];
    for (const s of segments) {
      const absEnd = originMs + s.endMs;
      if (absEnd <= (this.emittedUntil.get(s.seat) ?? -1)) continue;
      const complete = final || s.endMs + this.endSilenceMs <= endMs;
      if (complete) {
        this.open.delete(s.seat);
        this.emittedUntil.set(s.seat, absEnd);
        if (!this.held.length) this.heldSince = originMs + endMs;
        this.held.push({ ...s, startMs: originMs + s.startMs, endMs: absEnd });
      } else {
        if (!this.open.has(s.seat)) {
          this.open.add(s.seat);
          this.events.speechStarted?.(s.seat);
        }
        openStarts.push(originMs + s.startMs);
        keepFrom = Math.min(keepFrom, Math.round((s.startMs * this.rate) / 1000));
      }
    }
    this.release(openStarts, originMs + endMs, final);
    // Drop what no open utterance needs, keeping context for the noise floor.
    this.trim(Math.max(0, keepFrom - this.context));
  }

  /** Emits the held utterances unless speech that began before the last of them ended is still going on. */
  private release(openStarts: number[], nowMs: number, final: boolean): void {
    if (!this.held.length) return;
    const lastEnd = Math.max(...this.held.map((u) => u.endMs));
    const overlapped = openStarts.some((start) => start < lastEnd);
    if (overlapped && !final && nowMs - this.heldSince < this.maxHoldMs) return;
    const batch = this.held.sort((a, b) => a.startMs - b.startMs);
    this.held = [];
    this.events.utterances(batch);
  }

  private joined(): Float32Array[] {
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = Array.from({ length: this.opts.channels }, () => new Float32Array(this.buffered));
    let at = 0;
    for (const ch of this.chunks) {
      for (let c = 0; c < out.length; c++) out[c]!.set(ch[c]!, at);
      at += ch[0]!.length;
    }
    this.chunks = [out];
    return out;
  }

  private trim(samples: number): void {
    if (samples <= 0) return;
    const all = this.joined();
    this.chunks = [all.map((c) => c.slice(samples))];
    this.buffered -= samples;
    this.origin += samples;
  }
}
