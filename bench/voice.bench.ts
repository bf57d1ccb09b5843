// The `voice` section of `cabin bench`: synthetic speech per SNR through VAD, the recogniser, the language model and the
// dialogue to the simulated car; word error rate, command success, latency from end of speech, real-time factor.
import { isDeepStrictEqual } from 'node:util';
import type { Intent } from '../intents/catalog.js';
import type { LanguageModel } from '../models/language-model.js';
import { asrWords } from '../models/speech/asr-words.js';
import type { Recognizer } from '../models/speech/recognizer.js';
import { SimulatedCabin } from '../main/run/simulated-cabin.js';
import { Hearing } from '../main/voice/hearing.js';
import { understandHeard, type HeardMeaning } from '../main/voice/understand-heard.js';
import { addNoise, speak } from '../main/voice/synth.js';
import type { Seat, VehicleState } from '../vehicle-bus/cabin/vehicle-state-types.js';
import { percentile, round } from './stats.js';
import { BENCH_VOICES, OTHER_ACCENTS, SPOKEN_CHATTER, SPOKEN_COMMANDS, SPOKEN_CONVERSATION, type SpokenCommand } from './voice-commands.js';
import { heldOutSpokenCommands } from './voice-heldout.js';
import { wordErrors } from './wer.js';

export const VOICE_TARGETS = { cleanSuccessPct: 95, snr10SuccessPct: 85, attributionPct: 98, p95Ms: 300, rtf: 0.2 } as const;

export interface ConditionFigures {
  condition: string;
  utterances: number;
  werPct: number;
  successPct: number;
  latency: { p50: number; p95: number };
  rtf: number;
  /** The utterances that did not end in the expected state: what was said, what was heard, what the LM made of it. */
  failures: VoiceFailure[];
}

export interface VoiceFailure {
  voice: string;
  seat: string;
  said: string;
  heard: string;
  understood: string;
}

/**
 * "hvac.fan+seat.heat (0.42)": the intents a reading asked for and the confidence the dialogue heard; when the reading
 * came from a lower hypothesis than the best (`heard` prints the best), which one: `… (0.31) from #2 "set the fan on"`,
 * or `from the grammar "…"`. Without it a failure cannot tell a misread best hypothesis from the n-best fallback.
 */
export const summarize = (m: HeardMeaning): string => {
  const base = `${m.intents.map((x) => x.intent).join('+') || 'nothing'} (${m.confidence.toFixed(2)})`;
  if (m.rank === 0) return base;
  return `${base} from ${m.rank < 0 ? 'the grammar' : `#${m.rank + 1}`} "${m.text}"`;
};

interface Sample {
  cmd: SpokenCommand;
  voice: string;
  audio: Float32Array;
}

const PAD_MS = 500;

function padded(x: Float32Array): Float32Array {
  const pad = (PAD_MS * 16000) / 1000;
  const out = new Float32Array(x.length + 2 * pad);
  out.set(x, pad);
  return out;
}

/** What a fresh cabin does with a seat's utterances, in turn: the style and reply of the last turn, and the car after. */
async function outcomeOf(seat: Seat, utterances: readonly { text: string; intents: Intent[]; confidence?: number }[]): Promise<{ style: string; reply: string; state: VehicleState }> {
  const cabin = await SimulatedCabin.start();
  try {
    let last = { style: '', reply: '' };
    for (const u of utterances) for (const r of await cabin.say([{ speaker: seat, ...u }])) last = { style: r.style, reply: r.reply };
    return { ...last, state: cabin.state };
  } finally {
    await cabin.stop();
  }
}

async function expectedState(cmd: SpokenCommand): Promise<VehicleState> {
  return (await outcomeOf(cmd.seat, [{ text: cmd.text, intents: cmd.intents }])).state;
}

/** One recogniser for every voice, or (enrolled conditions) each voice's own. */
type RecognizerChoice = Recognizer | ((voice: string) => Recognizer);
const recognizerFor = (choice: RecognizerChoice, voice: string) => (typeof choice === 'function' ? choice(voice) : choice);

