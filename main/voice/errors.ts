// Error kinds of the voice front end; each carries a stable code and a one-line message a user can act on.
import { CabinError } from '../../vehicle-bus/errors.js';

/** A WAV file that is not RIFF/WAVE, is cut short, or uses an encoding we do not read. */
export class WavError extends CabinError {
  constructor(message: string) {
    super('E_WAV', message);
  }
}

/** Audio handed to the voice stages has the wrong shape (no channels, unequal lengths, too many seats). */
export class VoiceInputError extends CabinError {
  constructor(message: string) {
    super('E_VOICE_INPUT', message);
  }
}

/** espeak-ng (or sox) is not installed; only tests and benchmarks need them. */
export class SynthUnavailableError extends CabinError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_SYNTH_UNAVAILABLE', message, options);
  }
}
