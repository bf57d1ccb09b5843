// The contract between the corpus generator and the template files of each language.
import type { Intent } from '../../../intents/catalog.js';
import type { Seat } from '../../../vehicle-bus/cabin/vehicle-state-types.js';

export type Lang = 'en' | 'zh';
export type Split = 'train' | 'heldout';

/** An intent as the corpus writes it: `fahrenheit` marks a temperature said in °F (the model emits `F`). */
export type CorpusIntent = Intent & { fahrenheit?: boolean };

export interface GeneratedUtterance {
  text: string;
  /** Empty for a request outside the catalog. Temperatures as said (°F numbers stay °F, with `fahrenheit`). */
  intents: CorpusIntent[];
}

export interface TemplateContext {
  readonly lang: Lang;
  readonly split: Split;
  /** Who speaks; templates resolving "the person behind me" / 我后面的人 use it. */
  readonly speaker: Seat;
  /** Uniform in [0, 1), seeded. */
  random(): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  int(min: number, max: number): number;
  /**
   * A level above the catalog's range (max + 1 … upTo) for a share of train rows of a `--wide-values` draw, else
   * undefined. Users say "fan to 12" without knowing the fan stops at 7; the model must write 12 so the dialogue can
   * clamp it and say so (corpus v21 never went past 7, and "12" came out as 1). Draws nothing when off, so a draw
   * without the flag writes the rows it always wrote.
   */
  beyondRange(max: number, upTo: number): number | undefined;
  /**
   * With `--seat-pairs` (train only), true for `share` of the calls: the template then names both seats of a row with
   * two values ("driver 20, passenger 23": two settings, not the front row) or a group for a one-seat feature
   * ("recline the rear seats": one intent per seat). Draws nothing when off. `values` pairs (two seats, two values) have
   * their share multiplied by `--pair-scale` (default 1); `groups` (a group for a one-seat feature) do not.
   */
  pairs(share: number, kind?: 'values' | 'groups'): boolean;
  /**
   * With `--sights` (train only), true for the draw's sight share of the calls (`SIGHT_SHARE`, or `--sight-share`):
   * chatter is then a remark on a coloured thing seen outside ("look at that white van", "what a nice green car",
   * 你看那辆红色的车), which must yield no intent even though it names a colour and a car. Draws nothing when off.
   */
  sights(): boolean;
  /**
   * Picks a phrasing from a bank. A fixed share of each bank's entries (chosen by a hash of the text) is
   * held out (never the first, a bank's everyday form): train samples never see them, held-out samples use them, so held-out
   * scores measure new phrasing.
   */
  phrase(bank: readonly string[]): string;
  /**
   * Picks a name of a thing the product must know (a seat, a row, a colour) from a bank: never held out. Holding out
   * names measured only that a model cannot know a word it never saw ("teal", 前排乘客, "the passenger" were
   * each withheld from training), and the shipped model lacked them; held-out rows still carry unseen templates and
   * unseen phrasings (frames, verbs, politeness, connectors).
   */
  name(bank: readonly string[]): string;
  /**
   * A phrasing composed from parts (`make` draws them with pick/chance). Held out like a bank entry, by a hash of the
   * text: train samples re-compose until they get one that is not held out (nor equal to a held-out bank entry),
   * held-out samples use whatever comes.
   */
  composed(make: () => string): string;
}

export interface Template {
  /** Stable id, e.g. `en.seat.heat.direct`; whole templates are held out by id. */
  id: string;
  lang: Lang;
  /** Relative sampling weight (default 1). */
  weight?: number;
  /**
   * Extra weight as a later request of a chain (default 1). Verb-only forms ("heat my seat") are rare there, and
   * after "turn off the dome light and …" the model read them as more things to switch off.
   */
  chainWeight?: number;
  generate(ctx: TemplateContext): GeneratedUtterance;
}

/** Share of chatter that remarks on a coloured thing seen outside in a `--sights` draw (en/sights.ts, zh/sights.ts) without `--sight-share`. */
export const SIGHT_SHARE = 0.3;

/** What a held-out row has that train never had (`unseen` in heldout.jsonl): a held-out template, phrasing, or both. */
export const UNSEEN = ['template', 'phrasing', 'both'] as const;
export type Unseen = (typeof UNSEEN)[number];

/** One pick from each slot's list, in the record's key order (that order is part of the corpus's random stream). */
export function drawSlots(ctx: TemplateContext, slots: Readonly<Record<string, readonly string[]>>): Record<string, string> {
  return Object.fromEntries(Object.entries(slots).map(([name, items]) => [name, ctx.pick(items)]));
}