async function runCondition(name: string, samples: readonly Sample[], snr: number | null, choice: RecognizerChoice, lm: LanguageModel, expected: Map<SpokenCommand, VehicleState>, nbest: number): Promise<ConditionFigures> {
  const hearings = new Map<string, Hearing>();
  const hearingFor = (voice: string) => {
    let h = hearings.get(voice);
    if (!h) hearings.set(voice, (h = new Hearing(recognizerFor(choice, voice))));
    return h;
  };
  let errors = 0;
  let refWords = 0;
  let ok = 0;
  let decodeMs = 0;
  let audioMs = 0;
  const latencies: number[] = [];
  const failures: VoiceFailure[] = [];
  for (const [i, s] of samples.entries()) {
    const audio = snr === null ? s.audio : addNoise(s.audio, snr, 1000 + i);
    const heard = hearingFor(s.voice).mono({ sampleRate: 16000, channels: [audio] }, s.cmd.seat);
    const ref = asrWords(s.cmd.text) ?? [];
    errors += wordErrors(ref, heard.flatMap((h) => h.recognition.text.split(' ').filter(Boolean)));
    refWords += ref.length;
    for (const h of heard) {
      decodeMs += h.recognition.decodeMs;
      audioMs += h.recognition.audioMs;
    }
    const cabin = await SimulatedCabin.start();
    const understood: string[] = [];
    try {
      for (const h of heard) {
        const t0 = performance.now();
        const meaning = await understandHeard(lm, h.recognition, h.seat, nbest);
        understood.push(summarize(meaning));
        const spent = h.finishMs + performance.now() - t0;
        const t1 = performance.now();
        const [r] = await cabin.say([{ speaker: h.seat, text: meaning.text, intents: meaning.intents, confidence: meaning.confidence }]);
        if (r?.firstFrameAt != null) latencies.push(spent + r.firstFrameAt - t1);
      }
      if (heard.length && isDeepStrictEqual(cabin.state, expected.get(s.cmd))) ok++;
      else failures.push({ voice: s.voice, seat: s.cmd.seat, said: s.cmd.text, heard: heard.map((h) => h.recognition.text).join(' | '), understood: understood.join(' | ') });
    } finally {
      await cabin.stop();
    }
  }
  return {
    condition: name,
    utterances: samples.length,
    werPct: round((100 * errors) / Math.max(1, refWords), 1),
    successPct: round((100 * ok) / samples.length, 1),
    latency: { p50: round(percentile(latencies, 50), 1), p95: round(percentile(latencies, 95), 1) },
    rtf: round(decodeMs / Math.max(1, audioMs), 3),
    failures,
  };
}

export interface ChatterFigures {
  condition: string;
  utterances: number;
  /** Utterances after which the car was no longer in its initial state. */
  actedOn: number;
  examples: VoiceFailure[];
}

/** Spoken non-commands at one SNR: how many moved the car (each should leave it as it was). */
async function runChatter(name: string, snr: number | null, choice: RecognizerChoice, lm: LanguageModel, nbest: number): Promise<ChatterFigures> {
  const initial = await expectedState({ seat: 'driver', text: '', intents: [] });
  const examples: ChatterFigures['examples'] = [];
  let n = 0;
  for (const voice of BENCH_VOICES) {
    const hearing = new Hearing(recognizerFor(choice, voice));
    for (const said of SPOKEN_CHATTER) {
      const audio = padded(speak(said, { voice }));
      const heard = hearing.mono({ sampleRate: 16000, channels: [snr === null ? audio : addNoise(audio, snr, 5000 + n)] }, 'driver');
      n++;
      const cabin = await SimulatedCabin.start();
      try {
        const understood: string[] = [];
        for (const h of heard) {
          const meaning = await understandHeard(lm, h.recognition, h.seat, nbest);
          understood.push(summarize(meaning));
          await cabin.say([{ speaker: h.seat, text: meaning.text, intents: meaning.intents, confidence: meaning.confidence }]);
        }
        if (!isDeepStrictEqual(cabin.state, initial)) examples.push({ voice, seat: 'driver', said, heard: heard.map((h) => h.recognition.text).join(' | '), understood: understood.join(' | ') });
      } finally {
        await cabin.stop();
      }
    }
  }
  return { condition: name, utterances: n, actedOn: examples.length, examples };
}

