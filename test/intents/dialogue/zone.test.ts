// The zone machine on xstate's SimulatedClock: questions, yes/no/cancel, a new request instead of an answer, the answer timeout.
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { ANSWER_TIMEOUT_MS, zoneMachine, type ZoneEmitted } from '../../../intents/dialogue/zone.machine.js';
import type { Intent } from '../../../intents/catalog.js';

const heat: Intent = { intent: 'seat.heat', zone: 'passenger', value: 'on' };
const say = (...names: string[]) => ({ type: 'UTTERANCE' as const, lang: 'en' as const, intents: names.map((intent) => ({ intent })) });

function zone() {
  const clock = new SimulatedClock();
  const actor = createActor(zoneMachine, { clock, input: { seat: 'driver', style: 'friendly' } });
  const out: ZoneEmitted[] = [];
  actor.on('*', (e) => out.push(e));
  actor.start();
  return { clock, actor, out };
}

describe('zone machine', () => {
  it('passes a request on to be acted on', () => {
    const z = zone();
    z.actor.send({ type: 'UTTERANCE', lang: 'en', intents: [heat] });
    expect(z.out).toEqual([{ type: 'act', seat: 'driver', intents: [heat], confirmed: false }]);
  });

  it('after a question, "yes" acts on the pending intents as confirmed', () => {
    const z = zone();
    z.actor.send({ type: 'ASK', question: { intents: [heat], lang: 'en' } });
    expect(z.actor.getSnapshot().value).toBe('awaitingAnswer');
    z.actor.send(say('dialog.yes'));
    expect(z.out).toEqual([{ type: 'act', seat: 'driver', intents: [heat], confirmed: true }]);
    expect(z.actor.getSnapshot().value).toBe('idle');
  });

  it('"no" and "cancel" drop the question with different replies', () => {
    const z = zone();
    z.actor.send({ type: 'ASK', question: { intents: [heat], lang: 'en' } });
    z.actor.send(say('dialog.no'));
    z.actor.send({ type: 'ASK', question: { intents: [heat], lang: 'en' } });
    z.actor.send(say('dialog.cancel'));
    expect(z.out.map((e) => (e.type === 'answered' ? e.key : e.type))).toEqual(['confirm.declined', 'cancel.done']);
  });

  it('yes, no or cancel with nothing asked say so', () => {
    const z = zone();
    z.actor.send(say('dialog.yes'));
    z.actor.send(say('dialog.cancel'));
    expect(z.out.map((e) => (e.type === 'answered' ? e.key : e.type))).toEqual(['confirm.nothing-pending', 'cancel.nothing-pending']);
  });

  it('a new request instead of an answer drops the question and is served', () => {
    const z = zone();
    z.actor.send({ type: 'ASK', question: { intents: [heat], lang: 'en' } });
    z.actor.send(say('light.dome'));
    expect(z.out).toEqual([{ type: 'act', seat: 'driver', intents: [{ intent: 'light.dome' }], confirmed: false }]);
    z.actor.send(say('dialog.yes'));
    expect(z.out.at(-1)).toMatchObject({ type: 'answered', key: 'confirm.nothing-pending' });
  });

  it('a question expires after the answer timeout', () => {
    const z = zone();
    z.actor.send({ type: 'ASK', question: { intents: [heat], lang: 'en' } });
    z.clock.increment(ANSWER_TIMEOUT_MS - 1);
    expect(z.actor.getSnapshot().value).toBe('awaitingAnswer');
    z.clock.increment(1);
    expect(z.actor.getSnapshot().value).toBe('idle');
    expect(z.out).toEqual([{ type: 'expired', seat: 'driver', question: { intents: [heat], lang: 'en' } }]);
  });

  it('keeps its style and changes it on request', () => {
    const z = zone();
    z.actor.send({ type: 'STYLE', style: 'formal' });
    expect(z.actor.getSnapshot().context.style).toBe('formal');
  });
});
