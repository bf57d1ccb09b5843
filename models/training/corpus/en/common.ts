// Shared helpers for the English templates: template construction, polite frames, casing and punctuation.
import type { CorpusIntent, GeneratedUtterance, Template, TemplateContext } from '../template.js';

export type Ctx = TemplateContext;

export function en(id: string, generate: (ctx: Ctx) => GeneratedUtterance, weight?: number, chainWeight?: number): Template {
  const t: Template = { id: `en.${id}`, lang: 'en', generate };
  if (weight !== undefined) t.weight = weight;
  if (chainWeight !== undefined) t.chainWeight = chainWeight;
  return t;
}

export function out(text: string, ...intents: CorpusIntent[]): GeneratedUtterance {
  return { text: tidy(text), intents };
}

/** Fills `{name}` slots and tidies spacing. */
export function fill(t: string, vars: Record<string, string>): string {
  return tidy(t.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? ''));
}

export function tidy(t: string): string {
  return t.replace(/\s+/g, ' ').replace(/\s+([,.?!])/g, '$1').replace(/^[\s,]+/, '').trim();
}

/** A core word (always trained on) or, often, a variant from a bank that may be held out. */
export function vary(ctx: Ctx, core: readonly string[], variants: readonly string[], pCore = 0.35): string {
  return ctx.chance(pCore) ? ctx.pick(core) : ctx.phrase(variants);
}

const ASK = [
  'could you ', 'can you ', 'would you ', 'could you please ', 'can you please ', 'would you please ', 'will you ',
  'could you maybe ', 'can you just ', 'would you kindly ', 'could ya ', 'can u ', 'any chance you could ', 'do you think you could ',
  'please could you ', 'please can you ', 'hey car, can you ', 'is it possible to ', 'I was wondering if you could ',
];
/**
 * A request frame composed from parts ("we were hoping you might ", "sorry to bother you, but could you please "):
 * hundreds of frames, so that a frame never seen in training (a human's own way of asking) still reads as a
 * request, not as talk; a polite frame the model had not met made it answer nothing, sure of itself.
 */
function composedAsk(ctx: Ctx): string {
  return ctx.composed(() => {
    const we = ctx.chance(0.2);
    const I = we ? 'we' : 'I';
    const could = ctx.pick(['could', 'could', 'can', 'might', 'would', 'could maybe', 'could possibly']);
    const ifw = ctx.pick(['if', 'if', 'whether']);
    const r = ctx.random();
    if (r < 0.22) return `${I} ${ctx.pick(we ? ['were', 'are'] : ['was', 'am', "'m"])} ${ctx.pick(['wondering', 'just wondering', 'kind of wondering'])} ${ifw} you ${could} `;
    if (r < 0.34) return `${I} ${ctx.pick(we ? ['were', 'are'] : ['was', 'am'])} ${ctx.pick(['hoping', 'really hoping', 'thinking'])} you ${could} `;
    if (r < 0.42) return `${I} ${ctx.pick(['wonder', 'just wonder'])} ${ifw} you ${could} `;
    if (r < 0.52) return `${I}${ctx.pick(["'d", ' would'])} ${ctx.pick(['', 'really ', 'so ', 'very much '])}appreciate it if you ${could} `;
    if (r < 0.58) return `${I}${ctx.pick(["'d", ' would'])} be ${ctx.pick(['grateful', 'so grateful', 'thankful', 'happy'])} if you ${could} `;
    if (r < 0.72) return `${ctx.pick(['do you think you', 'any chance you', 'is there any way you', 'is there a chance you', 'think you'])} ${could} `;
    if (r < 0.8) return `${ctx.pick(['would it be possible', 'is it possible', 'would it be okay', 'is it okay'])} ${ctx.pick(['', 'for you '])}to `;
    const opener = ctx.pick(['sorry to bother you, but ', 'when you have a moment, ', "if it's not too much trouble, ", 'excuse me, ', 'quick question, ',
      'sorry, ', 'oh, by the way, ', 'one more thing, ', 'you know what, ', 'actually, ', 'so, um, ', 'hey, listen, ', 'if you get a sec, ', 'pardon me, ']);
    return `${opener}${ctx.pick(['could', 'can', 'would', 'will'])} you ${ctx.pick(['', '', 'please ', 'maybe ', 'just ', 'kindly '])}`;
  });
}

