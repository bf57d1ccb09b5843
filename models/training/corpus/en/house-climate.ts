// The fan and the temperature as people address any voice assistant: "turn the ceiling fan off", "fan speed 4",
// "set the bedroom thermostat to 21", "raise the temperature by 2". No seat or row is named: zone self.
import type { CorpusIntent, Template } from '../template.js';
import { en, fill, vary, type Ctx } from './common.js';
import { tempValue } from './climate.js';
import { modifier, place, say, stateOf } from './house-common.js';
import { level, num, steps } from './numbers.js';

/* ------------------------------------------------------------------ fan */

// Not "seat fan" (seat ventilation) nor "cooling fan" ("the cooling" is the A/C).
const FAN_KIND = ['ceiling fan', 'blower', 'ventilation fan', 'air fan', 'vent fan', 'ventilator', 'fans', 'exhaust fan', 'blower fan', 'box fan',
  'desk fan', 'tower fan', 'floor fan', 'pedestal fan', 'table fan', 'wall fan', 'electric fan', 'portable fan', 'standing fan', 'circulation fan',
  'fan unit', 'air blower', 'extractor fan', 'oscillating fan'];

export function fanNP(ctx: Ctx): { np: string; post: string } {
  const r = ctx.random();
  if (r < 0.3) return { np: ctx.pick(['the fan', 'the fan', 'fan', 'the fans']), post: '' };
  if (r < 0.62) return { np: `${ctx.pick(['the ', 'the ', 'that ', ''])}${ctx.phrase(FAN_KIND)}`, post: '' };
  if (r < 0.82) return { np: `the ${modifier(ctx)} fan`, post: '' };
  return { np: ctx.pick(['the fan', 'the fan', 'the ceiling fan', 'the blower']), post: place(ctx) };
}

const FAN_ON = ['turn on {x}', 'turn {x} on'];
const FAN_ON_MORE = ['switch on {x}', 'switch {x} on', 'start {x}', 'start up {x}', 'power on {x}', 'power up {x}', 'fire up {x}', 'kick on {x}', 'run {x}',
  'get {x} going', 'get {x} running', 'put {x} on', 'activate {x}', 'enable {x}', 'flip on {x}', 'turn on {x}'];
const FAN_OFF = ['turn off {x}', 'turn {x} off'];
const FAN_OFF_MORE = ['switch off {x}', 'switch {x} off', 'stop {x}', 'shut off {x}', 'shut {x} off', 'shut down {x}', 'power off {x}', 'power down {x}',
  'kill {x}', 'cut {x}', 'deactivate {x}', 'disable {x}', 'flip off {x}', 'turn off {x}'];

const FAN_NUM = ['set {x} to {n}', '{x} speed {m}', 'set {x} speed to {m}', 'set the fan speed to {m}', '{x} to {n}', 'put {x} on {n}', 'change {x} to speed {m}',
  '{x} on speed {m}', 'run {x} at {n}', 'turn {x} to {n}', 'set {x} to level {m}', '{x} level {m}', 'fan speed {m}', 'make {x} speed {m}', 'switch {x} to {n}',
  'adjust {x} to {n}', 'change the fan speed to {m}', 'I want {x} on {n}', '{x} at {n}', 'turn {x} up to {n}', 'turn {x} down to {n}',
  'put {x} at speed {m}', '{x} {n}'];
const FAN_MAX = ['{x} to max', 'max {x}', 'max out {x}', '{x} on high', 'set {x} to high', '{x} to full', '{x} on full speed', 'set {x} to maximum',
  '{x} to maximum', 'turn {x} all the way up', '{x} to the highest speed', 'set {x} to the highest setting', 'crank {x} up', 'crank {x} all the way',
  '{x} on full blast', 'turn {x} up all the way', 'put {x} on the highest setting', 'run {x} at full speed', '{x} speed max', 'fan speed maximum',
  'full speed on {x}', '{x} as fast as it goes'];
/** "Minimum" / "low" is level 1, as generic.ts and the seats already say. */
const FAN_MIN = ['{x} to low', '{x} on low', 'set {x} to low', '{x} to minimum', '{x} to min', 'set {x} to the lowest speed', '{x} on the lowest setting',
  'turn {x} all the way down', '{x} to the lowest', 'run {x} at the lowest speed', '{x} speed min', 'fan speed minimum', 'slowest speed on {x}',
  'put {x} on the lowest setting', '{x} as slow as it goes'];

const FAN_UP = ['increase {x}', 'increase {x} speed', 'increase the fan speed', 'turn {x} up', 'turn up {x}', 'speed up {x}', 'speed {x} up', 'raise {x}',
  'raise the fan speed', '{x} faster', 'make {x} faster', 'make {x} go faster', '{x} up', 'bump up {x}', 'bump {x} up', 'more {x}', '{x} a bit higher',
  'step up {x}', 'turn up the fan speed', 'boost {x}', 'make {x} stronger', 'higher fan speed', 'up the fan speed', '{x} up a notch', 'kick {x} up a notch'];
