// What the conversation panel shows for a turn: the intents acted on, or what a turn about the conversation was.
import { describe, expect, it } from 'vitest';
import { turnView } from '../../../main/app/turn-view.js';
import type { LiveTurn } from '../../../main/app/live-cabin.js';

const base: LiveTurn = {
  turn: 't1', speaker: 'driver', text: 'heat my seat', lang: 'en', intents: [{ intent: 'seat.heat', zone: 'self', value: 'on' }],
  style: 'friendly', items: [], outcomes: [], reply: 'Sure!', firstFrameAt: 12.5, requestedAt: 10,
};

describe('turnView', () => {
  it('lists each intent on one line, and the time from request to first frame', () => {
    const v = turnView(base);
    expect([v.understood, v.latencyMs]).toEqual([['seat.heat @self value="on"'], 2.5]);
  });

  it('says a style request with the style it gave, and thanks as thanks, not as the intents the model read', () => {
    expect(turnView({ ...base, text: 'be more formal', intents: [], style: 'formal', about: 'style', firstFrameAt: null }).understood).toEqual(['style request → formal']);
    expect(turnView({ ...base, text: 'thank you', intents: [], about: 'thanks', firstFrameAt: null }).understood).toEqual(['thanks']);
  });
});