/** A "want" frame around a noun phrase with a state, composed from parts like `composedAsk`. */
function composedWant(ctx: Ctx): string {
  return ctx.composed(() => {
    const we = ctx.chance(0.2);
    const I = we ? 'we' : 'I';
    const r = ctx.random();
    if (r < 0.45) {
      const verb = ctx.pick(['want', 'need', "'d like", ' would like', "'d love", ' would love', "'d really like", "'d prefer", "'d quite like", ' really want', ' really need', ' just want']);
      return `${I}${verb.startsWith("'") || verb.startsWith(' ') ? '' : ' '}${verb} ${ctx.pick(['', '', 'to have ', 'to get '])}{x}`;
    }
    if (r < 0.75) return `${ctx.pick(['can', 'could', 'may'])} ${I} ${ctx.pick(['', 'please ', 'just '])}${ctx.pick(['have', 'get'])} {x}`;
    if (r < 0.9) return `${ctx.pick(['give', 'get'])} ${we ? 'us' : 'me'} {x}${ctx.pick(['', ' please', ' if you can'])}`;
    return `${ctx.pick(['how about', 'what about', "let's get", "let's have"])} {x}`;
  });
}

/** A "want" frame ("I'd like {x}"): from the bank, or composed. */
export function wantFrame(ctx: Ctx): string {
  return ctx.chance(0.35) ? composedWant(ctx) : ctx.phrase(WANT);
}

/** Frames around a gerund ("would you mind turning on the seat heater"). */
const ASK_ING = ['would you mind ', 'do you mind ', 'would you mind just ', 'how about ', 'mind ', 'would you mind quickly '];
const TELL = [
  'please ', 'please ', 'hey car, ', 'ok car, ', 'hey, ', 'um, ', 'uh ', 'um ', 'go ahead and ', 'I need you to ', 'I want you to ',
  "I'd like you to ", 'just ', 'kindly ', 'car, ', 'assistant, ', 'hey assistant, ', 'okay so ', 'alright, ', 'so ', 'quick, ',
  'hey there, ', 'hi, ', 'excuse me, ', 'ok ', 'right, ', 'now ', 'hmm, ', 'oh and ', 'real quick, ', 'er, ', 'well, ',
  'hey, please ', 'do me a favor and ', 'be a dear and ', "let's ", 'you can ', 'try to ', 'if you could ',
];
const AFTER = [
  ' please', ', please', ' for me', ' for me please', ' thanks', ', thanks', ', thank you', ' now', ' right now', ' real quick',
  ' if you can', ' if you could', ', would you', ' when you get a chance', ' please and thank you', ', cheers', ' asap', ' thx',
  ' now please', ', ok', ' okay', ' quickly',
];

/** Prefixes that need no verb after them ("hey car, seat heater on"). */
const NEUTRAL = ['please ', 'hey car, ', 'ok car, ', 'hey, ', 'um, ', 'uh ', 'car, ', 'assistant, ', 'okay so ', 'alright, ', 'so ', 'hi, ', 'ok ', 'hmm, ', 'er, ', 'well, '];

const VERBS = new Set(`turn switch set put make change adjust bring go use dial max crank bump increase raise lower decrease reduce dim brighten
  activate enable disable deactivate start stop kill cut shut power flip kick fire engage run get give heat warm cool ventilate air chill massage
  recline lean tilt let sit straighten tip move slide push scoot shift pull inch lay return point direct send aim blow defrost defog clear demist
  recirculate sync unsync link unlink split desync decouple keep close block paint color go drop speed slow quiet ease step knock up open roll crack
  wind lock play skip pause resume mute shuffle navigate take find show call phone dial text read answer hang decline tell reply redial fold honk
  flash release unlock preheat light illuminate darken tone boost drop halt cancel click lower nudge chill match unlink switch fold try do
  stop include hold`.split(/\s+/));

/** Whether a phrase starts with an imperative verb (so "could you …" / "I need you to …" can precede it). */
export const verbFirst = (core: string) => VERBS.has(core.trim().split(/[\s,]/)[0]!.toLowerCase());

/** Wraps an imperative verb phrase ("turn on the seat heater") in a frame: polite, casual, terse or asking. */
export function cmd(ctx: Ctx, core: string, pFrame = 0.55): string {
  const r = ctx.random();
  let pre = '';
  let question = false;
  const verb = verbFirst(core);
  let body = core;
  const ing = verb && ctx.chance(0.15) ? gerund(core) : null;
  if (r < pFrame * 0.45 && ing) {
    pre = ctx.phrase(ASK_ING);
    body = ing;
    question = true;
  } else if (r < pFrame * 0.45 && verb) {
    pre = ctx.chance(0.35) ? composedAsk(ctx) : ctx.phrase(ASK);
    question = true;
  } else if (r < pFrame) pre = ctx.phrase(verb ? TELL : NEUTRAL);
  const post = ctx.chance(question ? 0.15 : 0.25) ? ctx.phrase(AFTER) : '';
  const v = vocative(ctx);
  return finish(ctx, `${v.pre}${pre}${body}${post}${v.post}`, question);
}

