// Reading lights (per seat), ambient light (on/off, colour, brightness) and the dome light in English.
import type { Template } from '../template.js';
import { cmd, en, fill, finish, onOff, out, vary, type Ctx, wantFrame } from './common.js';
import { num, percent } from './numbers.js';
import { seatNP, seatRef } from './zones.js';

const READING = ['reading light', 'reading lamp'];
const READING_MORE = ['map light', 'book light', 'reading spotlight', 'reading lights', 'spot light', 'little reading light', 'overhead reading light',
  'read light', 'reading lamp above the seat', 'personal light', 'reading spot', 'courtesy reading light', 'seat light'];
const READING_PL = ['reading lights', 'reading lamps', 'map lights', 'personal lights'];

const AMBIENT = ['ambient light', 'ambient lighting'];
const AMBIENT_MORE = ['mood lighting', 'mood lights', 'ambient lights', 'accent lighting', 'ambience lighting', 'interior ambient lighting',
  'LED strips', 'mood light', 'ambient LEDs', 'atmosphere lighting', 'background lighting', 'ambient glow', 'light strip', 'ambiance lights', 'accent lights'];
const DOME = ['dome light', 'ceiling light'];
const DOME_MORE = ['interior light', 'cabin light', 'roof light', 'overhead light', 'courtesy light', 'dome lamp', 'main cabin light', 'center dome light',
  'roof lamp', 'big light', 'top light', 'ceiling lamp', 'interior dome light', 'main light'];

const reading = (ctx: Ctx) => vary(ctx, READING, READING_MORE, 0.5);
export const ambient = (ctx: Ctx) => vary(ctx, AMBIENT, AMBIENT_MORE, 0.45);
const dome = (ctx: Ctx) => vary(ctx, DOME, DOME_MORE, 0.5);

/** Colour words → catalog colours; the first of each list is the everyday word (never held out by `pick`). */
export const COLORS: [string, string[]][] = [
  ['red', ['red', 'crimson', 'deep red', 'ruby', 'scarlet']],
  ['orange', ['orange', 'amber', 'tangerine', 'bright orange']],
  ['yellow', ['yellow', 'gold', 'golden', 'lemon yellow', 'sunny yellow']],
  ['green', ['green', 'emerald', 'lime green', 'forest green', 'mint green']],
  ['cyan', ['cyan', 'teal', 'turquoise', 'aqua', 'aquamarine']],
  ['blue', ['blue', 'dark blue', 'royal blue', 'ocean blue', 'deep blue', 'navy blue']],
  ['purple', ['purple', 'violet', 'lavender', 'lilac', 'indigo']],
  ['pink', ['pink', 'hot pink', 'rose', 'magenta', 'light pink']],
  ['white', ['white', 'cool white', 'pure white', 'bright white', 'daylight white']],
  ['warm_white', ['warm white', 'soft white', 'warm white light', 'warm light', 'candle light', 'warm yellowish white']],
];

export function color(ctx: Ctx): { text: string; value: string } {
  const [value, words] = ctx.pick(COLORS);
  return { text: ctx.chance(0.55) ? words[0]! : ctx.name(words), value };
}

