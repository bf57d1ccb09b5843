// Temperature (°C, °F, relative, per seat or group), fan, airflow and the cabin-wide climate switches in English.
import type { CorpusIntent, Template } from '../template.js';
import { cmd, en, fill, finish, onOff, out, vary, type Ctx, wantFrame } from './common.js';
import { bareF, celsius, fahrenheit, halfNum, level, num, steps } from './numbers.js';
import { rowRef, seatRef, type SeatRef } from './zones.js';

/* ------------------------------------------------------------------ temperature */

const TEMP = ['temperature', 'temp'];
const TEMP_MORE = ['cabin temperature', 'climate', 'thermostat', 'heat', 'temperature setting', 'climate control', 'heating', 'air temperature',
  'temp setting', 'target temperature', 'set point'];
const temp = (ctx: Ctx) => vary(ctx, TEMP, TEMP_MORE, 0.6);

/** Where a temperature applies, said after the sentence: " for the passenger", " in the back", " on my side". */
function tempWhere(ctx: Ctx, ref: SeatRef): { pre: string; post: string } {
  if (ref.zone === 'self') return { pre: ctx.pick(['the', 'the', 'my', 'the']), post: ref.post };
  if (!ref.plural && ref.poss && ctx.chance(0.45)) {
    const side = /side$/.test(ref.poss) || ctx.chance(0.5) ? '' : ' side';
    return { pre: `${ref.poss.replace(/'s$/, side ? '' : "'s")}${side}`, post: '' };
  }
  return { pre: 'the', post: ref.post };
}

const SIDE_WORDS: Record<string, string[]> = {
  driver: ['driver', 'driver side', "driver's side", 'my side'.replace('my', 'driver')],
  passenger: ['passenger', 'passenger side', "passenger's side", 'shotgun'],
  rear_left: ['rear left', 'back left', 'left rear', 'behind the driver'],
  rear_right: ['rear right', 'back right', 'right rear', 'behind the passenger'],
  front: ['front', 'front seats', 'up front', 'front row'],
  rear: ['back', 'rear', 'back seats', 'the kids', 'back row', 'rear seats'],
  all: ['everyone', 'all zones', 'all seats', 'whole car', 'everybody'],
  self: ['my side', 'me', 'my seat', 'for me', 'my zone'],
};

export function tempValue(ctx: Ctx): { said: string; value: number; fahrenheit?: boolean } {
  const r = ctx.random();
  if (r < 0.62) {
    const v = ctx.chance(0.75) ? ctx.int(18, 26) + (ctx.chance(0.25) ? 0.5 : 0) : ctx.int(16, 30);
    return { said: celsius(ctx, v), value: v };
  }
  if (r < 0.8) {
    const f = ctx.int(62, 82);
    return { said: fahrenheit(ctx, f), value: f, fahrenheit: true };
  }
  if (r < 0.94) {
    const f = ctx.int(60, 85);
    return { said: bareF(ctx, f), value: f };
  }
  // Out of range: kept as said, the dialogue clamps and says so.
  const v = ctx.pick([10, 12, 14, 15, 31, 32, 35, 40]);
  return { said: celsius(ctx, v), value: v };
}

const SET_TEMP = ['set {t} to {v}', 'change {t} to {v}', 'make {t} {v}', 'put {t} at {v}', 'adjust {t} to {v}', '{t} to {v}', '{t} at {v}', 'set {t} at {v}',
  'turn {t} to {v}', 'bring {t} to {v}', 'I want {t} at {v}', "I'd like {t} at {v}", 'can you set {t} to {v}', '{t} {v} please', 'set {v} for {t}',
  'keep {t} at {v}', 'change {t} over to {v}', 'go to {v} on {t}', 'make {t} a comfortable {v}', 'raise {t} to {v}', 'lower {t} to {v}',
  'drop {t} to {v}', 'bump {t} up to {v}', 'turn {t} down to {v}', '{t} should be {v}', 'can we do {v} on {t}'];
const SET_BARE = ['set it to {v}', 'make it {v}', '{v} please', 'I want {v}', "let's do {v}", '{v}', 'set {v}', 'go with {v}', "I'd like it at {v}",
  'make it {v} in here', 'can we do {v}', 'keep it at {v}', 'set the car to {v}', 'warm it up to {v}', 'cool it down to {v}', 'heat it to {v}', 'cool it to {v}'];

