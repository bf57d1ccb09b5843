// Builds the runtime's word lexicon: English words the corpus never (or hardly) says, each mapped to a word of the same
// meaning that it says often, by WordNet ("discontinue" → stop, "preheat" → heat, "armchair" → chair).
import { WORD } from '../../runtime/word-lexicon.js';
import type { Pos, WordNet } from './wordnet.js';

export interface LexiconOptions {
  /** A word said fewer times than this in the corpus is unknown to the model and gets an entry when WordNet has one. */
  unknownBelow: number;
  /** A replacement must be said at least this often (every word of it). */
  knownFrom: number;
}

/** Pinned before the lexicon was first scored (session 28); see models/training/README.md. */
export const LEXICON_DEFAULTS: LexiconOptions = { unknownBelow: 5, knownFrom: 50 };

/** How often each word (lower case) is said in the texts, cut as the runtime cuts them. */
export function wordCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const w of t.toLowerCase().match(WORD) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

type Form = 'base' | 's' | 'ed' | 'ing' | 'er' | 'est';

const FORMS: Record<Pos, readonly Form[]> = {
  noun: ['base', 's'],
  verb: ['base', 's', 'ed', 'ing'],
  adj: ['base', 'er', 'est'],
  adv: ['base'],
};

/** Regular English inflections of one word (WordNet's files hold no exception lists in this package). */
export function inflect(word: string, form: Form): string[] {
  if (form === 'base') return [word];
  const last = word.at(-1)!;
  const yStem = /[^aeiou]y$/.test(word) ? word.slice(0, -1) + 'i' : undefined;
  // "stop" → stopped, "dim" → dimmer: a final consonant after a single vowel doubles (not w, x, y).
  const doubled = /[^aeiou][aeiou][b-df-hj-np-tvz]$/.test(word) ? word + last : undefined;
  switch (form) {
    case 's':
      return [yStem ? `${yStem}es` : /(s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`];
    case 'ed':
    case 'er':
    case 'est':
      if (last === 'e') return [word + form.slice(1)];
      if (yStem) return [yStem + form];
      return doubled ? [word + form, doubled + form] : [word + form];
    case 'ing': {
      if (/[^e]e$/.test(word) && word.length > 2) return [`${word.slice(0, -1)}ing`];
      return doubled ? [`${word}ing`, `${doubled}ing`] : [`${word}ing`];
    }
  }
}

/**
 * The lexicon: for every WordNet lemma (one word, letters only, three or more) whose likely sense has a synonym, a
 * "similar" adjective or (for a word of one meaning) a direct hypernym the corpus says often, each of the lemma's regular forms the corpus does not
 * know → that replacement, inflected the same way when the corpus knows the inflected replacement. Names are left out
 * ("john" is also John), and words the corpus knows are never entries, so the model reads every known word as before.
 */
export function buildLexicon(wn: WordNet, counts: ReadonlyMap<string, number>, opts: LexiconOptions = LEXICON_DEFAULTS): Map<string, string> {
  const count = (w: string) => counts.get(w) ?? 0;
  const known = (phrase: string) => phrase.split(' ').every((w) => count(w) >= opts.knownFrom);
  const out = new Map<string, string>();
  const inflected = new Set<string>(); // entries made by inflecting a lemma, which a lemma of that spelling replaces
  for (const lemma of [...wn.lemmas()].sort()) {
    if (!/^[a-z]{3,}$/.test(lemma)) continue;
    const forms = (pos: Pos) => FORMS[pos].flatMap((f) => inflect(lemma, f).map((w) => [w, f] as const));
    const sense = wn.likelySense(lemma);
    if (!sense) continue;
    const unknown = forms(sense.pos).filter(([w]) => count(w) < opts.unknownBelow);
    if (!unknown.length || wn.isName(lemma)) continue;
    // A hypernym only for a word of one meaning ("preheat" → heat); for others it drifts too far ("steam" → move).
    const tiers = [sense.words, sense.similar, sense.senses === 1 ? sense.hypernyms : []].map((ws) =>
      ws.filter((w) => w === w.toLowerCase() && /^[a-z]+( [a-z]+)*$/.test(w) && w !== lemma && known(w)),
    );
    const tier = tiers.find((t) => t.length);
    if (!tier) continue;
    // One word over a phrase ("discontinue" → stop, not give up), then the one the corpus says most.
    const score = (w: string) => (w.includes(' ') ? 0 : 1e12) + Math.min(...w.split(' ').map(count));
    const to = tier.reduce((a, b) => (score(b) > score(a) ? b : a));
    for (const [w, form] of unknown) {
      // A base form outranks the same spelling made by inflecting another lemma ("bases": base or basis).
      if (out.has(w) && (form !== 'base' || !inflected.has(w))) continue;
      out.set(w, inflectTo(to, form, sense.pos, known));
      if (form === 'base') inflected.delete(w);
      else inflected.add(w);
    }
  }
  return out;
}

/** The replacement in the form the unknown word had, when the corpus knows that form; else its base form. */
function inflectTo(phrase: string, form: Form, pos: Pos, known: (w: string) => boolean): string {
  if (form === 'base') return phrase;
  const words = phrase.split(' ');
  // A verb phrase inflects its verb ("turn off" → turned off); a noun phrase its last word ("light bulbs").
  const head = pos === 'verb' ? 0 : words.length - 1;
  const inflected = inflect(words[head]!, form).find((w) => known(w));
  if (!inflected) return phrase;
  words[head] = inflected;
  return words.join(' ');
}
