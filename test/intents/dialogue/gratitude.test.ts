// Thanks and nothing else is recognised in both languages; thanks beside a request is the request.
import { describe, expect, it } from 'vitest';
import { isThanksOnly } from '../../../intents/dialogue/gratitude.js';

describe('isThanksOnly', () => {
  it('recognises thanks said alone or with praise', () => {
    for (const t of ['thanks', 'Thank you so much!', "thanks, that's much better", 'great, thanks', 'cheers', '谢谢', '好的谢谢', '谢谢你，很舒服']) {
      expect(isThanksOnly(t), t).toBe(true);
    }
  });

  it('leaves requests, and praise without thanks, to the model', () => {
    for (const t of ['thanks but make it warmer', 'thanks for nothing, turn it off', 'perfect', 'ok', '谢谢，把灯关了', '好的', 'heat my seat']) {
      expect(isThanksOnly(t), t).toBe(false);
    }
  });
});
