// Short-time spectra on the voice stages' common grid: 10 ms hop at 16 kHz, 32 ms Hann window centred on each hop.
import { fft } from './fft.js';

export const SAMPLE_RATE = 16000;
export const FRAME_MS = 10;
export const HOP = 160;
/** 32 ms: long enough to resolve voice harmonics (31.25 Hz bins), short enough that 10 ms decisions stay local. */
export const WINDOW = 512;
export const BINS = WINDOW / 2 + 1;
export const BIN_HZ = SAMPLE_RATE / WINDOW;

/** First and last bin of the telephone speech band, 300–3400 Hz, where voice energy sits and cabin rumble does not. */
export const SPEECH_LO = Math.ceil(300 / BIN_HZ);
export const SPEECH_HI = Math.floor(3400 / BIN_HZ);

const hann = new Float64Array(WINDOW);
let windowPower = 0;
for (let i = 0; i < WINDOW; i++) {
  hann[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / WINDOW);
  windowPower += hann[i]! * hann[i]!;
}
/** Turns a sum of one-sided |X[k]|^2 into mean signal power (a full-scale sine reads -3 dBFS). */
export const POWER_SCALE = 2 / (WINDOW * windowPower);

export interface Spectra {
  frames: number;
  /** Frame-major: bin k of frame t is at t * BINS + k. */
  re: Float32Array;
  im: Float32Array;
}

export function frameCount(samples: number): number {
  return Math.ceil(samples / HOP);
}

/** Frame t covers [10t, 10t + 10) ms; its window is centred on that block and zero-padded at the ends. */
export function stft(channel: Float32Array): Spectra {
  const frames = frameCount(channel.length);
  const re = new Float32Array(frames * BINS);
  const im = new Float32Array(frames * BINS);
  const bufRe = new Float64Array(WINDOW);
  const bufIm = new Float64Array(WINDOW);
  for (let t = 0; t < frames; t++) {
    const start = t * HOP + HOP / 2 - WINDOW / 2;
    for (let i = 0; i < WINDOW; i++) {
      const n = start + i;
      bufRe[i] = n >= 0 && n < channel.length ? channel[n]! * hann[i]! : 0;
      bufIm[i] = 0;
    }
    fft(bufRe, bufIm);
    const o = t * BINS;
    for (let k = 0; k < BINS; k++) {
      re[o + k] = bufRe[k]!;
      im[o + k] = bufIm[k]!;
    }
  }
  return { frames, re, im };
}

/** 10·log10 with a floor at -120 dB, so digital silence stays a finite number. */
export function toDb(power: number): number {
  return 10 * Math.log10(power + 1e-12);
}
