// VAD and endpointing on espeak-ng speech with silence, cabin noise, low-frequency bursts and a real recording.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cachedSpeech, speechSpan } from '../../../main/voice/attribution-bench.js';
import { cabinNoise, gaussian } from '../../../main/voice/cabin-noise.js';
import { activeLevelDb } from '../../../main/voice/level.js';
import { addNoise } from '../../../main/voice/synth.js';
import { DEFAULT_VAD, detectSpeech, type Segment } from '../../../main/voice/vad.js';
import { readWavFile, resample } from '../../../main/voice/wav.js';
import { concatAudio } from '../../helpers/audio.js';

const silence = (ms: number): Float32Array => new Float32Array(ms * 16);
const concat = concatAudio;
/** Truth for a clip placed at `atMs`: where its clean audio is within 40 dB of its loudest 10 ms. */
const spanAt = (clip: Float32Array, atMs: number): Segment => {
  const s = speechSpan(clip);
  return { startMs: atMs + s.startMs, endMs: atMs + s.endMs };
};

const a = cachedSpeech('turn on the seat heating', 'en-us');
const b = cachedSpeech('set the temperature to twenty two degrees', 'en-us+f3');
const aAt = 1000;
const bAt = aAt + a.length / 16 + 1200;
const twoUtterances = concat(silence(aAt), a, silence(1200), b, silence(800));
const truth = [spanAt(a, aAt), spanAt(b, bAt)];

function expectNear(got: Segment[], want: Segment[]): void {
  expect(got.map((s) => s.startMs), JSON.stringify(got)).toHaveLength(want.length);
  got.forEach((s, i) => {
    // Onsets (the segment starts a pre-roll earlier): within 100 ms; ends: hangover (100 ms) plus weak final consonants lost in noise.
    expect(Math.abs(s.startMs + DEFAULT_VAD.preRollMs - want[i]!.startMs), JSON.stringify(got)).toBeLessThanOrEqual(100);
    expect(Math.abs(s.endMs - want[i]!.endMs), JSON.stringify(got)).toBeLessThanOrEqual(250);
  });
}

describe('VAD finds speech segments', () => {
  it('in clean speech with silence around and between two utterances', () => {
    expectNear(detectSpeech(twoUtterances, 16000), truth);
  });

  for (const snr of [20, 10, 5]) {
    it(`in the same speech with cabin noise at ${snr} dB SNR`, () => {
      expectNear(detectSpeech(addNoise(twoUtterances, snr, snr), 16000), truth);
    });
  }

  it('at 44.1 kHz input as at 16 kHz (resampled first)', () => {
    const noisy = addNoise(twoUtterances, 10, 1);
    const at16 = detectSpeech(noisy, 16000);
    const at44 = detectSpeech(resample(noisy, 16000, 44100), 44100);
    expect(at44).toHaveLength(at16.length);
    at44.forEach((s, i) => {
      expect(Math.abs(s.startMs - at16[i]!.startMs)).toBeLessThanOrEqual(20);
      expect(Math.abs(s.endMs - at16[i]!.endMs)).toBeLessThanOrEqual(20);
    });
  });

  const real = '/usr/share/pocketsphinx/test/data/librivox/sense_and_sensibility_01_austen_64kb-0880.wav';
  it.skipIf(!existsSync(real))('in a real recording ("he was not an ill disposed young man"), clean and at 5 dB SNR', async () => {
    const x = (await readWavFile(real)).channels[0]!;
    // Read off its 10 ms envelope: room noise near -48 dBFS, speech from 260 ms to about 2720 ms.
    for (const signal of [x, addNoise(x, 5, 7)]) {
      const segs = detectSpeech(signal, 16000);
      expect(segs, JSON.stringify(segs)).toHaveLength(1);
      expect(Math.abs(segs[0]!.startMs + DEFAULT_VAD.preRollMs - 260), JSON.stringify(segs)).toBeLessThanOrEqual(100);
      expect(Math.abs(segs[0]!.endMs - 2720), JSON.stringify(segs)).toBeLessThanOrEqual(250);
    }
  });
});