// Whoever a request is said to — the assistant by a name its owner gave it, or another occupant — it is still the
// request: "hey Tom, turn off the light", "nova turn the fan up", now and then "turn the fan up, Priya". The chatter
// says "Tom said …" with the same names, so the name alone must not make a sentence talk. Many names (given names from
// several languages, family words, pet names, assistant names), so that the model learns the place of a name, not a
// list of names: with 20 names (v15) a name it had never seen still often made the request vanish.
// None of the names of the bench's "requests after a name" set (bench/lm-addressed.ts; a corpus test checks), so
// that figure stays unseen; no name is also a catalog word (Amber, Ruby, Rose, Violet are colours; Max a value).
export const NAMES = ['nova', 'kit', 'luna', 'Zoe', 'Tom', 'Lisa', 'Sam', 'Anna', 'Emma', 'Jack', 'Ben', 'mom', 'honey', 'dude', 'bro', 'mate',
  'sweetie', 'Grandpa', 'auntie', 'Jenny',
  'Alex', 'Chris', 'Dan', 'Dave', 'Steve', 'Paul', 'Kevin', 'Brian', 'Jason', 'Ryan', 'Eric', 'Adam', 'Josh', 'Matt', 'Nick', 'Tony', 'Andy',
  'Frank', 'George', 'Henry', 'Jim', 'Joe', 'Kate', 'Laura', 'Linda', 'Maria', 'Mary', 'Nancy', 'Rachel', 'Rebecca', 'Susan', 'Amy', 'Claire',
  'Diana', 'Ella', 'Grace', 'Hannah', 'Helen', 'Julia', 'Karen', 'Lucy', 'Megan', 'Mia', 'Nina', 'Sophie', 'Tina', 'Zara', 'Leo', 'Liam',
  'Noah', 'Ethan', 'Lucas', 'Owen', 'Oscar', 'Felix', 'Hugo', 'Ivan', 'Omar', 'Raj', 'Priya', 'Aisha', 'Carlos', 'Diego', 'Juan', 'Luis',
  'Pedro', 'Marco', 'Yuki', 'Kenji', 'Wei', 'Mei', 'Fatima', 'Ahmed', 'Hassan', 'Olga', 'Sven', 'Lars', 'Ingrid', 'Hans', 'Klaus', 'Pierre',
  'Sophia', 'Isabella', 'Charlotte', 'Amelia', 'Harper', 'Evelyn', 'Abigail', 'Ava', 'Chloe', 'Ellie', 'Ruth', 'Bill', 'Fred', 'Greg', 'Jeff',
  'Keith', 'Larry', 'Neil', 'Phil', 'Ron', 'Stan', 'Ted', 'Tim', 'Vince', 'Walter', 'Gary', 'Carl', 'Jamal', 'Kofi', 'Anil', 'Deepak',
  'Ming', 'Hiro', 'Sana', 'Leila', 'Yusuf', 'Mateo', 'Sofia', 'Elena', 'Dmitri', 'Nadia', 'Kai', 'Aiden', 'Mason', 'Logan', 'Jayden', 'Caleb',
  'babe', 'darling', 'love', 'sis', 'kiddo', 'pal', 'guys', 'folks', 'boss', 'doc', 'uncle Joe', 'Mr. Smith', 'sir', "ma'am", 'mommy',
  'papa', 'mama', 'grandad', 'my love', 'sweetheart', 'champ', 'man', 'grandpa Joe', 'aunt Mary', 'cousin',
  'atlas', 'orion', 'iris', 'aria', 'otto', 'robo', 'genie', 'echo', 'navi', 'zen'];

