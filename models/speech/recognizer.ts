// The speech-recogniser port: 16 kHz mono PCM in, words with a confidence and alternatives out.
import { CabinError } from '../../vehicle-bus/errors.js';

export interface Hypothesis {
  text: string;
  /** Decoder score (log domain, higher is better); comparable only within one utterance. */
  score: number;
}

export interface Recognition {
  /** Best hypothesis, lower case words separated by single spaces; "" when nothing was recognised. */
  text: string;
  /**
   * Posterior probability of the best hypothesis in [0, 1] (from the decoder's word lattice). The
   * dialogue asks the occupant to repeat below a threshold instead of acting on a likely mistake.
   */
  confidence: number;
  /** Up to n alternatives, best first (the first equals `text`). */
  nbest: Hypothesis[];
  /** Wall time spent decoding, and the audio's length, for real-time factors. */
  decodeMs: number;
  audioMs: number;
  /**
   * The same audio searched in the command grammar (a `GrammarBackedRecognizer`). A grammar forces any sound
   * onto a command, so this reading is only evidence: see `understandHeard` for when it is used.
   */
  grammar?: Recognition;
}

export interface RecognizerInfo {
  name: string;
  /** `domain` (generated from the cabin corpus) or `generic` (the recogniser's stock model). */
  languageModel: string;
  language: 'en' | 'zh';
}

/** One utterance at a time, fed in chunks as it is captured (streaming) or all at once. */
export interface Recognizer {
  info(): RecognizerInfo;
  start(): void;
  /** 16-bit PCM at 16 kHz, any chunk size. */
  feed(pcm: Int16Array): void;
  /** Ends the utterance and returns what was heard. */
  end(): Recognition;
  /** One complete utterance in a single call (the same result as streaming it in chunks). */
  decode(pcm: Int16Array): Recognition;
  close(): void;
}

export class RecognizerUnavailableError extends CabinError {
  constructor(message: string) {
    super('E_ASR_UNAVAILABLE', message);
  }
}

/** Streams one utterance in chunks (as live capture would). */
export function recognize(r: Recognizer, pcm: Int16Array, chunk = 1600): Recognition {
  r.start();
  for (let i = 0; i < pcm.length; i += chunk) r.feed(pcm.subarray(i, i + chunk));
  return r.end();
}

/** Float samples in [-1, 1] to 16-bit PCM (clipping what is outside). */
export function toPcm16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i]! * 32767)));
  return out;
}
