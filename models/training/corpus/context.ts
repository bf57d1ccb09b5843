// Seeded randomness and the phrase hold-out: the TemplateContext every template draws through.
import type { Seat } from '../../../vehicle-bus/cabin/vehicle-state-types.js';
import type { Lang, Split, TemplateContext } from './template.js';
import type { PhraseVariation } from './synonyms.js';

/** FNV-1a, 32 bit: a stable hash of a string (hold-out choices must not depend on the seed or the run). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32: small, fast, and good enough statistically for sampling a corpus. */
export function sfc32(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** A phrase's words, case and spacing aside. */
const wordsKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Share of each phrase bank (of at least MIN_BANK entries) that train never sees; never a bank's first entry. */
export const PHRASE_HOLDOUT_SHARE = 0.15;
export const MIN_BANK = 4;

/**
 * Which phrases are held out. Per bank, the entries with the lowest hashes (about 15 %) are held out; a phrase
 * held out in any bank is kept out of train everywhere, so "held-out phrasing" means the same thing in every bank.
 */
export class PhraseHoldout {
  private readonly banks = new Map<string, ReadonlySet<string>>();
  /** Every phrase held out in some bank seen so far, and every pinned phrase. */
  readonly held = new Set<string>();
  /** Phrases held out whatever the hash picks (`held-phrases.json`). */
  readonly pinned: ReadonlySet<string>;

  /**
   * `pinned`: phrases an earlier corpus version held out. A bank that grows shifts which of its entries the hash picks
   * (the count is a share of the bank), and could release a phrase the older held-out files test; pinning keeps every
   * such phrase out of train, so a model trained further on a newer draw is still scored fairly on an older split.
   */
  constructor(pinned: Iterable<string> = []) {
    this.pinned = new Set(pinned);
    for (const e of this.pinned) this.held.add(e);
  }

  heldOf(bank: readonly string[]): ReadonlySet<string> {
    const key = bank.join('\u0001');
    let set = this.banks.get(key);
    if (!set) {
      const unique = [...new Set(bank)];
      const s = new Set<string>();
      if (unique.length >= MIN_BANK) {
        const k = Math.max(1, Math.round(unique.length * PHRASE_HOLDOUT_SHARE));
        // The first entry is the bank's everyday form ("I'm cold", "the passenger"): always trained, never held.
        unique
          .slice(1)
          .map((e) => [fnv1a(`phrase:${e}`), e] as const)
          .sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1))
          .slice(0, k)
          .forEach(([, e]) => s.add(e));
      }
      for (const e of s) this.held.add(e);
      set = s;
      this.banks.set(key, set);
    }
    return set;
  }

  /**
   * Whether a composed phrasing is held out: the same share as a bank's entries, by a hash of its words (case and
   * spacing aside), or because a bank holds the same words out.
   */
  composedHeld(text: string): boolean {
    const key = wordsKey(text);
    // `held` only grows (banks are met as the corpus is drawn), so a size change means the keys are stale.
    if (this.heldKeys === undefined || this.heldKeys.size !== this.held.size) this.heldKeys = new Set([...this.held].map(wordsKey));
    return this.heldKeys.has(key) || fnv1a(`composed:${key}`) / 2 ** 32 < PHRASE_HOLDOUT_SHARE;
  }

  private heldKeys: Set<string> | undefined;

  get bankCount(): number {
    return this.banks.size;
  }

  /** The first entry of every bank seen: the anchors `--more-phrasings` widens a bank by. */
  firsts(): Set<string> {
    return new Set([...this.banks.keys()].map((k) => k.split('\u0001')[0]!));
  }

  /** Every phrase of every bank seen, held out or not. */
  entries(): Set<string> {
    return new Set([...this.banks.keys()].flatMap((k) => k.split('\u0001')));
  }
}

/** Thrown by a train context that cannot avoid a held-out phrase; the generator resamples. */
export class HeldOutOnly extends Error {
  constructor() {
    super('every entry of a phrase bank is held out');
  }
}

