// Reply text: turn items and closed-loop outcomes put into words in the occupant's language and the seat's style.
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { FEATURE_DEFS, type FeatureValue, type Target } from '../features.js';
import type { Plan, PlannedChange } from '../plan.js';
import { groupOfSeats } from '../zones.js';
import type { Loss } from '../dialogue/arbitration.js';
import type { ChangeOutcome } from '../dialogue/closed-loop.machine.js';
import { statusSourceOf } from '../dialogue/devices.js';
import type { TurnItem } from '../dialogue/interpret.js';
import type { Lang } from '../dialogue/language.js';
import { sayNumber } from './numbers.js';
import { fill, phrase, type Phrasebook, type Style } from './style.js';

export interface ReplyContext {
  speaker: Seat;
  lang: Lang;
  style: Style;
  base: Phrasebook;
}

class Words {
  constructor(private readonly ctx: ReplyContext) {}

  /** Mandarin runs a prefix ("已撤销：") into the sentence; English puts a space after it. */
  prefixed(key: string, sentence: string): string {
    return `${this.say(key)}${this.ctx.lang === 'zh' ? '' : ' '}${sentence}`;
  }

  say(key: string, vars: Record<string, string> = {}, feature?: string): string {
    const { style, base, lang } = this.ctx;
    return fill(phrase(style, base, lang, key, feature), { persona: style.persona[lang], ...vars });
  }

  /** Whether the style itself words `key` for this intent (a persona line such as "getting toasty"). */
  styleHas(key: string, feature: string): boolean {
    return this.ctx.style.phrases[this.ctx.lang][`${key}:${feature}`] !== undefined;
  }

  what(feature: string): string {
    return this.say(`what.${feature}`);
  }

  where(t: Target): string {
    if (t.kind === 'cabin') return this.say('where.cabin');
    if (t.kind === 'row') return this.say(`where.row.${t.row}`);
    return t.seat === this.ctx.speaker ? this.say('where.self') : this.say(`where.seat.${t.seat}`);
  }

  value(feature: string, v: FeatureValue): string {
    const def = FEATURE_DEFS.get(feature);
    if (typeof v === 'boolean') return this.say(v ? 'value.on' : 'value.off');
    if (typeof v === 'string') return this.say(def?.kind === 'airflow' ? `value.airflow.${v}` : `value.color.${v}`);
    const kind = def?.kind ?? 'percent';
    if ((kind === 'level' || kind === 'fan') && v === 0) return this.say(`value.${kind}.0`);
    return this.say(`value.${kind}`, { n: sayNumber(v, this.ctx.lang) });
  }

  device(path: string): string {
    return this.say(`device.${statusSourceOf(path).device}`);
  }

  number(n: number): string {
    return sayNumber(n, this.ctx.lang);
  }
}

/**
 * The key for "it is now X": on/off wording for switches and for levels and fans turned to 0. A percentage or
 * a temperature at 0 is a value ("the seat back is at 0 percent"), not "off".
 */
function stateKey(prefix: 'change' | 'query' | 'summary', feature: string, v: FeatureValue): string {
  const kind = FEATURE_DEFS.get(feature)?.kind;
  if (v === true) return `${prefix}.on`;
  if (v === false || (v === 0 && (kind === 'level' || kind === 'fan'))) return `${prefix}.off`;
  return prefix === 'query' ? 'query.value' : `${prefix}.set`;
}

/**
 * A level feature switched on from 0 is said with the style's own "on" line for that intent when it has
 * one ("your seat is getting toasty"); otherwise the level is said ("is now level 2").
 */
function confirmedKey(w: Words, feature: string, c: PlannedChange): string {
  // A seat motor is confirmed when its ECU reports the new target; it then takes seconds to get there,
  // so the reply says where the seat is going, not that it is there.
  if (c.expect.motionTarget) return 'change.moving';
  const kind = FEATURE_DEFS.get(feature)?.kind;
  if ((kind === 'level' || kind === 'fan') && c.from === 0 && typeof c.to === 'number' && c.to > 0 && w.styleHas('change.on', feature)) return 'change.on';
  return stateKey('change', feature, c.to);
}

