// Per-frame speaker-zone dominance: which mic holds the loudest, earliest copy of each part of the sound.
//
// Every mic hears every talker; a leaked copy is weaker (crosstalk) and later (longer path). Speech is sparse
// in time-frequency: in most 31 Hz x 32 ms cells one talker dominates, even when two talk at once. So the
// decision is made per cell group, not per channel:
// 1. Level: each 300–3400 Hz bin belongs to the channel where it is loudest (its "group").
// 2. Arrival: for each group, GCC-PHAT between the group's channel and every other channel, on the group's
//    bins only (so a second talker's bins do not blur the peak), phasors summed over ±contextFrames. A peak
//    with normalised height >= minCoherence marks a copy of the same sound; its lag says which mic heard it
//    first. If another mic leads by >= minLeadMs and is within timingOverrideDb of the group's level, the
//    group's sound is that mic's talker (this is what saves hard-clipped audio, where levels saturate and
//    leaks come out almost as loud as the talker).
// 3. Credit: a group kept by its own channel credits that channel with its power in all of the group's bins
//    when timing confirms it leads its copies, and otherwise only in bins where it is `marginDb` louder than
//    the next channel (level alone, with a margin). A group moved by timing credits the leading channel.
// The caller compares credited power with all 300–3400 Hz power of the channel (its share). A leaked copy gets
// almost no credit, since its talker's mic is louder and earlier in every bin the talker dominates.
import { fft } from './fft.js';
import { BINS, SAMPLE_RATE, SPEECH_HI, SPEECH_LO, WINDOW, type Spectra } from './stft.js';

export interface DominanceOptions {
  /** A bin counts by level alone when its loudest copy is this much louder than the next (dB). */
  marginDb: number;
  /** Longest leak delay searched (ms). */
  maxDelayMs: number;
  /** A copy this much earlier (ms) counts as arriving first. */
  minLeadMs: number;
  /** Normalised GCC-PHAT peak (0–1) that marks a copy of the same sound. */
  minCoherence: number;
  /** Timing may hand a group to a leading mic only if that mic is within this many dB of the group's level. */
  timingOverrideDb: number;
  /** Frames either side whose cross-spectra join the timing estimate. */
  contextFrames: number;
}

export const DEFAULT_DOMINANCE: Readonly<DominanceOptions> = Object.freeze({
  marginDb: 2,
  maxDelayMs: 10,
  minLeadMs: 0.25,
  minCoherence: 0.25,
  timingOverrideDb: 6,
  contextFrames: 2,
});

const NB = SPEECH_HI - SPEECH_LO + 1;

function power(s: Spectra, t: number, k: number): number {
  const i = t * BINS + k;
  return s.re[i]! ** 2 + s.im[i]! ** 2;
}

/**
 * GCC-PHAT lag (samples; > 0 means d hears it later than c) and normalised peak height, over the band bins
 * in `mask` and frames t-ctx..t+ctx.
 */
function leadOf(
  sc: Spectra, sd: Spectra, t: number, mask: Uint8Array, ctx: number, maxLag: number,
  re: Float64Array, im: Float64Array,
): { lag: number; coherence: number } {
  re.fill(0);
  im.fill(0);
  let count = 0;
  for (let u = Math.max(0, t - ctx); u <= Math.min(sc.frames - 1, t + ctx); u++) {
    for (let b = 0; b < NB; b++) {
      if (!mask[b]) continue;
      const i = u * BINS + SPEECH_LO + b;
      const ar = sc.re[i]!, ai = sc.im[i]!, br = sd.re[i]!, bi = sd.im[i]!;
      // c * conj(d), normalised to a unit phasor (PHAT): only phase, i.e. timing, is compared.
      const xr = ar * br + ai * bi;
      const xi = ai * br - ar * bi;
      const m = Math.hypot(xr, xi);
      if (m < 1e-20) continue;
      re[SPEECH_LO + b] = re[SPEECH_LO + b]! + xr / m;
      im[SPEECH_LO + b] = im[SPEECH_LO + b]! + xi / m;
      count++;
    }
  }
  if (count === 0) return { lag: 0, coherence: 0 };
  fft(re, im);
  let best = -Infinity;
  let lag = 0;
  for (let tau = -maxLag; tau <= maxLag; tau++) {
    const v = re[(tau + WINDOW) % WINDOW]!;
    if (v > best) {
      best = v;
      lag = tau;
    }
  }
  return { lag, coherence: best / count };
}