// Names made up from syllables ("Bralo", "temik", "Shavon"): a list of 180 names still left names the model had never
// met read as talk (v20: every "mike …" request came out empty), because a name it has not seen splits into word
// pieces it knows only from other words. Made-up names are new pieces every time, so only their place can be learnt.
const ONSET = ['b', 'br', 'd', 'dr', 'f', 'g', 'h', 'j', 'k', 'kl', 'l', 'm', 'n', 'p', 'r', 's', 'sh', 't', 'tr', 'v', 'w', 'y', 'z', 'ch', 'st', ''];
const NUCLEUS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ai', 'ee', 'oo', 'ay', 'ia', 'y'];
const MIDDLE = ['b', 'd', 'k', 'l', 'm', 'n', 'r', 's', 't', 'v', 'z', 'nd', 'rl', 'sh', 'th', 'ck', 'lt', 'ny'];
const CODA = ['', '', '', 'n', 'l', 'r', 's', 'x', 'k', 'th', 'm', 'nt', 'ck', 'tt', 'ne', 'lle', 'ra'];
// Never one of the bench's names (bench/lm-addressed.ts, kept unseen), nor a word the catalog or its frames use.
const NOT_A_NAME = new Set(['mike', 'sarah', 'dad', 'computer', 'jarvis', 'buddy', 'grandma', 'olivia', 'peter', 'seat', 'heat', 'fan', 'ac',
  'air', 'red', 'blue', 'tan', 'teal', 'rose', 'ruby', 'lime', 'mint', 'navy', 'gold', 'max', 'min', 'low', 'high', 'auto', 'dim', 'dome', 'mood',
  'sync', 'tilt', 'lean', 'cool', 'warm', 'hot', 'cold', 'on', 'off', 'up', 'down', 'left', 'right', 'back', 'rear', 'front', 'more', 'less',
  'some', 'turn', 'set', 'make', 'put', 'stop', 'start', 'kill', 'cut', 'run', 'boost', 'lower', 'raise', 'level', 'mode', 'vent', 'feet', 'face',
  'please', 'thanks', 'okay', 'sure', 'yes', 'yeah', 'no', 'nope', 'cancel', 'undo', 'same', 'too', 'me', 'my', 'mine', 'us', 'all', 'kids', 'son',
  'room', 'lamp', 'light', 'lights', 'bright', 'dark', 'reading', 'book', 'roof', 'top', 'shade', 'tone', 'hue', 'pink', 'rosa', 'violet',
  'amber', 'indigo', 'lilac', 'jade', 'sky', 'sea', 'white', 'green', 'purple', 'orange', 'yellow', 'cyan', 'coral', 'ivory', 'lemon', 'olive']);
/** A made-up given name, two or three syllables, capitalised about half the time. */
export function composedName(ctx: Ctx): string {
  for (;;) {
    let n = ctx.pick(ONSET) + ctx.pick(NUCLEUS) + ctx.pick(MIDDLE) + ctx.pick(NUCLEUS) + ctx.pick(CODA);
    if (ctx.chance(0.15)) n = n.slice(0, -1) + ctx.pick(['ina', 'ando', 'elle', 'ico', 'ara']);
    if (n.length < 3 || n.length > 9 || NOT_A_NAME.has(n) || /(.)\1\1|^[^aeiouy]{3}/.test(n)) continue;
    return ctx.chance(0.5) ? n.charAt(0).toUpperCase() + n.slice(1) : n;
  }
}
/** Someone to say a request or talk to: a name from the list, or (two times in five) a made-up one. */
export const addressName = (ctx: Ctx) => (ctx.chance(0.4) ? composedName(ctx) : ctx.pick(NAMES));

function vocative(ctx: Ctx): { pre: string; post: string } {
  const r = ctx.random();
  if (r < 0.09) {
    const name = addressName(ctx);
    return { pre: ctx.pick([`hey ${name}, `, `${name}, `, `hey ${name} `, `${name} `, `ok ${name}, `, `${name} please `]), post: '' };
  }
  if (r < 0.12) return { pre: '', post: ctx.pick([`, ${addressName(ctx)}`, ` ${addressName(ctx)}`]) };
  return { pre: '', post: '' };
}

const ING: Record<string, string> = {
  turn: 'turning', switch: 'switching', put: 'putting', set: 'setting', make: 'making', change: 'changing', adjust: 'adjusting', bring: 'bringing',
  get: 'getting', flip: 'flipping', shut: 'shutting', cut: 'cutting', kill: 'killing', run: 'running', dim: 'dimming', drop: 'dropping', stop: 'stopping',
  start: 'starting', slide: 'sliding', move: 'moving', raise: 'raising', lower: 'lowering', increase: 'increasing', decrease: 'decreasing', reduce: 'reducing',
  activate: 'activating', deactivate: 'deactivating', enable: 'enabling', disable: 'disabling', brighten: 'brightening', warm: 'warming', cool: 'cooling',
  heat: 'heating', bump: 'bumping', crank: 'cranking', speed: 'speeding', slow: 'slowing', power: 'powering', recline: 'reclining', push: 'pushing',
  tilt: 'tilting', lean: 'leaning', defrost: 'defrosting', defog: 'defogging', clear: 'clearing', point: 'pointing', direct: 'directing', send: 'sending',
  aim: 'aiming', sync: 'syncing', link: 'linking', use: 'using', give: 'giving', fire: 'firing', kick: 'kicking', click: 'clicking', boost: 'boosting',
  max: 'maxing', nudge: 'nudging', ease: 'easing', knock: 'knocking', tone: 'toning', blow: 'blowing', recirculate: 'recirculating', keep: 'keeping',
};

