// Zone resolution: turns an intent's zone (self, a seat, a group, a row, cabin) into the concrete targets for a speaker.
import { SEATS, type Row, type Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';
import type { Zone } from './catalog.js';
import { featureDef, type Target } from './features.js';

const GROUP_SEATS: Record<'front' | 'rear' | 'all', readonly Seat[]> = {
  front: ['driver', 'passenger'],
  rear: ['rear_left', 'rear_right'],
  all: SEATS,
};

export function rowOf(seat: Seat): Row {
  return seat === 'driver' || seat === 'passenger' ? 'front' : 'rear';
}

const seatTarget = (seat: Seat): Target => ({ kind: 'seat', seat });
const rowTarget = (row: Row): Target => ({ kind: 'row', row });

/** The seats a zone names, `self` being the speaker's; `cabin` means every seat (a query "in the car"). */
export function seatsOf(zone: Zone, speaker: Seat): readonly Seat[] {
  if (zone === 'self') return [speaker];
  if (zone === 'cabin') return SEATS;
  if (zone === 'front' || zone === 'rear' || zone === 'all') return GROUP_SEATS[zone];
  return [zone];
}

/** The group made of exactly these seats, if one is ("rear" for rear_left and rear_right, in any order). */
export function groupOfSeats(seats: readonly Seat[]): 'front' | 'rear' | 'all' | undefined {
  const set = new Set(seats);
  const groups = Object.entries(GROUP_SEATS) as ['front' | 'rear' | 'all', readonly Seat[]][];
  return groups.find(([, members]) => members.length === set.size && members.every((m) => set.has(m)))?.[0];
}

/**
 * Concrete targets of `feature` at `zone` for `speaker`, in seat order, without duplicates.
 *
 * Resolution is total on purpose: the model's grammar limits zones per intent, but follow-ups and
 * queries carry zones chosen for another feature ("same for the passenger" after a fan change), so
 * a seat on a row feature means that seat's row, a group on a row feature its rows, and any zone on
 * a cabin-wide feature the cabin.
 */
export function resolveZone(feature: string, zone: Zone | undefined, speaker: Seat): Target[] {
  const { scope } = featureDef(feature);
  if (scope === 'cabin') return [{ kind: 'cabin' }];
  const seats = seatsOf(zone ?? 'self', speaker);
  if (scope === 'seat') return seats.map(seatTarget);
  const rows: Row[] = [];
  for (const s of seats) if (!rows.includes(rowOf(s))) rows.push(rowOf(s));
  return rows.map(rowTarget);
}

/**
 * The zone that names `target` independently of who speaks, so an action can be repeated or
 * followed up by another occupant without `self` changing meaning.
 */
export function zoneOfTarget(target: Target): Zone {
  return target.kind === 'seat' ? target.seat : target.kind === 'row' ? target.row : 'cabin';
}

/** `zone` with `self` replaced by what it meant for `speaker` (their seat, or their row for row features). */
export function concreteZone(feature: string, zone: Zone | undefined, speaker: Seat): Zone {
  const z = zone ?? 'self';
  if (z !== 'self') return z;
  const { scope } = featureDef(feature);
  if (scope === 'cabin') return 'cabin';
  return scope === 'row' ? rowOf(speaker) : speaker;
}
