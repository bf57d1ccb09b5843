// Spoken replies through espeak-ng with the style's voice and rate; a reply in progress can be cut off (barge-in).
import { spawn, type ChildProcess } from 'node:child_process';
import { CabinError } from '../../vehicle-bus/errors.js';

export interface VoiceSetting {
  /** espeak-ng voice, e.g. `en-us`, `en-gb`, `en-us+f3`, `cmn`. */
  voice: string;
  /** Words per minute. */
  rate: number;
}

export type PlaybackEnd = 'finished' | 'interrupted' | 'failed';

export interface Playback {
  /** Resolves when the reply has been spoken, cut off, or could not be spoken. */
  readonly done: Promise<PlaybackEnd>;
  stop(): void;
}

export interface SpeechOutput {
  speak(text: string, voice: VoiceSetting): Playback;
  /** Stops whatever is being said (barge-in). */
  stopAll(): void;
}

export interface EspeakOptions {
  /**
   * Where the audio goes: `device` plays on the default sound device (espeak-ng's own output);
   * a file path ending in .wav writes it there instead (tests, machines without a sound card).
   */
  sink?: 'device' | string;
  /** Reports espeak-ng failures (missing voice, no sound device) without stopping the assistant. */
  onError?: (message: string) => void;
}

export class SpeechUnavailableError extends CabinError {
  constructor(message: string) {
    super('E_TTS_UNAVAILABLE', message);
  }
}

/** espeak-ng as a child process per reply; killing it is the barge-in. */
export class EspeakSpeech implements SpeechOutput {
  private readonly playing = new Set<ChildProcess>();

  constructor(private readonly opts: EspeakOptions = {}) {}

  speak(text: string, voice: VoiceSetting): Playback {
    const args = ['-v', voice.voice, '-s', String(Math.round(voice.rate))];
    const sink = this.opts.sink ?? 'device';
    if (sink !== 'device') args.push('-w', sink);
    args.push('--', text);
    let interrupted = false;
    const child = spawn('espeak-ng', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.playing.add(child);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<PlaybackEnd>((resolve) => {
      child.on('error', (e: NodeJS.ErrnoException) => {
        this.playing.delete(child);
        this.opts.onError?.(e.code === 'ENOENT' ? 'espeak-ng is not installed (apt-get install espeak-ng)' : `espeak-ng: ${e.message}`);
        resolve('failed');
      });
      child.on('close', (code) => {
        this.playing.delete(child);
        if (interrupted) return resolve('interrupted');
        if (code !== 0) this.opts.onError?.(`espeak-ng exited with ${code}: ${stderr.trim().split('\n')[0] ?? ''}`);
        resolve(code === 0 ? 'finished' : 'failed');
      });
    });
    return {
      done,
      stop: () => {
        if (child.exitCode !== null || child.killed) return;
        interrupted = true;
        child.kill('SIGTERM');
      },
    };
  }

  stopAll(): void {
    for (const c of this.playing) c.kill('SIGTERM');
  }
}

/**
 * Barge-in: speech starting in any zone stops the reply in progress, so an occupant never has to
 * wait for the assistant to finish talking before correcting it.
 */
export class BargeIn {
  private current: Playback | null = null;

  constructor(private readonly out: SpeechOutput) {}

  say(text: string, voice: VoiceSetting): Playback {
    this.current?.stop();
    const p = this.out.speak(text, voice);
    this.current = p;
    void p.done.then(() => {
      if (this.current === p) this.current = null;
    });
    return p;
  }

  /** Called by the voice front end when any zone's VAD detects the start of speech. */
  speechStarted(): boolean {
    if (!this.current) return false;
    this.current.stop();
    this.current = null;
    return true;
  }

  get speaking(): boolean {
    return this.current !== null;
  }
}
