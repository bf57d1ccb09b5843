// Seat heating, ventilation and massage (levels 0–3, on/off/max, ±1) and recline/slide (0–100, ±10) in English.
import type { CorpusIntent, Template } from '../template.js';
import { cmd, en, fill, finish, onOff, out, vary, type Ctx, wantFrame } from './common.js';
import { level, num, percent, steps } from './numbers.js';
import { perSeat } from '../per-seat.js';
import { moveRef, seatNP, seatRef, type SeatRef } from './zones.js';

interface LevelFeature {
  key: 'heat' | 'vent' | 'massage';
  sg: string[];
  sgMore: string[];
  pl: string[];
  /** Verb phrases on the seat itself that switch the feature on ("warm up {obj}"). */
  objOn: string[];
  up: string[];
  down: string[];
}

const FEATURES: LevelFeature[] = [
  {
    key: 'heat',
    sg: ['seat heater', 'seat heating'],
    sgMore: ['heated seat', 'seat heat', 'seat warmer', 'butt warmer', 'heated seat function', 'seat heating function', 'heating in the seat',
      'seat-heating', 'heated-seat', 'bum warmer', 'cushion heater', 'seat heat setting', 'heater in the seat', 'seat warming'],
    pl: ['seat heaters', 'heated seats', 'seat warmers', 'seat heating'],
    objOn: ['heat {obj}', 'warm up {obj}', 'warm {obj}', 'heat up {obj}', 'put the heat on in {obj}', 'get {obj} warm', 'start heating {obj}', 'preheat {obj}'],
    up: ['make {np} warmer', 'make {np} hotter', '{np} warmer', '{np} hotter', 'more heat on {np}', 'heat {np} a bit more'],
    down: ['make {np} less hot', '{np} not so hot', 'less heat on {np}', '{np} cooler', 'tone down {np}', 'make {np} a bit cooler'],
  },
  {
    key: 'vent',
    sg: ['seat ventilation', 'seat cooling'],
    sgMore: ['ventilated seat', 'cooled seat', 'seat vent', 'seat cooler', 'seat fan', 'seat ventilation function', 'cooling in the seat',
      'seat-cooling', 'air-conditioned seat', 'ventilation in the seat', 'seat air', 'cooling seat', 'vented seat', 'seat vents'],
    pl: ['seat vents', 'ventilated seats', 'cooled seats', 'seat coolers', 'seat fans'],
    objOn: ['cool {obj}', 'ventilate {obj}', 'cool down {obj}', 'air out {obj}', 'start cooling {obj}', 'blow some air through {obj}', 'chill {obj}'],
    up: ['make {np} stronger', 'more air through {np}', '{np} stronger', 'make {np} cooler', 'crank {np} up a bit', '{np} more'],
    down: ['make {np} weaker', 'less air through {np}', '{np} weaker', '{np} less', 'ease off {np}', 'make {np} gentler'],
  },
  {
    key: 'massage',
    sg: ['massage', 'seat massage'],
    sgMore: ['massager', 'massage function', 'back massage', 'massage seat', 'lumbar massage', 'massage mode', 'seat massager', 'massage program',
      'massaging', 'back massager', 'massage feature', 'shiatsu', 'massage setting'],
    pl: ['massagers', 'massage seats', 'seat massagers', 'massage'],
    objOn: ['massage {obj}', 'start massaging {obj}', 'give {obj} a massage', 'get {obj} massaging', 'start the massage in {obj}'],
    up: ['make {np} stronger', 'make {np} more intense', '{np} stronger', '{np} harder', 'a stronger {np}', 'increase the intensity of {np}', 'more pressure on {np}'],
    down: ['make {np} gentler', 'make {np} softer', '{np} softer', '{np} weaker', 'a gentler {np}', 'less pressure on {np}', 'make {np} less intense'],
  },
];

const noun = (ctx: Ctx, f: LevelFeature) => vary(ctx, f.sg, f.sgMore, 0.45);
const pluralNoun = (ctx: Ctx, f: LevelFeature) => ctx.phrase(f.pl);

