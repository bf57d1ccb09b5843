// "Thanks" / 谢谢 said after the car did something: an answer, not "that's not something I can do".
//
// Like a style request, thanks is about the conversation, not the car, so the catalog has no intent for it
// and the model reads it as nothing, or as "yes". A small phrase rule recognises an utterance that holds
// nothing but thanks; the dialogue answers it when no question is waiting for a yes.

const EN_WORDS = new Set(
  ("thanks thank thankyou thx ty cheers you u very much so a lot lots great perfect awesome lovely nice " +
    "good excellent brilliant wonderful cool ok okay alright that that's thats is was it's its works better " +
    "much appreciated appreciate really just right oh wow").split(' '),
);
const EN_THANKS = /\b(thanks|thank|thankyou|thx|ty|cheers|appreciated|appreciate)\b/;
const ZH_THANKS = /谢谢|多谢|谢了|感谢|辛苦了/;
const ZH_REST = /谢谢|多谢|谢了|感谢|辛苦了|你|您|啦|了|啊|呀|哦|嗯|好的|好|太|真|非常|很|不错|完美|棒|可以|行|就|这样|挺|舒服|的|哈/g;

/** Whether the utterance is thanks and nothing else ("thanks, that's perfect", 好的谢谢). */
export function isThanksOnly(text: string): boolean {
  const t = text.toLowerCase().replace(/['’]/g, '').replace(/[\p{P}\p{S}]/gu, ' ').trim();
  if (/\p{Script=Han}/u.test(t)) return ZH_THANKS.test(t) && t.replace(ZH_REST, '').trim() === '';
  const words = t.split(/\s+/).filter(Boolean);
  return EN_THANKS.test(t) && words.every((w) => EN_WORDS.has(w));
}
