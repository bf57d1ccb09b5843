// Where push-to-talk audio comes from: the seat microphones (node-record-lpcm16), or a WAV played as if it were them.
import { Readable } from 'node:stream';
import { openMicrophones, type Capture, type MicrophoneOptions } from './microphones.js';
import { toPcm16 } from '../../models/speech/recognizer.js';
import { readWavFile, to16k } from './wav.js';

export interface CaptureSource {
  /** Channels the capture delivers, interleaved (one per seat in DESIGN's order, or one for a single mic). */
  readonly channels: number;
  start(): Capture;
  describe(): string;
}

export function microphoneSource(opts: MicrophoneOptions): CaptureSource {
  return { channels: opts.channels, start: () => openMicrophones(opts), describe: () => `${opts.channels}-channel capture (${opts.recorder ?? 'sox'}${opts.device ? `, ${opts.device}` : ''})` };
}

/**
 * A recording in place of the microphones, delivered in real time (100 ms chunks) from its start each time
 * capture starts: a head unit without a sound card can still be talked to, and the app's push-to-talk is
 * tested end to end with it.
 */
export async function recordingSource(path: string): Promise<CaptureSource> {
  const audio = to16k(await readWavFile(path));
  const n = audio.channels.length;
  const frames = audio.channels[0]!.length;
  const pcm = audio.channels.map((c) => toPcm16(c));
  return {
    channels: n,
    describe: () => `recording ${path}`,
    start() {
      let at = 0;
      let timer: NodeJS.Timeout | undefined;
      let finish: (v: string | null) => void = () => {};
      const ended = new Promise<string | null>((r) => (finish = r));
      const stream = new Readable({ read() {} });
      const tick = () => {
        const len = Math.min(1600, frames - at);
        if (len <= 0) {
          stream.push(null);
          finish(null);
          return;
        }
        const out = Buffer.alloc(len * n * 2);
        for (let i = 0; i < len; i++) for (let c = 0; c < n; c++) out.writeInt16LE(pcm[c]![at + i]!, (i * n + c) * 2);
        at += len;
        stream.push(out);
        timer = setTimeout(tick, 100);
      };
      tick();
      return {
        stream,
        ended,
        stop() {
          clearTimeout(timer);
          stream.push(null);
          finish(null);
        },
      };
    },
  };
}

/** The push-to-talk source an app configuration asks for: a recording, a capture device, or none. */
export async function captureFromConfig(c: { micFile?: string; micDevice?: string; micChannels: number }): Promise<CaptureSource | undefined> {
  if (c.micFile) return recordingSource(c.micFile);
  if (c.micDevice) return microphoneSource({ channels: c.micChannels, ...(c.micDevice !== 'default' ? { device: c.micDevice } : {}) });
  return undefined;
}
