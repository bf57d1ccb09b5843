// The `dialogue` section of `cabin bench`: utterance → first CAN frame latency, and a 10,000-turn soak watching memory.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Utterance } from '../intents/dialogue/dialogue.js';
import type { LanguageModel } from '../models/language-model.js';
import { SimulatedCabin } from '../main/run/simulated-cabin.js';
import type { Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';
import { percentile, round } from './stats.js';

export const DIALOGUE_TARGETS = { p95Ms: 50, soakGrowthMb: 5 } as const;

/** Written for this bench (never taken from ../shared/benchmarks): what occupants say, both languages, every domain. */
const UTTERANCES: [Seat, string][] = [
  ['driver', 'heat my seat'],
  ['driver', 'turn the seat heating off'],
  ['passenger', "I'm cold"],
  ['passenger', "I'm hot"],
  ['rear_left', 'turn on my reading light'],
  ['rear_left', 'turn off my reading light'],
  ['driver', 'set the fan to 5'],
  ['driver', 'fan speed 2'],
  ['passenger', 'make the ambient light blue'],
  ['passenger', 'ambient light white'],
  ['driver', 'turn on the dome light'],
  ['driver', 'turn off the dome light'],
  ['rear_right', 'massage on'],
  ['rear_right', 'massage off'],
  ['driver', 'set the temperature to 21 degrees'],
  ['driver', 'set the temperature to 23 degrees'],
  ['passenger', 'recirculation on'],
  ['passenger', 'recirculation off'],
  ['driver', '打开座椅加热'],
  ['driver', '关闭座椅加热'],
  ['passenger', '我有点冷'],
  ['passenger', '太热了'],
  ['rear_left', '打开阅读灯'],
  ['rear_left', '关掉阅读灯'],
  ['driver', '风量调到四档'],
  ['driver', '风量调到二档'],
  ['passenger', '氛围灯换成红色'],
  ['passenger', '氛围灯换成白色'],
  ['rear_right', '座椅通风打开'],
  ['rear_right', '座椅通风关掉'],
];

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export interface DialogueBenchOptions {
  lm: LanguageModel;
  rounds?: number;
  soakTurns?: number;
  log?: (line: string) => void;
}

export async function benchDialogue(opts: DialogueBenchOptions) {
  const { lm } = opts;
  const rounds = opts.rounds ?? 5;
  const soakTurns = opts.soakTurns ?? Number(process.env.CABIN_BENCH_SOAK_TURNS ?? 10_000);
  const log = opts.log ?? (() => {});

  // Latency: the whole path (language model + dialogue) and the dialogue alone, measured in the same turns.
  const cabin = await SimulatedCabin.start();
  const total: number[] = [];
  const dialogueOnly: number[] = [];
  const understood: Utterance[] = [];
  try {
    for (let r = 0; r < rounds + 1; r++) {
      for (const [speaker, text] of UTTERANCES) {
        const t0 = performance.now();
        const u = await lm.understand(text, speaker);
        const t1 = performance.now();
        const [res] = await cabin.say([{ speaker, text, intents: u.intents }]);
        if (r === 0) {
          understood.push({ speaker, text, intents: u.intents }); // the first round warms caches and is not counted
          continue;
        }
        if (res?.firstFrameAt == null) continue;
        total.push(res.firstFrameAt - t0);
        dialogueOnly.push(res.firstFrameAt - t1);
      }
    }
  } finally {
    await cabin.stop();
  }
  const sent = understood.filter((u) => u.intents.length > 0).length;
  log(`dialogue: ${total.length} timed turns; ${sent}/${UTTERANCES.length} bench utterances understood as a request`);

  // Soak: the understood utterances cycled for soakTurns turns on one cabin; memory after a forced GC.
  const gc = gcFunction();
  const soak = await SimulatedCabin.start();
  const mb = () => {
    gc();
    const m = process.memoryUsage();
    return { rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20 };
  };
  let before = mb();
  const t0 = performance.now();
  try {
    for (let i = 0; i < soakTurns; i++) {
      await soak.say([understood[i % understood.length]!]);
      if (i === 500) before = mb(); // after warm-up: JIT, caches and the 64-entry history are full
      if (i > 0 && i % 2000 === 0) log(`dialogue soak: ${i}/${soakTurns} turns`);
    }
  } finally {
    await soak.stop();
  }
  const seconds = (performance.now() - t0) / 1000;
  const after = mb();
  return {
    turns: total.length,
    latency: { p50: percentile(total, 50), p95: percentile(total, 95) },
    dialogueLatency: { p50: percentile(dialogueOnly, 50), p95: percentile(dialogueOnly, 95) },
    soak: {
      turns: soakTurns,
      seconds: round(seconds, 1),
      rssBeforeMb: round(before.rssMb, 1),
      rssAfterMb: round(after.rssMb, 1),
      heapBeforeMb: round(before.heapMb, 1),
      heapAfterMb: round(after.heapMb, 1),
    },
  };
}
