// Sample-rate conversion by Kaiser-windowed sinc interpolation, so 8/22.05/44.1/48 kHz input reaches the 16 kHz the voice stages use.
//
// Why windowed sinc and not linear: linear interpolation neither removes content above the new Nyquist
// (44.1 kHz -> 16 kHz folds 8–22 kHz hiss into the speech band) nor keeps the top of the band flat.
// Method: each output sample at input position t = i * from / to is sum_k x[k] * h(t - k), where h is an
// ideal low-pass (cutoff ROLLOFF * min(from, to) / 2) times a Kaiser window (beta 8.6, about -85 dB
// side lobes) spanning ZERO_CROSSINGS zero crossings each side. The kernel is tabulated once and read with
// linear interpolation between table points, which keeps the cost at about 2 * 16 * max(1, from / to)
// multiply-adds per output sample. Samples beyond either end count as zero.

const ZERO_CROSSINGS = 16;
const TABLE_STEPS = 512; // table points per zero crossing
const ROLLOFF = 0.94; // pass band ends at 94% of the lower Nyquist; the window's transition band fits in the rest
const BETA = 8.6;

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

let kernelTable: Float64Array | undefined;

/** sinc(u) * kaiser(u / ZERO_CROSSINGS) for u = 0 .. ZERO_CROSSINGS in zero-crossing units. */
function kernel(): Float64Array {
  if (kernelTable) return kernelTable;
  const n = ZERO_CROSSINGS * TABLE_STEPS + 2;
  const t = new Float64Array(n);
  const i0b = besselI0(BETA);
  for (let i = 0; i < n; i++) {
    const u = i / TABLE_STEPS;
    const r = u / ZERO_CROSSINGS;
    const w = r >= 1 ? 0 : besselI0(BETA * Math.sqrt(1 - r * r)) / i0b;
    t[i] = (u === 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u)) * w;
  }
  kernelTable = t;
  return t;
}

/** Resample one channel from `from` Hz to `to` Hz (any rates, not only integer ratios). */
export function resample(channel: Float32Array, from: number, to: number): Float32Array {
  if (!(from > 0) || !(to > 0)) throw new RangeError(`sample rates must be positive, got ${from} -> ${to}`);
  if (from === to) return channel.slice();
  const table = kernel();
  const n = channel.length;
  const outLength = Math.round((n * to) / from);
  const out = new Float32Array(outLength);
  const step = from / to; // input samples per output sample
  // Cutoff in cycles per input sample; scale maps input-sample distance to zero-crossing units.
  const cutoff = 0.5 * ROLLOFF * Math.min(1, to / from);
  const scale = 2 * cutoff;
  const reach = ZERO_CROSSINGS / scale; // kernel half-width in input samples
  for (let i = 0; i < outLength; i++) {
    const t = i * step;
    const first = Math.max(0, Math.ceil(t - reach));
    const last = Math.min(n - 1, Math.floor(t + reach));
    let acc = 0;
    for (let k = first; k <= last; k++) {
      const pos = Math.abs(t - k) * scale * TABLE_STEPS;
      const j = Math.floor(pos);
      const frac = pos - j;
      const h = table[j]! + frac * (table[j + 1]! - table[j]!);
      acc += channel[k]! * h;
    }
    out[i] = acc * scale;
  }
  return out;
}