const FAN_DOWN = ['decrease {x}', 'decrease {x} speed', 'decrease the fan speed', 'turn {x} down', 'turn down {x}', 'slow down {x}', 'slow {x} down',
  'lower {x}', 'lower the fan speed', '{x} slower', 'make {x} slower', 'make {x} go slower', '{x} down', 'bump down {x}', 'bump {x} down', 'less {x}',
  'ease off {x}', '{x} a bit lower', 'step down {x}', 'turn down the fan speed', 'reduce {x}', 'reduce the fan speed', 'make {x} weaker',
  'make {x} quieter', 'quiet {x} down', '{x} down a notch'];
const FAN_BY_UP = ['turn {x} up {k}', 'increase {x} by {k}', 'raise {x} by {k}', 'speed up {x} by {k}', '{x} up {k}', 'bump {x} up {k}'];
const FAN_BY_DOWN = ['turn {x} down {k}', 'decrease {x} by {k}', 'lower {x} by {k}', 'slow down {x} by {k}', '{x} down {k}', 'bump {x} down {k}'];

const fanIntent = (v: Partial<CorpusIntent>): CorpusIntent => ({ intent: 'hvac.fan', zone: 'self', ...v });

function withFan(ctx: Ctx, frame: string, vars: Record<string, string> = {}): string {
  const { np, post } = fanNP(ctx);
  return `${fill(frame, { ...vars, x: np })}${post}`;
}

/* ------------------------------------------------------------------ temperature */

const TEMP_NP = ['the temperature', 'the temp', 'the thermostat'];
const TEMP_NP_MORE = ['the heat', 'the heating', 'temperature', 'the room temperature', 'the AC', 'the air', 'the heater', 'the thermostat setting',
  'the temperature setting', 'the inside temperature', 'the indoor temperature', 'thermostat', 'temp', 'the climate', 'the temperature control'];

function tempNP(ctx: Ctx, delta = false): { np: string; post: string } {
  // A relative change of "the AC" or "the air" could mean the fan; only temperature words take one.
  const np = delta ? ctx.pick(['the temperature', 'the temp', 'the thermostat', 'the heat', 'the heating', 'temperature', 'the room temperature'])
    : vary(ctx, TEMP_NP, TEMP_NP_MORE, 0.5);
  const r = ctx.random();
  if (r < 0.55) return { np, post: '' };
  if (r < 0.8) return { np: np.replace(/^(the )?/, `the ${modifier(ctx)} `), post: '' };
  return { np, post: place(ctx) };
}

const SET = ['set {x} to {v}', 'change {x} to {v}', '{x} to {v}', 'turn {x} to {v}', 'put {x} on {v}', 'put {x} at {v}', 'adjust {x} to {v}', 'bring {x} to {v}',
  'set {x} at {v}', 'make {x} {v}', 'I want {x} at {v}', 'change {x} over to {v}', 'raise {x} to {v}', 'lower {x} to {v}', 'turn {x} up to {v}',
  'turn {x} down to {v}', 'I want {x} to be {v}', '{x} {v} please', 'keep {x} at {v}', 'set {x} for {v}', 'update {x} to {v}', 'can you set {x} to {v}',
  'could you change {x} to {v}'];
const SET_BARE = ['make it {v}', 'make it {v} in here', 'heat to {v}', 'heat it to {v}', 'cool it to {v}', 'warm it up to {v}', 'cool it down to {v}',
  'set it to {v}', 'I want it {v}', "I'd like it to be {v}", 'can you make it {v}', 'keep it at {v}', 'set to {v}', 'temperature {v}', 'temp {v}', 'go to {v}',
  'heat the room to {v}', 'cool the room to {v}', 'make the room {v}', 'get it to {v}', "let's do {v}", 'set heat to {v}', 'heat up to {v}', 'thermostat {v}'];

const WARMER = ['make it warmer', 'can you make it warmer', 'make it a bit warmer', 'warm it up', 'warm it up in here', 'turn the heat up', 'turn up the heat',
  'turn {x} up', 'turn up {x}', 'raise {x}', 'increase {x}', 'bump up {x}', 'bump {x} up', 'heat up', 'a little warmer', 'warmer please', 'make the room warmer',
  'make {x} warmer', 'heat it up a bit', 'can it be a bit warmer', 'push {x} up', '{x} up', '{x} up a bit', 'make it a little hotter', 'up {x} a little'];
const COOLER = ['make it cooler', 'can you make it cooler', 'make it a bit cooler', 'cool it down', 'cool it down in here', 'turn the heat down',
  'turn down the heat', 'turn {x} down', 'turn down {x}', 'lower {x}', 'decrease {x}', 'reduce {x}', 'bump down {x}', 'bump {x} down', 'cool down',
  'a little cooler', 'cooler please', 'make the room cooler', 'make {x} cooler', 'make it a little colder', 'drop {x}', '{x} down', '{x} down a bit',
  'bring {x} down', 'cool it off a bit'];
