// `cabin enrol`: adapts the recogniser to one occupant's voice from recordings of known sentences (or, for demos and
// the bench, from espeak-ng), and writes a voice profile that `cabin listen` / `cabin run --voice-profile` load per seat.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boolOpt, stringOpt, type Command, type CommandIO, type ParsedArgs } from '../command.js';
import { UsageError } from '../../vehicle-bus/errors.js';
import { enrolVoice } from '../voice/enrolment.js';
import { readSentencesAloud, sentencesInRecording } from '../voice/enrolment-reading.js';
import { VoiceInputError } from '../voice/errors.js';
import { openMicrophones } from '../voice/microphones.js';
import { readWavFile, resample } from '../voice/wav.js';

/** The shipped sentence list, found from this file (the source tree and dist/ sit at different depths). */
export const ENROLMENT_SENTENCES = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'models', 'speech', 'enrolment-en.txt');
    dir = dirname(dir);
  }
  return join('models', 'speech', 'enrolment-en.txt');
})();
/** Fewer recordings still adapt, but less; below this the command says so. */
const FEW = 20;

export async function readSentences(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (!lines.length) throw new UsageError(`${path}: no sentences (one per line; # starts a comment)`);
  return lines;
}

/** The WAV files of a directory in name order, each as 16 kHz mono. */
async function readRecordings(dir: string): Promise<{ names: string[]; audio: Float32Array[] }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.wav$/i.test(n)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch (err) {
    throw new UsageError(`${dir}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (!names.length) throw new UsageError(`${dir}: no .wav files (one recording per sentence, named in reading order: 01.wav, 02.wav, …)`);
  const audio: Float32Array[] = [];
  for (const n of names) {
    const a = await readWavFile(join(dir, n)).catch((e: Error) => Promise.reject(new UsageError(`${join(dir, n)}: ${e.message}`)));
    if (a.channels.length !== 1) throw new UsageError(`${join(dir, n)}: ${a.channels.length} channels; enrolment takes one mono recording per sentence`);
    audio.push(a.sampleRate === 16000 ? a.channels[0]! : resample(a.channels[0]!, a.sampleRate, 16000));
  }
  return { names, audio };
}

interface Spoken {
  audio: Float32Array[];
  /** Where the speech came from, kept in the profile. */
  source: string;
}

async function fromMicrophone(args: ParsedArgs, sentences: string[], io: CommandIO): Promise<Spoken> {
  const recorder = stringOpt(args, 'recorder') ?? 'sox';
  if (recorder !== 'sox' && recorder !== 'arecord') throw new UsageError('--recorder expects sox or arecord');
  const capture = openMicrophones({ channels: 1, device: stringOpt(args, 'device'), recorder });
  io.stopSignal.addEventListener('abort', () => capture.stop());
  io.stderr.write(`cabin enrol: ${sentences.length} sentences; read each one when it is shown, then pause. Ctrl-C stops (nothing is written).\n`);
  try {
    return { audio: await readSentencesAloud(capture.stream, sentences, (l) => io.stderr.write(`${l}\n`), io.stopSignal), source: `microphone ${stringOpt(args, 'device') ?? '(default)'}` };
  } catch (err) {
    // A recorder that failed to start says why when it exits; that is the more useful line.
    const failed = await Promise.race([capture.ended, new Promise<null>((r) => setTimeout(() => r(null), 200))]);
    throw failed ? new VoiceInputError(failed) : err;
  } finally {
    capture.stop();
  }
}

async function fromReading(path: string, count: number): Promise<Spoken> {
  const a = await readWavFile(path).catch((e: Error) => Promise.reject(new UsageError(e.message)));
  if (a.channels.length !== 1) throw new UsageError(`${path}: ${a.channels.length} channels; a reading is one mono recording`);
  try {
    return { audio: sentencesInRecording(a.channels[0]!, a.sampleRate, count), source: `reading in ${path}` };
  } catch (err) {
    throw new UsageError(`${path}: ${(err as Error).message}`);
  }
}

async function fromRecordings(dir: string, count: number, io: CommandIO): Promise<Spoken> {
  const rec = await readRecordings(dir);
  if (rec.audio.length > count) throw new UsageError(`${dir}: ${rec.audio.length} recordings for ${count} sentences`);
  if (rec.audio.length < FEW) io.stderr.write(`cabin enrol: ${rec.audio.length} recordings; ${FEW} or more adapt better\n`);
  return { audio: rec.audio, source: `recordings in ${dir}` };
}

async function fromSynthetic(voice: string, sentences: string[], io: CommandIO): Promise<Spoken> {
  const { speak } = await import('../voice/synth.js');
  io.stderr.write(`cabin enrol: speaking ${sentences.length} sentences with espeak-ng ${voice}\n`);
  return { audio: sentences.map((s) => speak(s, { voice })), source: `espeak-ng ${voice}` };
}

export const enrolCommand: Command = {
  name: 'enrol',
  summary: "Adapt speech recognition to one occupant's voice and write a voice profile for their seat.",
  usage: '--out DIR (--mic | --reading WAV | --recordings DIR | --voice VOICE) [--sentences FILE] [--count N] | --list',
  details: [
    'The occupant reads the enrolment sentences (`cabin enrol --list`; 40 phonetically balanced sentences, about',
    'three minutes): live with --mic (each sentence is shown; pause about a second after it), as one recording of',
    'all of them in order with such pauses (--reading WAV), or into one mono WAV each, named in reading order',
    '(--recordings DIR: 01.wav, 02.wav, …). --count N reads only the first N (20 or more adapt best). ',
    'SphinxTrain aligns each recording to its sentence (Baum-Welch) and re-estimates the Gaussians of the',
    'stock en-us acoustic model towards that voice (MAP). The profile is a directory holding the adapted model;',
    'nothing is written unless every step succeeds. Use it with',
    '  cabin listen --voice-profile driver=DIR     cabin run --voice-profile passenger=DIR --script FILE',
    '--voice enrols an espeak-ng voice instead (demos, and the voice bench\'s enrolled conditions).',
    'Needs: apt-get install sphinxtrain sphinxbase-utils pocketsphinx (npm run setup installs them).',
  ].join('\n'),
  options: {
    out: { type: 'string', arg: 'DIR', description: 'Where to write the voice profile (a new directory).' },
    mic: { type: 'boolean', description: 'Read the sentences into the microphone now, one after another.' },
    device: { type: 'string', arg: 'DEV', description: 'With --mic: capture device (ALSA name); default the system default.' },
    recorder: { type: 'string', arg: 'sox|arecord', description: 'With --mic: capture program.', default: 'sox' },
    reading: { type: 'string', arg: 'WAV', description: 'One mono recording of the sentences read in order, a pause after each.' },
    recordings: { type: 'string', arg: 'DIR', description: 'Directory of WAV recordings, one per sentence, in name order.' },
    count: { type: 'string', arg: 'N', description: 'Use only the first N sentences (at least 5).' },
    voice: { type: 'string', arg: 'VOICE', description: 'Enrol a synthetic espeak-ng voice (e.g. en-gb, en-us+f3) instead of recordings.' },
    sentences: { type: 'string', arg: 'FILE', description: 'Sentences that were read, one per line (default: the shipped enrolment list).' },
    list: { type: 'boolean', description: 'Print the sentences to read, numbered, and exit.' },
  },
  async run(args, io) {
    let sentences = await readSentences(stringOpt(args, 'sentences') ?? ENROLMENT_SENTENCES);
    const count = stringOpt(args, 'count');
    if (count !== undefined) {
      const n = Number(count);
      if (!Number.isInteger(n) || n < 5 || n > sentences.length) throw new UsageError(`--count expects 5 to ${sentences.length}`);
      sentences = sentences.slice(0, n);
    }
    if (boolOpt(args, 'list')) {
      sentences.forEach((s, i) => io.stdout.write(`${String(i + 1).padStart(2, '0')}  ${s}\n`));
      return 0;
    }
    const out = stringOpt(args, 'out');
    if (!out) throw new UsageError('no profile directory: give --out DIR (see `cabin enrol --help`)');
    if (existsSync(out)) throw new UsageError(`${out} already exists; choose a new directory for the profile`);
    const dir = stringOpt(args, 'recordings');
    const voice = stringOpt(args, 'voice');
    const reading = stringOpt(args, 'reading');
    const mic = boolOpt(args, 'mic');
    if ([dir, voice, reading, mic || undefined].filter((x) => x !== undefined).length !== 1) {
      throw new UsageError('give one of --mic, --reading WAV, --recordings DIR or --voice VOICE');
    }
    const { audio, source } = mic
      ? await fromMicrophone(args, sentences, io)
      : reading
        ? await fromReading(reading, sentences.length)
        : dir
          ? await fromRecordings(dir, sentences.length, io)
          : await fromSynthetic(voice!, sentences, io);
    const info = await enrolVoice({ sentences: sentences.slice(0, audio.length), audio, source }, out, (l) => io.stderr.write(`cabin ${l}\n`));
    io.stdout.write(`voice profile ${out}: ${info.aligned} of ${info.sentences} sentences aligned (${info.source})\n`);
    return 0;
  },
};
