// WAV reading and writing: round trips, files from an independent writer (sox), one-line errors, resampling.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WavError } from '../../../main/voice/errors.js';
import { encodeWav, parseWav, readWavFile, resample, to16k, type WavEncoding } from '../../../main/voice/wav.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'audio');

function sine(n: number, freq: number, rate: number, amp = 0.5, phase = 0): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * freq * i) / rate + phase));
}

/** Amplitude and frequency of a sine by least-squares fit at a known frequency, and by zero crossings. */
function measureSine(x: Float32Array, freq: number, rate: number): { amp: number; crossingsHz: number } {
  let s = 0, c = 0, crossings = 0;
  for (let i = 0; i < x.length; i++) {
    s += x[i]! * Math.sin((2 * Math.PI * freq * i) / rate);
    c += x[i]! * Math.cos((2 * Math.PI * freq * i) / rate);
    if (i > 0 && (x[i - 1]! < 0) !== (x[i]! < 0)) crossings++;
  }
  return { amp: (2 / x.length) * Math.hypot(s, c), crossingsHz: (crossings / 2) * (rate / x.length) };
}

function thrown(f: () => unknown): WavError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(WavError);
    return err as WavError;
  }
  throw new Error('expected a WavError');
}

function header(fields: { riffType?: string; fmtSize?: number; tag?: number; channels?: number; rate?: number; bits?: number; dataSize: number; data?: number }): Uint8Array {
  const fmtSize = fields.fmtSize ?? 16;
  const data = fields.data ?? fields.dataSize;
  const b = new Uint8Array(12 + 8 + fmtSize + 8 + data);
  const v = new DataView(b.buffer);
  const ascii = (s: string, p: number): void => s.split('').forEach((ch, i) => (b[p + i] = ch.charCodeAt(0)));
  const channels = fields.channels ?? 1;
  const bits = fields.bits ?? 16;
  ascii('RIFF', 0);
  v.setUint32(4, b.length - 8, true);
  ascii(fields.riffType ?? 'WAVE', 8);
  ascii('fmt ', 12);
  v.setUint32(16, fmtSize, true);
  v.setUint16(20, fields.tag ?? 1, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, fields.rate ?? 16000, true);
  v.setUint32(28, (fields.rate ?? 16000) * channels * (bits / 8), true);
  v.setUint16(32, channels * (bits / 8), true);
  v.setUint16(34, bits, true);
  ascii('data', 20 + fmtSize);
  v.setUint32(24 + fmtSize, fields.dataSize, true);
  return b;
}

describe('WAV round trip', () => {
  const tolerance: Record<WavEncoding, number> = { pcm8: 1 / 128, pcm16: 1 / 32768, pcm24: 1 / 8388608, pcm32: 1e-7, float32: 0 };
  for (const encoding of Object.keys(tolerance) as WavEncoding[]) {
    for (const [channels, rate] of [[1, 16000], [2, 44100], [4, 48000], [3, 8000]] as const) {
      it(`${encoding}, ${channels} channel(s) at ${rate} Hz`, () => {
        const audio = { sampleRate: rate, channels: Array.from({ length: channels }, (_, c) => sine(999, 300 + 100 * c, rate, 0.9, c)) };
        const back = parseWav(encodeWav(audio, encoding));
        expect(back.sampleRate).toBe(rate);
        expect(back.channels).toHaveLength(channels);
        back.channels.forEach((ch, c) => {
          expect(ch).toHaveLength(999);
          let worst = 0;
          for (let i = 0; i < ch.length; i++) worst = Math.max(worst, Math.abs(ch[i]! - audio.channels[c]![i]!));
          expect(worst).toBeLessThanOrEqual(tolerance[encoding]);
        });
      });
    }
  }

  it('clamps out-of-range samples on write and float samples on read', () => {
    const back = parseWav(encodeWav({ sampleRate: 16000, channels: [Float32Array.from([1.5, -2, 1, -1])] }, 'pcm16'));
    expect(Array.from(back.channels[0]!)).toEqual([32767 / 32768, -1, 32767 / 32768, -1]);
    const f = parseWav(encodeWav({ sampleRate: 16000, channels: [Float32Array.from([1.5, -2, NaN])] }, 'float32'));
    expect(Array.from(f.channels[0]!)).toEqual([1, -1, 0]);
  });
});

describe('WAV files written by sox (an independent writer)', () => {
  const cases = [
    ['sine-440-u8-mono-8k.wav', 8000, 1, 1 / 64], // 8-bit unsigned
    ['sine-440-s24-stereo-44k1.wav', 44100, 2, 1e-3], // WAVE_FORMAT_EXTENSIBLE, 24-bit
    ['sine-440-s32-mono-22k05.wav', 22050, 1, 1e-3], // WAVE_FORMAT_EXTENSIBLE, 32-bit int
    ['sine-440-f32-4ch-48k.wav', 48000, 4, 1e-3], // float, 18-byte fmt and a fact chunk before data
  ] as const;
  for (const [file, rate, channels, tol] of cases) {
    it(`reads ${file}: ${channels} channel(s) of a 440 Hz sine at half scale, ${rate} Hz`, async () => {
      const audio = await readWavFile(join(fixtures, file));
      expect(audio.sampleRate).toBe(rate);
      expect(audio.channels).toHaveLength(channels);
      for (const ch of audio.channels) {
        const m = measureSine(ch, 440, rate);
        expect(Math.abs(m.amp - 0.5)).toBeLessThan(tol + 0.01);
        expect(Math.abs(m.crossingsHz - 440)).toBeLessThan(25);
      }
    });
  }

  it('reads a streamed header (espeak-ng --stdout, sox to a pipe) whose data size is a placeholder', () => {
    const b = header({ dataSize: 0x7ffff000, data: 8 });
    new DataView(b.buffer).setInt16(44, 16384, true);
    const audio = parseWav(b);
    expect(audio.channels[0]).toHaveLength(4);
    expect(audio.channels[0]![0]).toBe(0.5);
  });
});