/** The verb phrase with its first verb as a gerund ("turn on X" → "turning on X"), or null when it does not start with a known verb. */
export function gerund(core: string): string | null {
  const m = /^(\w+)(.*)$/s.exec(core.trim());
  const ing = m ? ING[m[1]!.toLowerCase()] : undefined;
  return ing ? `${ing}${m![2]}` : null;
}

/** Sentence casing and final punctuation, often none (recognisers rarely punctuate). */
export function finish(ctx: Ctx, text: string, question = false): string {
  let t = tidy(text);
  const r = ctx.random();
  if (r < 0.45) t = t.charAt(0).toUpperCase() + t.slice(1);
  const p = ctx.random();
  if (question) t += p < 0.5 ? '?' : '';
  else t += p < 0.25 ? '.' : p < 0.3 ? '!' : '';
  return t;
}

/** "I want / I'd like / give me" frames around a noun phrase with a state ("the seat heater on"). */
export const WANT = [
  'I want {x}', "I'd like {x}", 'I would like {x}', 'I need {x}', 'can I get {x}', 'can I have {x}', 'could I have {x}',
  'give me {x}', "let's have {x}", 'I wanna have {x}', "I'd love {x}", 'may I have {x}', 'get me {x}', 'I want to have {x}',
];

export const ON_VERB = ['turn on', 'switch on'];
export const ON_VERB_MORE = ['activate', 'enable', 'put on', 'power on', 'flip on', 'turn on', 'switch on', 'click on'];
/** Verbs that fit a device that runs (a heater, a fan, the A/C), not a lamp. */
export const ON_DEVICE = ['start', 'fire up', 'engage', 'start up', 'kick on', 'run', 'get going', 'power up'];
export const OFF_DEVICE = ['stop', 'shut down', 'kill', 'cut', 'cancel', 'halt'];
export const OFF_VERB = ['turn off', 'switch off'];
export const OFF_VERB_MORE = ['deactivate', 'disable', 'shut off', 'power off', 'flip off', 'turn off', 'switch off', 'kill', 'click off', 'get rid of'];
/** Particles after the noun: "turn the seat heater on". */
export const ON_SPLIT = ['turn {x} on', 'switch {x} on', 'put {x} on', 'flip {x} on', 'get {x} on', 'have {x} on', 'kick {x} on', 'fire {x} up'];
export const OFF_SPLIT = ['turn {x} off', 'switch {x} off', 'shut {x} off', 'flip {x} off', 'get {x} off', 'knock {x} off', 'put {x} off'];

/** An on/off verb phrase around a noun phrase, in one of several word orders. */
export function onOff(ctx: Ctx, np: string, on: boolean, device = false): string {
  const r = ctx.random();
  if (r < 0.5) {
    let v = on ? vary(ctx, ON_VERB, ON_VERB_MORE, 0.55) : vary(ctx, OFF_VERB, OFF_VERB_MORE, 0.55);
    if (device && ctx.chance(0.3)) v = ctx.phrase(on ? ON_DEVICE : OFF_DEVICE);
    return `${v} ${np}`;
  }
  if (r < 0.85) return fill(vary(ctx, on ? ON_SPLIT.slice(0, 2) : OFF_SPLIT.slice(0, 2), on ? ON_SPLIT : OFF_SPLIT, 0.5), { x: np });
  // The state first, then the wish: "the seat heater is on, switch it off". The last verb decides, not the first "on".
  if (r > 0.95) {
    const state = `${np}${ctx.pick([' is', "'s still", ' is still'])} ${on ? 'off' : 'on'}`;
    return `${state}${ctx.pick([', ', ' ', ' so '])}${on ? ctx.pick(['switch it on', 'put it on', 'can you switch it on', 'get it on']) : ctx.pick(['switch it off', 'shut it off', 'can you switch it off', 'kill it'])}`;
  }
  // Terse: "seat heater on", "reading light off please"
  return `${np} ${on ? ctx.pick(['on', 'on', 'on now', 'on please']) : ctx.pick(['off', 'off', 'off now', 'off please'])}`;
}

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "the"/"" before a noun as people drop articles in commands. */
export const the = (ctx: Ctx) => (ctx.chance(0.8) ? 'the ' : '');
