// Lights as people address any voice assistant: "turn the desk lamp off", "lights in here on please", "dim the
// kitchen light to 40%". Every such light is the cabin's ambient light; the modifiers and places name nothing.
import type { CorpusIntent, Template } from '../template.js';
import { en, fill, vary, type Ctx } from './common.js';
import { article, modifier, place, say, stateOf } from './house-common.js';
import { brightnessChange, color } from './lights.js';
import { percent } from './numbers.js';

const NOUN = ['lights', 'light', 'lamp'];
const NOUN_MORE = ['lamps', 'lighting', 'light bulb', 'bulbs', 'bulb', 'light fixture', 'LED lights', 'fixture', 'lamp light', 'light strip', 'lightbulb',
  'lantern', 'lights', 'lamp'];

/** "these lights", not "this lights". */
function det(ctx: Ctx, noun: string): string {
  const a = article(ctx);
  if (!/s$/.test(noun)) return a;
  return a === 'this ' ? 'these ' : a === 'that ' ? 'those ' : a;
}

function twoModifiers(ctx: Ctx): string {
  const a = modifier(ctx);
  let b = modifier(ctx);
  for (let i = 0; i < 5 && b === a; i++) b = modifier(ctx);
  return b === a ? a : `${a} ${b}`;
}

/** A light named the way people name one at home; `post` is a place said after it (" in the kitchen"). */
export function lightNP(ctx: Ctx): { np: string; post: string } {
  const n = vary(ctx, NOUN, NOUN_MORE, 0.6);
  const r = ctx.random();
  if (r < 0.22) return { np: `${det(ctx, n)}${n}`, post: '' };
  if (r < 0.6) return { np: `${det(ctx, n)}${modifier(ctx)} ${n}`, post: '' };
  if (r < 0.78) return { np: `${det(ctx, n)}${n}`, post: place(ctx) };
  if (r < 0.86) return { np: `${det(ctx, n)}${twoModifiers(ctx)} ${n}`, post: '' };
  if (r < 0.93) return { np: `${det(ctx, n)}${modifier(ctx)} ${n}`, post: place(ctx) };
  return { np: ctx.phrase(['all the lights', 'all the lamps', 'every light', 'both lamps', 'all lights', 'some light', 'a light', 'the two lamps',
    'each lamp', 'any lights', 'every single light', 'all of the lights', 'all my lights', 'each light', 'every lamp', 'all the lamps in the house',
    'every light in the house', 'all our lights']), post: '' };
}

const ON = ['turn on {x}', 'turn {x} on'];
const ON_MORE = ['switch on {x}', 'switch {x} on', 'put on {x}', 'put {x} on', 'flip on {x}', 'power on {x}', 'get {x} on', 'activate {x}',
  'enable {x}', 'click on {x}', 'turn on {x}', 'turn {x} on', 'switch {x} on'];
const OFF = ['turn off {x}', 'turn {x} off'];
const OFF_MORE = ['switch off {x}', 'switch {x} off', 'shut off {x}', 'shut {x} off', 'flip off {x}', 'flip {x} off', 'power off {x}', 'kill {x}', 'cut {x}',
  'deactivate {x}', 'disable {x}', 'put out {x}', 'get {x} off', 'click off {x}', 'turn off {x}', 'turn {x} off'];

const COLOR = ['make {x} {c}', 'turn {x} {c}', 'set {x} to {c}', 'change {x} to {c}', 'change the colour of {x} to {c}', 'change the color of {x} to {c}',
  'set the colour of {x} to {c}', 'set the color of {x} to {c}', 'switch {x} to {c}', '{x} to {c}', 'I want {x} {c}', "let's make {x} {c}", 'can {x} be {c}',
  'turn {x} to {c}', 'set {x} colour to {c}', 'change {x} color to {c}', 'paint {x} {c}', 'color {x} {c}', '{x} in {c}', 'put {x} on {c}',
  'change the light colour to {c}', 'change the light color to {c}', 'set the light colour to {c}', 'make the light {c}', 'set the colour to {c}',
  'change the colour to {c}', 'I want {c} light', '{c} light please', 'switch the light color to {c}', 'make it {c}', 'colour {c}', 'go {c}',
  'can you make {x} {c}', 'I would like {x} to be {c}', 'change {x} over to {c}'];

