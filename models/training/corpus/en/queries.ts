// Questions about the cabin's state: which feature, and where (seat, row or cabin) in English.
import type { Template } from '../template.js';
import { en, fill, out, vary, type Ctx } from './common.js';
import { rowRef, seatNP, seatRef } from './zones.js';

function ask(ctx: Ctx, text: string): string {
  const pre = ctx.chance(0.25) ? ctx.phrase(['hey car, ', 'um, ', 'quick question, ', 'can you tell me ', 'do you know ', 'tell me, ', 'hey, ', 'so ', 'just checking, ', 'remind me, ']) : '';
  const t = `${pre}${text}`.replace(/^(can you tell me|do you know) (is|are) (.+)$/, '$1 if $3 $2');
  const cased = ctx.chance(0.45) ? t.charAt(0).toUpperCase() + t.slice(1) : t;
  return cased + (ctx.chance(0.55) ? '?' : '');
}

const SEAT_FEATURES: [string, string[], string[]][] = [
  ['seat.heat', ['seat heater', 'seat heating', 'heated seat', 'seat warmer', 'seat heat'], ['seat heaters', 'heated seats', 'seat heating']],
  ['seat.vent', ['seat ventilation', 'seat cooling', 'cooled seat', 'ventilated seat', 'seat fan'], ['seat vents', 'cooled seats', 'ventilated seats']],
  ['seat.massage', ['massage', 'seat massage', 'massager', 'massage function', 'back massage'], ['massagers', 'massage seats', 'massage']],
  ['light.reading', ['reading light', 'reading lamp', 'map light', 'book light'], ['reading lights', 'reading lamps']],
];

const CABIN_FEATURES: [string, string[]][] = [
  ['light.ambient', ['are the ambient lights on', 'is the ambient lighting on', 'is the mood lighting on', 'are the mood lights switched on', 'is ambient light on',
    'are the LED strips on', 'is the ambient light turned on', 'ambient lights on or off']],
  ['light.ambient_color', ['what colour are the lights', 'what color is the ambient light', 'which color is the mood lighting', 'what color are the lights set to',
    "what's the ambient color", 'what colour is the lighting', 'which colour are the ambient lights', 'what color is it set to in here', 'what color lights do we have']],
  ['light.ambient_brightness', ['how bright are the lights', "what's the brightness", 'what is the ambient brightness', 'how bright is the ambient light',
    'what brightness are the lights at', 'what level is the lighting at', 'how dim are the lights', "what's the light level"]],
  ['light.dome', ['is the dome light on', 'is the ceiling light on', 'is the interior light on', 'did I leave the dome light on', 'is the cabin light switched on',
    'is the roof light on', 'is the overhead light on']],
  ['hvac.ac', ['is the AC on', 'is the A/C running', 'is the air conditioning on', 'is the air con on', 'is the compressor running', 'is AC on',
    'did you turn on the air conditioning', 'is the AC switched on']],
  ['hvac.recirc', ['is recirculation on', 'is the recirc on', 'are we on recirculate', 'is it using inside air', 'are we recirculating the air',
    'is the air recirculating', 'is fresh air mode on', 'is recirculation active']],
  ['hvac.defrost_front', ['is the front defrost on', 'is the windshield defroster running', 'is the defroster on', 'is the front demister on',
    'is the windscreen defrost on', 'is defrost on']],
  ['hvac.defrost_rear', ['is the rear defrost on', 'is the rear window heater on', 'is the back defroster running', 'is the heated rear window on',
    'is the rear demister on', 'is rear defrost active']],
  ['hvac.auto', ['is auto mode on', 'is the climate on auto', 'is it in automatic mode', 'is automatic climate control on', 'is the AC on auto',
    'are we in auto', 'is auto climate active']],
  ['hvac.sync', ['is sync on', 'are the zones synced', 'is temperature sync on', 'are the temperatures linked', 'is the climate synced',
    'are all zones synchronized', 'is dual zone sync on']],
  ['hvac.power', ['is the climate on', 'is the climate control on', 'is the HVAC running', 'is the climate system on', 'is climate control switched on',
    'is the heating and cooling on', 'is the climate running']],
];

const TEMP_Q = ["what's the temperature{w}", 'what is the temperature set to{w}', 'what temperature is it set to{w}', 'how warm is it set{w}',
  "what's the temp{w}", 'what is the temp{w}', 'what temperature is{w2}', 'how hot is it set{w}', "what's the thermostat at{w}", 'what temperature did you set{w}',
  'what is{w2} set to', 'how cold is it set{w}', 'what temp is{w2} at', 'temperature{w}', 'current temperature setting{w}'];