const BY_UP = ['raise {x} by {k}', 'increase {x} by {k}', 'turn {x} up {k}', 'turn {x} up by {k}', 'bump {x} up {k}', 'warm it up {k}',
  'up {x} by {k}', 'heat it up by {k}', 'add {k} to {x}', 'turn up the heat {k}', '{x} up {k}', 'push {x} up {k}', 'put {x} up {k}'];
const BY_DOWN = ['lower {x} by {k}', 'decrease {x} by {k}', 'reduce {x} by {k}', 'turn {x} down {k}', 'turn {x} down by {k}', 'bump {x} down {k}',
  'make it {k} cooler', 'make it {k} colder', 'cool it down {k}', 'drop {x} by {k}', 'drop {x} {k}', 'take {k} off {x}', 'turn down the heat {k}', '{x} down {k}'];
const DEGREES = ['degrees', 'degrees', 'degree', 'degrees celsius', 'degrees'];

const tempIntent = (v: Partial<CorpusIntent>): CorpusIntent => ({ intent: 'hvac.temp', zone: 'self', ...v });

export const houseClimateTemplates: Template[] = [
  en('house.fan.onoff', (ctx) => {
    const on = ctx.chance(0.5);
    if (ctx.chance(0.35)) {
      const { np, post } = fanNP(ctx);
      return { text: stateOf(ctx, np, on, post), intents: [fanIntent({ value: on ? 'on' : 'off' })] };
    }
    const frame = on ? vary(ctx, FAN_ON, FAN_ON_MORE, 0.4) : vary(ctx, FAN_OFF, FAN_OFF_MORE, 0.4);
    return { text: say(ctx, withFan(ctx, frame)), intents: [fanIntent({ value: on ? 'on' : 'off' })] };
  }, 1.2),
  en('house.fan.speed', (ctx) => {
    const r = ctx.random();
    if (r < 0.2) return { text: say(ctx, withFan(ctx, ctx.phrase(FAN_MAX)), 0.4), intents: [fanIntent({ value: 'max' })] };
    if (r < 0.32) return { text: say(ctx, withFan(ctx, ctx.phrase(FAN_MIN)), 0.4), intents: [fanIntent({ value: 1 })] };
    const n = ctx.beyondRange(7, 20) ?? (ctx.chance(0.04) ? 0 : ctx.int(1, 7));
    // "{m}" follows "speed" / "level" and takes a bare number; "{n}" may carry its own unit ("level 4", "setting two").
    const frame = ctx.phrase(FAN_NUM);
    return { text: say(ctx, withFan(ctx, frame, { n: level(ctx, n), m: num(ctx, n, 0.45) }), 0.4), intents: [fanIntent({ value: n })] };
  }, 1.2),
  en('house.fan.delta', (ctx) => {
    const up = ctx.chance(0.5);
    if (ctx.chance(0.2)) {
      const k = ctx.int(2, 3);
      const said = steps(ctx, k, ['levels', 'notches', 'steps', 'speeds', 'settings']);
      return { text: say(ctx, withFan(ctx, ctx.phrase(up ? FAN_BY_UP : FAN_BY_DOWN), { k: said }), 0.4), intents: [fanIntent({ delta: up ? k : -k })] };
    }
    return { text: say(ctx, withFan(ctx, ctx.phrase(up ? FAN_UP : FAN_DOWN)), 0.45), intents: [fanIntent({ delta: up ? 1 : -1 })] };
  }, 1.2),
  en('house.temp.set', (ctx) => {
    const v = tempValue(ctx);
    const it = tempIntent(v.fahrenheit ? { value: v.value, fahrenheit: true } : { value: v.value });
    if (ctx.chance(0.35)) return { text: say(ctx, fill(ctx.phrase(SET_BARE), { v: v.said }), 0.4), intents: [it] };
    const { np, post } = tempNP(ctx);
    return { text: say(ctx, `${fill(ctx.phrase(SET), { x: np, v: v.said })}${post}`, 0.4), intents: [it] };
  }, 1.5),
  en('house.temp.delta', (ctx) => {
    const up = ctx.chance(0.5);
    const { np, post } = tempNP(ctx, true);
    if (ctx.chance(0.35)) {
      const k = ctx.pick([1, 2, 2, 3, 3, 4, 5]);
      const said = ctx.chance(0.3) ? num(ctx, k, 0.3) : steps(ctx, k, DEGREES);
      return { text: say(ctx, `${fill(ctx.phrase(up ? BY_UP : BY_DOWN), { x: np, k: said })}${post}`, 0.4), intents: [tempIntent({ delta: up ? k : -k })] };
    }
    const frame = ctx.phrase(up ? WARMER : COOLER);
    return { text: say(ctx, `${fill(frame, { x: np })}${frame.includes(' in here') ? '' : post}`, 0.45), intents: [tempIntent({ delta: up ? 1 : -1 })] };
  }, 1.5),
];