const LEVEL = ['set {x} to {p}', 'set {x} to {p} brightness', 'set the brightness of {x} to {p}', 'set brightness to {p}', 'set the brightness to {p}',
  'brightness {p}', 'brightness to {p}', '{x} to {p}', '{x} at {p}', 'dim {x} to {p}', 'brighten {x} to {p}', 'turn {x} to {p}', 'put {x} at {p}',
  'change {x} brightness to {p}', 'set {x} brightness to {p}', 'make {x} {p}', 'adjust {x} to {p}', 'adjust the brightness to {p}',
  'turn the brightness to {p}', 'turn {x} up to {p}', 'turn {x} down to {p}', 'change the brightness of {x} to {p}', '{x} brightness {p}',
  'bring {x} to {p}', 'I want {x} at {p}', 'make the brightness {p}', 'change the brightness to {p}', 'lower {x} to {p}', 'raise {x} to {p}',
  'set {x} at {p}', 'put the brightness at {p}'];

const UP = ['brighten {x}', 'make {x} brighter', 'turn up {x}', 'turn {x} up', 'turn the brightness up', 'turn up the brightness', 'raise the brightness',
  'increase the brightness', 'raise the brightness of {x}', 'increase the brightness of {x}', 'brightness up', '{x} brighter', 'bump up the brightness',
  'make it brighter', 'brighter please', 'a bit brighter', 'brighten {x} a bit', 'turn the brightness of {x} up', 'up the brightness',
  'boost the brightness', 'make {x} a little brighter', 'brighten up {x}', 'turn {x} up a bit', 'make {x} brighter please', 'push the brightness up'];
const DOWN = ['dim {x}', 'make {x} dimmer', 'turn down {x}', 'turn {x} down', 'turn the brightness down', 'turn down the brightness', 'lower the brightness',
  'reduce the brightness', 'lower the brightness of {x}', 'decrease the brightness of {x}', 'brightness down', '{x} dimmer',
  'bring the brightness down', 'make it dimmer', 'dimmer please', 'a bit dimmer', 'dim {x} a bit', 'turn the brightness of {x} down', 'tone down {x}',
  'make {x} a little darker', 'darken {x}', 'dial down {x}', 'dim down {x}', 'turn {x} down a bit', 'drop the brightness'];

/**
 * Extremes. Convention (as for the fan and the seats, where "minimum" / "the lowest setting" is level 1): the
 * lowest brightness is 1 %, never 0 (that would be off, which is light.ambient off); the highest is 100 %.
 */
const MIN = ['{x} to minimum', '{x} to min', 'set {x} to minimum brightness', 'set {x} to the lowest brightness', 'brightness to minimum', 'brightness to min',
  'minimum brightness', 'lowest brightness', 'set the brightness to the lowest', 'set the brightness to minimum', 'dim {x} all the way',
  'dim {x} as low as it goes', 'turn {x} all the way down', '{x} on the lowest setting', 'turn the brightness all the way down', 'brightness as low as possible',
  'make {x} as dim as possible', '{x} to the lowest level', 'put {x} on the lowest brightness', 'lowest setting on {x}', 'brightness to the lowest level',
  'min brightness on {x}'];
const MAX = ['{x} to maximum', '{x} to max', 'set {x} to maximum brightness', 'set {x} to full brightness', 'full brightness', 'max brightness',
  'maximum brightness', 'brightness to max', 'brightness to maximum', 'brightness all the way up', 'turn {x} all the way up', 'brighten {x} all the way',
  'make {x} as bright as possible', '{x} at full brightness', '{x} on full', 'set the brightness to the highest', 'highest brightness',
  '{x} to the brightest setting', 'turn the brightness up all the way', '{x} on the highest setting', 'max out the brightness', 'full brightness on {x}'];

const cabin = (intent: string, v: Partial<CorpusIntent>): CorpusIntent => ({ intent, zone: 'cabin', ...v });

/** A frame filled with a light; the place goes at the end ("turn the lights off in the kitchen"). */
function withLight(ctx: Ctx, frame: string, vars: Record<string, string> = {}): string {
  const { np, post } = lightNP(ctx);
  return `${fill(frame, { ...vars, x: np })}${post}`;
}