export interface ConversationFigures {
  condition: string;
  utterances: number;
  /** Utterances that ended as the same words typed do: same style, same reply, the car as it was. */
  served: number;
  failures: VoiceFailure[];
}


/** Spoken style requests and thanks at one SNR: how many were served as the same words typed are. */
async function runConversation(name: string, snr: number | null, choice: RecognizerChoice, lm: LanguageModel, nbest: number): Promise<ConversationFigures> {
  const failures: VoiceFailure[] = [];
  let n = 0;
  let served = 0;
  for (const voice of BENCH_VOICES) {
    const hearing = new Hearing(recognizerFor(choice, voice));
    for (const said of SPOKEN_CONVERSATION) {
      const typed = await outcomeOf('driver', [{ text: said, intents: (await lm.understand(said, 'driver')).intents }]);
      const audio = padded(speak(said, { voice }));
      const heard = hearing.mono({ sampleRate: 16000, channels: [snr === null ? audio : addNoise(audio, snr, 7000 + n)] }, 'driver');
      n++;
      const meanings = [];
      for (const h of heard) meanings.push(await understandHeard(lm, h.recognition, h.seat, nbest));
      const spoken = await outcomeOf('driver', meanings);
      if (isDeepStrictEqual(spoken, typed)) served++;
      else failures.push({ voice, seat: 'driver', said, heard: heard.map((h) => h.recognition.text).join(' | '), understood: meanings.map(summarize).join(' | ') + ` → "${spoken.reply}"` });
    }
  }
  return { condition: name, utterances: n, served, failures };
}

export interface VoiceBenchOptions {
  lm: LanguageModel;
  domain: Recognizer;
  generic: Recognizer;
  log?: (line: string) => void;
  /** n-best hypotheses offered to the language model (1 = the best path only). */
  nbest?: number;
  /** Run only the conditions whose name contains this (quick experiments). */
  only?: string;
  /**
   * Each bench voice's own recogniser with its voice profile (`cabin enrol` on the enrolment sentences, which share
   * no sentence with the commands): what per-seat enrolment buys.
   */
  enrolled?: (voice: string) => Recognizer;
  /** The domain search with the command grammar beside it (side by side; slow, so optional). */
  withGrammar?: Recognizer;
  /** A Cabin LM held-out split (jsonl): its English sentences that change the car become a second spoken set. */
  heldOutFile?: string;
  heldOutCount?: number;
}

/** Spoken samples of the commands that change the car from its initial state (a no-op would pass unheard). */
async function samplesOf(commands: readonly SpokenCommand[], expected: Map<SpokenCommand, VehicleState>, voices: readonly string[] = BENCH_VOICES): Promise<Sample[]> {
  const initial = await expectedState({ seat: 'driver', text: '', intents: [] });
  const changing: SpokenCommand[] = [];
  for (const cmd of commands) {
    const state = await expectedState(cmd);
    if (isDeepStrictEqual(state, initial)) continue;
    expected.set(cmd, state);
    changing.push(cmd);
  }
  const samples: Sample[] = [];
  for (const voice of voices) for (const cmd of changing) samples.push({ cmd, voice, audio: padded(speak(cmd.text, { voice })) });
  return samples;
}

