// "Be more formal" / 说话正式一点: an occupant asking for another dialogue style by voice.
//
// The Cabin LM's catalog has no intent for this (it is about the assistant, not the car), so a small
// phrase rule reads it from the text before the intents are acted on.

const EN: [RegExp, string][] = [
  [/\b(formal|polite|professional|proper)\b/, 'formal'],
  [/\b(concise|brief|briefer|shorter|terse|less chatty|fewer words|to the point)\b/, 'concise'],
  [/\b(playful|fun|funny|silly|kid|kids|childish)\b/, 'playful'],
  [/\b(friendly|friendlier|casual|relaxed)\b/, 'friendly'],
];
/** What makes it about how the assistant talks: "be/talk/speak/sound …", "… mode/style". */
const EN_FRAME = /\b(be|talk|speak|sound|answer|reply|respond|act)\b|\b(mode|style)\b/;

const ZH: [RegExp, string][] = [
  [/正式|礼貌|客气|专业/, 'formal'],
  [/简洁|简短|简单点|少说|短一点|别啰嗦|精简/, 'concise'],
  [/活泼|好玩|有趣|俏皮|可爱|儿童/, 'playful'],
  [/友好|亲切|热情|随和/, 'friendly'],
];
const ZH_FRAME = /说话|讲话|语气|回答|回复|风格|模式|你/;

/** The preset asked for, if the utterance is a style request and names one of `known`. */
export function styleRequestOf(text: string, known: readonly string[]): string | undefined {
  const t = text.toLowerCase();
  const rules = /\p{Script=Han}/u.test(t) ? (ZH_FRAME.test(t) ? ZH : []) : EN_FRAME.test(t) ? EN : [];
  for (const [re, name] of rules) if (re.test(t) && known.includes(name)) return name;
  return undefined;
}