const WARMER = ['make it warmer', 'warmer please', 'turn up the heat', 'turn the heat up', 'warm it up', 'heat it up a bit', 'turn the temperature up',
  'turn up the temperature', 'raise the temperature', 'increase the temperature', 'bump up the temp', 'bump the temp up', 'a bit warmer', 'a little warmer',
  'slightly warmer', 'warmer', 'temperature up', 'temp up', 'make it a bit warmer', 'up the temperature', 'make it a little hotter', 'heat things up a bit',
  'can it be warmer', 'more heat', 'a touch warmer', 'make it toastier', 'nudge the temperature up', 'warm things up', 'temperature up a notch',
  'increase the heat', 'make it less cold', 'go up a degree', 'up one degree', 'warm up a bit', 'turn the thermostat up', 'kick the heat up a notch'];
const COOLER = ['make it cooler', 'cooler please', 'turn down the heat', 'turn the heat down', 'cool it down', 'cool it down a bit', 'turn the temperature down',
  'turn down the temperature', 'lower the temperature', 'decrease the temperature', 'bump down the temp', 'drop the temp', 'a bit cooler', 'a little cooler',
  'slightly cooler', 'cooler', 'colder', 'temperature down', 'temp down', 'make it a bit colder', 'make it less warm', 'cool things off a bit', 'less heat',
  'a touch cooler', 'nudge the temperature down', 'chill it a bit', 'down a degree', 'go down one degree', 'temperature down a notch', 'reduce the heat',
  'turn the thermostat down', 'cool it off', 'make it a little chillier'];
const MUCH_WARMER = ['make it much warmer', 'a lot warmer', 'much warmer', 'way warmer', 'make it a lot hotter', 'crank up the heat', 'crank the heat',
  'turn the heat way up', 'make it way hotter', 'much hotter please', 'turn the temperature up a lot', 'heat it up a lot', 'significantly warmer',
  'a lot more heat', 'warm it up a lot'];
const MUCH_COOLER = ['make it much cooler', 'a lot cooler', 'much colder', 'way cooler', 'make it a lot colder', 'turn the heat way down',
  'turn the temperature down a lot', 'cool it down a lot', 'significantly cooler', 'way colder please', 'much cooler', 'drop the temperature a lot',
  'make it way colder', 'crank the cold'];
const BY_UP = ['{k} warmer', 'make it {k} warmer', 'raise the temperature by {k}', 'turn the temperature up {k}', 'increase the temp by {k}',
  'up {k}', 'warmer by {k}', 'bump it up {k}', 'go up {k}', 'turn the heat up {k}', 'add {k}', 'temperature plus {k}', '{k} hotter'];
const BY_DOWN = ['{k} cooler', 'make it {k} colder', 'lower the temperature by {k}', 'turn the temperature down {k}', 'decrease the temp by {k}',
  'down {k}', 'cooler by {k}', 'drop it {k}', 'go down {k}', 'turn the heat down {k}', 'take off {k}', 'temperature minus {k}', '{k} colder'];
const DEGREES = ['degrees', 'degrees', 'degree', 'degrees celsius', 'degrees'];

function tempIntent(ref: SeatRef, v: { value?: number; delta?: number; fahrenheit?: boolean }): CorpusIntent {
  const it: CorpusIntent = { intent: 'hvac.temp', zone: ref.zone };
  if (v.value !== undefined) it.value = v.value;
  if (v.delta !== undefined) it.delta = v.delta;
  if (v.fahrenheit) it.fahrenheit = true;
  return it;
}

/** Appends the zone to a relative phrase ("make it warmer" + " for the passenger"), or puts it first ("in the back, …"). */
function withZone(ctx: Ctx, text: string, ref: SeatRef): string {
  if (ref.zone === 'self' && ref.post === '') return text;
  if (ctx.chance(0.15) && ref.post.startsWith(' in ')) return `${ref.post.trim()}, ${text}`;
  return `${text}${ref.post}`;
}

