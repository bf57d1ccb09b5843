// Coordinated requests a connector cannot build: "turn on the seat heater and massage", "driver 20, passenger 23".
import type { CorpusIntent, Template } from '../template.js';
import { cmd, en, fill, out, type Ctx } from './common.js';
import { celsius, num } from './numbers.js';
import { namedRef, seatRef, type SeatRef } from './zones.js';

const SEAT_FEATS: [string, string[]][] = [
  ['seat.heat', ['seat heater', 'seat heating', 'heated seat', 'heating']],
  ['seat.vent', ['seat ventilation', 'seat cooling', 'ventilation', 'cooling']],
  ['seat.massage', ['massage', 'seat massage', 'massager']],
  ['light.reading', ['reading light', 'reading lamp']],
];
const CABIN_FEATS: [string, string[]][] = [
  ['hvac.ac', ['the AC', 'the A/C', 'air conditioning']],
  ['hvac.recirc', ['recirculation', 'the recirc', 'air recirculation']],
  ['hvac.defrost_front', ['the front defrost', 'the windshield defroster']],
  ['hvac.defrost_rear', ['the rear defrost', 'the rear window heater']],
  ['hvac.auto', ['auto mode', 'auto climate']],
  ['hvac.sync', ['sync', 'temperature sync']],
  ['light.ambient', ['the ambient lights', 'the mood lighting']],
  ['light.dome', ['the dome light', 'the ceiling light']],
];

function two<T>(ctx: Ctx, items: readonly T[]): [T, T] {
  const a = ctx.pick(items);
  let b = ctx.pick(items);
  while (b === a) b = ctx.pick(items);
  return [a, b];
}

/** Two distinct zones that do not together make a group ("driver and passenger" means the front row). */
function twoSeats(ctx: Ctx): [SeatRef, SeatRef] {
  for (;;) {
    const a = seatRef(ctx, false, 0.2);
    const b = seatRef(ctx, false, 0);
    const pair = [a.zone, b.zone].sort().join('+');
    if (a.zone !== b.zone && pair !== 'driver+passenger' && pair !== 'rear_left+rear_right' && b.zone !== 'self') return [a, b];
  }
}

/** Short names for a seat or row said elliptically before a value ("driver 20, passenger 23", "front 20, back 24"). */
const BARE: Record<'driver' | 'passenger' | 'rear_left' | 'rear_right' | 'front' | 'rear', string[]> = {
  driver: ['driver', 'the driver', 'driver side', 'the driver side', 'the driver seat'],
  passenger: ['passenger', 'the passenger', 'passenger side', 'the passenger side', 'the passenger seat'],
  rear_left: ['rear left', 'the back left', 'back left', 'the rear left seat'],
  rear_right: ['rear right', 'the back right', 'back right', 'the rear right seat'],
  front: ['the front', 'front', 'the front row', 'up front'],
  rear: ['the back', 'rear', 'the back row', 'the rear', 'the back seats'],
};

/**
 * With `--seat-pairs`, `share` of the time the two seats of one row, or the two rows, in either order: with two
 * different values "driver 20 and passenger 23" is two settings, not the front row (`twoSeats` never draws these).
 * `rows` false keeps to seats and their full names (for "{a}'s side"). Null otherwise.
 */
function rowPair(ctx: Ctx, share: number, rows = true): [SeatRef, SeatRef] | null {
  if (!ctx.pairs(share)) return null;
  type Paired = keyof typeof BARE;
  const pairs: [Paired, Paired][] = [['driver', 'passenger'], ['rear_left', 'rear_right'], ...(rows ? [['front', 'rear'] as [Paired, Paired]] : [])];
  const pair = ctx.pick(pairs);
  const [za, zb] = ctx.chance(0.7) ? [pair[0], pair[1]] : [pair[1], pair[0]];
  const ref = (z: Paired) => {
    const r = namedRef(ctx, z);
    if (rows && ctx.chance(0.5)) r.who = ctx.pick(BARE[z]);
    return r;
  };
  return [ref(za), ref(zb)];
}

