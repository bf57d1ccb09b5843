// Queries answered from the reported vehicle state, one value per resolved target.
import { describe, expect, it } from 'vitest';
import { answerQuery } from '../../intents/query.js';
import { stateWith } from './plan-helpers.js';

const state = stateWith((s) => {
  s.hvac.temp.rear_left = 20.5;
  s.hvac.temp.rear_right = 24;
  s.seats.passenger.heat = 2;
  s.lights.ambient.color = 'cyan';
});

describe('answerQuery', () => {
  it('"what is the temperature in the back?" gives both rear zones', () => {
    expect(answerQuery({ intent: 'query', zone: 'rear', feature: 'hvac.temp' }, 'driver', state)).toEqual({
      ok: true,
      feature: 'hvac.temp',
      values: [
        { target: { kind: 'seat', seat: 'rear_left' }, value: 20.5 },
        { target: { kind: 'seat', seat: 'rear_right' }, value: 24 },
      ],
    });
  });

  it('self is the asking seat, or its row for the fan', () => {
    expect(answerQuery({ intent: 'query', zone: 'self', feature: 'seat.heat' }, 'passenger', state)).toMatchObject({ values: [{ value: 2 }] });
    expect(answerQuery({ intent: 'query', zone: 'self', feature: 'hvac.fan' }, 'rear_right', state)).toMatchObject({
      values: [{ target: { kind: 'row', row: 'rear' }, value: 2 }],
    });
  });

  it('cabin-wide features answer once; the cabin on a seat feature answers every seat', () => {
    expect(answerQuery({ intent: 'query', zone: 'self', feature: 'light.ambient_color' }, 'rear_left', state)).toMatchObject({
      values: [{ target: { kind: 'cabin' }, value: 'cyan' }],
    });
    const all = answerQuery({ intent: 'query', zone: 'cabin', feature: 'hvac.temp' }, 'driver', state);
    expect(all.ok && all.values.map((v) => v.value)).toEqual([22, 22, 20.5, 24]);
  });

  it('anyone may ask about anything, the driver seat included', () => {
    expect(answerQuery({ intent: 'query', zone: 'driver', feature: 'seat.recline' }, 'rear_left', state)).toMatchObject({ values: [{ value: 20 }] });
  });

  it('a query without a known feature is an error, not an answer', () => {
    expect(answerQuery({ intent: 'query', zone: 'self' }, 'driver', state)).toMatchObject({ ok: false, code: 'missing-value' });
    expect(answerQuery({ intent: 'query', zone: 'self', feature: 'window' }, 'driver', state)).toMatchObject({ ok: false, code: 'unknown-feature' });
  });
});