const temperatureTemplates: Template[] = [
  en('hvac.temp.set', (ctx) => {
    const ref = seatRef(ctx, true, 0.5);
    const w = tempWhere(ctx, ref);
    const v = tempValue(ctx);
    const t = `${w.pre} ${temp(ctx)}`.trim();
    return out(cmd(ctx, fill(ctx.phrase(SET_TEMP), { t, v: v.said }) + w.post, 0.4), tempIntent(ref, v));
  }, 3),
  en('hvac.temp.set_bare', (ctx) => {
    const ref = seatRef(ctx, true, 0.6);
    const v = tempValue(ctx);
    return out(cmd(ctx, withZone(ctx, fill(ctx.phrase(SET_BARE), { v: v.said }), ref), 0.35), tempIntent(ref, v));
  }, 2),
  en('hvac.temp.side', (ctx) => {
    // "driver side 21", "passenger 68 degrees", "back seats 22"
    const ref = seatRef(ctx, true, 0.15);
    const v = tempValue(ctx);
    const who = ref.zone === 'self' || ctx.chance(0.6) ? ctx.phrase(SIDE_WORDS[ref.zone]!) : ref.post.trim();
    const t = ctx.phrase(['{w} {v}', '{w} to {v}', '{w} at {v}', '{v} {w}', '{v} for {w}', '{w}: {v}', '{w} temperature {v}', 'temperature {w} {v}', '{w} temp {v}']);
    return out(finish(ctx, fill(t, { w: who, v: v.said }).replace(/for for /, 'for ')), tempIntent(ref, v));
  }, 1.2),
  en('hvac.temp.relative', (ctx) => {
    const ref = seatRef(ctx, true, 0.6);
    const r = ctx.random();
    if (r < 0.38) return out(cmd(ctx, withZone(ctx, ctx.phrase(WARMER), ref), 0.35), tempIntent(ref, { delta: 1 }));
    if (r < 0.76) return out(cmd(ctx, withZone(ctx, ctx.phrase(COOLER), ref), 0.35), tempIntent(ref, { delta: -1 }));
    if (r < 0.88) return out(cmd(ctx, withZone(ctx, ctx.phrase(MUCH_WARMER), ref), 0.3), tempIntent(ref, { delta: 3 }));
    return out(cmd(ctx, withZone(ctx, ctx.phrase(MUCH_COOLER), ref), 0.3), tempIntent(ref, { delta: -3 }));
  }, 2.5),
  en('hvac.temp.by', (ctx) => {
    const ref = seatRef(ctx, true, 0.6);
    const up = ctx.chance(0.5);
    // The action language has no delta below 1 (a sign is followed by 1–100), so half a degree is not offered.
    const k = ctx.pick([1, 2, 2, 3, 4, 5, 1.5, 2.5]);
    const said = k === 1.5 ? ctx.pick(['one and a half degrees', '1.5 degrees', 'a degree and a half'])
      : k === 2.5 ? ctx.pick(['two and a half degrees', '2.5 degrees'])
      : steps(ctx, k, DEGREES);
    return out(cmd(ctx, withZone(ctx, fill(ctx.phrase(up ? BY_UP : BY_DOWN), { k: said }), ref), 0.35), tempIntent(ref, { delta: up ? k : -k }));
  }, 1.5),
  en('hvac.temp.heat_zone', (ctx) => {
    // "make it warmer for the kids", "warm up the back", "cool down the front a bit"
    const ref = seatRef(ctx, true, 0);
    const up = ctx.chance(0.5);
    if ((ref.zone === 'front' || ref.zone === 'rear') && ctx.chance(0.5)) {
      const area = ref.zone === 'front' ? ctx.pick(['the front', 'up front', 'the front row']) : ctx.pick(['the back', 'the rear', 'the back row', 'back there']);
      const t = up ? ctx.phrase(['warm up {a}', 'heat up {a} a bit', 'warm {a} up', 'make {a} warmer', 'get {a} warmer'])
        : ctx.phrase(['cool down {a}', 'cool {a} off a bit', 'cool {a} down', 'make {a} cooler', 'get {a} cooler']);
      return out(cmd(ctx, fill(t, { a: area }).replace(/ up up front/, ' things up up front'), 0.3), tempIntent(ref, { delta: up ? 1 : -1 }));
    }
    const t = up ? ctx.phrase(['make it warmer for {z}', 'more heat for {z}', 'warm things up for {z}', 'raise the temperature for {z}', 'a bit warmer for {z}', 'heat it up for {z}'])
      : ctx.phrase(['make it cooler for {z}', 'less heat for {z}', 'cool things down for {z}', 'lower the temperature for {z}', 'a bit cooler for {z}', 'cool it down for {z}']);
    return out(cmd(ctx, fill(t, { z: ref.who }), 0.3), tempIntent(ref, { delta: up ? 1 : -1 }));
  }),
  en('hvac.temp.half', (ctx) => {
    // Decimals and halves on their own: "22.5", "twenty one and a half degrees"
    const ref = seatRef(ctx, true, 0.7);
    const v = ctx.int(17, 27) + 0.5;
    const said = `${halfNum(ctx, v)}${ctx.pick(['', ' degrees', ' degrees', ' °C'])}`.replace(/^(\d+\.5) °C/, '$1°C');
    const t = ctx.phrase(['set the temperature to {v}', 'temperature {v}', 'make it {v}', '{v} please', 'temp {v}', 'set it at {v}', 'go to {v}']);
    return out(cmd(ctx, withZone(ctx, fill(t, { v: said }), ref), 0.3), tempIntent(ref, { value: v }));
  }, 0.8),
];