describe('malformed WAV files give one clear line (E_WAV)', () => {
  it('a truncated data chunk says how much is missing', async () => {
    await expect(readWavFile(join(fixtures, 'truncated.wav'))).rejects.toThrow(
      `${join(fixtures, 'truncated.wav')}: truncated: data chunk says 32000 bytes, 1200 present`,
    );
    const e = thrown(() => parseWav(header({ dataSize: 32000, data: 1200 }), 'x.wav'));
    expect(e.message).toBe('x.wav: truncated: data chunk says 32000 bytes, 1200 present');
    expect(e.code).toBe('E_WAV');
  });

  const bad: [string, () => Uint8Array, string][] = [
    ['a text file', () => new TextEncoder().encode('this is not audio\n'), "x.wav: not a WAV file: starts with 'this', expected 'RIFF'"],
    ['an AVI', () => header({ riffType: 'AVI ', dataSize: 4 }), "x.wav: not a WAV file: RIFF type 'AVI ', expected 'WAVE'"],
    ['six bytes of RIFF', () => new TextEncoder().encode('RIFF\0\0'), 'x.wav: truncated: 6 bytes, a WAV header needs at least 12'],
    ['an empty file', () => new Uint8Array(0), 'x.wav: not a WAV file: 0 bytes, too short for a RIFF header'],
    ['ADPCM', () => header({ tag: 0x11, bits: 4, dataSize: 4 }), 'x.wav: unsupported encoding: format 0x0011 with 4 bits (reads PCM 8/16/24/32-bit integer and 32/64-bit float)'],
    ['12-bit PCM', () => header({ bits: 12, dataSize: 4 }), 'x.wav: unsupported encoding: format 0x0001 with 12 bits (reads PCM 8/16/24/32-bit integer and 32/64-bit float)'],
    ['zero channels', () => header({ channels: 0, dataSize: 4 }), 'x.wav: malformed: fmt chunk says 0 channels'],
    ['a short fmt chunk', () => header({ fmtSize: 12, dataSize: 4 }), 'x.wav: malformed: fmt chunk is 12 bytes, needs at least 16'],
    ['no data chunk', () => header({ dataSize: 0 }).slice(0, 36), 'x.wav: malformed: no data chunk'],
    ['a cut chunk header', () => header({ dataSize: 0 }).slice(0, 40), 'x.wav: truncated: chunk header at byte 36 is cut off'],
  ];
  for (const [what, bytes, message] of bad) {
    it(what, () => {
      const e = thrown(() => parseWav(bytes(), 'x.wav'));
      expect(e.message).toBe(message);
      expect(e.message).not.toContain('\n');
      expect(e.code).toBe('E_WAV');
    });
  }

  it('a file that is not there, and a non-WAV file on disk, name the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wav-'));
    await expect(readWavFile(join(dir, 'missing.wav'))).rejects.toThrow(`${join(dir, 'missing.wav')}: cannot read: no such file`);
    writeFileSync(join(dir, 'song.wav'), 'ID3\u0003\u0000 mp3 bytes');
    await expect(readWavFile(join(dir, 'song.wav'))).rejects.toThrow(/song\.wav: not a WAV file: starts with 'ID3\\x03', expected 'RIFF'$/);
    await expect(readWavFile(join(fixtures, 'not-a-wav.wav'))).rejects.toBeInstanceOf(WavError);
  });
});

describe('resample to 16 kHz', () => {
  for (const rate of [8000, 22050, 44100, 48000]) {
    it(`keeps a 1 kHz tone from ${rate} Hz: length, amplitude and frequency`, () => {
      const x = sine(rate, 1000, rate, 0.5);
      const y = resample(x, rate, 16000);
      expect(y.length).toBe(16000);
      // Ignore the ends, where the kernel runs off the signal.
      const mid = y.slice(800, 15200);
      const ideal = sine(16000, 1000, 16000, 0.5).slice(800, 15200);
      let worst = 0;
      for (let i = 0; i < mid.length; i++) worst = Math.max(worst, Math.abs(mid[i]! - ideal[i]!));
      expect(worst).toBeLessThan(2e-3);
    });
  }

  it('removes content above the new Nyquist instead of folding it into the speech band', () => {
    // 12 kHz at 44.1 kHz would alias to 4 kHz at 16 kHz.
    const y = resample(sine(44100, 12000, 44100, 0.5), 44100, 16000);
    const m = measureSine(y.slice(800, 15200), 4000, 16000);
    expect(20 * Math.log10(m.amp / 0.5)).toBeLessThan(-60);
  });

  it('to16k converts every channel', () => {
    const audio = to16k({ sampleRate: 48000, channels: [sine(4800, 500, 48000), sine(4800, 700, 48000)] });
    expect(audio.sampleRate).toBe(16000);
    expect(audio.channels.map((c) => c.length)).toEqual([1600, 1600]);
  });
});
