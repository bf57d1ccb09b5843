// Speaker-zone attribution on 4-mic cabin mixes: one talker per seat, overlapping talkers, silence, clipping, accuracy.
import { describe, expect, it } from 'vitest';
import { SEATS } from '../../../vehicle-bus/cabin/vehicle-state-types.js';
import {
  cachedSpeech,
  makeAttributionCases,
  measureAttribution,
  speechSpan,
} from '../../../main/voice/attribution-bench.js';
import { VoiceInputError } from '../../../main/voice/errors.js';
import { gain } from '../../../main/voice/level.js';
import { cabinMix } from '../../../main/voice/synth.js';
import { resample } from '../../../main/voice/wav.js';
import { DEFAULT_VAD } from '../../../main/voice/vad.js';
import { attributeZones, segmentsOf, type ZoneSegment } from '../../../main/voice/zones.js';

const a = cachedSpeech('turn on my seat heating', 'en-us');
const b = cachedSpeech('set the temperature to twenty two degrees', 'en-us+f3');
const show = (segs: ZoneSegment[]): string => segs.map((s) => `${s.seat} ${s.startMs}-${s.endMs}`).join(', ') || 'nothing';
const clip = (mics: Float32Array[], db: number): Float32Array[] =>
  mics.map((m) => gain(m, db).map((v) => Math.max(-1, Math.min(1, v))));

function expectTalker(seg: ZoneSegment | undefined, seat: string, clipAudio: Float32Array, atMs: number): void {
  const span = speechSpan(clipAudio);
  expect(seg?.seat).toBe(seat);
  // The segment starts a pre-roll before the detected onset.
  expect(Math.abs(seg!.startMs + DEFAULT_VAD.preRollMs - (atMs + span.startMs))).toBeLessThanOrEqual(100);
  expect(Math.abs(seg!.endMs - (atMs + span.endMs))).toBeLessThanOrEqual(250);
}

describe('one talker, crosstalk 12 dB down on the other mics', () => {
  for (const seat of SEATS) {
    it(`${seat}: one segment, at ${seat}, nothing on the other seats`, () => {
      const mics = cabinMix([{ seat, audio: a, startMs: 400 }], { crosstalkDb: 12, delayMs: 2, noiseSnrDb: 15, seed: 3 });
      const segs = attributeZones(mics, 16000);
      expect(segs, show(segs)).toHaveLength(1);
      expectTalker(segs[0], seat, a, 400);
    });
  }

  it('at 6 dB and 3 dB crosstalk too, and from 48 kHz input', () => {
    for (const crosstalkDb of [6, 3]) {
      const mics = cabinMix([{ seat: 'rear_left', audio: a, startMs: 400 }], { crosstalkDb, delayMs: 2, noiseSnrDb: 15, seed: 4 });
      const segs = attributeZones(mics, 16000);
      expect(segs, show(segs)).toHaveLength(1);
      expectTalker(segs[0], 'rear_left', a, 400);
    }
    const mics = cabinMix([{ seat: 'passenger', audio: a, startMs: 400 }], { crosstalkDb: 12, delayMs: 2, noiseSnrDb: 15, seed: 5 });
    const segs = attributeZones(mics.map((m) => resample(m, 16000, 48000)), 48000);
    expect(segs, show(segs)).toHaveLength(1);
    expectTalker(segs[0], 'passenger', a, 400);
  });

  it("returns that seat's own channel for the segment", () => {
    const mics = cabinMix([{ seat: 'passenger', audio: a, startMs: 400 }], { crosstalkDb: 12, delayMs: 2, noiseSnrDb: 15, seed: 3 });
    const [seg] = attributeZones(mics, 16000);
    expect(seg!.audio).toEqual(mics[1]!.slice(seg!.startMs * 16, seg!.endMs * 16));
  });
});

describe('two overlapping talkers in different seats', () => {
  const pairs = [
    ['driver', 'rear_right', 6],
    ['passenger', 'driver', 12],
    ['rear_left', 'rear_right', 6],
  ] as const;
  for (const [first, second, crosstalkDb] of pairs) {
    it(`${first} then ${second} 500 ms later (crosstalk ${crosstalkDb} dB): two segments, right seats`, () => {
      const mics = cabinMix(
        [
          { seat: first, audio: a, startMs: 400 },
          { seat: second, audio: b, startMs: 900 },
        ],
        { crosstalkDb, delayMs: 2, noiseSnrDb: 15, seed: 6 },
      );
      const segs = attributeZones(mics, 16000);
      expect(segs, show(segs)).toHaveLength(2);
      // Sorted by end: the first talker's shorter phrase ends first.
      expectTalker(segs[0], first, a, 400);
      expectTalker(segs[1], second, b, 900);
    });
  }

  it('starting together, one 6 dB quieter than the other', () => {
    const mics = cabinMix(
      [
        { seat: 'passenger', audio: gain(a, -6), startMs: 400 },
        { seat: 'rear_left', audio: b, startMs: 400 },
      ],
      { crosstalkDb: 6, delayMs: 2, noiseSnrDb: 20, seed: 7 },
    );
    const segs = attributeZones(mics, 16000);
    expect(segs.map((s) => s.seat), show(segs)).toEqual(['passenger', 'rear_left']);
  });
});