function np(ctx: Ctx, f: LevelFeature, ref: SeatRef) {
  return seatNP(ctx, ref, noun(ctx, f), pluralNoun(ctx, f));
}

function seatIntent(key: string, ref: SeatRef, v: { value?: number | string; delta?: number }): CorpusIntent {
  const it: CorpusIntent = { intent: `seat.${key}`, zone: ref.zone };
  if (v.value !== undefined) it.value = v.value;
  if (v.delta !== undefined) it.delta = v.delta;
  return it;
}

const SET = ['set {np} to {n}', 'put {np} on {n}', 'turn {np} to {n}', '{np} to {n}', 'change {np} to {n}', 'switch {np} to {n}',
  'make {np} {n}', 'adjust {np} to {n}', '{np} on {n}', 'set {np} at {n}', 'put {np} at {n}', 'I want {np} on {n}', '{np} at {n} please',
  'can you set {np} to {n}', 'bring {np} to {n}', 'go to {n} on {np}', 'use {n} for {np}', '{np}, {n}', "let's do {n} on {np}", 'dial {np} to {n}',
  // "turn my seat cooling on high": on + a level is that level, not max.
  'turn {np} on {n}', 'switch {np} on to {n}', 'turn on {np} to {n}'];
const NAMED_LEVEL: [string, number][] = [['low', 1], ['medium', 2], ['high', 3], ['the lowest setting', 1], ['the middle setting', 2], ['mid', 2], ['the highest setting', 3]];
const MAX = ['turn {np} all the way up', '{np} to max', 'max out {np}', '{np} on full', '{np} on max', 'crank {np} to the max', 'set {np} to maximum',
  'put {np} on the highest setting', '{np} as high as it goes', '{np} to the highest level', 'full power on {np}', 'max {np}', '{np} all the way up',
  'turn {np} up to max', 'set {np} to the max', '{np} at maximum', 'put {np} on full blast', 'crank {np} all the way'];
const UP = ['turn {np} up', 'turn up {np}', '{np} up', 'increase {np}', 'raise {np}', 'bump up {np}', 'bump {np} up', '{np} one notch higher',
  '{np} higher', 'turn {np} up a notch', 'bring {np} up a level', 'up {np}', 'crank up {np}', 'kick {np} up a notch', 'raise {np} a level',
  '{np} up one', 'step up {np}', '{np} a little higher', 'increase {np} by one'];
const DOWN = ['turn {np} down', 'turn down {np}', '{np} down', 'decrease {np}', 'lower {np}', 'reduce {np}', 'bring {np} down', '{np} one notch lower',
  '{np} lower', 'turn {np} down a notch', 'bring {np} down a level', 'dial back {np}', 'dial {np} down', 'knock {np} down a notch', '{np} down one',
  'step down {np}', '{np} a little lower', 'decrease {np} by one'];
const UP_N = ['turn {np} up {k}', 'raise {np} by {k}', 'increase {np} by {k}', '{np} up {k}', 'bump {np} up {k}', 'turn up {np} by {k}'];
const DOWN_N = ['turn {np} down {k}', 'lower {np} by {k}', 'decrease {np} by {k}', '{np} down {k}', 'drop {np} {k}', 'turn down {np} by {k}'];
const LEVEL_UNITS = ['levels', 'notches', 'steps', 'settings', 'levels'];

