// RIFF/WAVE PCM reader and writer: integer 8/16/24/32-bit and float 32/64-bit in, samples as Float32 in [-1, 1] out.
import { readFile } from 'node:fs/promises';
import { WavError } from './errors.js';
import { resample } from './resample.js';

export { resample };

export interface Audio {
  sampleRate: number;
  /** One array per channel, in file order (cabin order: 0 driver, 1 passenger, 2 rear_left, 3 rear_right). */
  channels: Float32Array[];
}

export type WavEncoding = 'pcm8' | 'pcm16' | 'pcm24' | 'pcm32' | 'float32';

const FORMAT_PCM = 0x0001;
const FORMAT_FLOAT = 0x0003;
const FORMAT_EXTENSIBLE = 0xfffe;
/** Writers that stream to a pipe (espeak-ng --stdout, sox -) cannot know the length and put a placeholder here. */
const STREAMED_SIZE = 0x7ffff000;

function fourcc(b: Uint8Array, at: number): string {
  let s = '';
  for (let i = 0; i < 4 && at + i < b.length; i++) {
    const c = b[at + i]!;
    s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return s;
}

interface Format {
  tag: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bits: number;
}

function readFormat(view: DataView, at: number, size: number, name: string): Format {
  if (size < 16) throw new WavError(`${name}: malformed: fmt chunk is ${size} bytes, needs at least 16`);
  let tag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bits = view.getUint16(at + 14, true);
  if (tag === FORMAT_EXTENSIBLE) {
    // The sub-format GUID starts with the real format tag (KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT).
    if (size < 40) throw new WavError(`${name}: malformed: WAVE_FORMAT_EXTENSIBLE fmt chunk is ${size} bytes, needs 40`);
    tag = view.getUint16(at + 24, true);
  }
  if (channels === 0) throw new WavError(`${name}: malformed: fmt chunk says 0 channels`);
  if (sampleRate === 0) throw new WavError(`${name}: malformed: fmt chunk says sample rate 0`);
  const ok =
    (tag === FORMAT_PCM && (bits === 8 || bits === 16 || bits === 24 || bits === 32)) ||
    (tag === FORMAT_FLOAT && (bits === 32 || bits === 64));
  if (!ok) {
    throw new WavError(
      `${name}: unsupported encoding: format 0x${tag.toString(16).padStart(4, '0')} with ${bits} bits ` +
        '(reads PCM 8/16/24/32-bit integer and 32/64-bit float)',
    );
  }
  if (blockAlign !== channels * (bits / 8)) {
    throw new WavError(`${name}: malformed: block align ${blockAlign} does not match ${channels} channels of ${bits} bits`);
  }
  return { tag, channels, sampleRate, blockAlign, bits };
}

function decode(view: DataView, at: number, frames: number, f: Format): Float32Array[] {
  const out = Array.from({ length: f.channels }, () => new Float32Array(frames));
  const bytes = f.bits / 8;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < f.channels; c++) {
      const p = at + i * f.blockAlign + c * bytes;
      let v: number;
      if (f.tag === FORMAT_FLOAT) {
        v = f.bits === 32 ? view.getFloat32(p, true) : view.getFloat64(p, true);
        // Float WAVs may exceed full scale or hold NaN; the contract is [-1, 1], as an ADC would give.
        v = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
      } else if (f.bits === 8) {
        v = (view.getUint8(p) - 128) / 128; // 8-bit WAV is unsigned
      } else if (f.bits === 16) {
        v = view.getInt16(p, true) / 32768;
      } else if (f.bits === 24) {
        const u = view.getUint8(p) | (view.getUint8(p + 1) << 8) | (view.getInt8(p + 2) << 16);
        v = u / 8388608;
      } else {
        v = view.getInt32(p, true) / 2147483648;
      }
      out[c]![i] = v;
    }
  }
  return out;
}

/**
 * Parse a WAV file held in memory. `name` prefixes error messages (the file path, usually).
 * Chunks other than fmt and data are skipped; a trailing partial sample frame is dropped.
 */
