// What occupants say to the assistant about the conversation itself — asking for another dialogue style, saying
// thanks — as the recogniser's n-gram needs it.
//
// The dialogue serves these before the Cabin LM (intents/dialogue/style-request.ts, gratitude.ts), so the LM
// corpus that the domain n-gram is built from never says them, and the recogniser could not hear them: "be more
// formal" came out as "the more for me" and acted as "a bit more". These sentences go into the n-gram beside
// the corpus's (`npm run asr:lm`). Written from the style rule's own words, never from benchmark sentences; a test
// checks that the dialogue reads every one of them as what it is.

/** Style words as people say them, by preset: adjectives ("be more …") and adverbs ("talk …"). */
const STYLE_WORDS: { adjectives: string[]; adverbs: string[]; mode: string }[] = [
  { adjectives: ['formal', 'polite', 'professional'], adverbs: ['formally', 'politely', 'professionally'], mode: 'formal' },
  { adjectives: ['concise', 'brief'], adverbs: ['concisely', 'briefly'], mode: 'concise' },
  { adjectives: ['playful', 'fun', 'funny'], adverbs: ['playfully'], mode: 'playful' },
  { adjectives: ['friendly', 'casual', 'relaxed'], adverbs: ['casually'], mode: 'friendly' },
];

const ADJECTIVE_FRAMES = ['be more {}', 'be a bit more {}', 'can you be more {}', 'could you be more {} please', 'please be more {}', 'be {}', 'sound more {}'];
const ADVERB_FRAMES = ['talk {}', 'speak {}', 'talk more {}', 'please speak more {}', 'can you talk {}'];
const MODE_FRAMES = ['switch to {} mode', 'use {} mode', '{} mode please', 'change to the {} style', 'use the {} style', 'switch to the {} style please'];

/** Spoken requests for another dialogue style ("be more formal", "talk casually", "switch to kid mode"). */
export function styleRequestSentences(): string[] {
  const out: string[] = [];
  for (const s of STYLE_WORDS) {
    for (const w of s.adjectives) for (const f of ADJECTIVE_FRAMES) out.push(f.replace('{}', w));
    for (const w of s.adverbs) for (const f of ADVERB_FRAMES) out.push(f.replace('{}', w));
    for (const f of MODE_FRAMES) out.push(f.replace('{}', s.mode));
  }
  for (const f of MODE_FRAMES) out.push(f.replace('{}', 'kid'));
  return out;
}

/** Thanks said on its own, after the car did something. */
export function thanksSentences(): string[] {
  return [
    'thank you', 'thanks', 'thank you very much', 'thank you so much', 'thanks a lot', 'thanks very much', 'cheers', 'ok thanks',
    'okay thank you', 'great thanks', 'great thank you', 'perfect thanks', 'perfect thank you', "that's perfect thanks",
    "that's great thank you", 'thanks that works', 'much appreciated', 'nice thanks', 'lovely thank you', 'awesome thanks',
  ];
}

/** Every sentence, each as the recogniser's words (lower case, no punctuation). */
export function dialogueSentences(): string[] {
  return [...styleRequestSentences(), ...thanksSentences()];
}
