// Test-signal synthesis: espeak-ng speech, seeded cabin noise at a set SNR, and the 4-mic crosstalk mix.
import { describe, expect, it } from 'vitest';
import { cachedSpeech } from '../../../main/voice/attribution-bench.js';
import { cabinNoise } from '../../../main/voice/cabin-noise.js';
import { SynthUnavailableError } from '../../../main/voice/errors.js';
import { activeLevelDb } from '../../../main/voice/level.js';
import { BINS, SPEECH_HI, SPEECH_LO, stft } from '../../../main/voice/stft.js';
import { addNoise, cabinMix, leakPath, speak } from '../../../main/voice/synth.js';

const rmsDb = (x: Float32Array): number => 10 * Math.log10(x.reduce((p, v) => p + v * v, 0) / x.length);

/** Lag (samples) and gain (dB) of `y` as a delayed, scaled copy of `x`, by cross-correlation over 0..maxLag. */
function copyOf(x: Float32Array, y: Float32Array, maxLag: number): { lag: number; gainDb: number } {
  let best = -Infinity, lag = 0;
  for (let l = 0; l <= maxLag; l++) {
    let c = 0;
    for (let i = 0; i + l < y.length && i < x.length; i++) c += x[i]! * y[i + l]!;
    if (c > best) [best, lag] = [c, l];
  }
  let xx = 0;
  for (let i = 0; i < x.length; i++) xx += x[i]! * x[i]!;
  return { lag, gainDb: 20 * Math.log10(best / xx) };
}

describe('speak (espeak-ng)', () => {
  it('returns 16 kHz mono speech of a plausible length and level, different per voice', () => {
    const a = cachedSpeech('turn on the seat heating', 'en-us');
    const f = cachedSpeech('turn on the seat heating', 'en-us+f3');
    for (const x of [a, f]) {
      expect(x.length / 16000).toBeGreaterThan(0.8);
      expect(x.length / 16000).toBeLessThan(3);
      expect(activeLevelDb(x)).toBeGreaterThan(-35);
    }
    expect(a.length === f.length && a.every((v, i) => v === f[i])).toBe(false);
  });

  it('says to install espeak-ng when it is missing', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => speak('hello')).toThrow(SynthUnavailableError);
      expect(() => speak('hello')).toThrow('espeak-ng is not installed; install it with: apt-get install espeak-ng sox');
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('cabin noise', () => {
  it('is the same for the same seed and differs between seeds', () => {
    expect(cabinNoise(8000, { seed: 3 })).toEqual(cabinNoise(8000, { seed: 3 }));
    expect(cabinNoise(8000, { seed: 3 })).not.toEqual(cabinNoise(8000, { seed: 4 }));
  });

  it('has the asked level and most of its power below 300 Hz, some in the speech band', () => {
    const x = cabinNoise(32000, { seed: 1, levelDb: -33 });
    expect(rmsDb(x)).toBeCloseTo(-33, 1);
    const s = stft(x);
    let low = 0, band = 0, all = 0;
    for (let i = 0; i < s.re.length; i++) {
      const k = i % BINS;
      if (k === 0) continue; // DC: the brown component's random-walk offset, not sound
      const p = s.re[i]! ** 2 + s.im[i]! ** 2;
      all += p;
      if (k < SPEECH_LO) low += p;
      else if (k <= SPEECH_HI) band += p;
    }
    expect(low / all).toBeGreaterThan(0.8);
    expect(band / all).toBeGreaterThan(0.05);
  });

  it('addNoise puts it at the asked SNR below the speech level', () => {
    const a = cachedSpeech('turn on the seat heating', 'en-us');
    for (const snr of [20, 5]) {
      const noisy = addNoise(a, snr, 2);
      const noise = noisy.map((v, i) => v - a[i]!);
      expect(rmsDb(noise)).toBeCloseTo(activeLevelDb(a) - snr, 1);
      expect(addNoise(a, snr, 2)).toEqual(noisy);
    }
  });
});

describe('cabinMix', () => {
  const a = cachedSpeech('turn on the seat heating', 'en-us');
  const mics = cabinMix([{ seat: 'driver', audio: a, startMs: 100 }], { crosstalkDb: 12, delayMs: 2 });

  it('puts the talker unchanged on its own mic', () => {
    expect(mics).toHaveLength(4);
    expect(mics[0]!.slice(1600, 1600 + a.length)).toEqual(a);
  });

  it('leaks it to the other mics weaker and later: lateral 12 dB / 2 ms, front-rear +1.5 dB / x1.3, diagonal +3 dB / x1.6', () => {
    const own = mics[0]!.slice(1600, 1600 + a.length);
    const expected = [
      [1, 'passenger', 32],
      [2, 'rear_left', 41.6],
      [3, 'rear_right', 51.2],
    ] as const;
    for (const [m, seat, lag] of expected) {
      const copy = copyOf(own, mics[m]!.slice(1600), 80);
      expect(Math.abs(copy.lag - lag)).toBeLessThanOrEqual(1);
      // Within 1 dB: the fractional delay's linear interpolation takes a little off the top of the band.
      expect(Math.abs(copy.gainDb + 12 + leakPath('driver', seat).extraDb)).toBeLessThan(1);
    }
    expect(leakPath('driver', 'rear_right').extraDb).toBeGreaterThan(leakPath('driver', 'passenger').extraDb);
  });

  it('adds the same noise for the same seed, and noise without talkers at an absolute level', () => {
    const n1 = cabinMix([], { crosstalkDb: 12, delayMs: 2, noiseLevelDb: -40, lengthMs: 1000, seed: 5 });
    expect(n1.map((c) => rmsDb(c)).every((db) => Math.abs(db + 40) < 0.5)).toBe(true);
    expect(cabinMix([], { crosstalkDb: 12, delayMs: 2, noiseLevelDb: -40, lengthMs: 1000, seed: 5 })).toEqual(n1);
  });
});
