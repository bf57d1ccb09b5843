// Test-signal synthesis for tests and benchmarks: speech from espeak-ng, seeded cabin noise, 4-seat crosstalk mixes.
// This module spawns espeak-ng; nothing in the runtime voice path imports it.
import { execFileSync } from 'node:child_process';
import { SEATS, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { cabinNoise, gaussian } from './cabin-noise.js';
import { SynthUnavailableError } from './errors.js';
import { fft } from './fft.js';
import { activeLevelDb } from './level.js';
import { resample } from './resample.js';
import { parseWav } from './wav.js';

const RATE = 16000;

export interface SpeakOptions {
  /** espeak-ng voice, e.g. en-us, en-us+f3, en-gb, en-us+m3. */
  voice?: string;
  /** Words per minute (espeak-ng -s), default 165. */
  rate?: number;
}

/** Text to 16 kHz mono speech. Synchronous: tests and benchmarks call it a handful of times and cache the result. */
export function speak(text: string, opts: SpeakOptions = {}): Float32Array {
  let wav: Buffer;
  try {
    // Text goes on stdin so a phrase that starts with '-' is never read as a flag.
    wav = execFileSync('espeak-ng', ['-v', opts.voice ?? 'en-us', '-s', String(opts.rate ?? 165), '--stdout'], {
      input: text,
      maxBuffer: 64 << 20,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SynthUnavailableError('espeak-ng is not installed; install it with: apt-get install espeak-ng sox', { cause: err });
    }
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    throw new SynthUnavailableError(`espeak-ng failed for voice ${opts.voice ?? 'en-us'}: ${stderr || String(err)}`, { cause: err });
  }
  const audio = parseWav(new Uint8Array(wav.buffer, wav.byteOffset, wav.byteLength), 'espeak-ng output');
  return resample(audio.channels[0]!, audio.sampleRate, RATE);
}

/** signal + cabin noise whose level is `snrDb` below the signal's active level; the same seed gives the same noise. */
export function addNoise(signal: Float32Array, snrDb: number, seed: number): Float32Array {
  const noise = cabinNoise(signal.length, { seed, levelDb: activeLevelDb(signal) - snrDb });
  return signal.map((v, i) => v + noise[i]!);
}

export interface Talker {
  seat: Seat;
  audio: Float32Array;
  /** Where the talker's audio starts in the mix. */
  startMs: number;
}

export interface CabinMixOptions {
  /** Leak level below the talker's own mic for the nearest other mic (the lateral neighbour). */
  crosstalkDb: number;
  /** Leak delay to the lateral neighbour; front-rear and diagonal pairs are further. */
  delayMs: number;
  /** Cabin noise on every mic, this far below the loudest talker's active level. */
  noiseSnrDb?: number;
  /** Cabin noise at this absolute level (dBFS) instead; the way to get noise with no talkers. */
  noiseLevelDb?: number;
  seed?: number;
  /** Total length; default: the last talker's end + 300 ms. */
  lengthMs?: number;
  /**
   * Cabin reverberation: every seat-to-mic path gets its own decaying tail (RT60 `rt60Ms`), equally strong at
   * every mic (a diffuse field) and `drrDb` below the direct sound on the talker's own mic.
   */
  reverb?: { rt60Ms: number; drrDb: number };
  /** Per-mic gain error in dB (mics and preamps are never matched exactly), in seat order. */
  micGainDb?: number[];
}

// Seat positions in row/column units: leaks to a mic further away are weaker and later.
const POS: Record<Seat, [number, number]> = { driver: [0, 0], passenger: [0, 1], rear_left: [1, 0], rear_right: [1, 1] };

/** Extra attenuation (dB) and delay factor of the path from seat `from` to mic `to`, with a fixed per-pair jitter. */
export function leakPath(from: Seat, to: Seat): { extraDb: number; delayFactor: number } {
  const [r1, c1] = POS[from];
  const [r2, c2] = POS[to];
  const rows = Math.abs(r1 - r2);
  const cols = Math.abs(c1 - c2);
  // Jitter in [-0.75, 0.75] dB from the pair's indices, so the pairs are not perfectly symmetric.
  const jitter = ((((SEATS.indexOf(from) * 5 + SEATS.indexOf(to) * 3) % 7) - 3) / 3) * 0.75;
  if (rows === 0) return { extraDb: jitter, delayFactor: 1 };
  if (cols === 0) return { extraDb: 1.5 + jitter, delayFactor: 1.3 };
  return { extraDb: 3 + jitter, delayFactor: 1.6 };
}

/** x delayed by `d` samples (fractional, linear interpolation) and scaled, added into `out` at `offset`. */
function addDelayed(out: Float32Array, x: Float32Array, offset: number, d: number, g: number): void {
  const whole = Math.floor(d);
  const frac = d - whole;
  for (let i = 0; i < x.length + 1; i++) {
    const n = offset + whole + i;
    if (n < 0 || n >= out.length) continue;
    const cur = i < x.length ? x[i]! : 0;
    const prev = i > 0 ? x[i - 1]! : 0;
    out[n] = out[n]! + g * ((1 - frac) * cur + frac * prev);
  }
}

/** Seeded Gaussian noise under an exponential decay reaching -60 dB at rt60Ms, scaled to energy -drrDb. */
export function reverbTail(rt60Ms: number, drrDb: number, seed: number): Float32Array {
  const g = gaussian(seed);
  const n = Math.round((rt60Ms * RATE) / 1000);
  const tail = new Float32Array(n);
  const decay = Math.log(1000) / n; // amplitude e^(-decay n) = 10^-3 = -60 dB at n
  let energy = 0;
  for (let i = 0; i < n; i++) {
    tail[i] = g() * Math.exp(-decay * i);
    energy += tail[i]! ** 2;
  }
  const k = Math.sqrt(10 ** (-drrDb / 10) / (energy || 1));
  return tail.map((v) => v * k);
}

/** Linear convolution by FFT (sizes here reach 10^5 samples, too slow directly). */
export function convolve(x: Float32Array, h: Float32Array): Float32Array {
  const len = x.length + h.length - 1;
  let n = 1;
  while (n < len) n <<= 1;
  const xr = new Float64Array(n), xi = new Float64Array(n), hr = new Float64Array(n), hi = new Float64Array(n);
  xr.set(x);
  hr.set(h);
  fft(xr, xi);
  fft(hr, hi);
  // Inverse by conjugation: ifft(Z) = conj(fft(conj(Z))) / n.
  for (let k = 0; k < n; k++) {
    const r = xr[k]! * hr[k]! - xi[k]! * hi[k]!;
    const i = xr[k]! * hi[k]! + xi[k]! * hr[k]!;
    xr[k] = r;
    xi[k] = -i;
  }
  fft(xr, xi);
  const out = new Float32Array(len);
  for (let i = 0; i < len; i++) out[i] = xr[i]! / n;
  return out;
}

/**
 * Four mic channels (0 driver, 1 passenger, 2 rear_left, 3 rear_right): each talker at full level on its own mic,
 * and on every other mic attenuated by crosstalkDb (+1.5 dB front-rear, +3 dB diagonal, ±0.75 dB per pair) and
 * delayed by delayMs (x1.3 front-rear, x1.6 diagonal). Noise: 0.6 shared + 0.8 per-mic (independent) cabin noise.
 */
export function cabinMix(talkers: Talker[], opts: CabinMixOptions): Float32Array[] {
  const seed = opts.seed ?? 1;
  const ends = talkers.map((t) => Math.round((t.startMs * RATE) / 1000) + t.audio.length);
  const length = opts.lengthMs !== undefined ? Math.round((opts.lengthMs * RATE) / 1000) : Math.max(0, ...ends) + (3 * RATE) / 10;
  const mics = SEATS.map(() => new Float32Array(length));
  for (const t of talkers) {
    const offset = Math.round((t.startMs * RATE) / 1000);
    SEATS.forEach((mic, m) => {
      const own = mic === t.seat;
      const path = leakPath(t.seat, mic);
      const g = own ? 1 : 10 ** (-(opts.crosstalkDb + path.extraDb) / 20);
      const delay = own ? 0 : (opts.delayMs * path.delayFactor * RATE) / 1000;
      addDelayed(mics[m]!, t.audio, offset, delay, g);
      if (opts.reverb) {
        const tail = reverbTail(opts.reverb.rt60Ms, opts.reverb.drrDb, seed * 1009 + SEATS.indexOf(t.seat) * 37 + m);
        addDelayed(mics[m]!, convolve(t.audio, tail), offset, delay + RATE / 1000, 1);
      }
    });
  }
  opts.micGainDb?.forEach((db, m) => {
    const g = 10 ** (db / 20);
    const mic = mics[m];
    if (mic) for (let i = 0; i < mic.length; i++) mic[i] = mic[i]! * g;
  });
  const level =
    opts.noiseLevelDb ??
    (opts.noiseSnrDb !== undefined && talkers.length > 0
      ? Math.max(...talkers.map((t) => activeLevelDb(t.audio))) - opts.noiseSnrDb
      : undefined);
  if (level !== undefined) {
    const shared = cabinNoise(length, { seed: seed * 31 + 7, levelDb: level });
    mics.forEach((mic, m) => {
      const own = cabinNoise(length, { seed: seed * 31 + 11 + m, levelDb: level });
      for (let i = 0; i < length; i++) mic[i] = mic[i]! + 0.6 * shared[i]! + 0.8 * own[i]!;
    });
  }
  return mics;
}
