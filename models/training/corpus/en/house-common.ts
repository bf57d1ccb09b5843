// Shared by the house-assistant style families: wake words, "X on please" / "I want X off" frames, and the
// noise words people put in front of a device ("the desk lamp", "the lights in the kitchen") that name no cabin feature.
import { cmd, fill, finish, gerund, tidy, verbFirst, type Ctx } from './common.js';

/** Wake words; chain.ts strips them from every chained part but the first. */
const WAKE = ['hey car, ', 'ok car, ', 'okay car, ', 'hey assistant, ', 'car, ', 'assistant, ', 'hey car ', 'ok car ', 'hi car, ', 'hello car, ',
  'hey there, ', 'ok assistant, ', 'hey, ', 'hello, '];
const WOKEN = /^(hey|hi|hello|ok|okay|car|assistant)\b/i;

/** A wake word before a finished sentence, sometimes ("hey car, turn the lamp off"). */
export function wake(ctx: Ctx, text: string, p = 0.15): string {
  if (!ctx.chance(p) || WOKEN.test(text)) return text;
  const lower = /^I\b|^A\/C|^AC\b/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
  return `${ctx.phrase(WAKE)}${lower}`;
}

/** Asking frames always trained on (never held out), so the everyday "can you …" / "please could you …" is learnt. */
const ASK_CORE = ['can you ', 'could you ', 'please could you ', 'would you ', 'could you please ', 'can you please '];

/** An imperative in any of cmd's frames (polite, asking, "would you mind …ing"), sometimes after a wake word. */
export function say(ctx: Ctx, core: string, pFrame = 0.55): string {
  const c = tidy(core);
  if (verbFirst(c) && ctx.chance(0.12)) {
    const ing = ctx.chance(0.3) ? gerund(c) : null;
    return wake(ctx, finish(ctx, ing ? `would you mind ${ing}` : `${ctx.pick(ASK_CORE)}${c}`, true));
  }
  return wake(ctx, cmd(ctx, c, pFrame));
}

/** A device with the state it should be in: "the lamp off please", "I want the fan on", "can we get the lights on". */
const STATE = ['{x} {s}', '{x} {s}', '{x} {s} please', '{x} {s} now', '{x} {s}, please', 'I want {x} {s}', "I'd like {x} {s}", 'I need {x} {s}',
  'can I have {x} {s}', 'can we have {x} {s}', 'can I get {x} {s}', 'can we get {x} {s}', "let's have {x} {s}", 'I want {x} turned {s}',
  'I want {x} switched {s}', "I'd like {x} turned {s}", 'please get {x} {s}', '{x} {s} thanks', 'could I have {x} {s}', 'I wanna have {x} {s}',
  'can you get {x} {s}', 'I would like {x} {s}', 'please have {x} {s}', '{x} {s} right now', 'get {x} {s} please', 'just {x} {s}'];

export function stateOf(ctx: Ctx, np: string, on: boolean, post = ''): string {
  const s = `${on ? 'on' : 'off'}${post}`;
  const t = fill(ctx.phrase(STATE), { x: np, s });
  return wake(ctx, finish(ctx, t, /^(can|could)\b/.test(t)));
}

/**
 * Words before a device noun that name nothing in the car: rooms, furniture, sizes. Left out on purpose: words
 * that pick a cabin feature or a seat (reading, map, dome, ceiling, roof, overhead, top, interior, cabin, main, big,
 * courtesy, ambient, mood, seat, spot, personal; left, right, front, back, rear, side, driver, passenger, kids),
 * exterior lights the corpus labels as out of catalog (head, fog, hazard, tail, brake, parking), screens, windows,
 * mirrors and colour or brightness words.
 */
export const MODIFIERS = ['desk', 'bedside', 'corner', 'little', 'small', 'kitchen', 'bedroom', 'living room', 'office', 'hallway', 'hall', 'bathroom',
  'porch', 'garage', 'study', 'dining room', 'nursery', 'guest room', 'lounge', 'floor', 'table', 'standing', 'wall', 'pendant', 'string', 'fairy',
  'night', 'nightstand', 'sofa', 'couch', 'patio', 'garden', 'stair', 'closet', 'cabinet', 'counter', 'shelf', 'vanity', 'island', 'hanging', 'globe',
  'LED', 'smart', 'new', 'old', 'tiny', 'upstairs', 'downstairs', 'spare', 'TV', 'computer', 'lava', 'paper', 'bamboo', 'brass', 'glass', 'nice',
  'fancy', 'office desk', 'bed', 'piano', 'hobby', 'craft', 'laundry', 'basement', 'attic', 'balcony', 'entry', 'den', 'workshop', 'pantry',
  'family room', 'play room', 'master bedroom', 'second', 'first floor', 'second floor', 'ground floor', 'top floor',
  'third floor', 'upstairs hallway', 'downstairs bathroom', 'sun room', 'mud room', 'spare room', 'other', 'tall', 'short', 'round', 'square', 'metal', 'wooden', 'vintage', 'modern',
  'outdoor', 'indoor', 'christmas', 'holiday', 'party', 'bar', 'counter top', 'side table', 'coffee table', 'bookcase', 'aquarium', 'plant'];

/** Places said after a device ("the lights in the kitchen", "the fan in here"), none of them a seat. */
export const PLACES = [' in here', ' in the kitchen', ' in the living room', ' in the bedroom', ' in the office', ' in the hallway', ' in the study',
  ' in the garage', ' in this room', ' in the car', ' in the den', ' upstairs', ' downstairs', ' in the hall', ' in the lounge', ' in the dining room',
  ' in the bathroom', ' on the porch', ' in the basement', ' in the attic', ' in the guest room', ' over there', ' in this place', ' in the house',
  ' in the garden', ' on the patio', ' in the nursery', ' in the family room', ' by the door', ' by the sofa', ' by the bed', ' on the desk',
  ' in the home', ' in my home', ' in the whole house', ' throughout the house', ' throughout the home', ' in every room', ' around the house',
  ' in the apartment', ' in the flat', ' on the first floor', ' on the second floor', ' on the ground floor', ' on the top floor', ' everywhere',
  ' in the entire house', ' in our place', ' on the third floor', ' all over the house'];

export const modifier = (ctx: Ctx) => ctx.phrase(MODIFIERS);
export const place = (ctx: Ctx) => ctx.phrase(PLACES);

/** "the" or nothing before a device noun, as people drop articles in commands. */
export const article = (ctx: Ctx) => ctx.pick(['the ', 'the ', 'the ', '', 'that ', 'this ']);