export async function benchVoice(opts: VoiceBenchOptions): Promise<{ conditions: ConditionFigures[]; chatter: ChatterFigures[]; conversation: ConversationFigures[] }> {
  const log = opts.log ?? (() => {});
  const expected = new Map<SpokenCommand, VehicleState>();
  const samples = await samplesOf(SPOKEN_COMMANDS, expected);
  log(`voice: ${samples.length} synthetic utterances (${samples.length / BENCH_VOICES.length} of ${SPOKEN_COMMANDS.length} commands change the car × ${BENCH_VOICES.join(', ')})`);
  // Sentences of the Cabin LM's held-out templates: phrasings nobody wrote the grammar or the bench list against.
  const heldOut = opts.heldOutFile ? await samplesOf(heldOutSpokenCommands(opts.heldOutFile, opts.heldOutCount ?? 40), expected) : [];
  if (heldOut.length) log(`voice: ${heldOut.length} held-out corpus utterances (${heldOut.length / BENCH_VOICES.length} sentences × ${BENCH_VOICES.length} voices)`);
  // The same commands in accents nothing here was tuned on: how far the figures above carry to other speakers.
  const accentsRow = 'other accents clean, domain LM';
  const accents = !opts.only || accentsRow.includes(opts.only) ? await samplesOf(SPOKEN_COMMANDS, expected, OTHER_ACCENTS) : [];
  const conditions: ConditionFigures[] = [];
  const plan: [string, number | null, RecognizerChoice | undefined, Sample[]][] = [
    ['clean, domain LM', null, opts.domain, samples],
    ['20 dB SNR, domain LM', 20, opts.domain, samples],
    ['10 dB SNR, domain LM', 10, opts.domain, samples],
    ['5 dB SNR, domain LM', 5, opts.domain, samples],
    ['clean, domain LM, enrolled voices', null, opts.enrolled, samples],
    ['10 dB SNR, domain LM, enrolled voices', 10, opts.enrolled, samples],
    ['5 dB SNR, domain LM, enrolled voices', 5, opts.enrolled, samples],
    ['clean, domain LM + command grammar', null, opts.withGrammar, samples],
    ['10 dB SNR, domain LM + command grammar', 10, opts.withGrammar, samples],
    ['clean, generic LM', null, opts.generic, samples],
    ['10 dB SNR, generic LM', 10, opts.generic, samples],
    [accentsRow, null, opts.domain, accents],
    ['held-out sentences clean, domain LM', null, opts.domain, heldOut],
    ['held-out sentences clean, domain LM, enrolled voices', null, opts.enrolled, heldOut],
    ['held-out sentences clean, domain LM + command grammar', null, opts.withGrammar, heldOut],
  ];
  for (const [name, snr, rec, set] of plan.filter(([n, , r, set]) => r && set.length && (!opts.only || n.includes(opts.only)))) {
    conditions.push(await runCondition(name, set, snr, rec!, opts.lm, expected, opts.nbest ?? 3));
    log(`voice: ${name} done`);
  }
  const chatter: ChatterFigures[] = [];
  const chatterPlan: [string, number | null, RecognizerChoice | undefined][] = [
    ['spoken chatter clean, domain LM', null, opts.domain],
    ['spoken chatter 10 dB SNR, domain LM', 10, opts.domain],
    ['spoken chatter clean, domain LM, enrolled voices', null, opts.enrolled],
  ];
  for (const [name, snr, rec] of chatterPlan) {
    if (!rec || (opts.only && !name.includes(opts.only))) continue;
    chatter.push(await runChatter(name, snr, rec, opts.lm, opts.nbest ?? 3));
    log(`voice: ${name} done`);
  }
  const conversation: ConversationFigures[] = [];
  const conversationPlan: [string, number | null, RecognizerChoice | undefined][] = [
    ['style requests and thanks clean, domain LM', null, opts.domain],
    ['style requests and thanks 10 dB SNR, domain LM', 10, opts.domain],
  ];
  for (const [name, snr, rec] of conversationPlan) {
    if (!rec || (opts.only && !name.includes(opts.only))) continue;
    conversation.push(await runConversation(name, snr, rec, opts.lm, opts.nbest ?? 3));
    log(`voice: ${name} done`);
  }
  return { conditions, chatter, conversation };
}
