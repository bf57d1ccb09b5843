// Distractors: one or two words the request does not need ("um", "actually", "real quick", "banana") put anywhere
// in a sentence, so the model learns that a word it does not know changes nothing. Labels stay as they are.
import type { TemplateContext } from '../template.js';

const FILLERS = ['um', 'uh', 'er', 'like', 'actually', 'just', 'real quick', 'now', 'right now', 'please', 'basically', 'literally', 'honestly',
  'you know', 'I guess', 'maybe', 'oh', 'hmm', 'well', 'so', 'kind of', 'sort of', 'quickly', 'already', 'anyway', 'yo', 'man',
  'dude', 'buddy', 'mate', 'ok so', 'erm', 'uhm', 'ah', 'hey'];

/**
 * Nouns that name nothing in the catalog nor anything out of it: no device, seat, body part, colour, weather, place
 * to drive, media, window, door or number word (those have meanings the corpus teaches elsewhere).
 */
const NOUNS = ['banana', 'pencil', 'umbrella', 'sandwich', 'giraffe', 'carpet', 'notebook', 'tomato', 'bicycle', 'pillow', 'cookie', 'spoon',
  'blanket', 'pizza', 'elephant', 'hammer', 'puzzle', 'rocket', 'pumpkin', 'table', 'pocket', 'mountain', 'river', 'cheese', 'carrot', 'penguin',
  'ticket', 'basket', 'sofa', 'ladder', 'kettle', 'mug', 'bottle', 'towel', 'wallet', 'hat', 'sock', 'jacket', 'toast', 'noodle', 'turtle', 'zebra',
  'marble', 'broccoli', 'crayon', 'envelope', 'magnet', 'feather', 'sandal', 'tulip', 'walnut', 'yogurt', 'biscuit', 'saucepan', 'stapler', 'teapot',
  'doughnut', 'cactus', 'dinosaur', 'squirrel', 'suitcase', 'scissors', 'paperclip', 'pancake', 'muffin', 'kitten', 'puppy', 'hamster', 'robot', 'toaster',
  'wizard', 'pirate', 'castle', 'island', 'library', 'homework', 'meeting', 'project', 'budget', 'invoice', 'recipe', 'garden', 'kitchen', 'office',
  'desk', 'birthday', 'vacation', 'grocery', 'laundry', 'breakfast', 'dinner', 'lunch', 'soccer', 'tennis', 'chess', 'guitar lesson'];

const NUMBER_WORDS = `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
  nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred half point and a °c °f`.split(/\s+/);
const NUMBERISH = new RegExp(`^(\\d[\\d.,:%°]*\\w*|${NUMBER_WORDS.join('|')})$`, 'i');
const SEATISH = /^(rear|back|front|left|right|driver'?s?|passenger'?s?|side|row|seat|seats)$/i;
const bare = (w: string | undefined) => (w ?? '').replace(/[,.!?;:]+$/, '');

/** Where a word may go: between two words that are not both part of one number, seat name or "A C". */
function safeGaps(words: string[]): number[] {
  const gaps: number[] = [];
  for (let i = 0; i <= words.length; i++) {
    const a = bare(words[i - 1]);
    const b = bare(words[i]);
    if (NUMBERISH.test(a) || NUMBERISH.test(b)) continue;
    if (SEATISH.test(a) && SEATISH.test(b)) continue;
    if (/^a$/i.test(a) && /^c\b/i.test(b)) continue;
    gaps.push(i);
  }
  return gaps;
}

/** A filler, a noun, or (not right after an article) a noun with its own article. */
function word(ctx: TemplateContext, afterArticle: boolean): string {
  const r = ctx.random();
  if (r < 0.55) return ctx.pick(FILLERS);
  if (r < 0.85 || afterArticle) return ctx.pick(NOUNS);
  return `${ctx.pick(['the', 'a', 'this'])} ${ctx.pick(NOUNS)}`;
}

/** Inserts one or two distractors at random gaps; sentences under three words are left alone. */
export function enDistract(text: string, ctx: TemplateContext): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 3) return text;
  const n = ctx.chance(0.7) ? 1 : 2;
  for (let k = 0; k < n; k++) {
    const gaps = safeGaps(words);
    if (gaps.length === 0) break;
    const at = ctx.pick(gaps);
    let w = word(ctx, /^(the|a|an|my|this|that|your)$/i.test(words[at - 1] ?? ''));
    // Keep a capitalised first word looking like a sentence start.
    if (at === 0 && /^[A-Z][a-z]/.test(words[0]!) && !/^I\b/.test(words[0]!)) {
      words[0] = words[0]!.charAt(0).toLowerCase() + words[0]!.slice(1);
      w = w.charAt(0).toUpperCase() + w.slice(1);
    }
    words.splice(at, 0, ...(at > 0 && ctx.chance(0.2) ? [`${w},`] : [w]));
  }
  return words.join(' ');
}
