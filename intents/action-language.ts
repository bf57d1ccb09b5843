// The short action language the Cabin LM emits: its tokens, its grammar (for constrained decoding) and its mapping to intents.
import { FEATURES, INTENTS, ZONES, ZONES_BY_KIND, intentSpec, type Intent, type IntentSpec, type Zone } from './catalog.js';
import { temperatureToCelsius } from './units.js';

/*
 * An utterance's intents are a token sequence, intents separated by `;`:
 *   hvac.temp @self delta= + 2 ; seat.heat @driver value= on
 *   hvac.temp @rear value= 72 F          (number kept as said; F converts; 60–90 alone is °F too)
 *   hvac.temp @self value= 22 .5         (halves are a separate token)
 *   query @rear feature= hvac.temp
 *   followup @passenger                  followup more= true                followup value= off
 * The empty sequence means "no intent" (a request outside the catalog). Numbers 0–100 are single tokens.
 */

export const SEP = ';';
export const HALF = '.5';
export const FAHRENHEIT = 'F';
export const FIELD_TOKENS = ['value=', 'delta=', 'feature=', 'more='] as const;
export const NUMBER_TOKENS = Array.from({ length: 101 }, (_, i) => String(i));
export const SIGN_TOKENS = ['+', '-'] as const;
const zoneToken = (z: Zone) => `@${z}`;
export const ZONE_TOKENS = ZONES.map(zoneToken);

const KEYWORDS = [...new Set(INTENTS.flatMap((i) => i.value?.keywords ?? []))];

/** Every token of the action language, in a fixed order (the model's output vocabulary is built from it). */
export const ACTION_TOKENS: readonly string[] = [
  ...INTENTS.map((i) => i.name),
  ...ZONE_TOKENS,
  ...FIELD_TOKENS,
  ...KEYWORDS,
  'true',
  'false',
  ...SIGN_TOKENS,
  ...NUMBER_TOKENS,
  HALF,
  FAHRENHEIT,
  SEP,
];

/** Most intents one utterance may chain; a guard against runaway decoding. */
export const MAX_INTENTS = 6;

function formatNumber(n: number): string[] {
  const abs = Math.abs(n);
  const whole = Math.floor(abs);
  if (whole > 100 || Math.round((abs - whole) * 2) / 2 !== abs - whole) throw new RangeError(`number ${n} cannot be expressed`);
  return abs - whole === 0.5 ? [String(whole), HALF] : [String(whole)];
}

/** Tokens for a list of intents (the training target). Temperatures must be given as said (see `fahrenheit`). */
export function formatActions(intents: readonly (Intent & { fahrenheit?: boolean })[]): string[] {
  const out: string[] = [];
  intents.forEach((it, k) => {
    if (k > 0) out.push(SEP);
    out.push(it.intent);
    if (it.zone) out.push(zoneToken(it.zone));
    if (it.feature !== undefined) out.push('feature=', it.feature);
    if (it.value !== undefined) {
      out.push('value=');
      if (typeof it.value === 'number') out.push(...formatNumber(it.value));
      else out.push(it.value);
      if (it.fahrenheit) out.push(FAHRENHEIT);
    }
    if (it.delta !== undefined) out.push('delta=', it.delta < 0 ? '-' : '+', ...formatNumber(it.delta));
    if (it.more !== undefined) out.push('more=', String(it.more));
  });
  return out;
}

type Phase =
  | { at: 'start' }
  | { at: 'intent'; spec: IntentSpec }
  | { at: 'zone'; spec: IntentSpec; fields: Set<string> }
  | { at: 'field'; spec: IntentSpec; field: string; fields: Set<string> }
  | { at: 'sign'; spec: IntentSpec; fields: Set<string> }
  | { at: 'number'; spec: IntentSpec; field: string; fields: Set<string>; half: boolean; unit: boolean };

/** Fields an intent may still take after `fields`, in the order the language writes them. */
function nextFields(spec: IntentSpec, fields: Set<string>): string[] {
  if (spec.name === 'query') return fields.has('feature=') ? [] : ['feature='];
  if (spec.name === 'followup') {
    const out: string[] = [];
    if (!fields.has('value=') && !fields.has('more=')) out.push('value=');
    if (!fields.has('more=')) out.push('more=');
    return out;
  }
  if (fields.size > 0) return [];
  const out: string[] = [];
  if (spec.value) out.push('value=');
  if (spec.deltaStep !== undefined) out.push('delta=');
  return out;
}

/** Whether an intent may end here (every intent needs its value/delta; a followup needs something). */
function canEnd(spec: IntentSpec, fields: Set<string>, hasZone: boolean): boolean {
  if (spec.zone === 'none' && spec.name !== 'followup') return true;
  if (spec.name === 'followup') return fields.size > 0 || hasZone;
  return fields.size > 0;
}

const END = '<end>';

/**
 * Walks a token prefix and returns the tokens the grammar allows next (`<end>` when the sequence may stop),
 * or null when the prefix itself is invalid. The constrained decoder masks every other token.
 */
export function allowedNext(prefix: readonly string[]): string[] | null {
  let phase: Phase = { at: 'start' };
  let intents = 0;
  let hasZone = false;
  for (const tok of prefix) {
    const allowed = allowedIn(phase, intents, hasZone);
    if (!allowed.includes(tok)) return null;
    if (tok === SEP) {
      phase = { at: 'start' };
      hasZone = false;
      continue;
    }
    phase = step(phase, tok);
    if (phase.at === 'intent') intents++;
    if (tok.startsWith('@')) hasZone = true;
  }
  return allowedIn(phase, intents, hasZone);
}

