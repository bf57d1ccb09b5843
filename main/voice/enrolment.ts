// Voice enrolment: an occupant reads known sentences once; SphinxTrain's Baum-Welch pass aligns them to the stock
// en-us model and MAP re-estimates its Gaussians (means, variances) towards that voice. The result is a voice
// profile: a complete acoustic model directory the seat's recogniser loads instead of the stock one.
// MAP rather than a global MLLR transform: on the bench voices MLLR gained 59 → 62 of 72 commands recognised exactly
// (clean) and MAP 59 → 71 from the same 40 sentences.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CabinError } from '../../vehicle-bus/errors.js';
import { POCKETSPHINX_MODEL } from '../../models/speech/pocketsphinx-paths.js';
import { readSendump, s3MixtureWeightsFile } from '../../models/speech/sendump.js';
import { toPcm16 } from '../../models/speech/recognizer.js';
import { mulberry32 } from '../../vehicle-bus/prng.js';

const run = promisify(execFile);

export const SPHINXTRAIN_DIR = '/usr/lib/sphinxtrain';
const TOOLS = {
  fe: 'sphinx_fe',
  mdef: 'pocketsphinx_mdef_convert',
  bw: join(SPHINXTRAIN_DIR, 'bw'),
  map: join(SPHINXTRAIN_DIR, 'map_adapt'),
};
/** The stock model files a profile carries over unchanged (means and variances are the adapted ones). */
const CARRIED = ['mdef', 'sendump', 'transition_matrices', 'noisedict', 'feat.params'];
export const PROFILE_FILE = 'voice-profile.json';

export class EnrolmentError extends CabinError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_ENROLMENT', message, options);
  }
}

export interface EnrolmentInput {
  /** What was read, one sentence per recording, in the same order. */
  sentences: readonly string[];
  /** 16 kHz mono recordings, one per sentence. */
  audio: readonly Float32Array[];
  /** Where the speech came from, kept in the profile ("recordings in DIR", "espeak-ng en-gb"). */
  source: string;
}

export interface VoiceProfileInfo {
  kind: 'cabin-voice-profile';
  version: 1;
  source: string;
  sentences: number;
  /** Recordings Baum-Welch could align to their sentence (the rest did not contribute). */
  aligned: number;
  baseModel: string;
  createdAt: string;
}

/** At least this share of the recordings must align, or the recordings do not match the sentences. */
const MIN_ALIGNED = 0.6;
/** Silence around each recording: the alignment starts and ends in the silence model, which needs frames of its own. */
const PAD_SAMPLES = 4800;

export function sphinxTrainMissing(): string | null {
  for (const t of [TOOLS.bw, TOOLS.map]) if (!existsSync(t)) return `${t} is missing; install SphinxTrain with: apt-get install sphinxtrain`;
  return null;
}

async function tool(cmd: string, args: string[], cwd: string, what: string): Promise<string> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd, maxBuffer: 64 << 20 });
    return `${stdout}${stderr}`;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new EnrolmentError(`${cmd} is not installed (${what}); apt-get install sphinxtrain sphinxbase-utils pocketsphinx`, { cause: err });
    const last = String(e.stderr ?? '').trim().split('\n').filter((l) => /ERROR|FATAL/.test(l)).pop() ?? String(err);
    throw new EnrolmentError(`${what} failed: ${last.replace(/^\s*(ERROR|FATAL):\s*/, '')}`, { cause: err });
  }
}

