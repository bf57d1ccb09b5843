// Plays a parsed script against a simulated cabin: understanding, overlap batches, speed changes, audio, timing; returns DESIGN's run outcome.
import type { Intent } from '../../intents/catalog.js';
import type { LanguageModel } from '../../models/language-model.js';
import type { VehicleState } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { TurnResult, Utterance } from '../../intents/dialogue/dialogue.js';
import type { Lang } from '../../intents/dialogue/language.js';
import { CabinError } from '../../vehicle-bus/errors.js';
import { overlapGroups, type Hearing, type HeardUtterance } from '../voice/hearing.js';
import { understandHeard } from '../voice/understand-heard.js';
import type { Audio } from '../voice/wav.js';
import { OVERLAP_MS, scriptSteps, type ScriptLine } from './script.js';
import type { SimulatedCabin } from './simulated-cabin.js';

export interface RunTurn {
  speaker: string;
  heard: string;
  intents: Intent[];
  reply: string;
  lang: Lang;
  /** End of utterance to the first CAN frame; null when nothing was sent. */
  latency_ms: number | null;
  /** A style request or thanks (the dialogue's `TurnResult.about`); not part of `--json`'s turn shape. */
  about?: 'style' | 'thanks';
}

export interface RunOutcome {
  turns: RunTurn[];
  state: VehicleState;
  frames: number;
}

/** What audio lines need: the recordings (read and checked before the run) and the ears. */
export interface ScriptAudio {
  hearing: Hearing;
  /** Recording of each audio line, by line number. */
  recordings: ReadonlyMap<number, Audio>;
}

export class AudioUnavailableError extends CabinError {
  constructor(file: string, line: number, reason: string) {
    super('E_AUDIO', `${file}:${line}: audio lines need the speech recogniser: ${reason}`);
  }
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

interface Timed {
  utterance: Utterance;
  /** Wall time already spent on this utterance after its end (recognition, understanding) before the dialogue. */
  spentMs: number;
}

async function serve(cabin: SimulatedCabin, batch: Timed[], turns: RunTurn[]): Promise<void> {
  const t = performance.now();
  const results: TurnResult[] = await cabin.say(batch.map((b) => b.utterance));
  results.forEach((r, i) => {
    turns.push({
      speaker: r.speaker,
      heard: r.text,
      intents: r.intents,
      reply: r.reply,
      lang: r.lang,
      latency_ms: r.firstFrameAt === null ? null : round(batch[i]!.spentMs + (r.firstFrameAt - t)),
      ...(r.about ? { about: r.about } : {}),
    });
  });
}

async function understand(lm: LanguageModel, h: HeardUtterance): Promise<Timed> {
  const t = performance.now();
  const { text, intents, confidence } = await understandHeard(lm, h.recognition, h.seat);
  return { utterance: { speaker: h.seat, text, intents, confidence }, spentMs: h.finishMs + performance.now() - t };
}

export async function playScript(cabin: SimulatedCabin, lm: LanguageModel, lines: readonly ScriptLine[], file: string, audio?: ScriptAudio): Promise<RunOutcome> {
  const start = cabin.clock.now();
  const turns: RunTurn[] = [];
  const waitUntil = async (atMs: number) => {
    const wait = start + atMs - cabin.clock.now();
    if (wait > 0) await cabin.wait(wait);
  };
  for (const step of scriptSteps(lines)) {
    const first = step[0]!;
    if (first.kind === 'audio') {
      if (!audio) throw new AudioUnavailableError(file, first.line, 'not loaded');
      // at_ms of an audio line is when its recording starts; each utterance in it is served at its own end.
      const origin = first.atMs ?? cabin.clock.now() - start;
      const rec = audio.recordings.get(first.line)!;
      const heard = first.speaker ? audio.hearing.mono(rec, first.speaker) : audio.hearing.cabin(rec);
      for (const group of overlapGroups(heard, OVERLAP_MS)) {
        await waitUntil(origin + Math.max(...group.map((h) => h.endMs)));
        const batch: Timed[] = [];
        for (const h of group) batch.push(await understand(lm, h));
        await serve(cabin, batch, turns);
      }
      continue;
    }
    // at_ms of a text line is when the (last) utterance of the step ends; time that already passed is not rewound.
    const at = Math.max(...step.map((l) => l.atMs ?? -1));
    if (at >= 0) await waitUntil(at);
    if (first.kind === 'vehicle') {
      await cabin.setSpeed(first.speedKph);
      continue;
    }
    const batch: Timed[] = [];
    for (const l of step) {
      if (l.kind !== 'say') continue;
      const t = performance.now();
      const u = await lm.understand(l.text, l.speaker);
      batch.push({ utterance: { speaker: l.speaker, text: l.text, intents: u.intents }, spentMs: performance.now() - t });
    }
    await serve(cabin, batch, turns);
  }
  await cabin.settleMotors();
  return { turns, state: cabin.state, frames: cabin.frames };
}
