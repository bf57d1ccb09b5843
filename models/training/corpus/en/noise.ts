// Speech-recogniser-style errors for English that keep the meaning: no casing or punctuation, dropped function
// words, fillers, and confusions a recogniser really makes ("massage" → "message"). Numbers, negations and
// seat words are never dropped or swapped for something that means otherwise.
import type { TemplateContext } from '../template.js';

/** Whole-word confusions; every right-hand side still reads as the same request. */
const CONFUSIONS: [RegExp, string[]][] = [
  [/\bseat\b/, ['seed', 'sit', 'set', 'sheet']],
  [/\bseats\b/, ['seeds', 'sits', 'sheets']],
  [/\bmassage\b/, ['message', 'massive', 'massages']],
  [/\bdefrost\b/, ['the frost', 'de frost', 'defrosts']],
  [/\bdefroster\b/, ['the froster', 'de froster']],
  [/\bdefog\b/, ['the fog', 'de fog']],
  [/\brear\b/, ['rare', 'rear', 'reer']],
  [/\bfan\b/, ['fun', 'fans', 'fam']],
  [/\bheated\b/, ['heat it', 'heeted', 'heat ed']],
  [/\brecline\b/, ['re cline', 'recliner', 'reclined']],
  [/\brecirculation\b/, ['re circulation', 'recirculating', 'recirculate']],
  [/\ba\/c\b|\bac\b/, ['a c', 'ac', 'a.c.', 'ay see', 'a see']],
  [/\bambient\b/, ['ambience', 'ambien', 'ambient']],
  [/\bclimate\b/, ['climb it', 'climat', 'climates']],
  [/\bdriver's\b/, ['drivers', 'driver']],
  [/\bpassenger's\b/, ['passengers', 'passenger']],
  [/\bpassenger\b/, ['passengers', 'passanger']],
  [/\bdome\b/, ['dumb', 'doom', 'dom']],
  [/\bsync\b/, ['sink', 'sinc', 'synch']],
  [/\bwindshield\b/, ['wind shield', 'windshields']],
  [/\bwindscreen\b/, ['wind screen', 'windscreens']],
  [/\bauto\b/, ['otto', 'auto']],
  [/\bmode\b/, ['mood', 'mowed']],
  [/\bairflow\b/, ['air flow', 'air flows']],
  [/\blumbar\b/, ['lumber']],
  [/\bwant to\b/, ['wanna']],
  [/\bgoing to\b/, ['gonna']],
  [/\bcould you\b/, ['could ya', 'couldja', 'could u']],
  [/\btoo\b/, ['to']],
  [/\bhigher\b/, ['hire']],
  [/\bcabin\b/, ['cab in', 'cabbin']],
  [/\bcolour\b/, ['color']],
  [/\bdegrees\b/, ['degree', 'degreess']],
  [/\bventilation\b/, ['ventilations', 'vent elation']],
  [/\bheater\b/, ['heaters', 'heat er']],
  [/\bbrighter\b/, ['bright er', 'brighten']],
  [/\breading\b/, ['read in', 'reading']],
  [/\bblower\b/, ['blow er', 'blower']],
  [/\bhvac\b/, ['h vac', 'h v a c']],
  [/\bi'm\b/, ['im', 'i am']],
  [/\bit's\b/, ['its', 'it is']],
  [/\bwhat's\b/, ['whats', 'what is']],
  [/\bplease\b/, ['pleas', 'plz']],
  [/\bfahrenheit\b/, ['farenheit', 'fahrenheight', 'farenhite']],
  [/\bcelsius\b/, ['celcius', 'celsious']],
  [/\brecirc\b/, ['re circ', 'recirk']],
  [/\bshotgun\b/, ['shot gun']],
];
const DROPPABLE = new Set(['the', 'a', 'please', 'um', 'uh', 'just', 'so', 'hey', 'okay', 'ok', 'really', 'now', 'like', 'well', 'can', 'could', 'you', 'my']);
const FILLERS = ['um', 'uh', 'er', 'uhh', 'umm', 'like', 'hmm', 'ah'];

/** Applies recogniser-style noise: usually lower case without punctuation, plus one or two word-level errors. */
export function enAsrNoise(text: string, ctx: TemplateContext): string {
  let s = text;
  if (ctx.chance(0.85)) s = s.toLowerCase();
  if (ctx.chance(0.85)) s = s.replace(/[.,!?;:…]/g, ' ').replace(/(^|\s)-(\s|$)/g, ' ');
  if (ctx.chance(0.2)) s = s.replace(/-/g, ' ');
  // A short reply ("ok", "uh uh", "no thanks") changes meaning with any word-level error: casing and punctuation only.
  const ops = s.split(/\s+/).length < 4 ? 0 : 1 + (ctx.chance(0.45) ? 1 : 0);
  for (let k = 0; k < ops; k++) {
    const r = ctx.random();
    if (r < 0.35) s = confuse(s, ctx);
    else if (r < 0.65) s = drop(s, ctx);
    else if (r < 0.85) s = filler(s, ctx);
    else s = stutter(s, ctx);
  }
  s = s.replace(/\s+/g, ' ').trim();
  return s.length > 0 ? s : text;
}

function confuse(s: string, ctx: TemplateContext): string {
  const lower = s.toLowerCase();
  const present = CONFUSIONS.filter(([re]) => re.test(lower));
  if (present.length === 0) return s;
  const [re, to] = ctx.pick(present);
  const m = re.exec(lower)!;
  return s.slice(0, m.index) + ctx.pick(to) + s.slice(m.index + m[0].length);
}

function drop(s: string, ctx: TemplateContext): string {
  const words = s.split(' ');
  const idx = words.map((w, i) => (DROPPABLE.has(w.toLowerCase()) ? i : -1)).filter((i) => i >= 0);
  // "the" between two words is the recogniser's favourite casualty; keep at least two words.
  if (idx.length === 0 || words.length < 4) return s;
  const i = ctx.pick(idx);
  // "a" before "c" is part of "a c" (A/C); "you" only goes in "could you" / "can you".
  if (words[i]!.toLowerCase() === 'a' && /^c\b/i.test(words[i + 1] ?? '')) return s;
  if (words[i]!.toLowerCase() === 'you' && !/^(could|can|would|will)$/i.test(words[i - 1] ?? '')) return s;
  if (words[i]!.toLowerCase() === 'my' && !/^(on|for|in)$/i.test(words[i - 1] ?? '')) return s;
  words.splice(i, 1);
  return words.join(' ');
}

function filler(s: string, ctx: TemplateContext): string {
  const words = s.split(' ');
  const at = ctx.chance(0.6) ? 0 : ctx.int(1, Math.max(1, words.length - 1));
  words.splice(at, 0, ctx.pick(FILLERS));
  return words.join(' ');
}

/** A repeated word, as in a hesitation ("turn turn on the fan"); never a number (that would change it). */
function stutter(s: string, ctx: TemplateContext): string {
  const words = s.split(' ');
  const idx = words
    .map((w, i) => (/^[a-z]{2,}$/i.test(w) && !/^(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|not|no|up|down|uh|um|er)$/i.test(w) ? i : -1))
    .filter((i) => i >= 0);
  if (idx.length === 0) return s;
  const i = ctx.pick(idx.slice(0, 3));
  words.splice(i, 0, words[i]!);
  return words.join(' ');
}
