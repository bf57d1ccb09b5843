// What the voice path must not trade for a lower recogniser hypothesis: a style request or thanks said alone.
import { describe, expect, it } from 'vitest';
import { isAboutTheConversation } from '../../../intents/dialogue/about-the-conversation.js';
import { REQUESTABLE_STYLES } from '../../../intents/dialogue/style-request.js';
import { SPOKEN_CONVERSATION } from '../../../bench/voice-commands.js';

describe('isAboutTheConversation', () => {
  it('is true for a style request or thanks said alone, in either language, as a recogniser writes it', () => {
    for (const t of ['be more formal', 'can u speak more formally', 'switch to kid mode', 'thank you', 'great thanks', '说话正式一点', '谢谢']) {
      expect(isAboutTheConversation(t), t).toBe(true);
    }
  });

  it('is false for a car request, even one holding a style word or thanks', () => {
    for (const t of ['the kids want to be warm', 'thanks now turn off the light', 'use the friendly style you off', 'a bit more', 'be more for me', '']) {
      expect(isAboutTheConversation(t), t).toBe(false);
    }
  });

  it('knows each preset a style request can name', () => {
    expect([...REQUESTABLE_STYLES].sort()).toEqual(['concise', 'formal', 'friendly', 'playful']);
  });

  it("holds for each of the voice bench's spoken style requests and thanks typed (else its row would compare nothing)", () => {
    expect(SPOKEN_CONVERSATION.filter((t) => !isAboutTheConversation(t))).toEqual([]);
  });
});