function levelTemplates(f: LevelFeature): Template[] {
  const id = (s: string) => `seat.${f.key}.${s}`;
  return [
    en(id('onoff'), (ctx) => {
      const ref = seatRef(ctx, true);
      const { head, tail } = np(ctx, f, ref);
      const on = ctx.chance(0.55);
      return out(cmd(ctx, `${onOff(ctx, head, on, true)}${tail}`), seatIntent(f.key, ref, { value: on ? 'on' : 'off' }));
    }, 2),
    en(id('want'), (ctx) => {
      const ref = seatRef(ctx, true);
      const { head, tail } = np(ctx, f, ref);
      const on = ctx.chance(0.6);
      const state = on ? ctx.pick(['on', 'on', 'switched on', 'turned on', 'running']) : ctx.pick(['off', 'off', 'switched off', 'turned off']);
      return out(finish(ctx, fill(wantFrame(ctx), { x: `${head} ${state}${tail}` })), seatIntent(f.key, ref, { value: on ? 'on' : 'off' }));
    }),
    en(id('level'), (ctx) => {
      const ref = seatRef(ctx, true);
      const { head, tail } = np(ctx, f, ref);
      let n = ctx.chance(0.05) ? 0 : ctx.int(1, 3);
      let said = level(ctx, n);
      if (ctx.chance(0.3)) [said, n] = ctx.pick(NAMED_LEVEL);
      if (ctx.chance(0.03)) n = ctx.int(4, 6), (said = level(ctx, n));
      const beyond = ctx.beyondRange(6, 12);
      if (beyond !== undefined) n = beyond, (said = level(ctx, n));
      return out(cmd(ctx, fill(ctx.phrase(SET), { np: head, n: said }) + tail, 0.35), seatIntent(f.key, ref, { value: n }));
    }, 1.5),
    en(id('max'), (ctx) => {
      const ref = seatRef(ctx, true);
      const { head, tail } = np(ctx, f, ref);
      return out(cmd(ctx, fill(ctx.phrase(MAX), { np: head }) + tail, 0.35), seatIntent(f.key, ref, { value: 'max' }));
    }),
    en(id('delta'), (ctx) => {
      const ref = seatRef(ctx, true);
      const { head, tail } = np(ctx, f, ref);
      const up = ctx.chance(0.55);
      if (ctx.chance(0.2)) {
        const k = ctx.int(1, 3);
        const t = fill(ctx.phrase(up ? UP_N : DOWN_N), { np: head, k: steps(ctx, k, LEVEL_UNITS) });
        return out(cmd(ctx, t + tail, 0.35), seatIntent(f.key, ref, { delta: up ? k : -k }));
      }
      const bank = ctx.chance(0.3) ? (up ? f.up : f.down) : up ? UP : DOWN;
      return out(cmd(ctx, fill(ctx.phrase(bank), { np: head }) + tail, 0.4), seatIntent(f.key, ref, { delta: up ? 1 : -1 }));
    }, 1.5),
    en(id('object'), (ctx) => {
      const ref = seatRef(ctx, true, 0.45);
      const obj = ref.zone === 'self' ? ctx.pick(['my seat', 'my seat', 'the seat', 'my chair', 'my back']) : ref.obj;
      const t = fill(ctx.phrase(f.objOn), { obj: f.key === 'massage' && ref.zone === 'self' ? ctx.pick(['my back', 'me', 'my back']) : obj });
      return out(cmd(ctx, t), seatIntent(f.key, ref, { value: 'on' }));
    }, undefined, 3),
    en(id('for_who'), (ctx) => {
      const ref = seatRef(ctx, true, 0.15);
      const self = ref.zone === 'self';
      const who = self ? ctx.pick(['me', 'me', 'myself']) : ref.who;
      const on = ctx.chance(0.7);
      const n = noun(ctx, f);
      const obj = on
        ? ['give {who} some {n}', 'turn on the {n} for {who}', 'switch the {n} on for {who}', 'get the {n} going for {who}', 'start the {n} for {who}', 'put the {n} on for {who}']
        : ['turn off the {n} for {who}', 'switch the {n} off for {who}', 'stop the {n} for {who}', 'no more {n} for {who}', 'cut the {n} for {who}'];
      const subj = on
        ? ['{who} wants the {n} on', '{who} needs the {n}', 'can {who} get the {n} on', '{who} would like the {n} on', '{who} asked for the {n}', '{who} could use the {n}']
        : ['{who} wants the {n} off', "{who} doesn't need the {n}", '{who} would like the {n} off', "{who} doesn't want the {n}", '{who} is done with the {n}'];
      const t = self || ctx.chance(0.5) ? ctx.phrase(obj) : ctx.phrase(subj);
      return out(cmd(ctx, fill(t, { who, n }), 0.3), seatIntent(f.key, ref, { value: on ? 'on' : 'off' }));
    }),
    en(id('terse'), (ctx) => {
      const ref = seatRef(ctx, true);
      const { head, tail } = np(ctx, f, ref);
      const r = ctx.random();
      const bare = head.replace(/^(the|my) /, '');
      if (r < 0.35) {
        const on = ctx.chance(0.55);
        return out(`${bare}${tail} ${on ? 'on' : 'off'}`, seatIntent(f.key, ref, { value: on ? 'on' : 'off' }));
      }
      if (r < 0.7) {
        const n = ctx.int(0, 3);
        return out(`${bare}${tail} ${ctx.pick(['', '', 'level ', 'at '])}${num(ctx, n, 0.4)}`, seatIntent(f.key, ref, { value: n }));
      }
      if (r < 0.85) return out(`${bare}${tail} ${ctx.pick(['max', 'maximum', 'full', 'max please'])}`, seatIntent(f.key, ref, { value: 'max' }));
      const up = ctx.chance(0.5);
      return out(`${bare}${tail} ${up ? ctx.pick(['up', 'up one', 'higher', 'plus one']) : ctx.pick(['down', 'down one', 'lower', 'minus one'])}`,
        seatIntent(f.key, ref, { delta: up ? 1 : -1 }));
    }, 0.8),
  ];
}

