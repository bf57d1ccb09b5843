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
   * Picks a phrasing from a bank. A fixed share of each bank's entries (chosen by a hash of the text) is
   * held out: train samples never see them, held-out samples use them, so held-out scores measure new phrasing.
   */
  phrase(bank: readonly string[]): string;
}

export interface Template {
  /** Stable id, e.g. `en.seat.heat.direct`; whole templates are held out by id. */
  id: string;
  lang: Lang;
  /** Relative sampling weight (default 1). */
  weight?: number;
  generate(ctx: TemplateContext): GeneratedUtterance;
}