const onWord = (ctx: Ctx, on: boolean) => (on ? ctx.pick(['turn on', 'switch on', 'turn on', 'activate']) : ctx.pick(['turn off', 'switch off', 'turn off', 'disable']));
const forWho = (ctx: Ctx, r: SeatRef) => (r.zone === 'self' ? ctx.pick(['me', 'myself']) : r.who);
// A recogniser writes no commas: "mine 19 degrees the passenger eighteen" still sets both (v20 kept only the first).
const dropComma = (ctx: Ctx, said: string) => (said.includes(', ') && ctx.chance(0.4) ? said.replace(', ', ' ') : said);

/** Verbs that switch a seat feature on by naming the seat ("heat my seat"): no "on" is said. */
const SEAT_VERB_ON: Record<string, string[]> = {
  'seat.heat': ['heat {o}', 'warm up {o}', 'warm {o}', 'heat up {o}'],
  'seat.vent': ['cool {o}', 'ventilate {o}', 'cool down {o}'],
  'seat.massage': ['massage {o}', 'give {o} a massage'],
};

/** One thing in a spoken list: its noun phrase, and what "on", "off", "up" and "down" mean for it. */
interface ListItem {
  np: string;
  intent: string;
  zone: NonNullable<CorpusIntent['zone']>;
  steps: boolean;
}

function listItem(ctx: Ctx): ListItem {
  const r = ctx.random();
  if (r < 0.45) {
    const [intent, nouns] = ctx.pick(CABIN_FEATS);
    return { np: ctx.pick(nouns), intent, zone: 'cabin', steps: false };
  }
  if (r < 0.75) {
    const [intent, nouns] = ctx.pick(SEAT_FEATS);
    const ref = seatRef(ctx, true, 0.6);
    const np = ref.zone === 'self' ? `my ${ctx.pick(nouns)}` : `the ${ctx.pick(nouns)}${ref.post}`;
    return { np, intent, zone: ref.zone, steps: intent !== 'light.reading' };
  }
  return { np: ctx.pick(['the fan', 'the fan', 'the blower', 'the fan speed']), intent: 'hvac.fan', zone: 'self', steps: true };
}

/** n list items, no feature named twice for the same seat. */
function distinctItems(ctx: Ctx, n: number): ListItem[] {
  const items: ListItem[] = [];
  while (items.length < n) {
    const it = listItem(ctx);
    if (!items.some((x) => x.intent === it.intent && x.zone === it.zone)) items.push(it);
  }
  return items;
}

/**
 * "X, Y and Z" (two items or more): a comma between the earlier items, "and" (sometimes ", and") before the last.
 * Terse lists often have no "and" at all: "fan to 2, AC on, recirculation off" — and a recogniser writes no commas
 * ("fan to 2 AC on recirculation off"); every item still counts (v16 and before dropped the last of three).
 */
function list(ctx: Ctx, parts: readonly string[], terse = false): string {
  if (ctx.chance(terse ? 0.4 : 0.1)) return parts.join(terse && ctx.chance(0.3) ? ' ' : ', ');
  const last = parts.length > 2 && ctx.chance(0.3) ? ', and ' : ' and ';
  return `${parts.slice(0, -1).join(', ')}${last}${parts[parts.length - 1]}`;
}

