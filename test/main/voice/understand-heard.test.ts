// Which reading of an utterance the dialogue gets: the open search's alternatives, and the command grammar's
// reading only where the open search was unsure and one of its alternatives asks for the same.
import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../intents/catalog.js';
import type { LanguageModel } from '../../../models/language-model.js';
import type { Recognition } from '../../../models/speech/recognizer.js';
import { understandHeard } from '../../../main/voice/understand-heard.js';

const FAN_5: Intent = { intent: 'hvac.fan', zone: 'self', value: 5 };
const FAN_ON: Intent = { intent: 'hvac.fan', zone: 'self', value: 'on' };
const AUTO_ON: Intent = { intent: 'hvac.auto', zone: 'cabin', value: 'on' };

/** A language model that knows a fixed table of sentences and nothing else (sure of each, unless told). */
function tableLm(table: Record<string, Intent[]>, certainty: Record<string, number> = {}): LanguageModel {
  return {
    understand: async (text) => ({ intents: table[text] ?? [], tokens: [], truncated: false, warnings: [], ms: 0, certainty: certainty[text] ?? 1 }),
    info: () => ({ name: 'table', path: '-' }),
    close: async () => {},
  };
}

const LM = tableLm({
  'set the fan to five': [FAN_5],
  'get the fan to mine': [FAN_ON],
  'get the fan to five': [FAN_5],
  'auto mode on': [AUTO_ON],
});

function heard(confidence: number, nbest: string[], grammar?: { text: string; confidence: number }): Recognition {
  const rec = (text: string, c: number, alts: string[]): Recognition => ({ text, confidence: c, nbest: alts.map((t, i) => ({ text: t, score: -i })), decodeMs: 1, audioMs: 1000 });
  return { ...rec(nbest[0] ?? '', confidence, nbest), ...(grammar ? { grammar: rec(grammar.text, grammar.confidence, [grammar.text]) } : {}) };
}

describe('understandHeard', () => {
  it('takes the first of the top three alternatives the language model understands', async () => {
    const m = await understandHeard(LM, heard(0.9, ['set flip on the volume', 'get the fan to five']), 'driver');
    expect(m).toEqual({ text: 'get the fan to five', intents: [FAN_5], rank: 1, confidence: 0.9 });
  });

  it("passes on the recogniser's confidence times the language model's certainty of its reading", async () => {
    const hesitant = tableLm({ 'the closet light to ruby': [{ intent: 'light.ambient_color', zone: 'cabin', value: 'red' }] }, { 'the closet light to ruby': 0.6 });
    const m = await understandHeard(hesitant, heard(0.45, ['the closet light to ruby']), 'driver');
    expect(m.intents).toHaveLength(1);
    // 0.45 alone would pass the dialogue's 0.3 bar; 0.27 gets "sorry, say again".
    expect(m.confidence).toBeCloseTo(0.27, 6);
    const none = await understandHeard(tableLm({}, { 'call mom': 0.5 }), heard(0.8, ['call mom']), 'driver');
    expect(none).toMatchObject({ intents: [], confidence: 0.4 });
  });

  it('keeps a style request or thanks as heard rather than a lower alternative the model reads as a car request', async () => {
    const lm = tableLm({ 'use the friendly style you off': [AUTO_ON], 'fan to you': [FAN_5] }, { 'use the friendly style': 0.2, 'thank you': 0.1 });
    const style = await understandHeard(lm, heard(0.7, ['use the friendly style', 'use the friendly style you off']), 'driver');
    // The recogniser's confidence alone: the model's certainty is about car intents.
    expect(style).toEqual({ text: 'use the friendly style', intents: [], rank: 0, confidence: 0.7 });
    const thanks = await understandHeard(lm, heard(0.4, ['thank you', 'fan to you'], { text: 'set the fan to five', confidence: 0.9 }), 'driver');
    expect(thanks).toMatchObject({ text: 'thank you', rank: 0, confidence: 0.4 });
    // Below an understood hypothesis it is not taken: the model's reading of the best hypothesis stands.
    const below = await understandHeard(LM, heard(0.9, ['auto mode on', 'thank you']), 'driver');
    expect(below.intents).toEqual([AUTO_ON]);
  });

  it('keeps a sure open reading even when the grammar heard something else', async () => {
    const m = await understandHeard(LM, heard(0.8, ['get the fan to mine'], { text: 'set the fan to five', confidence: 0.9 }), 'driver');
    expect(m.intents).toEqual([FAN_ON]);
    expect(m.rank).toBe(0);
  });

  it('takes the grammar reading when the open search was unsure and an alternative asks for the same intents', async () => {
    const rec = heard(0.35, ['get the fan to mine', 'set flip on the volume'], { text: 'set the fan to five', confidence: 0.7 });
    const m = await understandHeard(LM, rec, 'driver');
    expect(m).toEqual({ text: 'set the fan to five', intents: [FAN_5], rank: -1, confidence: 0.7 });
  });

  it('an agreeing alternative may lie below the top three', async () => {
    const rec = heard(0.2, ['um', 'uh', 'hmm', 'get the fan to mine'], { text: 'set the fan to five', confidence: 0.1 });
    const m = await understandHeard(LM, rec, 'driver');
    expect(m.rank).toBe(-1);
    // Neither search was sure: the dialogue still hears a low confidence and asks again.
    expect(m.confidence).toBe(0.2);
  });

  it('never acts on a grammar reading nothing in the open search supports (speech outside the catalog)', async () => {
    const rec = heard(0.4, ['call mom', 'call my mom'], { text: 'auto mode on', confidence: 0.9 });
    const m = await understandHeard(LM, rec, 'driver');
    expect(m).toEqual({ text: 'call mom', intents: [], rank: 0, confidence: 0.4 });
  });

  it('without a grammar reading, or with one the language model does not understand, the open reading stands', async () => {
    expect((await understandHeard(LM, heard(0.3, ['get the fan to mine']), 'driver')).intents).toEqual([FAN_ON]);
    const m = await understandHeard(LM, heard(0.3, ['get the fan to mine'], { text: 'volume up', confidence: 0.9 }), 'driver');
    expect(m).toEqual({ text: 'get the fan to mine', intents: [FAN_ON], rank: 0, confidence: 0.3 });
  });
});