export function parseWav(bytes: Uint8Array, name = 'WAV data'): Audio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12) {
    if (bytes.length >= 4 && fourcc(bytes, 0) === 'RIFF') {
      throw new WavError(`${name}: truncated: ${bytes.length} bytes, a WAV header needs at least 12`);
    }
    throw new WavError(`${name}: not a WAV file: ${bytes.length} bytes, too short for a RIFF header`);
  }
  if (fourcc(bytes, 0) !== 'RIFF') throw new WavError(`${name}: not a WAV file: starts with '${fourcc(bytes, 0)}', expected 'RIFF'`);
  if (fourcc(bytes, 8) !== 'WAVE') throw new WavError(`${name}: not a WAV file: RIFF type '${fourcc(bytes, 8)}', expected 'WAVE'`);

  let format: Format | undefined;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = fourcc(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    const present = bytes.length - body;
    if (id === 'fmt ') {
      if (size > present) throw new WavError(`${name}: truncated: fmt chunk says ${size} bytes, ${present} present`);
      format = readFormat(view, body, size, name);
    } else if (id === 'data') {
      if (!format) throw new WavError(`${name}: malformed: data chunk comes before the fmt chunk`);
      let length = size;
      if (size > present) {
        if (size < STREAMED_SIZE) throw new WavError(`${name}: truncated: data chunk says ${size} bytes, ${present} present`);
        length = present; // streamed header: the data runs to the end of the file
      }
      const frames = Math.floor(length / format.blockAlign);
      return { sampleRate: format.sampleRate, channels: decode(view, body, frames, format) };
    }
    // Chunks are padded to an even length.
    at = body + size + (size & 1);
  }
  if (at < bytes.length) throw new WavError(`${name}: truncated: chunk header at byte ${at} is cut off`);
  throw new WavError(format ? `${name}: malformed: no data chunk` : `${name}: malformed: no fmt chunk`);
}

/** Encode audio as a canonical 44-byte-header WAV (format tag 1 for integers, 3 for float). */
export function encodeWav(audio: Audio, encoding: WavEncoding = 'pcm16'): Uint8Array {
  const channels = audio.channels.length;
  if (channels === 0) throw new WavError('cannot write a WAV with no channels');
  const frames = audio.channels[0]!.length;
  if (audio.channels.some((c) => c.length !== frames)) throw new WavError('cannot write a WAV whose channels differ in length');
  const bits = encoding === 'pcm8' ? 8 : encoding === 'pcm16' ? 16 : encoding === 'pcm24' ? 24 : 32;
  const bytes = bits / 8;
  const dataSize = frames * channels * bytes;
  const out = new Uint8Array(44 + dataSize + (dataSize & 1));
  const view = new DataView(out.buffer);
  const ascii = (s: string, p: number): void => {
    for (let i = 0; i < 4; i++) out[p + i] = s.charCodeAt(i);
  };
  ascii('RIFF', 0);
  view.setUint32(4, out.length - 8, true);
  ascii('WAVE', 8);
  ascii('fmt ', 12);
  view.setUint32(16, 16, true);
  view.setUint16(20, encoding === 'float32' ? FORMAT_FLOAT : FORMAT_PCM, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * channels * bytes, true);
  view.setUint16(32, channels * bytes, true);
  view.setUint16(34, bits, true);
  ascii('data', 36);
  view.setUint32(40, dataSize, true);
  const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);
  let p = 44;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      const x = audio.channels[c]![i]!;
      if (encoding === 'float32') view.setFloat32(p, x, true);
      else if (encoding === 'pcm8') view.setUint8(p, clamp(Math.round(x * 128) + 128, 0, 255));
      else if (encoding === 'pcm16') view.setInt16(p, clamp(Math.round(x * 32768), -32768, 32767), true);
      else if (encoding === 'pcm24') {
        const v = clamp(Math.round(x * 8388608), -8388608, 8388607);
        view.setUint8(p, v & 0xff);
        view.setUint8(p + 1, (v >> 8) & 0xff);
        view.setInt8(p + 2, v >> 16);
      } else view.setInt32(p, clamp(Math.round(x * 2147483648), -2147483648, 2147483647), true);
      p += bytes;
    }
  }
  return out;
}

/** Every channel at 16 kHz, the rate the VAD and zone attribution work at. */
export function to16k(audio: Audio): Audio {
  if (audio.sampleRate === 16000) return audio;
  return { sampleRate: 16000, channels: audio.channels.map((c) => resample(c, audio.sampleRate, 16000)) };
}

/** File adapter (the one place here that does I/O): read and parse, with the path in any error message. */
export async function readWavFile(path: string): Promise<Audio> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new WavError(`${path}: cannot read: ${code === 'ENOENT' ? 'no such file' : (code ?? String(err))}`);
  }
  return parseWav(bytes, path);
}
