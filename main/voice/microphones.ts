// Live capture of the seat microphones through node-record-lpcm16 (sox or arecord), as raw interleaved 16-bit PCM.
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { VoiceInputError } from './errors.js';

/** 16-bit PCM chunks of a capture stream; an odd byte at a chunk's end waits for the next chunk. */
export async function* pcmChunks(stream: Readable): AsyncGenerator<Int16Array> {
  let rest = Buffer.alloc(0);
  for await (const data of stream) {
    const buf = Buffer.concat([rest, data as Buffer]);
    const even = buf.length - (buf.length % 2);
    rest = buf.subarray(even);
    yield new Int16Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + even));
  }
}

export interface MicrophoneOptions {
  /** One per seat in DESIGN's order (0 driver, 1 passenger, 2 rear_left, 3 rear_right). */
  channels: number;
  /** ALSA device (arecord -D, or AUDIODEV for sox); default the system default. */
  device?: string;
  recorder?: 'sox' | 'arecord';
}

export interface Capture {
  /** Raw little-endian 16-bit PCM, interleaved, 16 kHz. */
  stream: Readable;
  /** Resolves when the recorder exits: null after stop() or a clean end, else one line saying why it failed. */
  ended: Promise<string | null>;
  stop(): void;
}

interface Recording {
  stream(): Readable;
  stop(): void;
  process: import('node:child_process').ChildProcess;
}

/**
 * Starts capturing. A recorder that cannot open the device (no sound card, as on a build machine) ends
 * the stream with an error event carrying one line to show the user.
 */
export function openMicrophones(opts: MicrophoneOptions): Capture {
  const lpcm16 = createRequire(import.meta.url)('node-record-lpcm16') as { record(o: object): Recording };
  const rec = lpcm16.record({
    sampleRate: 16000,
    channels: opts.channels,
    recorder: opts.recorder ?? 'sox',
    audioType: 'raw',
    ...(opts.device ? { device: opts.device } : {}),
  });
  const stream = rec.stream();
  // node-record-lpcm16 emits a bare string as an error after the recorder exits; the exit status and the
  // recorder's own stderr say more, so failures are reported through `ended` instead.
  stream.on('error', () => {});
  let stopped = false;
  let stderr = '';
  rec.process.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const ended = new Promise<string | null>((resolve) => {
    rec.process.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ENOENT' ? `${opts.recorder ?? 'sox'} is not installed (apt-get install sox, or alsa-utils for arecord)` : e.message));
    rec.process.on('close', (code) => {
      if (stopped || code === 0) return resolve(null);
      const why = stderr.trim().split('\n').find((x) => x.trim()) ?? `exit status ${code}`;
      resolve(`microphone capture failed: ${why.trim()} (is there a ${opts.channels}-channel input device${opts.device ? ` "${opts.device}"` : ''}?)`);
    });
  });
  return {
    stream,
    ended,
    stop: () => {
      stopped = true;
      rec.stop();
    },
  };
}
