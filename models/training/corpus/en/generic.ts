// Phrasings people use with any smart-home assistant ("turn on the lights", "set temperature to 21"), mapped to cabin features.
import type { Template } from '../template.js';
import { cmd, en, fill, out, type Ctx } from './common.js';
import { celsius, num, percent } from './numbers.js';
import { fanNP } from './house-climate.js';
import { lightNP } from './house-lights.js';
import { color } from './lights.js';

const LIGHTS = ['the lights', 'the lights', 'lights', 'the light', 'all the lights', 'the interior lights', 'the cabin lights', 'the mood lights',
  'the lamps', 'the lighting', 'some lights', 'the inside lights'];
/** "the lights", a variant, or a light named as at home ("the desk lamp"): whatever the modifier, the ambient light. */
const lights = (ctx: Ctx) => {
  const r = ctx.random();
  return r < 0.4 ? 'the lights' : r < 0.75 ? ctx.phrase(LIGHTS) : lightNP(ctx).np;
};

export const genericTemplates: Template[] = [
  en('generic.lights_onoff', (ctx) => {
    const on = ctx.chance(0.55);
    const l = lights(ctx);
    const t = on
      ? ctx.phrase(['turn on {l}', 'switch on {l}', 'turn {l} on', '{l} on', 'lights on', 'light on please', 'put {l} on', 'can I get {l} on', 'let there be light',
        'illuminate the cabin', 'activate {l}', 'I need {l} on', 'give me some light in here', 'brighten up the car with {l}', 'power on {l}', 'switch {l} on'])
      : ctx.phrase(['turn off {l}', 'switch off {l}', 'turn {l} off', '{l} off', 'lights off', 'light off please', 'kill {l}', 'shut off {l}', 'lights out',
        'deactivate {l}', "I don't need {l}", 'no lights please', 'darken the cabin', 'power off {l}', 'switch {l} off', 'cut {l}']);
    return out(cmd(ctx, fill(t, { l })), { intent: 'light.ambient', zone: 'cabin', value: on ? 'on' : 'off' });
  }, 1.5),
  en('generic.lights_color', (ctx) => {
    const c = color(ctx);
    if (ctx.chance(0.3)) {
      // A colour said with no light named: only the ambient light has a colour, so the colour word alone decides
      // ("make it red in here" must not read as a temperature). The other template that says this is held out.
      const t = ctx.phrase(['{c} please', 'make it {c}', 'make everything {c}', 'can we do {c}', 'how about {c}', "I'd prefer {c}", 'switch it to {c}',
        'make the cabin {c}', 'turn the cabin {c}', '{c} would be nice', 'let us have {c}', 'a bit more {c}', 'change it to {c}', 'something {c}',
        'I feel like {c} today', 'can it be {c} in here', 'paint the inside {c}', 'bathe the car in {c}']);
      return out(cmd(ctx, fill(t, { c: c.text }), 0.35), { intent: 'light.ambient_color', zone: 'cabin', value: c.value });
    }
    const t = ctx.phrase(['turn {l} {c}', 'make {l} {c}', 'set {l} to {c}', 'change {l} to {c}', '{l} {c}', 'can you make {l} {c}', 'switch {l} to {c}',
      'I want {l} to be {c}', 'set the color of {l} to {c}', '{c} for {l}', 'change the color of {l} to {c}', 'turn {l} to {c}',
      'change the light colour to {c}', 'change the light color to {c}']);
    return out(cmd(ctx, fill(t, { l: lights(ctx), c: c.text }), 0.35), { intent: 'light.ambient_color', zone: 'cabin', value: c.value });
  }),
  en('generic.lights_level', (ctx) => {
    const r = ctx.random();
    const l = lights(ctx);
    if (r < 0.4) {
      const p = ctx.chance(0.4) ? ctx.int(1, 10) * 10 : ctx.int(1, 99);
      const t = ctx.phrase(['set {l} to {p}', 'set {l} brightness to {p}', '{l} to {p}', 'dim {l} to {p}', 'brighten {l} to {p}', 'set the brightness to {p}',
        'change {l} to {p} brightness', '{l} at {p}', 'set brightness of {l} to {p}', 'turn {l} to {p}', 'put {l} on {p}']);
      return out(cmd(ctx, fill(t, { l, p: percent(ctx, p) }), 0.35), { intent: 'light.ambient_brightness', zone: 'cabin', value: p });
    }
    const up = ctx.chance(0.5);
    const t = up
      ? ctx.phrase(['brighten {l}', 'make {l} brighter', 'turn up {l}', 'increase the brightness', 'brighter', 'more light', 'make it brighter in here',
        '{l} brighter please', 'raise the brightness', 'brighten it up in here', 'turn the brightness up', 'brightness up', 'I need more light'])
      : ctx.phrase(['dim {l}', 'make {l} dimmer', 'turn down {l}', 'decrease the brightness', 'dimmer', 'less light', 'make it darker in here',
        '{l} dimmer please', 'lower the brightness', 'dim it down in here', 'turn the brightness down', 'brightness down', 'lower {l}']);
    return out(cmd(ctx, fill(t, { l }), 0.35), { intent: 'light.ambient_brightness', zone: 'cabin', delta: up ? 20 : -20 });
  }, 1.2),
  en('generic.temperature', (ctx) => {
    const r = ctx.random();
    if (r < 0.5) {
      const v = ctx.int(17, 28);
      const t = ctx.phrase(['set temperature to {v}', 'set the temperature to {v}', 'change the temperature to {v}', 'temperature {v}', 'make it {v} in here',
        'set the thermostat to {v}', 'set the heat to {v}', 'heat to {v}', 'set the car to {v}', 'adjust the temperature to {v}', 'I want it {v} in here',
        'can you set the temperature to {v}', 'thermostat to {v}', 'set climate to {v}', 'set the AC to {v}', 'put the heating on {v}']);
      return out(cmd(ctx, fill(t, { v: celsius(ctx, v) }), 0.35), { intent: 'hvac.temp', zone: 'self', value: v });
    }
    const up = ctx.chance(0.5);
    const t = up
      ? ctx.phrase(['make it warmer in here', 'warm up the car', 'heat up the car', 'increase the temperature', 'raise the heat', 'turn up the heat in here',
        'it could be warmer', 'make the car warmer', 'warm it up in here', 'bump the heat up', 'turn the thermostat up a degree'])
      : ctx.phrase(['make it cooler in here', 'cool down the car', 'cool off the car', 'decrease the temperature', 'lower the heat', 'turn down the heat in here',
        'it could be cooler', 'make the car cooler', 'cool it down in here', 'bump the heat down', 'turn the thermostat down a degree']);
    return out(cmd(ctx, t, 0.35), { intent: 'hvac.temp', zone: 'self', delta: up ? 1 : -1 });
  }, 1.2),
  en('generic.fan', (ctx) => {
    const r = ctx.random();
    const f = ctx.chance(0.7) ? ctx.pick(['the fan', 'the fan', 'fan', 'the blower', 'the ventilation', 'the air fan']) : fanNP(ctx).np;
    if (r < 0.5) {
      const on = ctx.chance(0.5);
      const t = on ? ctx.phrase(['turn {f} on', 'turn on {f}', 'switch on {f}', '{f} on', 'start {f}', 'switch {f} on', 'activate {f}', 'run {f}'])
        : ctx.phrase(['turn {f} off', 'turn off {f}', 'switch off {f}', '{f} off', 'stop {f}', 'switch {f} off', 'deactivate {f}', 'shut off {f}']);
      return out(cmd(ctx, fill(t, { f })), { intent: 'hvac.fan', zone: 'self', value: on ? 'on' : 'off' });
    }
    if (r < 0.75) {
      const n = ctx.beyondRange(7, 20) ?? ctx.int(1, 7);
      const t = ctx.phrase(['set {f} to {n}', '{f} speed {n}', 'set {f} speed to {n}', 'change {f} to speed {n}', '{f} to level {n}', 'put {f} on {n}']);
      return out(cmd(ctx, fill(t, { f, n: num(ctx, n, 0.5) }), 0.35), { intent: 'hvac.fan', zone: 'self', value: n });
    }
    const hi = ctx.chance(0.5);
    const t = hi ? ctx.phrase(['set {f} to high', '{f} on high', 'turn {f} to max', '{f} to full speed', 'set {f} to the highest speed'])
      : ctx.phrase(['set {f} to low', '{f} on low', 'turn {f} to the lowest setting', '{f} to minimum', 'set {f} to the lowest speed']);
    return out(cmd(ctx, fill(t, { f }), 0.35), { intent: 'hvac.fan', zone: 'self', value: hi ? 'max' : 1 });
  }),
];