export function brightnessChange(ctx: Ctx): { text: string; value?: number; delta?: number } {
  const r = ctx.random();
  if (r < 0.3) {
    return { text: ctx.phrase(['make {a} brighter', 'brighten {a}', 'turn {a} up', 'turn up {a}', '{a} brighter', 'increase the brightness of {a}', 'raise {a}',
      'bump up {a}', '{a} up a bit', 'more light from {a}', 'make {a} a bit brighter', 'brighten up {a}', 'turn {a} up a little', 'boost {a}',
      'turn the brightness up', 'raise the brightness',
      // Nothing named: brightness is the only thing that gets "brighter", so the word alone is enough.
      'brighter', 'a little brighter', 'make it brighter in here', 'more light', 'more light please', 'I could use more light', 'brighten it up in here',
      'can we have it brighter', 'light it up a bit more', 'bring {a} up', 'bring up {a}']), delta: 20 };
  }
  if (r < 0.6) {
    return { text: ctx.phrase(['dim {a}', 'make {a} dimmer', 'turn {a} down', 'turn down {a}', '{a} dimmer', 'lower {a}', 'decrease the brightness of {a}',
      'tone down {a}', 'dim {a} a bit', '{a} down a bit', 'make {a} softer', 'reduce {a}', 'lower the brightness of {a}', 'make {a} less bright',
      'turn the brightness down', 'reduce the brightness',
      'dimmer', 'a little darker', 'make it darker in here', 'less light', 'less light please', 'not so bright', 'take the brightness down a notch',
      'can we have it darker', 'darker please', 'bring {a} down', 'bring down {a}']), delta: -20 };
  }
  if (r < 0.7) {
    const k = ctx.pick([10, 10, 20, 30, 40, 50, 25, 15]);
    const up = ctx.chance(0.5);
    const t = up ? ctx.phrase(['brighten {a} by {p}', 'turn {a} up {p}', 'increase the brightness of {a} by {p}', '{a} {p} brighter', 'raise {a} by {p}'])
      : ctx.phrase(['dim {a} by {p}', 'turn {a} down {p}', 'decrease the brightness of {a} by {p}', '{a} {p} dimmer', 'lower {a} by {p}']);
    return { text: t.replace('{p}', percent(ctx, k)), delta: up ? k : -k };
  }
  if (r < 0.76) return { text: ctx.phrase(['{a} to full brightness', 'set {a} to maximum brightness', '{a} all the way up', 'max brightness on {a}', 'make {a} as bright as possible', '{a} at full']), value: 100 };
  // The lowest brightness is 1 %, not 0 (off is light.ambient off), as "the lowest setting" of a seat or the fan is level 1.
  if (r < 0.8) return { text: ctx.phrase(['{a} to minimum brightness', 'set {a} to the lowest brightness', '{a} all the way down', 'dim {a} as low as it goes', 'make {a} as dim as possible', '{a} at minimum']), value: 1 };
  const p = ctx.chance(0.4) ? ctx.int(1, 10) * 10 : ctx.int(1, 99);
  const said = p === 50 && ctx.chance(0.3) ? ctx.pick(['half', 'half brightness', 'fifty percent']) : percent(ctx, p);
  return { text: ctx.phrase(['set {a} to {p}', '{a} to {p}', 'dim {a} to {p}', 'set the brightness of {a} to {p}', '{a} brightness {p}', 'put {a} at {p}',
    'change {a} brightness to {p}', 'brightness of {a} at {p}', 'adjust {a} to {p}', 'make {a} {p}', 'turn {a} to {p}']).replace('{p}', said), value: p };
}