const FAN_Q = ["what's the fan speed", 'how fast is the fan', 'what level is the fan on', 'what speed is the fan at', 'is the fan on', 'what is the fan set to',
  'how high is the fan', "what's the blower at", 'fan speed', 'is the blower running'];
const AIRFLOW_Q = ['where is the air blowing', "what's the airflow mode", 'where is the air going', 'which vents are on', 'what airflow setting is on',
  'is the air going to the feet', 'where is the air coming out', 'what is the air distribution', 'is the air on my face', 'what vent mode is it in'];
const RECLINE_Q = ['how far is {o} reclined', "what's the recline on {o}", 'how reclined is {o}', 'what angle is {o} at', 'is {o} upright',
  'what is the backrest position of {o}', 'how far back is the backrest of {o}'];
const SLIDE_Q = ['how far back is {o}', 'where is {o} positioned', 'what is the slide position of {o}', 'how far forward is {o}', "what's the position of {o}",
  'is {o} all the way back'];

export const queryTemplates: Template[] = [
  en('query.seat_feature', (ctx) => {
    const [feature, sg, pl] = ctx.pick(SEAT_FEATURES);
    const ref = seatRef(ctx, true, 0.45);
    const { head, tail } = seatNP(ctx, ref, ctx.phrase(sg), ctx.phrase(pl));
    const be = ref.plural ? 'are' : 'is';
    const t = ctx.phrase(['{be} {np} on{t}', '{be} {np} switched on{t}', 'what level is {np} at{t}', "what's {np} set to{t}", '{be} {np} running{t}',
      'did I leave {np} on{t}', 'what setting is {np} on{t}', 'how high is {np}{t}', 'check {np}{t}', '{np}{t}, on or off', 'what is {np} at{t}', 'status of {np}{t}',
      '{be} {np} still on{t}']);
    const text = fill(t, { np: head, t: tail, be });
    const levelish = /level|set|setting|high|at\b/.test(t);
    if (feature === 'light.reading' && levelish) return out(ask(ctx, `is ${head} on${tail}`), { intent: 'query', zone: ref.zone, feature });
    return out(ask(ctx, text), { intent: 'query', zone: ref.zone, feature });
  }, 2),
  en('query.temp', (ctx) => {
    const ref = seatRef(ctx, true, 0.45);
    const t = ctx.phrase(TEMP_Q);
    const w = ref.zone === 'self' ? (ctx.chance(0.4) ? ctx.pick([' in here', ' for me', ' on my side', ' here', ' at my seat']) : '') : ref.post;
    const w2 = ref.zone === 'self' ? ctx.pick([' it', ' mine', ' my side', ' my zone']) : ` ${ref.post.replace(/^ (for|in|on) /, '').replace(/^the /, 'the ')}`;
    return out(ask(ctx, fill(t, { w, w2 }).replace(/is it ([a-z]+) up front/, 'is it $1 up front')), { intent: 'query', zone: ref.zone, feature: 'hvac.temp' });
  }, 1.5),
  en('query.row', (ctx) => {
    const row = rowRef(ctx, 0.55);
    const airflow = ctx.chance(0.4);
    const base = ctx.phrase(airflow ? AIRFLOW_Q : FAN_Q);
    // The row goes in front of "the fan" only where the question says "the fan": "fan speed" with the row dropped
    // would label a bare question with a row (v21's generator found one such pair, "fan speed" → self and → rear).
    const poss = row.zone !== 'self' && !airflow && /the (fan|blower)/.test(base) && ctx.chance(0.5) ? row.poss : null;
    const text = poss ? base.replace(/the (fan|blower)/, `${poss} $1`) : `${base}${row.post}`;
    return out(ask(ctx, text.replace(/^(fan speed)$/, 'fan speed')), { intent: 'query', zone: row.zone, feature: airflow ? 'hvac.airflow' : 'hvac.fan' });
  }),
  en('query.seat_position', (ctx) => {
    const ref = seatRef(ctx, false, 0.5);
    const recline = ctx.chance(0.5);
    const o = ref.zone === 'self' ? ctx.pick(['my seat', 'my seat', 'the seat']) : ref.obj;
    return out(ask(ctx, fill(ctx.phrase(recline ? RECLINE_Q : SLIDE_Q), { o })), { intent: 'query', zone: ref.zone, feature: recline ? 'seat.recline' : 'seat.slide' });
  }, 0.8),
  en('query.cabin', (ctx) => {
    const [feature, qs] = ctx.pick(CABIN_FEATURES);
    return out(ask(ctx, vary(ctx, qs.slice(0, 2), qs, 0.3)), { intent: 'query', zone: 'cabin', feature });
  }, 2),
];