function percentSaid(ctx: Ctx, p: number): string {
  if (p === 50 && ctx.chance(0.25)) return ctx.pick(['half', 'half brightness', 'fifty percent', 'half way']);
  return percent(ctx, p);
}

/** A room or the whole home named as what to light ("light up the kitchen", "turn off the first floor"). */
const AREA = ['the kitchen', 'the living room', 'the bedroom', 'the whole house', 'the entire home', 'every room', 'the first floor', 'upstairs',
  'downstairs', 'the hallway', 'my office', 'this room', 'the garage', 'the porch', 'the second floor', 'the ground floor', 'the basement',
  'the study', 'the dining room', 'the house', 'the apartment', 'the back yard', 'the nursery', 'the den', 'the whole place', 'the guest room'];
const AREA_ON = ['light up {a}', 'turn on {a}', 'switch on {a}', 'illuminate {a}', 'turn {a} on', 'lights on in {a}', 'put the lights on in {a}',
  'light {a} up', 'get some light in {a}', 'turn the lights on in {a}', 'bring the lights up in {a}'];
const AREA_OFF = ['turn off {a}', 'turn {a} off', 'switch off {a}', 'lights out in {a}', 'lights off in {a}', 'kill the lights in {a}',
  'shut off the lights in {a}', 'turn the lights off in {a}', 'make {a} dark', 'black out {a}'];

export const houseLightTemplates: Template[] = [
  en('house.light.onoff', (ctx) => {
    const on = ctx.chance(0.55);
    if (ctx.chance(0.25)) {
      const t = fill(ctx.phrase(on ? AREA_ON : AREA_OFF), { a: ctx.phrase(AREA) });
      return { text: say(ctx, t, 0.45), intents: [cabin('light.ambient', { value: on ? 'on' : 'off' })] };
    }
    const frame = on ? vary(ctx, ON, ON_MORE, 0.4) : vary(ctx, OFF, OFF_MORE, 0.4);
    return { text: say(ctx, withLight(ctx, frame)), intents: [cabin('light.ambient', { value: on ? 'on' : 'off' })] };
  }, 1.8),
  en('house.light.state', (ctx) => {
    const on = ctx.chance(0.55);
    const { np, post } = lightNP(ctx);
    return { text: stateOf(ctx, np, on, post), intents: [cabin('light.ambient', { value: on ? 'on' : 'off' })] };
  }),
  en('house.light.color', (ctx) => {
    const c = color(ctx);
    return { text: say(ctx, withLight(ctx, ctx.phrase(COLOR), { c: c.text }), 0.4), intents: [cabin('light.ambient_color', { value: c.value })] };
  }, 1.2),
  en('house.light.level', (ctx) => {
    const p = ctx.chance(0.4) ? ctx.int(1, 10) * 10 : ctx.int(1, 99);
    return { text: say(ctx, withLight(ctx, ctx.phrase(LEVEL), { p: percentSaid(ctx, p) }), 0.4), intents: [cabin('light.ambient_brightness', { value: p })] };
  }, 1.2),
  en('house.light.dimmer', (ctx) => {
    const up = ctx.chance(0.5);
    return { text: say(ctx, withLight(ctx, ctx.phrase(up ? UP : DOWN)), 0.45), intents: [cabin('light.ambient_brightness', { delta: up ? 20 : -20 })] };
  }, 1.2),
  // A house light stepped with the car's own brightness frames ("turn the lamp in the den up a bit"): a named lamp
  // turned up or down is a brightness step, not a switch. The dimmer template's own frames stay held out.
  en('house.light.step', (ctx) => {
    const b = brightnessChange(ctx);
    const { np, post } = lightNP(ctx);
    const text = b.text.includes('{a}') ? `${b.text.replace('{a}', np)}${post}` : b.text;
    const change = b.value !== undefined ? { value: b.value } : { delta: b.delta! };
    return { text: say(ctx, text, 0.45), intents: [cabin('light.ambient_brightness', change)] };
  }, 0.8),
  en('house.light.extreme', (ctx) => {
    const max = ctx.chance(0.5);
    return { text: say(ctx, withLight(ctx, ctx.phrase(max ? MAX : MIN)), 0.4), intents: [cabin('light.ambient_brightness', { value: max ? 100 : 1 })] };
  }, 0.7),
];
