// Seeded cabin-like noise (brown + pink + engine/road rumble): the same seed gives the same samples on every run.
//
// Real cabin noise at speed has most of its energy below 300 Hz (tyres, engine, body boom) and a falling
// spectrum above; brown noise carries the low end, pink noise the hiss across the speech band, and a
// slowly wobbling engine tone with a harmonic and a resonant 40–120 Hz road rumble add the "boom".
import { mulberry32 } from '../../vehicle-bus/prng.js';

/** The project's seeded PRNG (mulberry32): the same seed gives the same noise on every run. */
export const prng = mulberry32;

/** Standard normal samples (Box–Muller) from a seeded uniform source. */
export function gaussian(seed: number): () => number {
  const u = prng(seed);
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(u() || 1e-12));
    const th = 2 * Math.PI * u();
    spare = r * Math.sin(th);
    return r * Math.cos(th);
  };
}

export interface CabinNoiseOptions {
  seed: number;
  /** RMS level in dBFS (default -30). */
  levelDb?: number;
  sampleRate?: number;
}

function rmsOf(x: Float64Array): number {
  let p = 0;
  for (let n = 0; n < x.length; n++) p += x[n]! * x[n]!;
  return Math.sqrt(p / Math.max(1, x.length)) || 1;
}

export function cabinNoise(length: number, opts: CabinNoiseOptions): Float32Array {
  const sr = opts.sampleRate ?? 16000;
  const g = gaussian(opts.seed);
  const u = prng(opts.seed ^ 0x9e3779b9);
  // Each component is generated, then scaled to unit power so the mix weights below are the spectrum's shape.
  const brownNoise = new Float64Array(length);
  const pinkNoise = new Float64Array(length);
  const rumbleNoise = new Float64Array(length);
  const engineTone = new Float64Array(length);
  // Paul Kellet's pink filter state.
  let b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
  let brown = 0;
  // Two-pole resonator for the road rumble, centre drawn from the seed.
  const fc = 40 + 80 * u();
  const r = 0.995;
  const a1 = 2 * r * Math.cos((2 * Math.PI * fc) / sr);
  const a2 = -r * r;
  let y1 = 0, y2 = 0;
  const engineHz = 25 + 20 * u();
  const wobbleHz = 0.2 + 0.3 * u();
  let phase = 0;
  for (let n = 0; n < length; n++) {
    const w = g();
    b0 = 0.99886 * b0 + w * 0.0555179;
    b1 = 0.99332 * b1 + w * 0.0750759;
    b2 = 0.969 * b2 + w * 0.153852;
    b3 = 0.8665 * b3 + w * 0.3104856;
    b4 = 0.55 * b4 + w * 0.5329522;
    b5 = -0.7616 * b5 - w * 0.016898;
    pinkNoise[n] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
    b6 = w * 0.115926;
    // Leaky integrator: brown (-6 dB/octave) above ~8 Hz, without the unbounded drift of a pure random walk.
    brown = 0.997 * brown + g();
    brownNoise[n] = brown;
    const y = a1 * y1 + a2 * y2 + g();
    y2 = y1;
    y1 = y;
    rumbleNoise[n] = y;
    phase += (2 * Math.PI * engineHz * (1 + 0.03 * Math.sin((2 * Math.PI * wobbleHz * n) / sr))) / sr;
    engineTone[n] = Math.sin(phase) + 0.5 * Math.sin(2 * phase + 0.7);
  }
  // Amplitude weights: about 90% of the power below 300 Hz and 8–10% in 300–3400 Hz, like a cabin at speed.
  const out = new Float64Array(length);
  const mix: [Float64Array, number][] = [[brownNoise, 1], [rumbleNoise, 0.5], [engineTone, 0.3], [pinkNoise, 0.6]];
  for (const [component, weight] of mix) {
    const k = weight / rmsOf(component);
    for (let n = 0; n < length; n++) out[n] = out[n]! + component[n]! * k;
  }
  const gain = 10 ** ((opts.levelDb ?? -30) / 20) / rmsOf(out);
  const f = new Float32Array(length);
  for (let n = 0; n < length; n++) f[n] = out[n]! * gain;
  return f;
}
