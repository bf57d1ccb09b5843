// Swaps English words the model never read for ones it did ("discontinue the lights" → "stop the lights"), before
// tokenizing. Why: the Cabin LM learns English only from the team's corpus, so a word outside it is noise to the model
// even when its meaning is plain; the lexicon (lexicon.json beside the model, built from WordNet and the corpus the
// model was trained on by models/training/corpus/build-lexicon.ts) carries that meaning in words the model knows.
import { readFileSync } from 'node:fs';

/** An English word as the lexicon and the runtime both cut it: letters with inner apostrophes ("don't"). */
export const WORD = /[A-Za-z]+(?:'[A-Za-z]+)*/g;

export interface LexiconFile {
  /** Where the entries came from (WordNet version, corpus). */
  source: string;
  /** Unknown word (lower case) → words the model knows. */
  entries: Record<string, string>;
}

export class WordLexicon {
  private constructor(private readonly entries: ReadonlyMap<string, string>) {}

  static fromFile(file: string): WordLexicon {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file}: not a readable lexicon (${(e as Error).message.split('\n')[0]})`);
    }
    const entries = (parsed as Partial<LexiconFile>)?.entries;
    if (!entries || typeof entries !== 'object' || Array.isArray(entries)) throw new Error(`${file}: lexicon has no "entries" object`);
    const map = new Map<string, string>();
    for (const [k, v] of Object.entries(entries)) {
      if (typeof v !== 'string' || !v.trim()) throw new Error(`${file}: lexicon entry "${k}" is not a non-empty string`);
      map.set(k, v);
    }
    return new WordLexicon(map);
  }

  static of(entries: Record<string, string>): WordLexicon {
    return new WordLexicon(new Map(Object.entries(entries)));
  }

  get size(): number {
    return this.entries.size;
  }

  /** The text with every listed word swapped (other characters untouched), and what was swapped. */
  apply(text: string): { text: string; swapped: [string, string][] } {
    const swapped: [string, string][] = [];
    const out = text.replace(WORD, (w) => {
      const to = this.entries.get(w.toLowerCase());
      if (to === undefined) return w;
      swapped.push([w, to]);
      return to;
    });
    return { text: out, swapped };
  }
}
