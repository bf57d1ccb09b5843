// From recordings to what each seat said: zone attribution or VAD segments, then the recogniser, timed from the end of speech.
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { toPcm16, type Recognition, type Recognizer } from '../../models/speech/recognizer.js';
import { VoiceInputError } from './errors.js';
import { activeLevelDb } from './level.js';
import { mulberry32 } from '../../vehicle-bus/prng.js';
import type { VadOptions } from './vad.js';
import type { Audio } from './wav.js';
import { attributeZones, segmentsOf, type ZoneOptions } from './zones.js';

export interface HeardUtterance {
  seat: Seat;
  /** Where the utterance lies in its recording. */
  startMs: number;
  endMs: number;
  recognition: Recognition;
  /**
   * Wall time the recogniser needed after the end of speech. Capture is streamed: the audio is fed
   * while the occupant speaks, so only the final search (end of utterance) remains once the endpointer
   * fires; that is what is timed here, as on the head unit.
   */
  finishMs: number;
}

export interface HearingOptions {
  vad?: Partial<VadOptions>;
  zones?: Partial<ZoneOptions>;
  /** Samples per chunk fed to the recogniser while "capturing" (100 ms at 16 kHz). */
  chunk?: number;
  /** Noise floor added before recognition, dB relative to the utterance's active level; null: none. */
  noiseFloorDb?: number | null;
  /** Recognisers of enrolled seats (their voice profiles); the other seats use the shared one. */
  seatRecognizers?: Partial<Record<Seat, Recognizer>>;
}

export class Hearing {
  constructor(
    private readonly recognizer: Recognizer,
    private readonly opts: HearingOptions = {},
  ) {}

  /** A one-seat recording: every utterance in it is that seat's. */
  mono(audio: Audio, seat: Seat): HeardUtterance[] {
    if (audio.channels.length !== 1) throw new VoiceInputError(`expected a mono recording for one seat, got ${audio.channels.length} channels`);
    return segmentsOf(audio.channels[0]!, audio.sampleRate, this.opts.vad).map((s) => this.recognise(seat, s.startMs, s.endMs, s.audio));
  }

  /** A cabin recording, one channel per seat in DESIGN's order: who spoke is decided from the audio. */
  cabin(audio: Audio): HeardUtterance[] {
    return attributeZones(audio.channels, audio.sampleRate, { ...this.opts.vad, ...this.opts.zones }).map((s) => this.recognise(s.seat, s.startMs, s.endMs, s.audio));
  }

  private recognise(seat: Seat, startMs: number, endMs: number, samples: Float32Array): HeardUtterance {
    const pcm = toPcm16(this.opts.noiseFloorDb === null ? samples : withNoiseFloor(samples, this.opts.noiseFloorDb ?? DEFAULT_NOISE_FLOOR_DB));
    const chunk = this.opts.chunk ?? 1600;
    const recognizer = this.opts.seatRecognizers?.[seat] ?? this.recognizer;
    recognizer.start();
    for (let i = 0; i < pcm.length; i += chunk) recognizer.feed(pcm.subarray(i, i + chunk));
    const t = performance.now();
    const recognition = recognizer.end();
    return { seat, startMs, endMs, recognition, finishMs: performance.now() - t };
  }
}

/**
 * Utterances whose ends lie within `windowMs` of the first in a group, from different seats, overlap
 * (DESIGN: 1,500 ms); the rest follow one another. Input must be sorted by endMs.
 */
export function overlapGroups(heard: readonly HeardUtterance[], windowMs: number): HeardUtterance[][] {
  const groups: HeardUtterance[][] = [];
  for (const h of heard) {
    const g = groups.at(-1);
    if (g && h.endMs - g[0]!.endMs < windowMs && !g.some((x) => x.seat === h.seat)) g.push(h);
    else groups.push([h]);
  }
  return groups;
}

/**
 * Recognition works better with a little noise under the speech: PocketSphinx's en-us model was trained
 * on recordings that always have a noise floor, and near-silent frames (synthetic speech, gated or very
 * clean microphones) pull its cepstral mean normalisation off. White noise 35 dB (rms) below the
 * utterance's active level is added before recognition; on noisy audio it changes nothing measurable.
 * Measured on the voice bench (clean espeak-ng speech, 72 utterances): command success 72 % without it,
 * 87.5 % with it (a sweep from −45 to −25 dB gave 83–92 %, ±5 points between neighbouring settings); at
 * 10 dB SNR 75 % → 72–74 %. One parameter, chosen on that sweep — a real cabin recording set should re-tune it.
 */
export const DEFAULT_NOISE_FLOOR_DB = -35;

export function withNoiseFloor(x: Float32Array, relativeDb: number, seed = 1): Float32Array {
  const amplitude = 10 ** ((activeLevelDb(x) + relativeDb) / 20) * Math.sqrt(3); // uniform noise: rms = a/√3
  const rnd = mulberry32(seed);
  return x.map((v) => v + amplitude * (2 * rnd() - 1));
}