/* ------------------------------------------------------------------ fan */

const FAN = ['fan', 'fan speed'];
const FAN_MORE = ['blower', 'air flow speed', 'ventilation fan', 'fan level', 'blower speed', 'climate fan', 'vents', 'air blower', 'fan power', 'AC fan', 'blower fan', 'fan setting'];
const fan = (ctx: Ctx) => vary(ctx, FAN, FAN_MORE, 0.55);

function fanNP(ctx: Ctx): { np: string; zone: CorpusIntent['zone']; tail: string } {
  const row = rowRef(ctx);
  const f = fan(ctx);
  if (row.poss !== null && (row.zone === 'self' || ctx.chance(0.5))) return { np: `${row.poss} ${f}`.trim(), zone: row.zone, tail: row.zone === 'self' ? row.post : '' };
  return { np: `the ${f}`, zone: row.zone, tail: row.post };
}

const fanTemplates: Template[] = [
  en('hvac.fan.onoff', (ctx) => {
    const { np, zone, tail } = fanNP(ctx);
    const on = ctx.chance(0.5);
    return out(cmd(ctx, onOff(ctx, np, on, true) + tail), { intent: 'hvac.fan', zone, value: on ? 'on' : 'off' });
  }, 1.5),
  en('hvac.fan.level', (ctx) => {
    const { np, zone, tail } = fanNP(ctx);
    const n = ctx.beyondRange(7, 20) ?? (ctx.chance(0.05) ? 0 : ctx.int(1, 7));
    const t = ctx.phrase(['set {f} to {n}', '{f} to {n}', 'put {f} on {n}', 'turn {f} to {n}', 'change {f} to {n}', '{f} {n}', '{f} on {n}', 'set {f} at {n}',
      'make {f} {n}', 'adjust {f} to {n}', 'I want {f} on {n}', 'switch {f} to {n}', 'run {f} at {n}', '{f} at {n} please', 'bring {f} to {n}', 'drop {f} to {n}',
      'raise {f} to {n}']);
    return out(cmd(ctx, fill(t, { f: np, n: level(ctx, n) }) + tail, 0.35), { intent: 'hvac.fan', zone, value: n });
  }, 1.5),
  en('hvac.fan.max', (ctx) => {
    const { np, zone, tail } = fanNP(ctx);
    const t = ctx.phrase(['{f} to max', 'max out {f}', '{f} on full', 'turn {f} all the way up', '{f} on full blast', 'crank {f} all the way', 'full blast on {f}',
      'set {f} to maximum', '{f} to the highest setting', '{f} on high', 'put {f} on max', 'run {f} at full speed', '{f} as high as it goes', 'blast {f}']);
    return out(cmd(ctx, fill(t, { f: np }) + tail, 0.35), { intent: 'hvac.fan', zone, value: 'max' });
  }),
  en('hvac.fan.delta', (ctx) => {
    const { np, zone, tail } = fanNP(ctx);
    const up = ctx.chance(0.55);
    if (ctx.chance(0.2)) {
      const k = ctx.int(2, 3);
      const t = ctx.phrase(up ? ['turn {f} up {k}', '{f} up {k}', 'raise {f} by {k}', 'increase {f} by {k}'] : ['turn {f} down {k}', '{f} down {k}', 'lower {f} by {k}', 'decrease {f} by {k}']);
      return out(cmd(ctx, fill(t, { f: np, k: steps(ctx, k, ['levels', 'notches', 'steps', 'speeds']) }) + tail, 0.3), { intent: 'hvac.fan', zone, delta: up ? k : -k });
    }
    const t = up
      ? ctx.phrase(['turn {f} up', 'turn up {f}', '{f} up', 'increase {f}', 'raise {f}', 'speed up {f}', '{f} faster', 'make {f} stronger', 'bump up {f}',
        '{f} up a notch', 'a little more {f}', 'crank up {f} a bit', '{f} higher', 'more {f}', 'step up {f}'])
      : ctx.phrase(['turn {f} down', 'turn down {f}', '{f} down', 'decrease {f}', 'lower {f}', 'slow down {f}', '{f} slower', 'make {f} weaker', 'bump down {f}',
        '{f} down a notch', 'a little less {f}', 'ease off {f}', '{f} lower', 'less {f}', 'quiet {f} down', 'make {f} quieter']);
    return out(cmd(ctx, fill(t, { f: np }) + tail, 0.35), { intent: 'hvac.fan', zone, delta: up ? 1 : -1 });
  }, 1.5),
  en('hvac.fan.air', (ctx) => {
    // "more air", "blow harder", "less air in the back"
    const row = rowRef(ctx, 0.7);
    const up = ctx.chance(0.55);
    const t = up ? ctx.phrase(['more air', 'blow harder', 'I need more air', 'give me more air', 'more airflow', 'stronger airflow', 'increase the airflow', 'more breeze'])
      : ctx.phrase(['less air', 'blow softer', "that's too much air", 'reduce the airflow', 'less airflow', 'weaker airflow', 'not so much air', 'less breeze']);
    return out(cmd(ctx, `${t}${row.post}`, 0.3),
      { intent: 'hvac.fan', zone: row.zone, delta: up ? 1 : -1 });
  }, 0.8),
];

