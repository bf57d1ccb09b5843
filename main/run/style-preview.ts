// Plays the preview situations for one style on a fresh simulated cabin each, and returns the replies.
import { PREVIEW_SITUATIONS } from '../../intents/replies/preview-situations.js';
import type { StyleBook } from '../../intents/replies/style-book.js';
import type { Lang } from '../../intents/dialogue/language.js';
import { Faults, parseFaultSpec } from '../../vehicle-bus/sim/faults.js';
import { SimulatedCabin } from './simulated-cabin.js';

export interface PreviewLine {
  situation: string;
  /** The reply, or two joined by " / " when the situation has an answer turn. */
  reply: string;
}

export async function previewStyle(styles: StyleBook, style: string, lang: Lang): Promise<PreviewLine[]> {
  const out: PreviewLine[] = [];
  for (const s of PREVIEW_SITUATIONS) {
    const faults = new Faults();
    for (const spec of s.faults ?? []) parseFaultSpec(spec)(faults);
    const cabin = await SimulatedCabin.start({ styles, style, faults });
    try {
      if (s.speedKph) await cabin.setSpeed(s.speedKph);
      const results = await cabin.say(s.say.map((u) => ({ speaker: u.speaker, text: u.text[lang], intents: u.intents })));
      const last = results.at(-1)!;
      const replies = [last.reply];
      // An answer only follows when the style asked a question.
      if (s.then && cabin.dialogue.awaitingAnswer(last.speaker)) {
        const [answer] = await cabin.say([{ speaker: last.speaker, text: s.then.text[lang], intents: s.then.intents }]);
        replies.push(answer!.reply);
      }
      out.push({ situation: s.title, reply: replies.join(' / ') });
    } finally {
      await cabin.stop();
    }
  }
  return out;
}