export interface Dominance {
  /** Speech-band power credited to channel c's own talker in frame t. */
  credit: Float32Array[];
  /** All speech-band power of channel c in frame t. */
  total: Float32Array[];
}

/**
 * Credited and total power for every channel and frame; frames where `active[t]` is 0 are skipped (both 0),
 * which keeps the cost to the frames where some channel rose above its noise floor.
 */
export function dominance(spectra: Spectra[], active: Uint8Array, opts: DominanceOptions): Dominance {
  const C = spectra.length;
  const frames = spectra[0]!.frames;
  const credits = spectra.map(() => new Float32Array(frames));
  const totals = spectra.map(() => new Float32Array(frames));
  const maxLag = Math.min(WINDOW / 2 - 1, Math.round((opts.maxDelayMs * SAMPLE_RATE) / 1000));
  const minLead = (opts.minLeadMs * SAMPLE_RATE) / 1000;
  const margin = 10 ** (opts.marginDb / 10);
  const override = 10 ** (-opts.timingOverrideDb / 10);
  const ctx = Math.max(0, Math.round(opts.contextFrames));
  const p = Array.from({ length: C }, () => new Float64Array(NB));
  const owner = new Int8Array(NB);
  const clear = new Uint8Array(NB); // loudest by at least the margin
  const mask = new Uint8Array(NB);
  const credit = new Float64Array(C);
  const re = new Float64Array(WINDOW);
  const im = new Float64Array(WINDOW);
  for (let t = 0; t < frames; t++) {
    if (!active[t]) continue;
    for (let c = 0; c < C; c++) for (let b = 0; b < NB; b++) p[c]![b] = power(spectra[c]!, t, SPEECH_LO + b);
    for (let b = 0; b < NB; b++) {
      let top = 0;
      for (let c = 1; c < C; c++) if (p[c]![b]! > p[top]![b]!) top = c;
      let second = 0;
      for (let c = 0; c < C; c++) if (c !== top) second = Math.max(second, p[c]![b]!);
      owner[b] = top;
      clear[b] = p[top]![b]! >= margin * second ? 1 : 0;
    }
    credit.fill(0);
    for (let c = 0; c < C; c++) {
      let groupPower = 0;
      for (let b = 0; b < NB; b++) {
        mask[b] = owner[b] === c ? 1 : 0;
        if (mask[b]) groupPower += p[c]![b]!;
      }
      if (groupPower === 0) continue;
      // Bins a channel wins with almost none of its power are noise; level alone decides them, saving the FFTs.
      let channelPower = 0;
      for (let b = 0; b < NB; b++) channelPower += p[c]![b]!;
      if (groupPower < 0.02 * channelPower) {
        for (let b = 0; b < NB; b++) if (mask[b] && clear[b]) credit[c] = credit[c]! + p[c]![b]!;
        continue;
      }
      // Which mic heard this group's sound first?
      let source = c;
      let earliest = 0;
      let lagging = false;
      let leading = false;
      for (let d = 0; d < C; d++) {
        if (d === c) continue;
        const { lag, coherence } = leadOf(spectra[c]!, spectra[d]!, t, mask, ctx, maxLag, re, im);
        if (coherence < opts.minCoherence) continue;
        if (lag >= minLead) lagging = true;
        if (lag <= -minLead) leading = true;
        if (lag <= -minLead && lag < earliest) {
          let dPower = 0;
          for (let b = 0; b < NB; b++) if (mask[b]) dPower += p[d]![b]!;
          if (dPower >= override * groupPower) {
            source = d;
            earliest = lag;
          }
        }
      }
      // Timing confirms the group only when some copy lags it and none leads it.
      const confirmed = lagging && !leading;
      for (let b = 0; b < NB; b++) {
        if (!mask[b]) continue;
        if (source !== c) credit[source] = credit[source]! + p[source]![b]!;
        else if (confirmed || clear[b]) credit[c] = credit[c]! + p[c]![b]!;
      }
    }
    for (let c = 0; c < C; c++) {
      let total = 0;
      for (let b = 0; b < NB; b++) total += p[c]![b]!;
      totals[c]![t] = total;
      credits[c]![t] = Math.min(total, credit[c]!);
    }
  }
  return { credit: credits, total: totals };
}
