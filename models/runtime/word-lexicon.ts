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
  /** [unknown word (lower case), words the model knows], sorted. Pairs, not an object: 24,000 keys parse 3× slower. */
  entries: [string, string][];
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
    if (!Array.isArray(entries)) throw new Error(`${file}: lexicon has no "entries" list`);
    const map = new Map<string, string>();
    for (const e of entries as unknown[]) {
      const [from, to] = Array.isArray(e) ? (e as unknown[]) : [];
      if (typeof from !== 'string' || typeof to !== 'string' || !from || !to.trim()) {
        throw new Error(`${file}: lexicon entry ${JSON.stringify(e)} is not a [word, replacement] pair`);
      }
      map.set(from, to);
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
