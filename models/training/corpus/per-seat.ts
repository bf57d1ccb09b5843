// A one-seat feature (recline, slide) said of a group: the catalog takes one seat per intent, so the group is written
// as one intent per seat ("recline the rear seats" → rear_left, rear_right).
import { GROUP_ZONES, type Zone } from '../../../intents/catalog.js';
import { seatsOf } from '../../../intents/zones.js';

/** The seats a group stands for, in seat order; any other zone (a seat, self) stands for itself. */
export function perSeat(zone: Zone): Zone[] {
  // The speaker does not matter for a group; seatsOf only needs one for self, which is not expanded here.
  return isGroup(zone) ? [...seatsOf(zone, 'driver')] : [zone];
}

/** Whether a zone names a group of seats (front, rear, all). */
export function isGroup(zone: Zone): zone is (typeof GROUP_ZONES)[number] {
  return (GROUP_ZONES as readonly Zone[]).includes(zone);
}
