// What a recognised utterance means: the first of the recogniser's n-best hypotheses that the language model understands.
import type { Intent } from '../../intents/catalog.js';
import type { LanguageModel } from '../../models/language-model.js';
import type { Recognition } from '../../models/speech/recognizer.js';
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';

export interface HeardMeaning {
  /** The hypothesis used (the best one when none is understood). */
  text: string;
  intents: Intent[];
  /** Rank of the hypothesis used in the n-best list (0 = best). */
  rank: number;
}

/**
 * The acoustic best path often differs from the intended command by one short word ("set the fan on" for
 * "set the fan to five"); an alternative a little lower in the list is often a command. Taking the first
 * hypothesis the Cabin LM turns into intents uses the language model as a second, semantic rescoring;
 * when none is understood the best hypothesis stands (and gets "I can help with …").
 */
export async function understandHeard(lm: LanguageModel, rec: Recognition, seat: Seat, maxAlternatives = 3): Promise<HeardMeaning> {
  const hyps = rec.nbest.length ? rec.nbest.slice(0, maxAlternatives) : rec.text ? [{ text: rec.text, score: 0 }] : [];
  for (const [rank, h] of hyps.entries()) {
    const { intents } = await lm.understand(h.text, seat);
    if (intents.length) return { text: h.text, intents, rank };
  }
  return { text: rec.text, intents: [], rank: 0 };
}
