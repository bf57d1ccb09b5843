// Zone-attribution accuracy on generated cabin mixes: measureAttribution() scores, makeAttributionCases() builds cases.
// Case generation spawns espeak-ng (synth.ts); scoring is pure. Run `node dist/main/voice/attribution-bench.js [count]`.
import { pathToFileURL } from 'node:url';
import { SEATS, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { prng } from './cabin-noise.js';
import { gain } from './level.js';
import { cabinMix, speak, type Talker } from './synth.js';
import { attributeZones, type ZoneOptions } from './zones.js';

export interface TruthSegment {
  seat: Seat;
  startMs: number;
  endMs: number;
}

export interface AttributionCase {
  label: string;
  channels: Float32Array[];
  sampleRate: number;
  truth: TruthSegment[];
}

export interface AttributionScore {
  cases: number;
  /** Cases where every talker was found at its seat and nothing else was reported. */
  casesCorrect: number;
  caseAccuracy: number;
  talkers: number;
  /** Talkers with a segment at their seat covering at least half of their speech. */
  talkersFound: number;
  talkerRecall: number;
  /** Segments matching no talker at that seat (leaks attributed to the wrong seat, noise). */
  spurious: number;
  /** Mean |error| of matched segments' boundaries against the talkers' speech (ms). */
  meanStartErrorMs: number;
  meanEndErrorMs: number;
  failures: string[];
}

function overlapMs(a: { startMs: number; endMs: number }, b: { startMs: number; endMs: number }): number {
  return Math.max(0, Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs));
}

/** Runs attributeZones on every case and scores it against the truth. */
export function measureAttribution(cases: AttributionCase[], opts: Partial<ZoneOptions> = {}): AttributionScore {
  let casesCorrect = 0, talkers = 0, found = 0, spurious = 0, startErr = 0, endErr = 0;
  const failures: string[] = [];
  for (const c of cases) {
    const segments = attributeZones(c.channels, c.sampleRate, opts);
    const used = new Set<number>();
    let ok = true;
    for (const t of c.truth) {
      talkers++;
      let best = -1;
      let bestOverlap = 0;
      segments.forEach((s, i) => {
        const o = s.seat === t.seat && !used.has(i) ? overlapMs(s, t) : 0;
        if (o > bestOverlap) [best, bestOverlap] = [i, o];
      });
      if (best >= 0 && bestOverlap >= 0.5 * (t.endMs - t.startMs)) {
        used.add(best);
        found++;
        startErr += Math.abs(segments[best]!.startMs - t.startMs);
        endErr += Math.abs(segments[best]!.endMs - t.endMs);
      } else ok = false;
    }
    const extra = segments.length - used.size;
    spurious += extra;
    if (ok && extra === 0) casesCorrect++;
    else {
      const got = segments.map((s) => `${s.seat} ${s.startMs}-${s.endMs}`).join(', ') || 'nothing';
      const want = c.truth.map((t) => `${t.seat} ${t.startMs}-${t.endMs}`).join(', ') || 'nothing';
      failures.push(`${c.label}: want ${want}; got ${got}`);
    }
  }
  return {
    cases: cases.length,
    casesCorrect,
    caseAccuracy: cases.length ? casesCorrect / cases.length : 1,
    talkers,
    talkersFound: found,
    talkerRecall: talkers ? found / talkers : 1,
    spurious,
    meanStartErrorMs: found ? startErr / found : 0,
    meanEndErrorMs: found ? endErr / found : 0,
    failures,
  };
}

const PHRASES = [
  'turn on my seat heating',
  'set the temperature to twenty two degrees',
  'I am a bit cold',
  'turn the fan up',
  'switch on the reading light',
  'make the ambient light blue',
  'recline my seat a little',
  'turn off the air conditioning',
];
const VOICES = ['en-us', 'en-us+f3', 'en-gb', 'en-us+m3'];
const speech = new Map<string, Float32Array>();

/** espeak-ng speech, cached per phrase and voice for the life of the process. */
export function cachedSpeech(text: string, voice: string): Float32Array {
  const key = `${voice}|${text}`;
  let s = speech.get(key);
  if (!s) speech.set(key, (s = speak(text, { voice })));
  return s;
}

/** Where the clean clip actually speaks: first and last 10 ms block within 40 dB of its loudest block. */
export function speechSpan(audio: Float32Array): { startMs: number; endMs: number } {
  const block = 160;
  const p: number[] = [];
  for (let s = 0; s < audio.length; s += block) {
    let e = 0;
    for (let i = s; i < Math.min(audio.length, s + block); i++) e += audio[i]! ** 2;
    p.push(e);
  }
  const max = Math.max(...p);
  const first = p.findIndex((v) => v >= max * 1e-4);
  const last = p.length - 1 - [...p].reverse().findIndex((v) => v >= max * 1e-4);
  return { startMs: first * 10, endMs: (last + 1) * 10 };
}

