// Builds the corpus in memory: template and phrase hold-out, balanced sampling, chaining, distractors, noise, dedup.
import { formatActions, parseActions } from '../../../intents/action-language.js';
import { FEATURES, intentSpec, type Intent } from '../../../intents/catalog.js';
import type { Seat } from '../../../vehicle-bus/cabin/vehicle-state-types.js';
import { joinParts } from './chain.js';
import { HELD_OUT_TEMPLATES } from './heldout-templates.js';
import { Context, HeldOutOnly, PhraseHoldout, fnv1a, sfc32, type TrainOptions } from './context.js';
import type { LanguagePack } from './languages.js';
import type { CorpusIntent, Lang, Split, Template } from './template.js';
import type { PhraseVariation } from './synonyms.js';
import { intentProblem } from './validate.js';

export interface CorpusOptions {
  seed: number;
  train: number;
  heldout: number;
  /** Template ids held out whole, per language (default: `HELD_OUT_TEMPLATES`). */
  heldOutTemplates?: Readonly<Record<string, readonly string[]>>;
  /** Share of held-out samples that chain two or three requests (a fifth of those chain three). */
  chainShare?: number;
  /**
   * The same for train, and the share of train chains that have three parts. Train leans harder on chains than the
   * held-out split does: three-part chains scored far below single requests (en 68.5 % vs 94.6 % with LM v11), and
   * they are where a zone or an on/off leaks from one request into the next.
   */
  trainChainShare?: number;
  trainThreeShare?: number;
  /** Share of samples run through the language's speech-recogniser noise. */
  noiseShare?: number;
  /** Share of samples given one or two distractor words (fillers, unrelated nouns) at random places. */
  distractShare?: number;
  /**
   * Texts train must not contain besides this corpus's own held-out split: another seed's held-out rows, so a corpus
   * drawn with a new seed can train a model further that is still scored on the first seed's held-out file.
   */
  excludeTexts?: Iterable<string>;
  /** Phrases held out whatever the hash picks: an earlier version's held-out phrases (`PhraseHoldout`). */
  pinnedHeld?: Iterable<string>;
  /** WordNet synonyms for English train phrases (`--wordnet`); the held-out split never sees it. */
  variation?: PhraseVariation;
  /** Share of train levels (fan, seat) drawn above the catalog's range (`--wide-values`); held-out never. */
  wideValues?: number;
  /** `--seat-pairs`: train requests may name both seats of a row, or a group for a one-seat feature. */
  seatPairs?: boolean;
  /** `--pair-scale`: multiplies the share of two-seat, two-value rows of a `--seat-pairs` draw (default 1). */
  pairScale?: number;
  /** `--sights`: the share of train chatter that remarks on coloured things seen outside ("what a nice green car"). */
  sightShare?: number;
  /** `--more-phrasings`: English banks widened in train (en/more-phrasings.ts); absent, every bank is as written. */
  morePhrasings?: ReadonlyMap<string, readonly string[]>;
  /** `--more-zh-phrasings`: Mandarin banks widened in train (zh/more-phrasings.ts); absent, every bank is as written. */
  moreZhPhrasings?: ReadonlyMap<string, readonly string[]>;
  /** Progress callback (split, samples done). */
  progress?: (split: Split, done: number, total: number) => void;
}

export interface Sample {
  text: string;
  speaker: Seat;
  lang: Lang;
  intents: Intent[];
  actions: string;
  template: string;
  split: Split;
}

/** What the generator knows about a sample beyond its JSON line (for stats and tests). */
export interface SampleMeta {
  chained: boolean;
  noised: boolean;
  distracted: boolean;
  heldUsed: string[];
  phrases: string[];
  templates: string[];
}

export interface Corpus {
  train: Sample[];
  heldout: Sample[];
  meta: WeakMap<Sample, SampleMeta>;
  heldoutTemplates: Record<string, string[]>;
  holdout: PhraseHoldout;
  conflicts: { count: number; examples: string[] };
  exhausted: number;
}

const DISCOVERY_RUNS = 150;
const SPEAKERS: [Seat, number][] = [['driver', 0.36], ['passenger', 0.3], ['rear_left', 0.17], ['rear_right', 0.17]];
const ACTUATING = new Set(FEATURES);