export const comboTemplates: Template[] = [
  // One verb over a list of things, each with its own state: "turn off the AC, the fan and the dome light",
  // "turn my reading light on, the dome light off and the fan up". The connectors build lists of whole requests only.
  en('combo.switch_list', (ctx) => {
    const items = distinctItems(ctx, ctx.chance(0.55) ? 3 : 2);
    const same = ctx.chance(0.45);
    const on0 = ctx.chance(0.5);
    // A fan item in a mixed list may take a speed: "fan to 2, AC on, recirculation off".
    const speeds = items.map((it) => (!same && it.intent === 'hvac.fan' && ctx.chance(0.35) ? 1 + Math.floor(ctx.random() * 7) : 0));
    const states = items.map((it, i) => {
      if (same) return on0 ? 'on' : 'off';
      if (speeds[i]) return `${ctx.pick(['to ', 'to ', 'on ', 'at ', ''])}${num(ctx, speeds[i]!)}`;
      return it.steps && ctx.chance(0.25) ? ctx.pick(['up', 'down']) : ctx.pick(['on', 'off']);
    });
    const label = items.map((it, i): CorpusIntent => {
      const s = states[i]!;
      if (speeds[i]) return { intent: it.intent, zone: it.zone, value: speeds[i]! };
      return s === 'up' || s === 'down' ? { intent: it.intent, zone: it.zone, delta: s === 'up' ? 1 : -1 } : { intent: it.intent, zone: it.zone, value: s };
    });
    let text: string;
    if (same && ctx.chance(0.6)) {
      text = ctx.chance(0.7) ? `${onWord(ctx, on0)} ${list(ctx, items.map((x) => x.np))}` : `${list(ctx, items.map((x) => x.np))} ${on0 ? 'on' : 'off'}`;
    } else {
      const verb = ctx.pick(['turn ', 'turn ', 'switch ', 'put ', 'set ', '', '']);
      // Without a verb people clip the articles too: "AC on, fan down".
      const bare = verb === '' && ctx.chance(0.6);
      text = `${verb}${list(ctx, items.map((x, i) => `${bare ? x.np.replace(/^the /, '') : x.np} ${states[i]}`), verb === '')}`;
    }
    return out(cmd(ctx, text, 0.3), ...label);
  }, 3),
  // Contrasting states in one list: "AC on, recirculation off", "turn the fan on and the dome light off", "fan to 2,
  // AC on, recirc off". Each item keeps its own state — every model through v17 read "ac on, recirculation off" as
  // both off or dropped the last item — so here the states always differ at least once, and the lists are terse.
  en('combo.on_off_contrast', (ctx) => {
    const items = distinctItems(ctx, ctx.chance(0.5) ? 3 : 2);
    const n = items.length;
    const first = ctx.chance(0.5);
    // Flip after the first item; a third item takes either state.
    const ons = items.map((_, i) => (i === 0 ? first : i === 1 ? !first : ctx.chance(0.5)));
    const speeds = items.map((it) => (it.intent === 'hvac.fan' && ctx.chance(0.4) ? ctx.int(1, 7) : 0));
    const state = (i: number) =>
      speeds[i] ? `${ctx.pick(['to ', 'to ', 'on ', 'at ', ''])}${num(ctx, speeds[i]!)}` : ons[i] ? ctx.pick(['on', 'on', 'on', 'on please']) : ctx.pick(['off', 'off', 'off', 'off please']);
    const bare = ctx.chance(0.5);
    const parts = items.map((x, i) => `${bare ? x.np.replace(/^the /, '') : x.np} ${state(i)}`);
    const r = ctx.random();
    let text: string;
    if (r < 0.45) text = list(ctx, parts, true);
    else if (r < 0.75) text = `${ctx.pick(['turn ', 'switch ', 'put ', 'set ', 'have '])}${list(ctx, parts)}`;
    else if (r < 0.88 && n === 2) text = `${parts[0]} ${ctx.pick(['but', 'but', 'and'])} ${parts[1]}`;
    else text = `${ctx.pick(['I want ', 'I would like ', "let's have ", 'can we have '])}${list(ctx, parts)}`;
    const label = items.map((it, i): CorpusIntent => (speeds[i] ? { intent: it.intent, zone: it.zone, value: speeds[i]! } : { intent: it.intent, zone: it.zone, value: ons[i] ? 'on' : 'off' }));
    return out(cmd(ctx, text, 0.3), ...label);
  }, 1.5),
  // Something off, then a verb that means on: "turn off the dome light and massage my back", "switch the AC off and
  // heat my seat". Lists under one verb ("turn off the dome light and the massage") share the verb's state; a request
  // with its own verb does not, whatever was switched before it.
  en('combo.off_then_verb_on', (ctx) => {
    const [feature, verbs] = ctx.pick(Object.entries(SEAT_VERB_ON));
    let first = listItem(ctx);
    while (first.intent === feature) first = listItem(ctx);
    const ref = seatRef(ctx, true, 0.6);
    const o = ref.zone === 'self' ? ctx.pick(feature === 'seat.massage' ? ['my back', 'me'] : ['my seat', 'my seat', 'my back']) : ref.obj;
    const off = ctx.chance(0.6) ? `${onWord(ctx, false)} ${first.np}` : `${ctx.pick(['turn ', 'switch ', 'put '])}${first.np} off`;
    const text = `${off} ${ctx.pick(['and ', 'and ', 'and then ', 'then '])}${fill(ctx.phrase(verbs), { o })}`;
    return out(cmd(ctx, text, 0.3), { intent: first.intent, zone: first.zone, value: 'off' }, { intent: feature, zone: ref.zone, value: 'on' });
  }, 0.6),
  en('combo.two_seat_features', (ctx) => {
    const [[fa, na], [fb, nb]] = two(ctx, SEAT_FEATS);
    const ref = seatRef(ctx, true, 0.5);
    if (SEAT_VERB_ON[fb] && ctx.chance(0.3)) {
      // One off, then a verb that means on: "turn off the massage and heat my seat" — the "off" does not carry over.
      const o = ref.zone === 'self' ? ctx.pick(fb === 'seat.massage' ? ['my back', 'me'] : ['my seat', 'my seat', 'my back']) : ref.obj;
      const text = `${onWord(ctx, false)} the ${ctx.pick(na)}${ref.zone === 'self' ? '' : ref.post} and ${fill(ctx.phrase(SEAT_VERB_ON[fb]!), { o })}`;
      return out(cmd(ctx, text, 0.3), { intent: fa, zone: ref.zone, value: 'off' }, { intent: fb, zone: ref.zone, value: 'on' });
    }
    const on = ctx.chance(0.6);
    const v = on ? 'on' : 'off';
    const t = ctx.phrase(['{v} the {a} and the {b}{z}', '{v} the {a} and {b}{z}', '{v} both the {a} and the {b}{z}', '{v} {a} and {b}{z}', 'the {a} and {b} {s}{z}']);
    const text = fill(t, { v: onWord(ctx, on), a: ctx.pick(na), b: ctx.pick(nb), z: ref.post, s: on ? 'on please' : 'off please' });
    return out(cmd(ctx, text, 0.3), { intent: fa, zone: ref.zone, value: v }, { intent: fb, zone: ref.zone, value: v });
  }),
  en('combo.two_seats', (ctx) => {
    const [feature, nouns] = ctx.pick(SEAT_FEATS);
    let [a, b] = twoSeats(ctx);
    if (feature !== 'light.reading' && ctx.chance(0.35)) {
      // Two seats, two levels: "seat heating on 3 for me and 1 for the passenger".
      [a, b] = rowPair(ctx, 0.25) ?? [a, b];
      const la = ctx.int(1, 3);
      const lb = ctx.pick([1, 2, 3].filter((n) => n !== la));
      const t = ctx.phrase(['{n} on {x} for {a} and {y} for {b}', 'set the {n} to {x} for {a} and {y} for {b}', '{n} level {x} for {a}, {y} for {b}', '{a} wants the {n} on {x} and {b} on {y}',
        '{n} to {x} for {a} and to {y} for {b}', 'give {a} {n} level {x} and {b} level {y}', '{x} for {a} and {y} for {b} on the {n}',
        '{n}: {a} {x}, {b} {y}', '{n} {x} for {a}, {b} gets {y}']);
      const said = fill(t, { n: ctx.pick(nouns), a: forWho(ctx, a), b: b.who, x: num(ctx, la, 0.5), y: num(ctx, lb, 0.5) });
      const text = dropComma(ctx, said);
      return out(cmd(ctx, text.replace(/^me wants/, 'I want').replace(/: (me|myself) /, ': mine '), 0.3), { intent: feature, zone: a.zone, value: la }, { intent: feature, zone: b.zone, value: lb });
    }
    if (ctx.chance(0.45)) {
      // Two seats, two temperatures, said as elliptically as levels are (the two_temps template's own frames stay held out).
      const va = ctx.int(17, 27);
      const vb = ctx.pick([17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27].filter((n) => n !== va));
      const t = ctx.phrase(['{a} wants {x} and {b} wants {y}', 'temperature {x} for {a} and {y} for {b}', '{x} on {a} side, {y} on {b} side',
        'warm {a} to {x} and {b} to {y}', '{a} {x} please and {b} {y}', 'put {a} on {x} and {b} on {y}',
        'change {a} to {x} and {b} to {y}', 'cool {a} to {x} and {b} to {y}', '{a} on {x}, {b} on {y}', '{a} gets {x}, {b} gets {y}', '{a} to {x}, {b} to {y}',
        'temperature: {a} {x} and {b} {y}']);
      [a, b] = rowPair(ctx, 0.35, !t.includes('side')) ?? [a, b];
      const side = (r: SeatRef) => (r.zone === 'self' ? 'my' : `${r.who}'s`);
      // Where the seat is a bare subject ("{a} gets 21"), the speaker says "mine" or "my seat", never "me".
      const bare = /^\{a\} (gets|to|\{x\})|: \{a\}/.test(t);
      const self = (r: SeatRef) => (bare && r.zone === 'self' ? ctx.pick(['mine', 'my seat', 'my side']) : forWho(ctx, r));
      const said = t.includes('side') ? fill(t, { a: side(a), b: side(b), x: celsius(ctx, va), y: celsius(ctx, vb) }) : fill(t, { a: self(a), b: b.who, x: celsius(ctx, va), y: celsius(ctx, vb) });
      const text = dropComma(ctx, said);
      return out(cmd(ctx, text.replace(/^me wants/, 'I want'), 0.3), { intent: 'hvac.temp', zone: a.zone, value: va }, { intent: 'hvac.temp', zone: b.zone, value: vb });
    }
    const on = ctx.chance(0.6);
    const t = ctx.phrase(['{v} the {n} for {a} and {b}', '{v} the {n} for {a} and for {b}', '{v} the {n} for both {a} and {b}', '{a} and {b} want the {n} {s}']);
    const text = fill(t, { v: onWord(ctx, on), n: ctx.pick(nouns), a: forWho(ctx, a), b: b.who, s: on ? 'on' : 'off' });
    return out(cmd(ctx, text.replace(/^me and/, 'I and').replace(/^I and (.+) want/, '$1 and I want'), 0.3),
      { intent: feature, zone: a.zone, value: on ? 'on' : 'off' }, { intent: feature, zone: b.zone, value: on ? 'on' : 'off' });
  }, 3.5),
  en('combo.two_switches', (ctx) => {
    const [[fa, na], [fb, nb]] = two(ctx, CABIN_FEATS);
    const on = ctx.chance(0.55);
    const t = ctx.phrase(['{v} {a} and {b}', '{v} both {a} and {b}', '{a} and {b} {s}', '{v} {a} as well as {b}', '{v} {a} and also {b}']);
    const text = fill(t, { v: onWord(ctx, on), a: ctx.pick(na), b: ctx.pick(nb), s: on ? 'on' : 'off' });
    return out(cmd(ctx, text, 0.3), { intent: fa, zone: 'cabin', value: on ? 'on' : 'off' }, { intent: fb, zone: 'cabin', value: on ? 'on' : 'off' });
  }),
  en('combo.two_temps', (ctx) => {
    const [a, b] = twoSeats(ctx);
    const va = ctx.int(17, 27);
    let vb = ctx.int(17, 27);
    if (vb === va) vb = va + 1;
    const name = (r: SeatRef) => (r.zone === 'self' ? ctx.pick(['my side', 'mine', 'my seat']) : r.who);
    const t = ctx.phrase(['set {a} to {x} and {b} to {y}', '{a} {x}, {b} {y}', '{x} for {a} and {y} for {b}', 'make it {x} for {a} and {y} for {b}',
      '{a} at {x} and {b} at {y}']);
    const text = fill(t, { a: name(a), b: name(b), x: celsius(ctx, va), y: celsius(ctx, vb) });
    const ints: CorpusIntent[] = [{ intent: 'hvac.temp', zone: a.zone, value: va }, { intent: 'hvac.temp', zone: b.zone, value: vb }];
    return out(cmd(ctx, text, 0.3), ...ints);
  }, 0.8),
];