/** Words of a sentence as the dictionary spells them. */
const wordsOf = (s: string) => s.toLowerCase().replace(/[^a-z' ]+/g, ' ').split(/\s+/).filter(Boolean);

async function dictionaryWords(path: string): Promise<Set<string>> {
  const words = new Set<string>();
  for (const line of (await readFile(path, 'utf8')).split('\n')) {
    const w = line.split(/\s/, 1)[0];
    if (w) words.add(w);
  }
  return words;
}

/**
 * Adapts the stock acoustic model to one voice and writes the profile to `outDir` (which must not exist). All work
 * happens in a scratch directory; `outDir` appears only when every step succeeded.
 */
export async function enrolVoice(input: EnrolmentInput, outDir: string, log: (line: string) => void = () => {}, baseModel = join(POCKETSPHINX_MODEL, 'en-us')): Promise<VoiceProfileInfo> {
  const missing = sphinxTrainMissing();
  if (missing) throw new EnrolmentError(missing);
  if (input.sentences.length !== input.audio.length) throw new EnrolmentError(`${input.audio.length} recordings for ${input.sentences.length} sentences`);
  if (input.sentences.length < 5) throw new EnrolmentError(`enrolment needs at least 5 sentences, got ${input.sentences.length}`);
  const target = resolve(outDir);
  if (existsSync(target)) throw new EnrolmentError(`${outDir} already exists; choose a new directory for the profile`);
  const dictPath = join(POCKETSPHINX_MODEL, 'cmudict-en-us.dict');
  const known = await dictionaryWords(dictPath);
  const unknown = [...new Set(input.sentences.flatMap(wordsOf))].filter((w) => !known.has(w));
  if (unknown.length) throw new EnrolmentError(`not in the pronunciation dictionary: ${unknown.slice(0, 5).join(', ')}`);
  input.audio.forEach((a, i) => {
    if (a.length < 8000) throw new EnrolmentError(`recording ${i + 1} is shorter than half a second`);
  });

  const work = await mkdtemp(join(tmpdir(), 'cabin-enrol-'));
  try {
    const ids = input.audio.map((_, i) => `u${String(i + 1).padStart(3, '0')}`);
    await mkdir(join(work, 'raw'));
    for (const [i, a] of input.audio.entries()) {
      const padded = new Float32Array(a.length + 2 * PAD_SAMPLES);
      padded.set(a, PAD_SAMPLES);
      // A faint noise floor: digital silence has a log energy of -infinity, which the features cannot hold.
      const rand = mulberry32(i + 1);
      for (let k = 0; k < padded.length; k++) padded[k]! += (rand() - 0.5) * 2e-4;
      const pcm = toPcm16(padded);
      await writeFile(join(work, 'raw', `${ids[i]}.raw`), new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength));
    }
    await writeFile(join(work, 'utts.ctl'), ids.join('\n') + '\n');
    await writeFile(join(work, 'utts.trans'), input.sentences.map((s, i) => `<s> ${wordsOf(s).join(' ')} </s> (${ids[i]})\n`).join(''));

    log(`enrol: features of ${ids.length} recordings`);
    await tool(TOOLS.fe, ['-argfile', join(baseModel, 'feat.params'), '-samprate', '16000', '-c', 'utts.ctl', '-di', 'raw', '-do', 'mfc',
      '-ei', 'raw', '-eo', 'mfc', '-raw', 'yes', '-input_endian', 'little'], work, 'feature extraction (sphinx_fe)');

    log('enrol: preparing the stock model for Baum-Welch');
    const hmm = join(work, 'hmm');
    await mkdir(hmm);
    for (const f of ['means', 'variances', 'transition_matrices', 'noisedict', 'feat.params']) await copyFile(join(baseModel, f), join(hmm, f));
    await tool(TOOLS.mdef, ['-text', join(baseModel, 'mdef'), join(hmm, 'mdef.txt')], work, 'model definition conversion');
    await writeFile(join(hmm, 'mixture_weights'), s3MixtureWeightsFile(readSendump(await readFile(join(baseModel, 'sendump')))));

    log('enrol: aligning the recordings to their sentences (Baum-Welch)');
    await mkdir(join(work, 'acc'));
    const bwLog = await tool(TOOLS.bw, ['-hmmdir', 'hmm', '-moddeffn', 'hmm/mdef.txt', '-ts2cbfn', '.ptm.', '-feat', '1s_c_d_dd', '-svspec', '0-12/13-25/26-38',
      '-cmn', 'batch', '-agc', 'none', '-dictfn', dictPath, '-fdictfn', 'hmm/noisedict', '-ctlfn', 'utts.ctl', '-lsnfn', 'utts.trans', '-cepdir', 'mfc',
      '-accumdir', 'acc'], work, 'alignment (bw)');
    // bw skips, with one "ignored" line each, recordings it cannot align to their sentence.
    const ignored = (bwLog.match(/\bignored\b/g) ?? []).length;
    const aligned = ids.length - ignored;
    if (aligned < Math.ceil(ids.length * MIN_ALIGNED)) {
      throw new EnrolmentError(`only ${aligned} of ${ids.length} recordings matched their sentence; check that each recording reads its sentence, in order`);
    }
    log(`enrol: ${aligned} of ${ids.length} recordings aligned; adapting the model (MAP)`);
    const staged = join(work, 'profile');
    await mkdir(staged);
    await tool(TOOLS.map, ['-moddeffn', 'hmm/mdef.txt', '-ts2cbfn', '.ptm.', '-meanfn', 'hmm/means', '-varfn', 'hmm/variances', '-mixwfn', 'hmm/mixture_weights',
      '-tmatfn', 'hmm/transition_matrices', '-accumdir', 'acc', '-mapmeanfn', 'profile/means', '-mapvarfn', 'profile/variances',
      '-mapmixwfn', 'mixw.map', '-maptmatfn', 'tmat.map'], work, 'adaptation (map_adapt)');
    for (const f of CARRIED) await copyFile(join(baseModel, f), join(staged, f));
    const info: VoiceProfileInfo = {
      kind: 'cabin-voice-profile', version: 1, source: input.source, sentences: ids.length, aligned, baseModel, createdAt: new Date().toISOString(),
    };
    await writeFile(join(staged, PROFILE_FILE), JSON.stringify(info, null, 2) + '\n');
    await mkdir(resolve(target, '..'), { recursive: true });
    try {
      await rename(staged, target);
    } catch {
      // Another file system (rename cannot cross devices): copy the files, the marker last, so a half-copied
      // directory is never taken for a profile.
      await mkdir(target);
      for (const f of [...CARRIED, 'means', 'variances']) await copyFile(join(staged, f), join(target, f));
      await copyFile(join(staged, PROFILE_FILE), join(target, PROFILE_FILE));
    }
    log(`enrol: voice profile written to ${outDir}`);
    return info;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Checks a profile directory and returns the acoustic model directory the recogniser should load. */
export async function readVoiceProfile(dir: string): Promise<{ hmmDir: string; info: VoiceProfileInfo }> {
  let info: VoiceProfileInfo;
  try {
    info = JSON.parse(await readFile(join(dir, PROFILE_FILE), 'utf8')) as VoiceProfileInfo;
  } catch (err) {
    throw new EnrolmentError(`${dir} is not a voice profile (no readable ${PROFILE_FILE}; make one with \`cabin enrol\`)`, { cause: err });
  }
  if (info.kind !== 'cabin-voice-profile' || info.version !== 1) throw new EnrolmentError(`${dir}: unsupported voice profile (kind ${String(info.kind)}, version ${String(info.version)})`);
  for (const f of [...CARRIED, 'means', 'variances']) if (!existsSync(join(dir, f))) throw new EnrolmentError(`${dir}: voice profile is missing ${f}`);
  return { hmmDir: resolve(dir), info };
}
