// Varies an English train phrase by one WordNet synonym ("I'm cold" → "I'm frigid"), keeping what the label rests on.
import { cap } from './en/common.js';
import { COLORS } from './en/lights.js';
import type { Pos, WordNet } from './wordnet.js';

/** Share of English train phrases a draw with `--wordnet` tries to vary. */
export const SYNONYM_SHARE = 0.3;

/**
 * Describing words and verbs only. Nouns here are mostly feature names, and their first WordNet sense is often not the
 * car's ("auto" → automobile, "heat" → heat energy, "mode" → manner).
 */
const PARTS: readonly Pos[] = ['adj', 'adv', 'verb'];

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/**
 * Never replaced, never brought in: words the label rests on (numbers, units, seats and sides, directions, on / off,
 * colours, airflow), and words whose first WordNet sense is not what a cabin request means by them (generic verbs,
 * function words, courtesy: "make" → "do", "please" → "delight").
 */
const FIXED = new Set([
  ...words(`zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred first second third fourth
    last half quarter double triple single once twice percent degree degrees celsius fahrenheit level levels notch
    notches step steps setting settings number max maximum min minimum full fully all way`),
  ...words(`driver passenger front back rear behind left right middle center centre row side everyone everybody both
    each whole cabin car zone me my mine myself you your yours he him his she her hers they them their we us our it its
    this that these those here there who whoever someone somebody`),
  ...words(`up down more less higher lower high low highest lowest increase decrease raise reduce boost drop bump crank
    little bit lot lots much many few slightly somewhat too very really quite enough again same instead also`),
  ...words(`some any several outside inside outdoor indoor automatic auto manual manually`),
  ...words(`feel feeling clear sure negative affirmative correct wrong fine good great perfect scratch revert forget mind nevermind`),
  ...words(`on off open close closed shut start stop end begin resume pause cancel undo yes no yeah yep nope not never
    don't do does did done keep leave`),
  ...words(`make get set put turn switch take give let go have has had be is are was were am been being can could will
    would shall should may might must need want like love wish please thanks thank sorry okay ok hey hi hello`),
  ...words(`face feet floor windshield windscreen defrost defog`),
  ...COLORS.flatMap(([, names]) => names.flatMap(words)),
  ...words('the a an and or but then so if to of for in at by with from into onto about than as just now'),
]);

/**
 * Words with a direction the label carries. A synonym must say the same direction by one of these words: WordNet's
 * "fresh" is similar to "warm" ("let in fresh air" must not become "let in warm air"), and "cold" only becomes
 * frigid, icy or chilly, not "raw" or "snappy", which say no temperature to a listener who has not heard the original.
 */
const POLARITY: [string, ReadonlySet<string>][] = [
  ['warm', new Set(words('warm warmer warmth hot hotter heat heated heating heater toasty boiling baking roasting sweltering scorching'))],
  ['cold', new Set(words('cold colder cool cooler cooling chill chilly chilled freezing frozen frigid icy'))],
  ['bright', new Set(words('bright brighter light lighter lit luminous brilliant'))],
  ['dark', new Set(words('dark darker dim dimmer dimmed gloomy darkness'))],
];

const polarityOf = (phrase: string): string | undefined => {
  for (const w of words(phrase.toLowerCase())) for (const [name, set] of POLARITY) if (set.has(w)) return name;
  return undefined;
};

export class PhraseVariation {
  /** How many phrases this variation changed (recorded in stats.json). */
  varied = 0;

  constructor(
    private readonly wordnet: WordNet,
    readonly share: number = SYNONYM_SHARE,
  ) {}

  /** The synonyms `word` may be replaced with here, or none. */
  candidates(word: string): readonly string[] {
    const lower = word.toLowerCase();
    if (lower.length < 3 || FIXED.has(lower) || !/^[a-z][a-z'-]*$/.test(lower)) return [];
    const own = polarityOf(lower);
    return this.wordnet.synonyms(lower, PARTS).filter((s) => !words(s).some((w) => FIXED.has(w)) && polarityOf(s) === own);
  }

  /**
   * `entry` with one word of its literal text (never inside a `{slot}`) replaced by a synonym, or undefined when no
   * word can be. Names and other capitalised words stay, except a phrase's first word.
   */
  vary(entry: string, rng: () => number): string | undefined {
    const spots: { start: number; word: string; options: readonly string[] }[] = [];
    let offset = 0;
    for (const part of entry.split(/(\{[^}]*\})/)) {
      if (!part.startsWith('{')) {
        for (const m of part.matchAll(/[A-Za-z][A-Za-z'-]*/g)) {
          const start = offset + m.index!;
          const word = m[0];
          if (start > 0 && word !== word.toLowerCase()) continue;
          const options = this.candidates(word);
          if (options.length) spots.push({ start, word, options });
        }
      }
      offset += part.length;
    }
    if (!spots.length) return undefined;
    const spot = spots[Math.floor(rng() * spots.length)]!;
    const synonym = spot.options[Math.floor(rng() * spot.options.length)]!;
    const said = spot.word[0] !== spot.word[0]!.toLowerCase() ? cap(synonym) : synonym;
    return entry.slice(0, spot.start) + said + entry.slice(spot.start + spot.word.length);
  }
}