describe('nothing to attribute', () => {
  it('cabin noise only, and digital silence: no segments', () => {
    for (const seed of [1, 2]) {
      const mics = cabinMix([], { crosstalkDb: 12, delayMs: 2, noiseLevelDb: -35, lengthMs: 4000, seed });
      expect(show(attributeZones(mics, 16000))).toBe('nothing');
    }
    expect(attributeZones(SEATS.map(() => new Float32Array(32000)), 16000)).toEqual([]);
  });

  it('rejects audio it cannot map to seats', () => {
    expect(() => attributeZones([], 16000)).toThrow(VoiceInputError);
    expect(() => attributeZones(Array.from({ length: 5 }, () => new Float32Array(10)), 16000)).toThrow('zone attribution needs 1–4 channels (one per seat), got 5');
    expect(() => attributeZones([new Float32Array(10), new Float32Array(11)], 16000)).toThrow('zone attribution needs channels of equal length');
  });
});

describe('clipped audio (gain, then hard clip at ±1)', () => {
  for (const [seat, crosstalkDb, db] of [['rear_right', 12, 20], ['driver', 6, 26], ['passenger', 3, 30]] as const) {
    it(`+${db} dB at crosstalk ${crosstalkDb} dB: still ${seat} alone`, () => {
      const mics = clip(cabinMix([{ seat, audio: a, startMs: 400 }], { crosstalkDb, delayMs: 2, noiseSnrDb: 20, seed: 8 }), db);
      expect(mics[SEATS.indexOf(seat)]!.filter((v) => Math.abs(v) === 1).length).toBeGreaterThan(1000);
      const segs = attributeZones(mics, 16000);
      expect(segs, show(segs)).toHaveLength(1);
      expectTalker(segs[0], seat, a, 400);
    });
  }
  it('arrival time is what decides there: with the timing check off, +30 dB at 3 dB crosstalk goes wrong', () => {
    const mics = clip(cabinMix([{ seat: 'passenger', audio: a, startMs: 400 }], { crosstalkDb: 3, delayMs: 2, noiseSnrDb: 20, seed: 8 }), 30);
    const levelOnly = attributeZones(mics, 16000, { minCoherence: 2 });
    const right = levelOnly.length === 1 && levelOnly[0]!.seat === 'passenger' && levelOnly[0]!.endMs - levelOnly[0]!.startMs > 1000;
    expect(right, show(levelOnly)).toBe(false);
  });
});

describe('cabin reverberation (RT60 80 ms, direct-to-reverberant 6 dB on the own mic)', () => {
  for (const seat of ['driver', 'rear_right'] as const) {
    it(`${seat} alone at crosstalk 6 dB: still ${seat} alone`, () => {
      const mics = cabinMix([{ seat, audio: a, startMs: 400 }], {
        crosstalkDb: 6, delayMs: 2, noiseSnrDb: 15, seed: 10, reverb: { rt60Ms: 80, drrDb: 6 },
      });
      const segs = attributeZones(mics, 16000);
      expect(segs, show(segs)).toHaveLength(1);
      expectTalker(segs[0], seat, a, 400);
    });
  }
});

describe('mono path', () => {
  it('segmentsOf gives the speech of a one-seat recording with its audio', () => {
    const mics = cabinMix([{ seat: 'driver', audio: a, startMs: 400 }], { crosstalkDb: 12, delayMs: 2, noiseSnrDb: 10, seed: 9 });
    const segs = segmentsOf(mics[0]!, 16000);
    expect(segs).toHaveLength(1);
    const span = speechSpan(a);
    expect(Math.abs(segs[0]!.startMs + DEFAULT_VAD.preRollMs - (400 + span.startMs))).toBeLessThanOrEqual(100);
    expect(segs[0]!.audio.length).toBe((segs[0]!.endMs - segs[0]!.startMs) * 16);
  });
});

describe('attribution accuracy on generated cabin scenes', () => {
  // A small sample keeps the suite fast; `node dist/main/voice/attribution-bench.js 40` runs the full benchmark.
  for (const crosstalkDb of [12, 6]) {
    it(`crosstalk ${crosstalkDb} dB, 8 scenes (1–2 talkers, SNR 5–20 dB, some clipped)`, () => {
      const r = measureAttribution(makeAttributionCases({ count: 8, crosstalkDb, seed: 77 }));
      console.log(
        `zone attribution, crosstalk ${crosstalkDb} dB: ${r.casesCorrect}/${r.cases} scenes right, ` +
          `talkers ${r.talkersFound}/${r.talkers}, spurious ${r.spurious}, ` +
          `mean boundary error ${r.meanStartErrorMs.toFixed(0)}/${r.meanEndErrorMs.toFixed(0)} ms`,
      );
      expect(r.failures).toEqual([]);
    });
  }
});
