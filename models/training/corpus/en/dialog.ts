// Follow-ups ("a bit more", "same for the passenger", "turn it off") and dialog acts (cancel, undo, yes, no) in English.
import type { Template } from '../template.js';
import { en, fill, finish, out, type Ctx } from './common.js';
import { num } from './numbers.js';
import { relativeRef, seatRef } from './zones.js';

const MORE = ['a bit more', 'more', 'a little more', 'more please', 'even more', 'keep going', 'a tad more', 'a touch more', 'bit more', 'little more',
  "that's not enough", 'not enough', 'still not enough', 'more, more', 'a little bit more', 'go a bit further', 'one more', 'another notch', 'again',
  'do that again', 'once more', 'a little further', 'some more', 'a smidge more', 'push it a bit more', 'even further', 'go further', 'more of that',
  'just a bit more', 'one more step', 'yeah more', 'further please', 'a notch more', "more, it's not enough", 'keep it coming', 'slightly more'];
const LESS = ['too much', 'less', 'not so much', "that's too much", 'a bit less', 'a little less', 'tone it down', 'not that much', 'whoa, too much',
  "that's a bit much", 'ease off a little', 'less please', 'way too much', 'back it off a bit', 'a tad less', 'slightly less', 'too strong',
  'that was too much', 'pull it back a bit', 'dial it back', 'overdid it', 'a notch less', 'just a little less', 'bring it back down a bit',
  "that's overkill", 'not quite so much', 'scale it back', 'one less', 'less of that', 'a touch less', 'too far'];
const OFF = ['turn it off', 'switch it off', 'off', 'turn that off', 'shut it off', 'kill it', 'switch that off', 'off please', 'turn it off again',
  'just turn it off', 'actually turn it off', 'stop it', 'power it off', 'cut it', 'shut that off', 'turn that thing off', 'okay, off', 'it can go off now'];
const ON = ['turn it on', 'switch it on', 'on', 'turn that on', 'on please', 'turn it back on', 'switch that on', 'put it on', 'start it', 'fire it up',
  'turn that on again', 'power it on', 'yes, on'];
const MAX = ['max it out', 'all the way', 'full', 'to the max', 'max', 'all the way up', 'maximum', 'crank it all the way', 'as high as it goes',
  'full power', 'max it', 'make it max', 'highest setting', 'all the way please'];
const NUMBER = ['make it {n}', 'set it to {n}', 'level {n}', 'to {n}', '{n} please', 'put it on {n}', 'set it at {n}', 'change it to {n}', 'make that {n}',
  'actually {n}', 'no, {n}', 'go to {n}', 'try {n}', 'make it level {n}', 'just {n}', 'bring it to {n}'];
const SAME_FOR = ['same for {w}', '{w} too', 'and for {w}', 'do the same for {w}', '{w} as well', 'also for {w}', 'same thing for {w}', 'and {w} too',
  'do {w} too', 'same goes for {w}', 'likewise for {w}', 'for {w} as well', 'now {w}', 'and also {w}', 'same with {w}', 'repeat that for {w}',
  '{w} wants that too', 'do that for {w} too', 'and {w}', 'now do {w}', 'same for {w} please'];
const ME_TOO = ['me too', 'same here', 'I want that too', 'me as well', 'for me too', 'do mine too', 'mine too', 'ditto', 'ditto for me', 'same for me',
  'I want the same', 'do me too', 'and me', 'same please', 'me also', 'can I have that too', 'I would like that too', 'do the same for me',
  'same for my seat', 'mine as well', 'I’ll have the same'.replace('’', "'"), 'and mine', 'me too please', 'could I get the same'];

const WHO_FOR: Record<string, string[]> = {
  driver: ['the driver', "the driver's side", 'the driver seat', 'driver'],
  passenger: ['the passenger', 'the front passenger', 'the passenger side', 'the passenger seat', 'shotgun', 'passenger'],
  rear_left: ['the rear left', 'the back left', 'the rear left seat', 'the person behind the driver', 'rear left', 'the left rear passenger'],
  rear_right: ['the rear right', 'the back right', 'the rear right seat', 'the person behind the passenger', 'rear right', 'the right rear passenger'],
  front: ['the front', 'both front seats', 'the front seats', 'up front', 'the front row'],
  rear: ['the back', 'the rear', 'the kids in the back', 'the back seats', 'the kids', 'the rear seats', 'everyone in the back', 'the back row'],
  all: ['everyone', 'everybody', 'all seats', 'all of us', 'the whole car', 'all the seats'],
};

function fu(ctx: Ctx, text: string, q = false): string {
  const pre = ctx.chance(0.15) ? ctx.phrase(['um, ', 'hmm, ', 'okay, ', 'actually, ', 'oh, ', 'uh ', 'hey, ', 'wait, ', 'no, ', 'yeah, ']) : '';
  return finish(ctx, `${pre}${text}`, q);
}