export interface CaseOptions {
  count: number;
  crosstalkDb: number;
  seed?: number;
  /** Add cabin reverberation: RT60 50–150 ms, direct-to-reverberant ratio 3–10 dB on the talker's own mic. */
  reverb?: boolean;
  /** Mic gains off by up to ± this many dB. */
  micMismatchDb?: number;
}

/**
 * Seeded random cabin scenes: one talker (40%) or two overlapping talkers in different seats (60%); talker
 * levels within 6 dB of each other, SNR 5–20 dB of cabin noise, leak delays 1–3 ms, and one case in eight
 * driven into hard clipping (+20 dB, clipped at ±1).
 */
export function makeAttributionCases(opts: CaseOptions): AttributionCase[] {
  const rnd = prng(opts.seed ?? 2024);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const cases: AttributionCase[] = [];
  for (let i = 0; i < opts.count; i++) {
    const n = rnd() < 0.4 ? 1 : 2;
    const order: Seat[] = [...SEATS];
    for (let j = order.length - 1; j > 0; j--) {
      const k = Math.floor(rnd() * (j + 1));
      [order[j], order[k]] = [order[k]!, order[j]!];
    }
    const seats = order.slice(0, n);
    const talkers: Talker[] = [];
    const truth: TruthSegment[] = [];
    let at = 300 + Math.round(rnd() * 400);
    for (const seat of seats) {
      const audio = gain(cachedSpeech(pick(PHRASES), pick(VOICES)), -6 * rnd());
      talkers.push({ seat, audio, startMs: at });
      const span = speechSpan(audio);
      truth.push({ seat, startMs: at + span.startMs, endMs: at + span.endMs });
      at += 200 + Math.round(rnd() * 800); // the next talker starts while this one is still speaking
    }
    const snr = 5 + 15 * rnd();
    const delay = 1 + 2 * rnd();
    const reverb = opts.reverb ? { rt60Ms: 50 + 100 * rnd(), drrDb: 3 + 7 * rnd() } : undefined;
    const mismatch = opts.micMismatchDb ?? 0;
    const micGainDb = SEATS.map(() => mismatch * (2 * rnd() - 1));
    let channels = cabinMix(talkers, { crosstalkDb: opts.crosstalkDb, delayMs: delay, noiseSnrDb: snr, seed: i + 1, reverb, micGainDb });
    const clipped = rnd() < 0.125;
    if (clipped) channels = channels.map((c) => c.map((v) => Math.max(-1, Math.min(1, v * 10))));
    const label =
      `case ${i} (${seats.join('+')}, snr ${snr.toFixed(0)} dB, delay ${delay.toFixed(1)} ms` +
      (reverb ? `, rt60 ${reverb.rt60Ms.toFixed(0)} ms drr ${reverb.drrDb.toFixed(0)} dB` : '') +
      (mismatch ? `, mic gains ${micGainDb.map((g) => g.toFixed(1)).join('/')} dB` : '') +
      `${clipped ? ', clipped' : ''})`;
    cases.push({ label, channels, sampleRate: 16000, truth: truth.sort((a, b) => a.endMs - b.endMs) });
  }
  return cases;
}

/** The conditions the benchmark reports: the brief's two crosstalk levels, ideal paths, then reverberant ones. */
export const BENCH_CONDITIONS: { name: string; opts: Omit<CaseOptions, 'count'> }[] = [
  { name: 'crosstalk 12 dB', opts: { crosstalkDb: 12 } },
  { name: 'crosstalk 6 dB', opts: { crosstalkDb: 6 } },
  { name: 'crosstalk 12 dB + reverb', opts: { crosstalkDb: 12, reverb: true } },
  { name: 'crosstalk 6 dB + reverb', opts: { crosstalkDb: 6, reverb: true } },
  { name: 'crosstalk 6 dB + reverb + mic gains ±3 dB', opts: { crosstalkDb: 6, reverb: true, micMismatchDb: 3 } },
];

function main(): void {
  const count = Number(process.argv[2] ?? 40);
  for (const { name, opts } of BENCH_CONDITIONS) {
    const t0 = performance.now();
    const r = measureAttribution(makeAttributionCases({ count, ...opts }));
    const s = (performance.now() - t0) / 1000;
    console.log(
      `${name}: ${r.casesCorrect}/${r.cases} scenes right (${(100 * r.caseAccuracy).toFixed(1)}%), ` +
        `talkers found ${r.talkersFound}/${r.talkers}, spurious segments ${r.spurious}, ` +
        `mean boundary error start ${r.meanStartErrorMs.toFixed(0)} ms, end ${r.meanEndErrorMs.toFixed(0)} ms (${s.toFixed(1)} s)`,
    );
    for (const f of r.failures) console.log(`  ${f}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