/* ------------------------------------------------------------------ airflow */

const AIRFLOW: [string, string[]][] = [
  ['face', ['face', 'my face', 'the face vents', 'the upper vents', 'the dash vents', 'the face', 'face level', 'upper body', 'the front vents', 'the chest']],
  ['feet', ['feet', 'my feet', 'the feet', 'the floor', 'the footwell', 'the floor vents', 'the foot vents', 'my legs', 'down low', 'the foot area']],
  ['face_feet', ['face and feet', 'face and floor', 'both face and feet', 'bi-level', 'head and feet', 'upper and lower vents', 'the face and the feet',
    'feet and face', 'top and bottom', 'both levels', 'body and feet']],
  ['windshield_feet', ['windshield and feet', 'windscreen and feet', 'windshield and floor', 'the windshield and the footwell', 'floor and windshield',
    'feet and windshield', 'defrost and floor', 'the glass and the feet', 'windscreen and floor', 'screen and feet']],
];

const airflowTemplates: Template[] = [
  en('hvac.airflow.set', (ctx) => {
    const row = rowRef(ctx);
    const [value, words] = ctx.pick(AIRFLOW);
    const where = ctx.chance(0.5) ? words[0]! : ctx.phrase(words);
    const noun = ctx.phrase(['air', 'airflow', 'air flow', 'the air', 'the airflow', 'the vents', 'air distribution', 'the blower', 'air direction']);
    const rowWord = row.zone !== 'self' && row.poss !== null && ctx.chance(0.5) ? `${row.poss.replace(/^the /, '')} ` : '';
    const t = ctx.phrase(['point {n} at {w}', 'direct {n} to {w}', 'send {n} to {w}', '{n} to {w}', 'set {n} to {w}', 'blow {n} on {w}', 'switch {n} to {w}',
      'change {n} to {w}', 'I want {n} on {w}', 'aim {n} at {w}', 'put {n} on {w}', '{n} on {w}', 'blow on {w}', 'airflow mode {w}', 'use {w} mode']);
    const np = rowWord ? `the ${rowWord}${noun.replace(/^the /, '')}` : noun;
    const named = rowWord && t.includes('{n}');
    return out(cmd(ctx, fill(t, { n: np, w: where }) + (named ? '' : row.post), 0.35), { intent: 'hvac.airflow', zone: row.zone, value });
  }, 2),
  en('hvac.airflow.only', (ctx) => {
    const row = rowRef(ctx, 0.7);
    const [value, words] = ctx.pick(AIRFLOW.slice(0, 3));
    const w = value === 'face' ? ctx.pick(['my face', 'the face', 'face']) : value === 'feet' ? ctx.pick(['my feet', 'the floor', 'my legs', 'feet']) : ctx.phrase(words);
    const t = ctx.phrase(['air on {w} only', 'just {w}', 'only blow on {w}', 'blow at {w}', 'air at {w} please', 'just the {x} vents', 'only {w} please']);
    const x = value === 'face' ? 'upper' : value === 'feet' ? 'floor' : 'face and floor';
    return out(cmd(ctx, fill(t, { w, x }) + row.post, 0.3), { intent: 'hvac.airflow', zone: row.zone, value });
  }),
];