/** "already on" / "already off" for switches and for levels and fans at 0; "already at level 3" otherwise. */
function alreadyKey(feature: string, v: FeatureValue): string {
  return stateKey('change', feature, v) === 'change.set' ? 'change.already' : 'change.already.switch';
}

const GROUPS = new Set(['front', 'rear', 'all']);

/**
 * The group a plan's changes cover, to be said once: the group asked for, or the one a rule spread the change to
 * (with sync on, "set it to 21" from the driver sets every seat: "everyone's temperature", not four sentences).
 */
function coveredGroup(plan: Plan): string | undefined {
  const zone = plan.intent.zone;
  if (plan.changes.length < 2) return undefined;
  if (zone && GROUPS.has(zone)) return zone;
  const seats = plan.changes.map((c) => (c.target.kind === 'seat' ? c.target.seat : undefined));
  return seats.every((s) => s !== undefined) ? groupOfSeats(seats as Seat[]) : undefined;
}

function changeSentences(w: Words, plan: Plan, outcomes: readonly ChangeOutcome[] | undefined): string[] {
  const feature = plan.intent.intent;
  const vars = (c: PlannedChange, extra: Record<string, string> = {}) => ({ where: w.where(c.target), what: w.what(feature), value: w.value(feature, c.to), ...extra });
  const outcomeOf = (c: PlannedChange) => outcomes?.find((o) => o.change.expect.path === c.expect.path);
  const out: string[] = [];

  // A group that all landed on one value is said once: "the rear seats' seat heating is on".
  const all = plan.changes.map((c) => ({ c, o: outcomeOf(c) }));
  const zone = coveredGroup(plan);
  const uniform = all.length > 1 && all.every(({ c, o }) => o?.result === 'confirmed' && c.to === all[0]!.c.to && c.from !== c.to);
  // So is a group that was already there: "everyone's seat ventilation was already off", not four sentences.
  const alreadyAll = all.length > 1 && all.every(({ c, o }) => (o?.result ?? 'confirmed') === 'confirmed' && c.to === all[0]!.c.to && c.from === c.to);
  if (uniform && zone && GROUPS.has(zone)) {
    const first = all[0]!.c;
    out.push(w.say(confirmedKey(w, feature, first), vars(first, { where: w.say(`where.group.${zone}`) }), feature));
  } else if (alreadyAll && zone && GROUPS.has(zone)) {
    const first = all[0]!.c;
    out.push(w.say(alreadyKey(feature, first.to), vars(first, { where: w.say(`where.group.${zone}`) }), feature));
  } else {
    for (const { c, o } of all) {
      const result = o?.result ?? 'confirmed';
      if (result === 'confirmed') {
        // A switch is "already on", not "already at on" (a style may say "at" before a level or temperature).
        out.push(c.from === c.to ? w.say(alreadyKey(feature, c.to), vars(c), feature) : w.say(confirmedKey(w, feature, c), vars(c), feature));
      } else if (result === 'differs') {
        out.push(w.say('change.differs', vars(c, { actual: w.value(feature, o!.actual!) }), feature));
      } else if (result === 'unchanged') {
        out.push(w.say('change.unchanged', vars(c, { actual: w.value(feature, o!.actual!), device: w.device(c.expect.path) }), feature));
      } else {
        out.push(w.say('change.no-response', vars(c, { device: w.device(c.expect.path) }), feature));
      }
    }
  }
  const clamped = plan.changes.find((c) => c.clamped);
  if (clamped?.clamped) {
    const range = FEATURE_DEFS.get(feature)?.range;
    out.push(
      w.say('change.clamped', {
        what: w.what(feature),
        requested: w.number(clamped.clamped.requested),
        applied: w.number(clamped.clamped.applied),
        min: w.number(range?.min ?? 0),
        max: w.number(range?.max ?? 0),
      }),
    );
  }
  return out;
}

function lossSentences(w: Words, lost: readonly Loss[]): string[] {
  return lost.map((l) =>
    w.say('change.lost', { winner: w.say(`who.${l.winner}`), where: w.where(l.target), what: w.what(l.feature), value: w.value(l.feature, l.value) }, l.feature),
  );
}

