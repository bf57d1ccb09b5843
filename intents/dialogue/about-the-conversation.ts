// An utterance about the conversation rather than the car: a style request or thanks, and nothing else.
//
// The dialogue serves these itself (style-request.ts, gratitude.ts), whatever the model reads in them. The voice
// path takes the first recogniser hypothesis the model understands; it must stop at one of these too, or it
// trades "use the friendly style" for a lower hypothesis the model reads as a car request ("use the friendly
// style you off" → air conditioning off).
import { isThanksOnly } from './gratitude.js';
import { onlyStyleRequestOf, REQUESTABLE_STYLES } from './style-request.js';

export function isAboutTheConversation(text: string): boolean {
  return onlyStyleRequestOf(text, REQUESTABLE_STYLES) !== undefined || isThanksOnly(text);
}