/* ------------------------------------------------------------------ cabin switches */

interface Switch {
  intent: string;
  core: string[];
  more: string[];
  /** Whole sentences that mean on/off without a switch word. */
  on: string[];
  off: string[];
}

const SWITCHES: Switch[] = [
  {
    intent: 'hvac.ac',
    core: ['the AC', 'the A/C', 'the air conditioning'],
    more: ['AC', 'A/C', 'air conditioning', 'the air con', 'the aircon', 'the compressor', 'the air conditioner', 'the cooling', 'the a.c.', 'air con',
      'the AC compressor', 'AC cooling', 'the air-conditioning'],
    on: ['I need some AC', 'get the AC going', 'cool us down with the AC', 'can we have the air conditioning', 'AC please', 'A/C on', 'blast the AC',
      'we need air conditioning', 'put the AC on', 'air con on'],
    off: ["we don't need the AC", 'no more AC', 'AC off', 'A/C off please', 'turn the compressor off', 'no air conditioning', 'kill the AC',
      'stop the air conditioning', 'enough AC'],
  },
  {
    intent: 'hvac.recirc',
    core: ['recirculation', 'the recirculation'],
    more: ['recirc', 'air recirculation', 'recirculation mode', 'the recirc', 'recirculate', 'inside air mode', 'the recirculation button', 'recycled air',
      'recirculated air', 'air recirculation mode', 'cabin air recirculation', 'closed loop air'],
    on: ['recirculate the air', 'use inside air', 'stop pulling in outside air', 'close the outside air', 'keep the outside air out', 'switch to inside air',
      "don't let outside air in", 'block the outside air', 'recirculate', 'cabin air only'],
    off: ['use fresh air', 'switch to fresh air', 'fresh air mode', 'bring in outside air', 'let outside air in', 'use outside air', 'fresh air please',
      'stop recirculating', 'outside air mode', 'pull in fresh air'],
  },
  {
    intent: 'hvac.defrost_front',
    core: ['the front defrost', 'the windshield defroster', 'front defrost'],
    more: ['the front defroster', 'the windscreen demister', 'the front demister', 'windshield defrost', 'the defroster', 'front defog', 'the windshield defogger',
      'the defogger', 'the defrost', 'windscreen defrost', 'the front window defroster', 'max defrost', 'the windshield heater', 'front demist'],
    on: ['defrost the windshield', 'defog the windshield', 'clear the windshield', 'demist the windscreen', 'clear the front window', 'defog the front glass',
      'get the fog off the windshield', 'clear up the windscreen', 'defrost the front window', 'demist the front'],
    off: ['stop defrosting the windshield', 'the windshield is clear now, turn off the defrost', 'windshield is clear, stop the defroster', 'no more front defrost'],
  },
  {
    intent: 'hvac.defrost_rear',
    core: ['the rear defrost', 'the rear window defroster', 'rear defrost'],
    more: ['the rear defroster', 'the rear demister', 'the back window heater', 'the heated rear window', 'the rear defogger', 'rear window heating',
      'the back defroster', 'the rear window heater', 'back window defrost', 'rear defog', 'the rear screen heater', 'the back demister'],
    on: ['defrost the rear window', 'defog the back window', 'clear the rear window', 'demist the rear windscreen', 'heat the back window',
      'clear the back glass', 'defrost the back window', 'defog the rear glass'],
    off: ['stop heating the rear window', 'the back window is clear, stop the defroster', 'no more rear defrost', 'stop defrosting the back window'],
  },
  {
    intent: 'hvac.auto',
    core: ['auto mode', 'automatic climate control', 'auto climate'],
    more: ['the auto mode', 'automatic mode', 'climate auto', 'auto', 'the auto climate', 'automatic climate', 'the automatic setting', 'auto AC',
      'automatic temperature control', 'auto climate mode', 'the auto function', 'climate auto mode'],
    on: ['put the climate on auto', 'set the climate to automatic', 'let the car handle the climate', 'go to auto', 'climate on automatic',
      'set the air to auto', 'just put it on auto', 'let it regulate itself', 'automatic please', 'switch the climate to auto'],
    off: ['take the climate off auto', 'switch to manual climate', 'manual mode', 'go manual on the climate', 'no auto mode', 'climate to manual',
      'take it off auto', "I'll control the climate myself"],
  },
  {
    intent: 'hvac.sync',
    core: ['sync', 'temperature sync', 'climate sync'],
    more: ['sync mode', 'the sync', 'zone sync', 'dual zone sync', 'the sync function', 'temperature syncing', 'zone syncing', 'climate syncing', 'sync button',
      'temperature linking', 'the zone link'],
    on: ['sync the temperatures', 'sync all zones', 'link the zones', 'same temperature everywhere', 'use one temperature for everyone', 'sync the climate zones',
      'match all zones to the driver', 'make all zones the same', 'sync the passenger side to mine', 'link all the temperatures'],
    off: ['unsync the temperatures', 'unlink the zones', 'separate zones', 'let everyone set their own temperature', 'split the zones', 'dual zone mode',
      'desync the climate', 'individual zones please', 'stop syncing the zones', 'decouple the temperatures'],
  },
  {
    intent: 'hvac.power',
    core: ['the climate', 'the climate control', 'climate control'],
    more: ['the climate system', 'the HVAC', 'HVAC', 'the heating and cooling', 'the whole climate system', 'climate', 'the climate unit', 'the heater and AC',
      'the air system', 'the climate control system', 'the entire climate', 'climate control system', 'the HVAC system'],
    on: ['start the climate', 'climate on', 'turn the climate back on', 'get the climate running', 'power up the climate', 'climate control on please',
      'wake up the climate', 'switch the HVAC on', 'I want the climate on'],
    off: ['turn everything climate-wise off', 'climate off', 'shut down the climate', 'power down the HVAC', 'climate control off', 'kill the climate',
      'switch off all the heating and cooling', 'no climate please', 'I want the climate off'],
  },
];

