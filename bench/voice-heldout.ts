// A second spoken set for the voice bench, drawn from the Cabin LM's held-out split: English sentences of templates
// the models never trained on, which the recogniser's grammar and the hand-written bench list were not written against.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asrWords } from '../models/speech/asr-words.js';
import { fnv1a } from '../models/training/corpus/context.js';
import { DOMAIN_DIR } from '../models/speech/pocketsphinx.recognizer.js';
import { readSamples } from './lm-data.js';
import type { SpokenCommand } from './voice-commands.js';

/** Intents that change the car (a question or a follow-up has nothing to check in the final state). */
const CHANGES_THE_CAR = /^(seat|light|hvac)\./;

/**
 * `count` sentences, chosen by a stable hash of their text: English, at most 12 words, every word one the recogniser
 * can say (so the corpus's simulated recogniser errors, "cabbin", are left out), every intent one that changes the car.
 */
export function heldOutSpokenCommands(file: string, count: number, dictFile = join(DOMAIN_DIR, 'cabin.dict')): SpokenCommand[] {
  const known = new Set(readFileSync(dictFile, 'utf8').split('\n').map((l) => l.split(' ')[0]!.replace(/\(\d+\)$/, '')));
  const seen = new Set<string>();
  const picked = readSamples(file)
    .filter((s) => s.lang === 'en' && s.expected.length > 0 && s.expected.every((i) => CHANGES_THE_CAR.test(i.intent)))
    .filter((s) => {
      const words = asrWords(s.text);
      return !!words && words.length > 0 && words.length <= 12 && words.every((w) => known.has(w));
    })
    .filter((s) => !seen.has(s.text) && seen.add(s.text))
    .sort((a, b) => fnv1a(a.text) - fnv1a(b.text));
  return picked.slice(0, count).map((s) => ({ seat: s.speaker, text: s.text, intents: s.expected }));
}
