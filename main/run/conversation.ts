// Plays a parsed script against a simulated cabin: understanding, overlap batches, speed changes, timing; returns DESIGN's run outcome.
import type { Intent } from '../../intents/catalog.js';
import type { LanguageModel } from '../../models/language-model.js';
import type { VehicleState } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { Utterance } from '../../intents/dialogue/dialogue.js';
import type { Lang } from '../../intents/dialogue/language.js';
import { CabinError } from '../../vehicle-bus/errors.js';
import { scriptSteps, type ScriptLine } from './script.js';
import type { SimulatedCabin } from './simulated-cabin.js';

export interface RunTurn {
  speaker: string;
  heard: string;
  intents: Intent[];
  reply: string;
  lang: Lang;
  /** End of utterance (the moment the text is handed over) to the first CAN frame; null when nothing was sent. */
  latency_ms: number | null;
}

export interface RunOutcome {
  turns: RunTurn[];
  state: VehicleState;
  frames: number;
}

export class AudioUnavailableError extends CabinError {
  constructor(file: string, line: number) {
    super('E_AUDIO', `${file}:${line}: audio lines need the voice pipeline, which this build does not have yet (typed "text" lines work)`);
  }
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

export async function playScript(cabin: SimulatedCabin, lm: LanguageModel, lines: readonly ScriptLine[], file: string): Promise<RunOutcome> {
  const audio = lines.find((l) => l.kind === 'audio');
  if (audio) throw new AudioUnavailableError(file, audio.line);
  const start = cabin.clock.now();
  const turns: RunTurn[] = [];
  for (const step of scriptSteps(lines)) {
    // at_ms is when the (last) utterance of the step ends; time that already passed is not rewound.
    const at = Math.max(...step.map((l) => l.atMs ?? -1));
    const wait = start + at - cabin.clock.now();
    if (at >= 0 && wait > 0) await cabin.wait(wait);
    const first = step[0]!;
    if (first.kind === 'vehicle') {
      await cabin.setSpeed(first.speedKph);
      continue;
    }
    const ended = performance.now();
    const batch: Utterance[] = [];
    for (const l of step) {
      if (l.kind !== 'say') continue;
      const u = await lm.understand(l.text, l.speaker);
      batch.push({ speaker: l.speaker, text: l.text, intents: u.intents });
    }
    for (const r of await cabin.say(batch)) {
      turns.push({
        speaker: r.speaker,
        heard: r.text,
        intents: r.intents,
        reply: r.reply,
        lang: r.lang,
        latency_ms: r.firstFrameAt === null ? null : round(r.firstFrameAt - ended),
      });
    }
  }
  return { turns, state: cabin.state, frames: cabin.frames };
}