function refusalSentences(w: Words, plan: Plan): string[] {
  const reasons = [...new Set(plan.refused.map((r) => r.reason))];
  return reasons.map((r) => w.say(`refused.${r}`, {}, plan.intent.intent));
}

/** "set the driver's seat back to 45 percent and turn on the dome light" for a yes/no question. */
export function summary(w: Words, plans: readonly Plan[]): string {
  const parts = plans.flatMap((p) => {
    const feature = p.intent.intent;
    const zone = coveredGroup(p);
    const c = p.changes[0];
    // Said once only when every seat of the group goes to one value ("a bit warmer" from different values does not).
    if (zone && c && p.changes.every((d) => d.to === c.to)) {
      return [w.say(stateKey('summary', feature, c.to), { where: w.say(`where.group.${zone}`), what: w.what(feature), value: w.value(feature, c.to) }, feature)];
    }
    return p.changes.map((c) => w.say(stateKey('summary', feature, c.to), { where: w.where(c.target), what: w.what(feature), value: w.value(feature, c.to) }, feature));
  });
  return parts.join(w.say('summary.join'));
}

/** `afterUndo`: the item before this one was an undo too (one request unwound), so "Undone:" is said once. */
function itemSentences(w: Words, item: TurnItem, outcomes: readonly ChangeOutcome[] | undefined, afterUndo: boolean): string[] {
  switch (item.kind) {
    case 'change': {
      const said = [...changeSentences(w, item.plan, outcomes), ...lossSentences(w, item.lost), ...refusalSentences(w, item.plan)];
      if (item.undo && !afterUndo && item.plan.changes.length) said[0] = w.prefixed('undo.prefix', said[0]!);
      return said;
    }
    case 'query': {
      const feature = item.answer.feature;
      return item.answer.values.map(({ target, value }) => w.say(stateKey('query', feature, value), { where: w.where(target), what: w.what(feature), value: w.value(feature, value) }, feature));
    }
    case 'ask':
      return [w.say('confirm.ask', { summary: summary(w, item.plans) })];
    case 'problem':
      return [w.say(`problem.${item.code}`, { what: FEATURE_DEFS.has(item.intent) ? w.what(item.intent) : '' })];
    case 'not-understood':
      return [w.say('not-understood')];
  }
}

/**
 * Sentences joined as the language writes them; English sentences start with a capital. A sentence already said
 * in this reply is not said again (two requests refused by one rule give one refusal).
 */
function join(lang: Lang, sentences: readonly string[]): string {
  const tidy = [...new Set(sentences.map((s) => s.replace(/\s+/g, ' ').replace(/\s+([.,?!])/g, '$1').trim()).filter(Boolean))];
  if (lang === 'zh') return tidy.join('');
  return tidy.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join(' ');
}

/**
 * The reply to one turn. Verbosity: `brief` says results only; `normal` opens with the style's
 * acknowledgement when something changed; `full` also closes with the outro.
 */
export function renderTurn(ctx: ReplyContext, items: readonly TurnItem[], outcomes?: readonly ChangeOutcome[]): string {
  const w = new Words(ctx);
  const isUndo = (i: TurnItem | undefined) => i?.kind === 'change' && i.undo;
  const body = items.flatMap((item, k) => itemSentences(w, item, outcomes, isUndo(items[k - 1])));
  // "Sure!" is for doing something: a reply that only says things were already so does not open with it.
  const changed = outcomes?.some((o) => o.result === 'confirmed' && o.change.from !== o.change.to) ?? false;
  const verbosity = ctx.style.verbosity;
  const opening = verbosity !== 'brief' && changed ? [w.say('ack')] : [];
  // Nothing follows a question: the occupant's next words are the answer.
  const closing = verbosity === 'full' && !items.some((i) => i.kind === 'ask') ? [w.say('outro')] : [];
  return join(ctx.lang, [...opening, ...body, ...closing]);
}

/** A reply made of one message key (answers to yes/no/cancel, a style change). */
export function renderKey(ctx: ReplyContext, key: string): string {
  return join(ctx.lang, [new Words(ctx).say(key)]);
}