interface Profile {
  template: Template;
  primary: string;
  intents: Set<string>;
  /** Label shapes the template yields often (≥ 3 % of its samples), and every shape it yields at all. */
  shapes: Set<string>;
  anyShapes: Set<string>;
  chainable: boolean;
  /** An indirect wish ("I'm cold"): chained only as the first request. */
  wish: boolean;
  held: boolean;
}

/**
 * What a label looks like, coarse enough that other templates share it and fine enough that holding a template
 * out never removes a convention from training: intent, query feature, value keyword (or number), °F, the sign and
 * size of a delta (default step or not), follow-up field, and whether a zone is self, named or the cabin.
 */
function shape(it: CorpusIntent): string {
  const parts = [it.intent];
  if (it.feature) parts.push(it.feature);
  if (it.value !== undefined) parts.push(typeof it.value === 'string' ? `=${it.value}` : '=#');
  if (it.fahrenheit) parts.push('F');
  if (it.delta !== undefined) parts.push(`${it.delta > 0 ? '+' : '-'}${Math.abs(it.delta) === intentSpec(it.intent)?.deltaStep ? 'step' : 'n'}`);
  if (it.more !== undefined) parts.push(`more=${it.more}`);
  if (it.zone) parts.push(it.zone === 'self' || it.zone === 'cabin' ? `@${it.zone}` : '@named');
  return parts.join(' ');
}

/** Relative weight of each intent in the mix (by a template's primary intent); the rest are 1. */
const INTENT_WEIGHT: Record<string, number> = {
  'hvac.temp': 1.8, query: 2.2, followup: 1.8, '∅': 2.2, 'seat.heat': 1.2, 'light.ambient': 1.1, 'hvac.fan': 1.2,
  'hvac.defrost_rear': 0.8, 'hvac.sync': 0.8,
};

