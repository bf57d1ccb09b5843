// Speaker-zone attribution for cabin audio (channel order 0 driver, 1 passenger, 2 rear_left, 3 rear_right).
//
// Per channel: the VAD's frame levels (vad.ts: speech-band energy over an adaptive floor, spectral cue) say
// where the channel carries speech at all; dominance (zone-frames.ts: per-bin level with a margin, and
// GCC-PHAT arrival order) says whether that speech is this seat's talker or a leak of another. A frame
// counts for a seat only when both hold: the channel's share of power credited to its own talker, pooled
// over ±shareSmoothingFrames, is at least minShare. Endpointing (vad.ts) then
// builds each seat's segments from those frames alone, so two overlapping talkers in different seats
// come out as two segments, and the leaked copies on the other mics come out as none.
import { SEATS, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { VoiceInputError } from './errors.js';
import { resample } from './resample.js';
import { SAMPLE_RATE, stft } from './stft.js';
import { bandFeatures, endpoint, frameLevels, vadOptions, type Segment, type VadOptions } from './vad.js';
import { DEFAULT_DOMINANCE, dominance, type DominanceOptions } from './zone-frames.js';

export interface VoiceSegment extends Segment {
  /** The channel's samples from startMs to endMs, at 16 kHz. */
  audio: Float32Array;
}

export interface ZoneSegment extends VoiceSegment {
  seat: Seat;
}

export interface ZoneOptions extends VadOptions, DominanceOptions {
  /** Share (0–1) of a channel's speech-band power that must be its own talker's for the frame to count. */
  minShare: number;
  /**
   * The share is pooled (power-weighted) over this many frames either side. Reverberation and noise hand single
   * cells to the wrong mic at random; a talker's own mic wins consistently over tens of milliseconds.
   */
  shareSmoothingFrames: number;
}

export function zoneOptions(opts: Partial<ZoneOptions> = {}): ZoneOptions {
  const given = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
  const o = { ...vadOptions(opts), ...DEFAULT_DOMINANCE, minShare: 0.6, shareSmoothingFrames: 5, ...given };
  for (const [key, value] of Object.entries(o)) {
    if (!Number.isFinite(value)) throw new RangeError(`zone option ${key} must be a finite number, got ${String(value)}`);
  }
  if (!(o.minShare >= 0 && o.minShare <= 1)) throw new RangeError(`zone option minShare must be in [0, 1], got ${o.minShare}`);
  if (!(o.shareSmoothingFrames >= 0)) throw new RangeError('zone option shareSmoothingFrames must be >= 0');
  return o;
}

/** Power-weighted share of credited power over frames t-w..t+w. */
function pooledShare(credit: Float32Array, total: Float32Array, w: number): Float32Array {
  const out = new Float32Array(credit.length);
  for (let t = 0; t < credit.length; t++) {
    let c = 0;
    let p = 0;
    for (let u = Math.max(0, t - w); u <= Math.min(credit.length - 1, t + w); u++) {
      c += credit[u]!;
      p += total[u]!;
    }
    out[t] = p > 0 ? c / p : 0;
  }
  return out;
}

function slice(channel: Float32Array, s: Segment): Float32Array {
  return channel.slice(Math.round((s.startMs * SAMPLE_RATE) / 1000), Math.round((s.endMs * SAMPLE_RATE) / 1000));
}

function at16k(channel: Float32Array, sampleRate: number): Float32Array {
  if (!(sampleRate > 0)) throw new VoiceInputError(`sample rate must be positive, got ${sampleRate}`);
  return sampleRate === SAMPLE_RATE ? channel : resample(channel, sampleRate, SAMPLE_RATE);
}

/** Segments of a one-seat (mono) recording; the caller knows the seat. Audio comes back at 16 kHz. */
export function segmentsOf(channel: Float32Array, sampleRate: number, opts: Partial<VadOptions> = {}): VoiceSegment[] {
  const o = vadOptions(opts);
  const x = at16k(channel, sampleRate);
  return endpoint(frameLevels(bandFeatures(stft(x)), o), o).map((s) => ({ ...s, audio: slice(x, s) }));
}

/**
 * Who spoke when: one segment per utterance per seat, sorted by endMs (then seat order).
 * `channels` are in seat order; 1–4 of them, equal length. Audio comes back at 16 kHz.
 */
export function attributeZones(channels: Float32Array[], sampleRate: number, opts: Partial<ZoneOptions> = {}): ZoneSegment[] {
  if (channels.length === 0 || channels.length > SEATS.length) {
    throw new VoiceInputError(`zone attribution needs 1–${SEATS.length} channels (one per seat), got ${channels.length}`);
  }
  const length = channels[0]!.length;
  if (channels.some((c) => c.length !== length)) throw new VoiceInputError('zone attribution needs channels of equal length');
  const o = zoneOptions(opts);
  const xs = channels.map((c) => at16k(c, sampleRate));
  const spectra = xs.map((x) => stft(x));
  const levels = spectra.map((s) => frameLevels(bandFeatures(s), o));
  const frames = spectra[0]!.frames;
  const active = new Uint8Array(frames);
  for (const l of levels) for (let t = 0; t < frames; t++) if (l[t]) active[t] = 1;
  const d = dominance(spectra, active, o);
  const out: ZoneSegment[] = [];
  xs.forEach((x, c) => {
    // One channel has no copies to compare with: all its speech is its own.
    const share = xs.length === 1 ? undefined : pooledShare(d.credit[c]!, d.total[c]!, Math.round(o.shareSmoothingFrames));
    const own = levels[c]!.map((level, t) => (!share || share[t]! >= o.minShare ? level : 0));
    for (const s of endpoint(own, o)) out.push({ seat: SEATS[c]!, ...s, audio: slice(x, s) });
  });
  return out.sort((a, b) => a.endMs - b.endMs || SEATS.indexOf(a.seat) - SEATS.indexOf(b.seat));
}
