// Zone resolution: self, seats, groups, rows and cabin become concrete targets for each speaker.
import { describe, expect, it } from 'vitest';
import { concreteZone, resolveZone, rowOf } from '../../intents/zones.js';

describe('resolveZone', () => {
  it('self is the speaker seat for seat features', () => {
    expect(resolveZone('seat.heat', 'self', 'rear_left')).toEqual([{ kind: 'seat', seat: 'rear_left' }]);
    expect(resolveZone('hvac.temp', undefined, 'passenger')).toEqual([{ kind: 'seat', seat: 'passenger' }]);
  });

  it('groups expand to their seats in seat order', () => {
    expect(resolveZone('seat.heat', 'front', 'rear_right')).toEqual([
      { kind: 'seat', seat: 'driver' },
      { kind: 'seat', seat: 'passenger' },
    ]);
    expect(resolveZone('light.reading', 'rear', 'driver')).toEqual([
      { kind: 'seat', seat: 'rear_left' },
      { kind: 'seat', seat: 'rear_right' },
    ]);
    expect(resolveZone('hvac.temp', 'all', 'driver').map((t) => (t.kind === 'seat' ? t.seat : '?'))).toEqual([
      'driver',
      'passenger',
      'rear_left',
      'rear_right',
    ]);
  });

  it('a named seat is that seat whoever speaks', () => {
    expect(resolveZone('seat.recline', 'driver', 'rear_left')).toEqual([{ kind: 'seat', seat: 'driver' }]);
  });

  it.each([
    ['driver', 'front'],
    ['passenger', 'front'],
    ['rear_left', 'rear'],
    ['rear_right', 'rear'],
  ] as const)('fan and airflow "self" from %s is the %s row', (speaker, row) => {
    expect(resolveZone('hvac.fan', 'self', speaker)).toEqual([{ kind: 'row', row }]);
    expect(resolveZone('hvac.airflow', undefined, speaker)).toEqual([{ kind: 'row', row }]);
    expect(rowOf(speaker)).toBe(row);
  });

  it('row features take rows; a seat means its row, all means both', () => {
    expect(resolveZone('hvac.fan', 'rear', 'driver')).toEqual([{ kind: 'row', row: 'rear' }]);
    expect(resolveZone('hvac.fan', 'passenger', 'rear_left')).toEqual([{ kind: 'row', row: 'front' }]);
    expect(resolveZone('hvac.fan', 'all', 'driver')).toEqual([
      { kind: 'row', row: 'front' },
      { kind: 'row', row: 'rear' },
    ]);
  });

  it('cabin features are the cabin whatever the zone', () => {
    expect(resolveZone('light.ambient', 'cabin', 'rear_left')).toEqual([{ kind: 'cabin' }]);
    expect(resolveZone('hvac.ac', 'self', 'driver')).toEqual([{ kind: 'cabin' }]);
  });

  it('cabin on a seat feature (a query about the car) means every seat', () => {
    expect(resolveZone('hvac.temp', 'cabin', 'driver')).toHaveLength(4);
  });

  it('rejects a feature the car does not have', () => {
    expect(() => resolveZone('window.open', 'self', 'driver')).toThrow(/not a feature/);
  });
});

describe('concreteZone', () => {
  it('replaces self with the speaker seat, row or cabin and keeps named zones', () => {
    expect(concreteZone('seat.heat', 'self', 'rear_right')).toBe('rear_right');
    expect(concreteZone('hvac.fan', undefined, 'rear_right')).toBe('rear');
    expect(concreteZone('hvac.fan', 'self', 'passenger')).toBe('front');
    expect(concreteZone('light.dome', 'self', 'driver')).toBe('cabin');
    expect(concreteZone('seat.heat', 'all', 'driver')).toBe('all');
  });
});
