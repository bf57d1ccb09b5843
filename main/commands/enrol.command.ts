// `cabin enrol`: adapts the recogniser to one occupant's voice from recordings of known sentences (or, for demos and
// the bench, from espeak-ng), and writes a voice profile that `cabin listen` / `cabin run --voice-profile` load per seat.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { UsageError } from '../../vehicle-bus/errors.js';
import { enrolVoice } from '../voice/enrolment.js';
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

export const enrolCommand: Command = {
  name: 'enrol',
  summary: "Adapt speech recognition to one occupant's voice and write a voice profile for their seat.",
  usage: '--out DIR (--recordings DIR | --voice VOICE) [--sentences FILE] | --list',
  details: [
    'The occupant reads the enrolment sentences (`cabin enrol --list`; 40 phonetically balanced sentences, about',
    'three minutes) into one mono WAV each, named in reading order (01.wav, 02.wav, …; e.g. with',
    '`arecord -f S16_LE -r 16000 -c 1 01.wav`). Fewer recordings than sentences use the first ones; 20 or more adapt',
    'best. SphinxTrain aligns each recording to its sentence (Baum-Welch) and re-estimates the Gaussians of the',
    'stock en-us acoustic model towards that voice (MAP). The profile is a directory holding the adapted model;',
    'nothing is written unless every step succeeds. Use it with',
    '  cabin listen --voice-profile driver=DIR     cabin run --voice-profile passenger=DIR --script FILE',
    '--voice enrols an espeak-ng voice instead (demos, and the voice bench\'s enrolled conditions).',
    'Needs: apt-get install sphinxtrain sphinxbase-utils pocketsphinx (npm run setup installs them).',
  ].join('\n'),
  options: {
    out: { type: 'string', arg: 'DIR', description: 'Where to write the voice profile (a new directory).' },
    recordings: { type: 'string', arg: 'DIR', description: 'Directory of WAV recordings, one per sentence, in name order.' },
    voice: { type: 'string', arg: 'VOICE', description: 'Enrol a synthetic espeak-ng voice (e.g. en-gb, en-us+f3) instead of recordings.' },
    sentences: { type: 'string', arg: 'FILE', description: 'Sentences that were read, one per line (default: the shipped enrolment list).' },
    list: { type: 'boolean', description: 'Print the sentences to read, numbered, and exit.' },
  },
  async run(args, io) {
    const sentences = await readSentences(stringOpt(args, 'sentences') ?? ENROLMENT_SENTENCES);
    if (boolOpt(args, 'list')) {
      sentences.forEach((s, i) => io.stdout.write(`${String(i + 1).padStart(2, '0')}  ${s}\n`));
      return 0;
    }
    const out = stringOpt(args, 'out');
    if (!out) throw new UsageError('no profile directory: give --out DIR (see `cabin enrol --help`)');
    const dir = stringOpt(args, 'recordings');
    const voice = stringOpt(args, 'voice');
    if (!dir === !voice) throw new UsageError('give either --recordings DIR or --voice VOICE');
    let audio: Float32Array[];
    let source: string;
    if (dir) {
      const rec = await readRecordings(dir);
      if (rec.audio.length > sentences.length) throw new UsageError(`${dir}: ${rec.audio.length} recordings for ${sentences.length} sentences`);
      if (rec.audio.length < FEW) io.stderr.write(`cabin enrol: ${rec.audio.length} recordings; ${FEW} or more adapt better\n`);
      audio = rec.audio;
      source = `recordings in ${dir}`;
    } else {
      const { speak } = await import('../voice/synth.js');
      io.stderr.write(`cabin enrol: speaking ${sentences.length} sentences with espeak-ng ${voice}\n`);
      audio = sentences.map((s) => speak(s, { voice }));
      source = `espeak-ng ${voice}`;
    }
    const info = await enrolVoice({ sentences: sentences.slice(0, audio.length), audio, source }, out, (l) => io.stderr.write(`cabin ${l}\n`));
    io.stdout.write(`voice profile ${out}: ${info.aligned} of ${info.sentences} sentences aligned (${info.source})\n`);
    return 0;
  },
};