export const dialogTemplates: Template[] = [
  en('followup.more', (ctx) => out(fu(ctx, ctx.phrase(MORE)), { intent: 'followup', more: true }), 1.5),
  en('followup.less', (ctx) => out(fu(ctx, ctx.phrase(LESS)), { intent: 'followup', more: false }), 1.5),
  en('followup.value', (ctx) => {
    const r = ctx.random();
    if (r < 0.45) return out(fu(ctx, ctx.phrase(OFF)), { intent: 'followup', value: 'off' });
    if (r < 0.65) return out(fu(ctx, ctx.phrase(ON)), { intent: 'followup', value: 'on' });
    if (r < 0.8) return out(fu(ctx, ctx.phrase(MAX)), { intent: 'followup', value: 'max' });
    // Small numbers only: 16–30 and 60–90 would be temperatures.
    const n = ctx.int(0, 7);
    return out(fu(ctx, fill(ctx.phrase(NUMBER), { n: num(ctx, n, 0.5) })), { intent: 'followup', value: n });
  }, 1.5),
  en('followup.zone', (ctx) => {
    if (ctx.chance(0.3)) return out(fu(ctx, ctx.phrase(ME_TOO)), { intent: 'followup', zone: 'self' });
    if (ctx.chance(0.15)) {
      const rel = relativeRef(ctx);
      if (rel) return out(fu(ctx, fill(ctx.phrase(SAME_FOR), { w: rel.who })), { intent: 'followup', zone: rel.zone });
    }
    const ref = seatRef(ctx, true, 0);
    const w = ref.zone === 'self' ? 'me' : ctx.chance(0.6) ? ctx.name(WHO_FOR[ref.zone]!) : ref.who;
    return out(fu(ctx, fill(ctx.phrase(SAME_FOR), { w })), { intent: 'followup', zone: ref.zone });
  }, 1.8),

  en('dialog.cancel', (ctx) => out(fu(ctx, ctx.phrase(['never mind', 'cancel', 'forget it', 'cancel that', 'nevermind', 'stop', 'scratch that', 'forget about it',
    "don't bother", 'cancel the request', 'no wait, cancel', 'abort', 'forget I said anything', 'cancel please', 'nothing', 'nothing, never mind',
    'oh never mind', 'leave it', 'drop it', 'not important', 'ignore that', 'ignore me', 'disregard that', 'skip it', 'let it go', 'never mind that',
    'actually cancel that', 'cancel, cancel', 'stop, never mind', 'hold on, cancel that', 'wrong button, cancel', 'no, forget it', 'oops, cancel'])),
  { intent: 'dialog.cancel' }), 1.2),
  en('dialog.undo', (ctx) => out(fu(ctx, ctx.phrase(['undo that', 'undo', 'put it back', 'change it back', 'revert that', 'go back to how it was', 'set it back',
    'undo the last change', 'restore the previous setting', 'take that back', 'reverse that', 'put it back the way it was', 'back to what it was', 'revert',
    'undo please', 'go back', 'put that back', 'switch it back', 'back to before', 'restore it', 'can you undo that', 'undo what you just did',
    'return it to how it was', 'roll that back', 'reset it to before', 'put things back', 'that was wrong, undo it', 'no no, put it back', 'change that back',
    'the way it was before please'])), { intent: 'dialog.undo' }), 1.2),
  en('dialog.yes', (ctx) => out(fu(ctx, ctx.phrase(['yes', 'yes please', 'yeah', 'yep', 'sure', 'ok', 'okay', 'do it', 'go ahead', 'please do', 'correct',
    "that's right", 'affirmative', 'absolutely', 'yes do it', 'uh huh', 'sounds good', 'yup', 'sure thing', 'right', 'confirm', 'yes, go ahead', 'of course',
    'definitely', 'yeah sure', 'go for it', 'please', 'yes that one', 'exactly', 'alright', 'fine', 'ok do it', 'yes confirm', 'yeah go ahead', 'perfect, yes',
    'that works', 'yes, thanks', 'mhm', 'why not', 'certainly', 'agreed', 'yeah please', 'yes indeed'])), { intent: 'dialog.yes' }), 1.2),
  en('dialog.no', (ctx) => out(fu(ctx, ctx.phrase(['no', 'no thanks', 'nope', 'nah', 'no thank you', "don't", 'not now', 'negative', 'no, leave it', "no don't",
    "I'm good", 'no need', 'nah, leave it', 'not really', 'no way', "I don't think so", 'no, thanks', 'not right now', 'nope, leave it as is', 'no, that’s fine'.replace('’', "'"),
    'definitely not', 'please don’t'.replace('’', "'"), "no, it's ok", 'nah thanks', 'no no', 'I said no', 'not needed', 'no, keep it', 'wrong, no', 'no, not that',
    'no sir', 'uh uh', "nah I'm fine", 'no, all good', 'no, it is fine as it is'])), { intent: 'dialog.no' }), 1.2),
];