describe('VAD ignores what is not speech', () => {
  const speechLevel = activeLevelDb(a);
  for (const snr of [20, 10, 5]) {
    it(`cabin noise alone at the level of ${snr} dB SNR (three seeds)`, () => {
      for (const seed of [1, 2, 3]) expect(detectSpeech(cabinNoise(16000 * 6, { seed, levelDb: speechLevel - snr }), 16000)).toEqual([]);
    });
  }

  it('digital silence and steady white noise', () => {
    expect(detectSpeech(new Float32Array(32000), 16000)).toEqual([]);
    const g = gaussian(5);
    expect(detectSpeech(Float32Array.from({ length: 64000 }, () => 0.05 * g()), 16000)).toEqual([]);
  });

  it('low-frequency bursts (road bumps) that rise in the speech band too: only the spectral cue keeps them out', () => {
    const n = 16000 * 5;
    const x = cabinNoise(n, { seed: 4, levelDb: -40 });
    const g = gaussian(11);
    // Three 300 ms bursts of noise through a 2-pole ~70 Hz low-pass, about 30 dB over the cabin noise.
    let y1 = 0, y2 = 0;
    for (const at of [1.0, 2.5, 4.0]) {
      for (let i = 0; i < 4800; i++) {
        const y = 1.96 * y1 - 0.9608 * y2 + g() * 0.002;
        y2 = y1;
        y1 = y;
        const k = Math.round(at * 16000) + i;
        x[k] = x[k]! + y * Math.sin((Math.PI * i) / 4800);
      }
    }
    expect(detectSpeech(x, 16000, { minBandShare: 0 }).length).toBeGreaterThan(0);
    expect(detectSpeech(x, 16000)).toEqual([]);
  });

  it('a 60 ms beep is shorter than minSpeechMs (150 ms); a 30 ms minimum keeps it', () => {
    const beep = Float32Array.from({ length: 960 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 1000 * i) / 16000));
    const x = addNoise(concat(silence(1000), beep, silence(1500)), 20, 3);
    expect(detectSpeech(x, 16000)).toEqual([]);
    expect(detectSpeech(x, 16000, { minSpeechMs: 30 })).toHaveLength(1);
  });
});

describe('end-of-speech silence (endSilenceMs)', () => {
  const gapMs = 400;
  const bStart = 800 + a.length / 16 + gapMs;
  const x = addNoise(concat(silence(800), a, silence(gapMs), b, silence(1000)), 20, 9);
  const ta = spanAt(a, 800);
  const tb = spanAt(b, bStart);
  const pause = tb.startMs - ta.endMs;

  it('a pause longer than endSilenceMs ends the utterance', () => {
    const segs = detectSpeech(x, 16000, { endSilenceMs: pause - 200 });
    expectNear(segs, [ta, tb]);
  });

  it('a longer endSilenceMs bridges the pause, so endMs moves to the end of the second phrase', () => {
    const short = detectSpeech(x, 16000, { endSilenceMs: pause - 200 });
    const long = detectSpeech(x, 16000, { endSilenceMs: pause + 300 });
    expect(long).toHaveLength(1);
    expect(long[0]!.startMs).toBe(short[0]!.startMs);
    expect(Math.abs(long[0]!.endMs - tb.endMs)).toBeLessThanOrEqual(250);
    expect(long[0]!.endMs - short[0]!.endMs).toBeGreaterThan(1000);
  });

  it('rejects options that cannot work', () => {
    expect(() => detectSpeech(x, 16000, { continueDb: 12, startDb: 9 })).toThrow(/continueDb/);
    expect(() => detectSpeech(x, 16000, { endSilenceMs: NaN })).toThrow(/endSilenceMs/);
  });
});