export const lightTemplates: Template[] = [
  // --- reading lights (seat or group) ---
  en('light.reading.onoff', (ctx) => {
    const ref = seatRef(ctx, true);
    const { head, tail } = seatNP(ctx, ref, reading(ctx), ctx.phrase(READING_PL));
    const on = ctx.chance(0.55);
    return out(cmd(ctx, `${onOff(ctx, head, on)}${tail}`), { intent: 'light.reading', zone: ref.zone, value: on ? 'on' : 'off' });
  }, 2),
  en('light.reading.want', (ctx) => {
    const ref = seatRef(ctx, true);
    const on = ctx.chance(0.6);
    // Said of a person ("a light for the kids", now and then "the light on for me"): "light" alone is the reading light here.
    const forSomeone = (ref.zone !== 'self' || ctx.chance(0.3)) && ctx.chance(0.25);
    if (on && forSomeone) {
      // A light wanted for someone: "a reading light for the kids", "some light for my passenger".
      const x = fill(ctx.phrase(['a reading light for {who}', 'some light for {who}', 'a light for {who}', 'the reading light on for {who}', 'a lamp on for {who}',
        'the light on for {who}', 'a bit of light for {who}']), { who: ref.who });
      return out(finish(ctx, fill(wantFrame(ctx), { x })), { intent: 'light.reading', zone: ref.zone, value: 'on' });
    }
    if (!on && forSomeone) {
      // No light wanted for someone: "no reading light for the kids", "the lamp off for my passenger".
      const x = fill(ctx.phrase(['no reading light for {who}', 'no light for {who}', 'the reading light off for {who}', 'the lamp off for {who}',
        'the little light out for {who}', 'the light off for {who}']), { who: ref.who });
      return out(finish(ctx, fill(wantFrame(ctx), { x })), { intent: 'light.reading', zone: ref.zone, value: 'off' });
    }
    const { head, tail } = seatNP(ctx, ref, reading(ctx), ctx.phrase(READING_PL));
    return out(finish(ctx, fill(wantFrame(ctx), { x: `${head} ${on ? ctx.pick(['on', 'on', 'lit']) : 'off'}${tail}` })), { intent: 'light.reading', zone: ref.zone, value: on ? 'on' : 'off' });
  }),
  en('light.reading.above', (ctx) => {
    // "the light above me", "the light over the passenger seat"
    const ref = seatRef(ctx, true, 0.5);
    const where = ref.zone === 'self' ? ctx.pick(['me', 'my seat', 'my head', 'where I sit']) : ref.obj;
    const on = ctx.chance(0.6);
    const lightWord = ctx.pick(['light', 'lamp', 'little light', 'light', 'spotlight']);
    // "at"/"by"/"next to" too: any light tied to a seat or a person is that seat's reading light, not the cabin's.
    const np = `the ${lightWord} ${ctx.pick(['above', 'over', 'above', 'over', 'at', 'by', 'next to', 'near'])} ${where}`;
    return out(cmd(ctx, onOff(ctx, np, on)), { intent: 'light.reading', zone: ref.zone, value: on ? 'on' : 'off' });
  }),
  en('light.reading.for_who', (ctx) => {
    const ref = seatRef(ctx, true, 0.1);
    const on = ctx.chance(0.7);
    const who = ref.zone === 'self' ? 'me' : ref.who;
    const t = on
      ? ctx.phrase(['give {who} a reading light', 'turn on a light for {who}', 'put a light on for {who}', 'switch on the reading light for {who}',
        '{who} needs some light to read', 'light up {who}', 'give {who} some light', 'get {who} a light'])
      : ctx.phrase(['turn off the light for {who}', "switch off {who}'s reading light", 'kill the light for {who}', 'lights off for {who}']);
    const text = fill(t, { who }).replace("me's", 'my');
    return out(cmd(ctx, text, 0.3), { intent: 'light.reading', zone: ref.zone, value: on ? 'on' : 'off' });
  }),
  en('light.reading.person', (ctx) => {
    // A light switched for someone, said as a command: "switch the light on for the kids", "lamp off for my passenger".
    // "lights" alone is the cabin's ambient light; "lights … for <someone>" is that seat's reading light.
    const ref = seatRef(ctx, true, 0.25);
    const on = ctx.chance(0.6);
    const who = ref.zone === 'self' ? 'me' : ref.who;
    const t = on
      ? ctx.phrase(['switch the light on for {who}', 'turn the lights on for {who}', 'light on for {who}', 'lamp on for {who}', 'shine a light for {who}',
        '{who} could use a light', 'can {who} have a light', "turn {who}'s light on", 'a light please for {who}',
        'switch on a lamp for {who}', 'get a light going for {who}'])
      : ctx.phrase(['switch the light off for {who}', 'turn the lights off for {who}', 'light off for {who}', 'lamp off for {who}', 'no more light for {who}',
        "{who} doesn't need the light anymore", "turn {who}'s light off", 'shut the light off for {who}', 'put out the light for {who}',
        'the lamp can go off for {who}']);
    const text = fill(t, { who }).replace("me's", 'my').replace('me could use', 'I could use').replace('can me have', 'can I have')
      .replace("me doesn't", "I don't");
    return out(cmd(ctx, text, 0.3), { intent: 'light.reading', zone: ref.zone, value: on ? 'on' : 'off' });
  }, 0.8),
  en('light.reading.terse', (ctx) => {
    const ref = seatRef(ctx, true);
    const { head, tail } = seatNP(ctx, ref, reading(ctx), ctx.phrase(READING_PL));
    const on = ctx.chance(0.55);
    return out(`${head.replace(/^(the|my) /, ctx.pick(['', '', 'my ']))}${tail} ${on ? 'on' : 'off'}`, { intent: 'light.reading', zone: ref.zone, value: on ? 'on' : 'off' });
  }, 0.6),

  // --- ambient on/off ---
  en('light.ambient.onoff', (ctx) => {
    const on = ctx.chance(0.55);
    if (ctx.chance(0.15)) {
      // The cabin itself as what to light: "light up the cabin", "make it dark in here".
      const t = on ? ctx.phrase(['light up the cabin', 'light up the car', 'illuminate the interior', 'light the cabin up', 'illuminate the cabin',
        'get some light in the car', 'light up the inside of the car', 'light up in here', 'put some light in the cabin'])
        : ctx.phrase(['make it dark in here', 'darken the cabin', 'lights out in the car', 'black out the cabin', 'make the cabin dark',
          'I want it dark in here', 'no more lights in the cabin', 'kill the cabin lights']);
      return out(cmd(ctx, t, 0.4), { intent: 'light.ambient', zone: 'cabin', value: on ? 'on' : 'off' });
    }
    return out(cmd(ctx, onOff(ctx, `${ctx.pick(['the ', 'the ', ''])}${ambient(ctx)}`, on)), { intent: 'light.ambient', zone: 'cabin', value: on ? 'on' : 'off' });
  }, 1.5),
  en('light.ambient.want', (ctx) => {
    const on = ctx.chance(0.6);
    const x = on ? ctx.phrase(['some mood lighting', 'the ambient lights on', 'a bit of ambient light', 'the mood lights on', 'ambient lighting', 'some ambience'])
      : ctx.phrase(['the ambient lights off', 'no ambient lighting', 'the mood lighting off', 'the LED strips off', 'no mood lights']);
    return out(finish(ctx, fill(wantFrame(ctx), { x })), { intent: 'light.ambient', zone: 'cabin', value: on ? 'on' : 'off' });
  }),

  // --- ambient colour ---
  en('light.ambient_color.set', (ctx) => {
    const c = color(ctx);
    const t = ctx.phrase(['set {a} to {c}', 'change {a} to {c}', 'make {a} {c}', 'switch {a} to {c}', 'turn {a} {c}', '{a} {c}', '{a} to {c}',
      'change the color of {a} to {c}', 'set the {a} color to {c}', 'I want {a} {c}', 'make the color of {a} {c}', 'can {a} be {c}', 'paint {a} {c}',
      'go {c} with {a}', 'use {c} for {a}', 'put {a} on {c}', 'color {a} {c}']);
    return out(cmd(ctx, fill(t, { a: `${ctx.pick(['the ', 'the ', ''])}${ambient(ctx)}`, c: c.text }), 0.4), { intent: 'light.ambient_color', zone: 'cabin', value: c.value });
  }, 2),
  en('light.ambient_color.generic', (ctx) => {
    const c = color(ctx);
    const t = ctx.phrase(['make the lights {c}', 'turn the lights {c}', 'set the lights to {c}', 'change the light color to {c}', 'lights to {c}',
      '{c} lights please', 'I want {c} lighting', 'change the lighting to {c}', 'switch the color to {c}', 'make it {c} in here', 'set the color to {c}',
      'can we have {c} lighting', 'change the colour to {c}', 'set the lighting colour to {c}', 'go with {c}', '{c} lighting', "let's go {c}",
      "I'd like the interior lighting {c}", 'turn the interior lights {c}', 'can you do {c} lights', 'switch to {c} light', 'colour {c}']);
    return out(cmd(ctx, fill(t, { c: c.text }), 0.35), { intent: 'light.ambient_color', zone: 'cabin', value: c.value });
  }, 1.5),

  // --- ambient brightness ---
  en('light.ambient_brightness.ambient', (ctx) => {
    const b = brightnessChange(ctx);
    const a = `${ctx.pick(['the ', 'the ', ''])}${ambient(ctx)}`;
    return out(cmd(ctx, b.text.replace('{a}', a), 0.4), { intent: 'light.ambient_brightness', zone: 'cabin', ...(b.value !== undefined ? { value: b.value } : { delta: b.delta! }) });
  }, 1.5),
  // Weighted up: three of the four templates that change brightness by a step happen to be held out, so this one
  // carries most of what train sees of "brighter" / "dimmer".
  en('light.ambient_brightness.generic', (ctx) => {
    const b = brightnessChange(ctx);
    // The ambient light's own names too ("turn down the mood lighting" is a step, not off): the other template that
    // steps the ambient light by name is held out.
    const a = ctx.chance(0.3) ? `${ctx.pick(['the ', 'the ', ''])}${ambient(ctx)}`
      : ctx.phrase(['the lights', 'the lighting', 'the lights', 'the interior lights', 'the light', 'the cabin lighting', 'lights', 'the cabin lights', 'the inside lights']);
    return out(cmd(ctx, b.text.replace('{a}', a), 0.4),
      { intent: 'light.ambient_brightness', zone: 'cabin', ...(b.value !== undefined ? { value: b.value } : { delta: b.delta! }) });
  }, 2.5),
  en('light.ambient_brightness.level', (ctx) => {
    const p = ctx.chance(0.6) ? ctx.int(0, 10) * 10 : ctx.int(1, 100);
    const t = ctx.phrase(['brightness {p}', 'brightness to {p}', 'set brightness to {p}', 'light level {p}', 'lights at {p}', 'brightness at {p} please',
      'set the brightness to {p}', 'change the brightness to {p}', 'make the brightness {p}', 'ambient brightness {p}', 'dim to {p}', 'brightness level {p}']);
    return out(cmd(ctx, t.replace('{p}', ctx.chance(0.2) ? num(ctx, p) : percent(ctx, p)), 0.3), { intent: 'light.ambient_brightness', zone: 'cabin', value: p });
  }),

  // --- dome light ---
  en('light.dome.onoff', (ctx) => {
    const on = ctx.chance(0.55);
    return out(cmd(ctx, onOff(ctx, `${ctx.pick(['the ', 'the ', ''])}${dome(ctx)}`, on)), { intent: 'light.dome', zone: 'cabin', value: on ? 'on' : 'off' });
  }, 1.5),
  en('light.dome.with', (ctx) => {
    // The light named after "with"/"using" is the one to switch: "light the car up using the roof light" is the dome
    // light alone, "light up the car" with no light named is the ambient light.
    const kind = ctx.pick(['dome', 'dome', 'ambient']);
    const l = kind === 'dome' ? dome(ctx) : ambient(ctx);
    // (No "brighten": "brighten it up in here" is a brightness step.)
    const t = ctx.phrase(['use the {l} to light up the car', 'illuminate the interior with the {l}', 'light the place up with the {l}',
      'give us some light with the {l}', 'put some light in here with the {l}', 'light the car up using the {l}']);
    return out(cmd(ctx, fill(t, { l }), 0.4), { intent: kind === 'dome' ? 'light.dome' : 'light.ambient', zone: 'cabin', value: 'on' });
  }, 0.5),
  en('light.dome.want', (ctx) => {
    const on = ctx.chance(0.6);
    const d = dome(ctx);
    const t = on ? ctx.phrase(['I need the {d}', 'can I have the {d} on', 'give me the {d}', 'the {d} please', "let's get the {d} on", 'light up the cabin with the {d}'])
      : ctx.phrase(["I don't need the {d}", 'the {d} can go off', 'no {d} please', 'the {d} is on, turn it off', 'get rid of the {d}', 'the {d} needs to go off']);
    return out(finish(ctx, fill(t, { d })), { intent: 'light.dome', zone: 'cabin', value: on ? 'on' : 'off' });
  }),
];