/* ---------------------------------------------------------------- recline and slide (single seats, 0–100) */

const RECLINE_UP = ['recline {obj}', 'recline {obj} a bit', 'recline {obj} a little', 'lean {obj} back', 'tilt {obj} back', 'let {obj} back a bit',
  'lower the backrest of {obj}', 'recline {obj} slightly', 'tip {obj} back a little', 'lean back {obj} a touch', 'recline {obj} a bit more',
  'put the backrest of {obj} back a little', 'drop the backrest of {obj} a bit', 'make {obj} recline more', 'ease {obj} back'];
const RECLINE_DOWN = ['sit {obj} up', 'make {obj} more upright', 'straighten {obj} a bit', 'raise the backrest of {obj}', 'tilt {obj} forward',
  'bring the backrest of {obj} forward', 'bring {obj} up a bit', 'make {obj} a little more upright', 'straighten up {obj}', 'recline {obj} less',
  'put {obj} more upright', 'tip {obj} forward a little', 'bring {obj} more upright'];
const RECLINE_SELF_UP = ['I want to lean back a bit', 'let me recline a little', 'recline a bit', 'lean me back', 'I want to recline', 'tilt me back a little',
  'recline me a bit', 'let me lie back a bit', 'I want my backrest lower', 'put my backrest down a bit', 'lower my backrest a little',
  'take my backrest back a bit'];
const RECLINE_SELF_DOWN = ['sit me up a bit', 'I want to sit up straighter', 'make me more upright', 'straighten me up', 'I want to sit more upright',
  'bring me up a bit', 'I want my backrest higher', 'bring my backrest up a little', 'raise my backrest a bit', 'put my backrest up a little',
  'push my backrest forward a bit'];
const RECLINE_FLAT = ['lay {obj} flat', 'recline {obj} all the way', 'fully recline {obj}', 'make {obj} completely flat', 'recline {obj} as far as it goes',
  'put {obj} all the way back', 'lay {obj} all the way down'];
const RECLINE_UPRIGHT = ['put {obj} fully upright', 'make {obj} completely upright', 'bring {obj} all the way up', 'set {obj} straight up',
  'return {obj} to upright', 'put {obj} bolt upright', 'raise {obj} all the way'];
const RECLINE_SET = ['set the recline of {obj} to {p}', 'recline {obj} to {p}', 'set {obj} recline to {p}', 'backrest angle of {obj} to {p}',
  'put the backrest of {obj} at {p}', 'adjust the recline of {obj} to {p}', 'set {obj} backrest to {p}', '{obj} recline {p}', 'recline {p} on {obj}',
  'make the recline on {obj} {p}'];
const RECLINE_BY = ['recline {obj} {p} more', 'recline {obj} by {p}', 'lean {obj} back by {p}', 'tilt {obj} back {p}', 'increase the recline of {obj} by {p}'];
const RECLINE_LESS_BY = ['sit {obj} up by {p}', 'reduce the recline of {obj} by {p}', 'raise the backrest of {obj} by {p}', 'bring {obj} upright by {p}',
  'recline {obj} {p} less'];