function valueTokens(spec: IntentSpec): string[] {
  if (spec.name === 'followup') return ['on', 'off', 'max', ...NUMBER_TOKENS];
  const v = spec.value!;
  return [...v.keywords, ...(v.numeric ? NUMBER_TOKENS : [])];
}

function allowedIn(phase: Phase, intents: number, hasZone: boolean): string[] {
  const endOfIntent = intents < MAX_INTENTS ? [SEP, END] : [END];
  switch (phase.at) {
    case 'start':
      return intents === 0 ? [...INTENTS.map((i) => i.name), END] : INTENTS.map((i) => i.name);
    case 'intent': {
      const { spec } = phase;
      if (spec.name === 'followup') return [...ZONES_BY_KIND['seat-or-group'].map(zoneToken), 'value=', 'more='];
      if (spec.zone === 'none') return endOfIntent;
      return ZONES_BY_KIND[spec.zone].map(zoneToken);
    }
    case 'zone':
      return [...nextFields(phase.spec, phase.fields), ...(canEnd(phase.spec, phase.fields, hasZone) ? endOfIntent : [])];
    case 'field':
      if (phase.field === 'feature=') return FEATURES;
      if (phase.field === 'more=') return ['true', 'false'];
      if (phase.field === 'delta=') return [...SIGN_TOKENS];
      return valueTokens(phase.spec);
    case 'sign':
      return NUMBER_TOKENS.slice(1);
    case 'number': {
      const p = phase;
      const halves = p.spec.name === 'hvac.temp' || p.spec.name === 'followup';
      const extra: string[] = [];
      if (halves && !p.half && !p.unit) extra.push(HALF);
      if (p.spec.name === 'hvac.temp' && p.field === 'value=' && !p.unit) extra.push(FAHRENHEIT);
      return [...extra, ...nextFields(p.spec, p.fields), ...(canEnd(p.spec, p.fields, hasZone) ? endOfIntent : [])];
    }
  }
}

function step(phase: Phase, tok: string): Phase {
  switch (phase.at) {
    case 'start':
      return { at: 'intent', spec: intentSpec(tok)! };
    case 'intent':
      if (tok.startsWith('@')) return { at: 'zone', spec: phase.spec, fields: new Set() };
      return { at: 'field', spec: phase.spec, field: tok, fields: new Set([tok]) };
    case 'zone':
      return { at: 'field', spec: phase.spec, field: tok, fields: new Set([...phase.fields, tok]) };
    case 'field':
      if (tok === '+' || tok === '-') return { at: 'sign', spec: phase.spec, fields: phase.fields };
      if (/^\d+$/.test(tok)) return { at: 'number', spec: phase.spec, field: phase.field, fields: phase.fields, half: false, unit: false };
      return { at: 'zone', spec: phase.spec, fields: phase.fields };
    case 'sign':
      return { at: 'number', spec: phase.spec, field: 'delta=', fields: phase.fields, half: false, unit: false };
    case 'number':
      if (tok === HALF) return { ...phase, half: true };
      if (tok === FAHRENHEIT) return { ...phase, unit: true };
      return { at: 'field', spec: phase.spec, field: tok, fields: new Set([...phase.fields, tok]) };
  }
}

export const END_TOKEN = END;

/**
 * The intents with exact repeats dropped, first occurrence kept. A model sometimes says one intent twice in a long
 * sentence ("… mine gets 21, the passenger gets 24" → passenger 24, passenger 24); no training label repeats an
 * intent, and a repeated delta would be applied twice.
 */
export function withoutRepeats(intents: readonly Intent[]): Intent[] {
  const seen = new Set<string>();
  return intents.filter((i) => {
    const key = JSON.stringify(Object.entries(i).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Intents from a complete, grammatical token sequence. Temperatures are converted to °C here
 * (°F when marked or when 60–90), so everything downstream sees the car's units. A whole number above
 * 100 stands where the grammar takes a number: the model cannot write one, but the runtime puts back a
 * number said above 100 that the model could write only the first digits of (models/runtime/said-numbers.ts).
 */
export function parseActions(tokens: readonly string[]): Intent[] {
  const grammatical = tokens.map((t) => (/^\d+$/.test(t) && Number(t) > 100 ? '100' : t));
  if (allowedNext(grammatical)?.includes(END) !== true) throw new SyntaxError(`not a complete action sequence: ${tokens.join(' ')}`);
  const out: Intent[] = [];
  let i = 0;
  while (i < tokens.length) {
    const it: Intent = { intent: tokens[i++]! };
    let fahrenheit = false;
    while (i < tokens.length && tokens[i] !== SEP) {
      const tok = tokens[i++]!;
      if (tok.startsWith('@')) it.zone = tok.slice(1) as Zone;
      else if (tok === 'feature=') it.feature = tokens[i++]!;
      else if (tok === 'more=') it.more = tokens[i++] === 'true';
      else if (tok === 'value=' || tok === 'delta=') {
        let sign = 1;
        if (tokens[i] === '+' || tokens[i] === '-') sign = tokens[i++] === '-' ? -1 : 1;
        const head = tokens[i++]!;
        let n: number | string = /^\d+$/.test(head) ? Number(head) : head;
        if (typeof n === 'number' && tokens[i] === HALF) {
          n += 0.5;
          i++;
        }
        if (tokens[i] === FAHRENHEIT) {
          fahrenheit = true;
          i++;
        }
        if (tok === 'delta=') it.delta = sign * (n as number);
        else it.value = n;
      }
    }
    if (it.intent === 'hvac.temp' && typeof it.value === 'number') it.value = temperatureToCelsius(it.value, fahrenheit);
    out.push(it);
    i++; // past the separator
  }
  return out;
}
