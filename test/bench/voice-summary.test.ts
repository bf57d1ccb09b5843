// The voice bench's one-line reading of an utterance: which intents, how sure, and which hypothesis they came from.
import { describe, expect, it } from 'vitest';
import { summarize } from '../../bench/voice.bench.js';

describe('a voice bench reading', () => {
  it('names the intents and the confidence of a reading of the best hypothesis', () => {
    expect(summarize({ text: 'turn on the ac', intents: [{ intent: 'hvac.ac', zone: 'cabin', value: 'on' }], rank: 0, confidence: 0.812 }))
      .toBe('hvac.ac (0.81)');
    expect(summarize({ text: 'that was a great movie', intents: [], rank: 0, confidence: 0.4 })).toBe('nothing (0.40)');
  });

  it('says which lower hypothesis, or the grammar, a reading came from', () => {
    const intents = [{ intent: 'hvac.fan' as const, zone: 'self' as const, value: 5 }];
    expect(summarize({ text: 'set the fan to five', intents, rank: 2, confidence: 0.31 })).toBe('hvac.fan (0.31) from #3 "set the fan to five"');
    expect(summarize({ text: 'set the fan to five', intents, rank: -1, confidence: 0.5 })).toBe('hvac.fan (0.50) from the grammar "set the fan to five"');
  });
});