const SLIDE_BACK = ['move {obj} back', 'slide {obj} back', 'move {obj} backward', 'slide {obj} backwards', 'push {obj} back', 'move {obj} back a bit',
  'slide {obj} back a little', 'scoot {obj} back', 'move {obj} rearward', 'give {obj} more legroom', 'move {obj} back slightly',
  'shift {obj} back a bit', 'bring {obj} back a little', 'move {obj} away from the dash'];
const SLIDE_FWD = ['move {obj} forward', 'slide {obj} forward', 'move {obj} forwards', 'bring {obj} forward', 'move {obj} up a bit', 'scoot {obj} forward',
  'slide {obj} forward a little', 'move {obj} forward a bit', 'pull {obj} forward', 'move {obj} closer to the front', 'shift {obj} forward a bit',
  'inch {obj} forward', 'move {obj} toward the front'];
const SLIDE_SELF_BACK = ['give me more legroom', 'I need more legroom', 'I need more room for my legs', 'move me back', 'slide me back a bit',
  'I want to sit further back', 'back me up a little'];
const SLIDE_SELF_FWD = ['move me forward', 'I want to sit closer to the front', 'slide me forward a bit', 'bring me forward a little', 'I need to be closer'];
const SLIDE_END_BACK = ['move {obj} all the way back', 'slide {obj} as far back as it goes', 'push {obj} fully back', 'move {obj} to the very back',
  'slide {obj} all the way back'];
const SLIDE_END_FWD = ['move {obj} all the way forward', 'slide {obj} as far forward as it goes', 'pull {obj} fully forward',
  'move {obj} to the very front', 'slide {obj} all the way forward'];
const SLIDE_SET = ['slide {obj} to {p}', 'set the position of {obj} to {p}', 'set {obj} slide to {p}', 'move {obj} to {p}', 'put {obj} at {p}',
  'set {obj} fore-aft position to {p}', 'adjust {obj} position to {p}', '{obj} position {p}', 'seat slide {p} for {obj}'];
const SLIDE_BY_BACK = ['move {obj} back {p}', 'slide {obj} back by {p}', 'push {obj} back {p}', 'move {obj} backward by {p}'];
const SLIDE_BY_FWD = ['move {obj} forward {p}', 'slide {obj} forward by {p}', 'bring {obj} forward {p}', 'move {obj} forward by {p}'];

function objOf(ctx: Ctx, ref: SeatRef): string {
  return ref.zone === 'self' ? ctx.pick(['my seat', 'my seat', 'the seat', 'my chair', 'the seat', 'my seat back']) : ref.obj;
}