/** What a train context of a draw may do besides the plain corpus; each option draws nothing when absent. */
export interface TrainOptions {
  /** English train contexts of a `--wordnet` draw: some phrases get one word swapped for a synonym. */
  variation?: PhraseVariation;
  /** `--wide-values`: the share of levels drawn above the catalog's range. */
  wideValues?: number;
  /** `--seat-pairs`: requests may name both seats of a row, or a group for a one-seat feature. */
  seatPairs?: boolean;
  /** `--pair-scale`: multiplies the share of two-seat, two-value requests of a `--seat-pairs` draw (default 1). */
  pairScale?: number;
  /** `--sights`: the share of chatter that remarks on coloured things seen outside. */
  sightShare?: number;
  /** `--more-phrasings` (English) or `--more-zh-phrasings`: more entries for some banks, keyed by the bank's first entry (en/ or zh/more-phrasings.ts). */
  morePhrasings?: ReadonlyMap<string, readonly string[]>;
}

export class Context implements TemplateContext {
  /** Held-out phrases this sample used (a held-out sample needs at least one, or a held-out template). */
  readonly heldUsed: string[] = [];
  /** Every phrase drawn from a bank (tests check train never drew a held-out one). */
  readonly phrases: string[] = [];

  constructor(
    readonly lang: Lang,
    readonly split: Split,
    readonly speaker: Seat,
    private readonly rng: () => number,
    private readonly holdout: PhraseHoldout,
    /** The train-only options of the draw; none for a held-out context or a plain draw. */
    private readonly train: TrainOptions = {},
  ) {}

  random(): number {
    return this.rng();
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.rng() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.rng() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }

  beyondRange(max: number, upTo: number): number | undefined {
    if (!this.train.wideValues || !(this.rng() < this.train.wideValues)) return undefined;
    return this.int(max + 1, upTo);
  }

  /**
   * With `--seat-pairs`, true for `share` of the calls: the template then names two seats of one row ("driver 20,
   * passenger 23") or a group for a one-seat feature ("recline the rear seats"). Draws nothing when off, so a draw
   * without the option writes the rows it always wrote.
   */
  pairs(share: number, kind: 'values' | 'groups' = 'values'): boolean {
    // share * 1 is share exactly, so a draw at the default scale writes the rows it always wrote.
    return this.train.seatPairs === true && this.rng() < (kind === 'values' ? share * (this.train.pairScale ?? 1) : share);
  }

  /** With `--sights`, true for the draw's sight share of the calls (a remark on a coloured thing outside). Draws nothing when off. */
  sights(): boolean {
    return this.train.sightShare !== undefined && this.rng() < this.train.sightShare;
  }

  phrase(bank: readonly string[]): string {
    const local = this.holdout.heldOf(bank);
    if (this.split === 'train') {
      const more = this.train.morePhrasings?.get(bank[0]!);
      const ok = (more ? [...bank, ...more] : bank).filter((e) => !this.holdout.held.has(e));
      if (ok.length === 0) throw new HeldOutOnly();
      const e = this.pick(ok);
      // The share is drawn only when varying, so a draw without --wordnet writes the rows it always wrote.
      const variation = this.train.variation;
      if (variation && this.rng() < variation.share) {
        const v = variation.vary(e, this.rng);
        if (v !== undefined && !this.holdout.held.has(v)) {
          variation.varied++;
          this.phrases.push(v);
          return v;
        }
      }
      this.phrases.push(e);
      return e;
    }
    const e = this.pick(bank);
    this.phrases.push(e);
    if (local.has(e) || this.holdout.held.has(e)) this.heldUsed.push(e);
    return e;
  }

  name(bank: readonly string[]): string {
    return this.pick(bank);
  }

  composed(make: () => string): string {
    for (let tries = 0; tries < 20; tries++) {
      const e = make();
      const held = this.holdout.composedHeld(e);
      if (this.split === 'train' && held) continue;
      this.phrases.push(e);
      if (held) this.heldUsed.push(e);
      return e;
    }
    throw new HeldOutOnly();
  }
}
