// Remarks on coloured things seen outside (`generate.js --sights`, train only): "look at that white van", "what a nice
// green car", "that red one is fast". They name a colour, often a car, and ask nothing; the shipped model read
// "{colour} car" as an ambient colour ("see that green car" → ambient green) because a colour next to "car" was,
// in every train row, a request for the lights.
import { SPOKEN_CHATTER } from '../../../../bench/voice-commands.js';
import { drawSlots } from '../template.js';
import { fill, type Ctx } from './common.js';

const FRAMES = ['look at that {c} {thing}', 'look at that {c} {thing} {where}', 'see that {c} {thing}', 'see that {c} {thing} {where}',
  'did you see that {c} {thing}', 'check out that {c} {thing}', 'wow, look at the {c} {thing}', 'what a nice {c} {thing}', 'what a beautiful {c} {thing}',
  'that {c} {thing} is {remark}', 'that {c} {thing} {where} is {remark}', 'the {c} {thing} {where} is {remark}', "there's a {c} {thing} {where}",
  'there goes another {c} {thing}', 'I love that {c} {thing}', 'I want a {c} {thing} like that', 'that {c} one is {remark}', 'look at that {c} one',
  'see the {c} one {where}', 'my {kin} has a {c} {thing} like that', 'is that a {c} {thing}', 'follow that {c} {thing}', 'count the {c} cars',
  'how many {c} cars have we seen', 'that was a {c} {thing}', "I've never seen a {c} {thing} before", 'the {c} {thing} {where} just cut us off'];

const SLOTS = {
  c: ['red', 'blue', 'green', 'white', 'black', 'yellow', 'orange', 'purple', 'pink', 'silver', 'grey', 'gold', 'bright red', 'dark blue', 'teal',
    'turquoise', 'lime green', 'hot pink', 'brown', 'beige', 'maroon', 'navy'],
  // Cars half the time: the word the lights' requests share ("light up the car").
  thing: ['car', 'car', 'car', 'car', 'car', 'truck', 'van', 'bus', 'motorbike', 'bike', 'house', 'barn', 'boat', 'tractor', 'convertible',
    'sports car', 'pickup', 'jeep', 'taxi', 'balloon', 'kite', 'bird', 'roof', 'door', 'sign', 'tent', 'train', 'scooter'],
  where: ['over there', 'on the left', 'on the right', 'ahead of us', 'behind us', 'next to us', 'across the street', 'by the road', 'in that driveway',
    'at the light', 'in front of us', 'in the other lane', 'up ahead', 'on the hill', 'in the parking lot'],
  remark: ['so fast', 'beautiful', 'huge', 'really old', 'gorgeous', 'going way too fast', 'so loud', 'ugly', 'really cool', 'tiny', 'so shiny',
    'driving like crazy', 'parked weird', 'brand new', 'the same as ours'],
  kin: ['uncle', 'neighbour', 'sister', 'cousin', 'boss', 'friend', 'dad', 'aunt'],
};

// The voice bench's own chatter stays out of train: the bench measures how the model treats talk it never saw.
const BENCH = new Set(SPOKEN_CHATTER);

/** A remark on a coloured thing outside; never one of the voice bench's chatter sentences. */
export function sight(ctx: Ctx): string {
  for (;;) {
    const t = fill(ctx.pick(FRAMES), drawSlots(ctx, SLOTS));
    if (!BENCH.has(t.toLowerCase())) return t;
  }
}