function seatMoveTemplates(): Template[] {
  // Recline and slide take one seat: a group said for them ("recline the rear seats") is one intent per seat.
  const each = (key: string) => (ref: SeatRef, v: { value?: number; delta?: number }) =>
    perSeat(ref.zone).map((zone) => seatIntent(key, { ...ref, zone }, v));
  const recline = each('recline');
  const slide = each('slide');
  const amount = (ctx: Ctx) => ctx.pick([10, 20, 20, 30, 40, 50, 5, 15, 25]);
  return [
    en('seat.recline.relative', (ctx) => {
      const ref = moveRef(ctx, 0.45);
      const up = ctx.chance(0.6);
      if (ref.zone === 'self' && ctx.chance(0.3)) return out(cmd(ctx, ctx.phrase(up ? RECLINE_SELF_UP : RECLINE_SELF_DOWN), 0.3), ...recline(ref, { delta: up ? 10 : -10 }));
      return out(cmd(ctx, fill(ctx.phrase(up ? RECLINE_UP : RECLINE_DOWN), { obj: objOf(ctx, ref) })), ...recline(ref, { delta: up ? 10 : -10 }));
    }, 2),
    en('seat.recline.absolute', (ctx) => {
      const ref = moveRef(ctx, 0.45);
      const r = ctx.random();
      const obj = objOf(ctx, ref);
      if (r < 0.25) return out(cmd(ctx, fill(ctx.phrase(RECLINE_FLAT), { obj })), ...recline(ref, { value: 100 }));
      if (r < 0.45) return out(cmd(ctx, fill(ctx.phrase(RECLINE_UPRIGHT), { obj })), ...recline(ref, { value: 0 }));
      const p = ctx.chance(0.15) ? 50 : ctx.int(0, 20) * 5;
      const said = p === 50 && ctx.chance(0.4) ? ctx.pick(['halfway', 'half way', 'the middle']) : percent(ctx, p);
      return out(cmd(ctx, fill(ctx.phrase(RECLINE_SET), { obj, p: said }), 0.35), ...recline(ref, { value: p }));
    }, 1.2),
    en('seat.recline.by', (ctx) => {
      const ref = moveRef(ctx, 0.45);
      const up = ctx.chance(0.6);
      const p = amount(ctx);
      return out(cmd(ctx, fill(ctx.phrase(up ? RECLINE_BY : RECLINE_LESS_BY), { obj: objOf(ctx, ref), p: percent(ctx, p) }), 0.35),
        ...recline(ref, { delta: up ? p : -p }));
    }, 0.8),
    en('seat.slide.relative', (ctx) => {
      const ref = moveRef(ctx, 0.45);
      const back = ctx.chance(0.5);
      if (ref.zone === 'self' && ctx.chance(0.3)) return out(cmd(ctx, ctx.phrase(back ? SLIDE_SELF_BACK : SLIDE_SELF_FWD), 0.3), ...slide(ref, { delta: back ? 10 : -10 }));
      return out(cmd(ctx, fill(ctx.phrase(back ? SLIDE_BACK : SLIDE_FWD), { obj: objOf(ctx, ref) })), ...slide(ref, { delta: back ? 10 : -10 }));
    }, 2),
    en('seat.slide.absolute', (ctx) => {
      const ref = moveRef(ctx, 0.45);
      const r = ctx.random();
      const obj = objOf(ctx, ref);
      if (r < 0.22) return out(cmd(ctx, fill(ctx.phrase(SLIDE_END_BACK), { obj })), ...slide(ref, { value: 100 }));
      if (r < 0.44) return out(cmd(ctx, fill(ctx.phrase(SLIDE_END_FWD), { obj })), ...slide(ref, { value: 0 }));
      const p = ctx.chance(0.15) ? 50 : ctx.int(0, 20) * 5;
      const said = p === 50 && ctx.chance(0.4) ? ctx.pick(['the middle', 'halfway', 'the center position']) : percent(ctx, p);
      return out(cmd(ctx, fill(ctx.phrase(SLIDE_SET), { obj, p: said }), 0.35), ...slide(ref, { value: p }));
    }, 1.2),
    en('seat.slide.by', (ctx) => {
      const ref = moveRef(ctx, 0.45);
      const back = ctx.chance(0.5);
      const p = amount(ctx);
      return out(cmd(ctx, fill(ctx.phrase(back ? SLIDE_BY_BACK : SLIDE_BY_FWD), { obj: objOf(ctx, ref), p: percent(ctx, p) }), 0.35),
        ...slide(ref, { delta: back ? p : -p }));
    }, 0.8),
    en('seat.slide.legroom', (ctx) => {
      const ref = seatRef(ctx, false, 0.2);
      if (ref.zone === 'self') return out(cmd(ctx, ctx.phrase(SLIDE_SELF_BACK), 0.3), ...slide(ref, { delta: 10 }));
      const who = ref.who;
      const t = ctx.phrase(['give {who} more legroom', '{who} needs more legroom', '{who} has no legroom', 'make some legroom for {who}',
        "{who} doesn't have enough room for their legs", 'more leg room for {who}', "{who}'s knees are squashed"]);
      return out(cmd(ctx, fill(t, { who }), 0.3), ...slide(ref, { delta: 10 }));
    }, 0.6),
  ];
}

export const seatTemplates: Template[] = [...FEATURES.flatMap(levelTemplates), ...seatMoveTemplates()];
