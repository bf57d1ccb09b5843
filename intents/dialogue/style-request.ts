// "Be more formal" / 说话正式一点: an occupant asking for another dialogue style by voice.
//
// The Cabin LM's catalog has no intent for this (it is about the assistant, not the car), so a small
// phrase rule reads it from the text before the intents are acted on.

const EN: [RegExp, string][] = [
  [/\b(formal|formally|polite|politely|professional|professionally|proper|properly)\b/, 'formal'],
  [/\b(concise|concisely|brief|briefly|briefer|shorter|terse|tersely|less chatty|fewer words|to the point)\b/, 'concise'],
  [/\b(playful|playfully|fun|funny|silly|kid|kids|childish)\b/, 'playful'],
  [/\b(friendly|friendlier|casual|casually|relaxed)\b/, 'friendly'],
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

/** Every preset a style request can name (the rules above map style words to these). */
export const REQUESTABLE_STYLES: readonly string[] = [...new Set([...EN, ...ZH].map(([, name]) => name))];

/** The preset asked for, if the utterance is a style request and names one of `known`. */
export function styleRequestOf(text: string, known: readonly string[]): string | undefined {
  const t = text.toLowerCase();
  const rules = /\p{Script=Han}/u.test(t) ? (ZH_FRAME.test(t) ? ZH : []) : EN_FRAME.test(t) ? EN : [];
  for (const [re, name] of rules) if (re.test(t) && known.includes(name)) return name;
  return undefined;
}

/**
 * Words that may stand beside a style word in a request that asks for nothing else ("could you please be a
 * bit more formal", "switch to concise mode", 请切换到简洁模式). The model was never taught style requests
 * and may read one as a car request ("formal" is no word of its corpus), so an utterance made only of these
 * words and a style word is a style request whatever the model says.
 */
const EN_FILLER = new Set(
  ('a an the to into in on of it its with me us you u your please could can would will just now from here then ' +
    'be more less bit little lot much way tone voice manner mode style switch change go set put use turn make ' +
    'talk speak sound act answer reply respond like and hey ok okay').split(' '),
);
const ZH_FILLER = /请|麻烦|帮我|给我|能不能|可不可以|可以|能|你|您|再|更|稍微|一点儿|一点|一些|点|的|地|得|吧|啊|呀|哦|嘛|了|切换到|切换成|切换|换成|换到|改成|改为|变成|变得|换|改|用|开启|打开|说话|讲话|语气|回答|回复|风格|模式|方式|来|跟我|和我|对我/g;

/** The preset asked for when the utterance asks for a style and nothing else; see EN_FILLER. */
export function onlyStyleRequestOf(text: string, known: readonly string[]): string | undefined {
  const name = styleRequestOf(text, known);
  if (!name) return undefined;
  const t = text.toLowerCase().replace(/[\p{P}\p{S}]/gu, ' ');
  if (/\p{Script=Han}/u.test(t)) {
    let rest = t;
    for (const [re] of ZH) rest = rest.replace(new RegExp(re.source, 'g'), ' ');
    return rest.replace(ZH_FILLER, ' ').trim() === '' ? name : undefined;
  }
  const styleWord = (w: string) => EN.some(([re]) => re.test(w));
  const rest = t.split(/\s+/).filter((w) => w && !EN_FILLER.has(w) && !styleWord(w));
  return rest.length === 0 ? name : undefined;
}