function switchTemplates(s: Switch): Template[] {
  const key = s.intent.slice('hvac.'.length);
  const noun = (ctx: Ctx) => vary(ctx, s.core, s.more, 0.5);
  return [
    en(`hvac.${key}.onoff`, (ctx) => {
      const on = ctx.chance(0.55);
      return out(cmd(ctx, onOff(ctx, noun(ctx), on, true)), { intent: s.intent, zone: 'cabin', value: on ? 'on' : 'off' });
    }, 1.5),
    en(`hvac.${key}.phrase`, (ctx) => {
      const on = ctx.chance(0.55);
      return out(cmd(ctx, ctx.phrase(on ? s.on : s.off), 0.4), { intent: s.intent, zone: 'cabin', value: on ? 'on' : 'off' });
    }),
    en(`hvac.${key}.want`, (ctx) => {
      const on = ctx.chance(0.55);
      const n = noun(ctx);
      const x = `${n} ${on ? ctx.pick(['on', 'on', 'turned on', 'running', 'switched on']) : ctx.pick(['off', 'off', 'turned off', 'switched off'])}`;
      const t = ctx.chance(0.7) ? fill(wantFrame(ctx), { x }) : `${x}${ctx.pick(['', ' please', ' now', ', thanks'])}`;
      return out(finish(ctx, t), { intent: s.intent, zone: 'cabin', value: on ? 'on' : 'off' });
    }, 0.8),
  ];
}

export const climateTemplates: Template[] = [...temperatureTemplates, ...fanTemplates, ...airflowTemplates, ...SWITCHES.flatMap(switchTemplates)];
export { SWITCHES };
