// A simulated cabin for dialogue tests: intents given directly (the language model is tested on its own), events recorded.
import { afterEach } from 'vitest';
import type { Intent } from '../../../intents/catalog.js';
import { describeEvent } from '../../../intents/dialogue/events.js';
import type { TurnResult } from '../../../intents/dialogue/dialogue.js';
import { SimulatedCabin, type SimulatedCabinOptions } from '../../../main/run/simulated-cabin.js';
import type { Seat } from '../../../vehicle-bus/cabin/vehicle-state-types.js';
import { Faults, parseFaultSpec } from '../../../vehicle-bus/sim/faults.js';

const open: SimulatedCabin[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.stop();
});

export interface TestCabin {
  cabin: SimulatedCabin;
  events: string[];
  say(speaker: Seat, text: string, ...intents: Intent[]): Promise<TurnResult>;
  /** Utterances that overlapped, served as one batch. */
  together(...turns: [Seat, string, Intent][]): Promise<TurnResult[]>;
}

export async function testCabin(opts: SimulatedCabinOptions & { fault?: string[] } = {}): Promise<TestCabin> {
  const events: string[] = [];
  const faults = new Faults();
  for (const spec of opts.fault ?? []) parseFaultSpec(spec)(faults);
  const cabin = await SimulatedCabin.start({ ...opts, faults, onEvent: (e) => events.push(describeEvent(e)) });
  open.push(cabin);
  return {
    cabin,
    events,
    async say(speaker, text, ...intents) {
      const [r] = await cabin.say([{ speaker, text, intents }]);
      return r!;
    },
    together: (...turns) => cabin.say(turns.map(([speaker, text, intent]) => ({ speaker, text, intents: [intent] }))),
  };
}
