// From recordings to what each seat said: zone attribution or VAD segments, then the recogniser, timed from the end of speech.
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { toPcm16, type Recognition, type Recognizer } from '../../models/speech/recognizer.js';
import { VoiceInputError } from './errors.js';
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
    const pcm = toPcm16(samples);
    const chunk = this.opts.chunk ?? 1600;
    this.recognizer.start();
    for (let i = 0; i < pcm.length; i += chunk) this.recognizer.feed(pcm.subarray(i, i + chunk));
    const t = performance.now();
    const recognition = this.recognizer.end();
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