/** Runs each template many times with a fixed seed: which intents it yields, and every phrase bank it uses. */
function discover(pack: LanguagePack, holdout: PhraseHoldout): Profile[] {
  const seats = SPEAKERS.map(([s]) => s);
  return pack.templates.map((template) => {
    const rng = sfc32(fnv1a(`discover:${template.id}`));
    const firsts = new Map<string, number>();
    const intents = new Set<string>();
    const shapeCount = new Map<string, number>();
    let chainable = true;
    for (let i = 0; i < DISCOVERY_RUNS; i++) {
      const ctx = new Context(pack.lang, 'heldout', seats[i % seats.length]!, rng, holdout);
      const u = template.generate(ctx);
      const first = u.intents[0]?.intent ?? '∅';
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
      if (u.intents.length === 0) intents.add('∅');
      for (const it of u.intents) intents.add(it.intent);
      for (const sh of u.intents.length ? u.intents.map(shape) : ['∅']) shapeCount.set(sh, (shapeCount.get(sh) ?? 0) + 1);
      if (u.intents.length !== 1 || !ACTUATING.has(u.intents[0]!.intent)) chainable = false;
    }
    const primary = [...firsts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const shapes = new Set([...shapeCount].filter(([, n]) => n >= DISCOVERY_RUNS * 0.03).map(([k]) => k));
    const wish = /\.wish\./.test(template.id);
    return { template, primary, intents, shapes, anyShapes: new Set(shapeCount.keys()), chainable, wish, held: false };
  });
}

/**
 * Holds out the listed templates (`HELD_OUT_TEMPLATES`), checking that each may be: never leaving a convention without
 * training templates — at least two training templates must yield the held-out template's main intent (counting any
 * template that yields it, not only those where it comes first: which intent comes first most often is a sample and
 * can flip when the generator's random stream moves), and every label shape the template yields must still come from
 * a training template. Indirect wishes and requests outside the catalog are never held out whole: each template there
 * is the one carrier of its convention or topic (they are held out by phrase instead). A listed template that breaks a
 * rule, or no longer exists, stops the build.
 */
function holdTemplates(profiles: Profile[], listed: readonly string[]): void {
  for (const id of listed) {
    const p = profiles.find((q) => q.template.id === id);
    if (!p) throw new Error(`held-out template ${id} does not exist (corpus/heldout-templates.ts)`);
    p.held = true;
  }
  const train = profiles.filter((q) => !q.held);
  for (const p of profiles.filter((q) => q.held)) {
    const why =
      p.wish || p.intents.has('∅') ? 'it is the one carrier of a convention or topic'
      : train.filter((q) => q.intents.has(p.primary)).length < 2 ? `fewer than two training templates would yield ${p.primary}`
      : ![...p.intents].every((i) => train.some((q) => q.intents.has(i))) ? 'an intent it yields would have no training template'
      : ![...p.shapes].every((sh) => train.some((q) => q.anyShapes.has(sh))) ? 'a label shape it yields would have no training template'
      : '';
    if (why) throw new Error(`template ${p.template.id} cannot be held out: ${why}`);
  }
}

/** Sampling weights that damp intents with many templates and lift those with few (group total ∝ √weight). */
function weigh(profiles: Profile[]): number[] {
  const sums = new Map<string, number>();
  for (const p of profiles) sums.set(p.primary, (sums.get(p.primary) ?? 0) + (p.template.weight ?? 1));
  return profiles.map((p) => {
    const s = sums.get(p.primary)!;
    return ((p.template.weight ?? 1) * Math.sqrt(s) * (INTENT_WEIGHT[p.primary] ?? 1)) / s;
  });
}

class Picker<T> {
  private readonly cum: number[] = [];
  private readonly total: number;
  constructor(private readonly items: readonly T[], weights: readonly number[]) {
    let t = 0;
    for (const w of weights) this.cum.push((t += w));
    this.total = t;
  }
  get size(): number {
    return this.items.length;
  }
  pick(r: number): T {
    const x = r * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** How the generator compares texts (case, punctuation and spacing aside): for duplicates and held-out exclusion. */
export const normText = (t: string) => t.toLowerCase().replace(/[\p{P}\p{S}]/gu, ' ').replace(/\s+/g, ' ').trim();

export function buildCorpus(packs: readonly LanguagePack[], opts: CorpusOptions): Corpus {
  const chainShare = opts.chainShare ?? 0.2;
  const trainChainShare = opts.trainChainShare ?? 0.25;
  const trainThreeShare = opts.trainThreeShare ?? 0.35;
  const noiseShare = opts.noiseShare ?? 0.25;
  const distractShare = opts.distractShare ?? 0.1;
  const holdout = new PhraseHoldout(opts.pinnedHeld);
  const profiles = new Map<Lang, Profile[]>();
  const heldoutTemplates: Record<string, string[]> = {};
  for (const pack of packs) {
    const ps = discover(pack, holdout);
    holdTemplates(ps, (opts.heldOutTemplates ?? HELD_OUT_TEMPLATES)[pack.lang] ?? []);
    profiles.set(pack.lang, ps);
    heldoutTemplates[pack.lang] = ps.filter((p) => p.held).map((p) => p.template.id).sort();
  }
  const pickers = new Map<string, Picker<Profile>>();
  for (const pack of packs) {
    const ps = profiles.get(pack.lang)!;
    const train = ps.filter((p) => !p.held);
    const held = ps.filter((p) => p.held);
    pickers.set(`${pack.lang}:all`, new Picker(ps, weigh(ps)));
    pickers.set(`${pack.lang}:train`, new Picker(train, weigh(train)));
    pickers.set(`${pack.lang}:held`, new Picker(held, held.map((p) => p.template.weight ?? 1)));
    for (const [name, pool] of [['train', train], ['all', ps]] as const) {
      const first = pool.filter((p) => p.chainable);
      const rest = first.filter((p) => !p.wish);
      pickers.set(`${pack.lang}:chain-first-${name}`, new Picker(first, weigh(first)));
      pickers.set(`${pack.lang}:chain-rest-${name}`, new Picker(rest, weigh(rest).map((w, i) => w * (rest[i]!.template.chainWeight ?? 1))));
    }
  }

  const meta = new WeakMap<Sample, SampleMeta>();
  const seen = new Map<string, string>(); // normalised text + speaker → actions
  const heldTexts = new Set<string>([...(opts.excludeTexts ?? [])].map(normText));
  const conflicts = { count: 0, examples: [] as string[] };
  let exhausted = 0;
  const speakerPicker = new Picker(SPEAKERS.map(([s]) => s), SPEAKERS.map(([, w]) => w));

  function one(pack: LanguagePack, split: Split, rng: () => number): Sample | null {
    const speaker = speakerPicker.pick(rng());
    const train: TrainOptions = split === 'train'
      ? { ...(pack.lang === 'en' ? { variation: opts.variation, morePhrasings: opts.morePhrasings } : { morePhrasings: opts.moreZhPhrasings }), wideValues: opts.wideValues, seatPairs: opts.seatPairs,
        pairScale: opts.pairScale, sightShare: opts.sightShare }
      : {};
    const ctx = new Context(pack.lang, split, speaker, rng, holdout, train);
    const lang = pack.lang;
    const heldMode = split === 'heldout';
    // One draw each whatever the split, so the train shares never change what the held-out split holds.
    const chained = rng() < (heldMode ? chainShare : trainChainShare);
    const nParts = chained ? (rng() < (heldMode ? 0.8 : 1 - trainThreeShare) ? 2 : 3) : 1;
    const parts: string[] = [];
    const intents: CorpusIntent[] = [];
    const used: Profile[] = [];
    for (let k = 0; k < nParts; k++) {
      let picker: Picker<Profile>;
      if (nParts > 1) picker = pickers.get(`${lang}:chain-${k === 0 ? 'first' : 'rest'}-${heldMode ? 'all' : 'train'}`)!;
      else if (heldMode && pickers.get(`${lang}:held`)!.size > 0 && rng() < 0.35) picker = pickers.get(`${lang}:held`)!;
      else picker = pickers.get(`${lang}:${heldMode ? 'all' : 'train'}`)!;
      const p = picker.pick(rng());
      const u = p.template.generate(ctx);
      if (nParts > 1 && (u.intents.length !== 1 || !ACTUATING.has(u.intents[0]!.intent))) return null;
      if (nParts > 1 && intents.some((it) => it.intent === u.intents[0]!.intent && it.zone === u.intents[0]!.zone)) return null;
      for (const it of u.intents) {
        const why = intentProblem(it);
        if (why) throw new Error(`template ${p.template.id} produced a bad intent (${why}): ${JSON.stringify(u)}`);
      }
      parts.push(u.text);
      intents.push(...u.intents);
      used.push(p);
    }
    let text = nParts > 1 ? joinParts(lang, parts, pack.connectors, ctx) : parts[0]!.trim();
    const distracted = rng() < distractShare;
    if (distracted) text = pack.distract(text, ctx);
    const noised = rng() < noiseShare;
    if (noised) text = pack.noise(text, ctx);
    text = text.replace(/\s+/g, ' ').trim();
    if (!text) return null;
    if (heldMode && !used.some((p) => p.held) && ctx.heldUsed.length === 0) return null;
    const tokens = formatActions(intents);
    const actions = tokens.join(' ');
    const key = `${normText(text)}\u0000${speaker}`;
    const prior = seen.get(key);
    if (prior !== undefined) {
      if (prior !== actions) {
        conflicts.count++;
        if (conflicts.examples.length < 20) conflicts.examples.push(`${speaker}: "${text}" → ${actions} | earlier ${prior}`);
      }
      return null;
    }
    if (!heldMode && heldTexts.has(normText(text))) return null;
    seen.set(key, actions);
    if (heldMode) heldTexts.add(normText(text));
    const sample: Sample = { text, speaker, lang, intents: parseActions(tokens), actions, template: used.map((p) => p.template.id).join('+'), split };
    meta.set(sample, { chained: nParts > 1, noised, distracted, heldUsed: [...ctx.heldUsed], phrases: [...ctx.phrases], templates: used.map((p) => p.template.id) });
    return sample;
  }

  function run(split: Split, total: number): Sample[] {
    const rng = sfc32(fnv1a(`${split}:${opts.seed}`));
    const out: Sample[] = [];
    for (let i = 0; i < total; i++) {
      const pack = packs[i % packs.length]!;
      let s: Sample | null = null;
      for (let attempt = 0; attempt < 200 && !s; attempt++) {
        try {
          s = one(pack, split, rng);
        } catch (e) {
          if (!(e instanceof HeldOutOnly)) throw e;
        }
      }
      if (s) out.push(s);
      else exhausted++;
      if (opts.progress && (i + 1) % 10000 === 0) opts.progress(split, i + 1, total);
    }
    return out;
  }

  const heldout = run('heldout', opts.heldout);
  const train = run('train', opts.train);
  return { train, heldout, meta, heldoutTemplates, holdout, conflicts, exhausted };
}
