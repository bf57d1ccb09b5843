// Overlapping speech: who gets a shared feature when occupants ask for different values at once.
import { SEATS, type Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { FeatureValue, Target } from '../features.js';
import { commandsFor, type Plan, type PlannedChange } from '../plan.js';

/** DESIGN: driver, passenger, rear_left, rear_right. */
export const SEAT_PRIORITY: readonly Seat[] = SEATS;

export function byPriority<T extends { speaker: Seat }>(turns: readonly T[]): T[] {
  return [...turns].sort((a, b) => SEAT_PRIORITY.indexOf(a.speaker) - SEAT_PRIORITY.indexOf(b.speaker));
}

/** A change an occupant asked for and did not get because a higher-priority seat asked otherwise. */
export interface Loss {
  feature: string;
  target: Target;
  wanted: FeatureValue;
  winner: Seat;
  value: FeatureValue;
}

/**
 * The state paths already taken in one overlapping batch. Turns are planned in priority order and
 * each claims what it changes; a later (lower-priority) turn that sets a claimed path to another value
 * loses that change. Setting it to the same value is no conflict: both are served.
 */
export class Claims {
  private readonly taken = new Map<string, { seat: Seat; value: FeatureValue }>();

  /** Splits a plan into what this speaker keeps and what they lost; claims what they keep. */
  settle(plan: Plan): { plan: Plan; lost: Loss[] } {
    const kept: PlannedChange[] = [];
    const lost: Loss[] = [];
    for (const c of plan.changes) {
      const claim = this.taken.get(c.expect.path);
      if (claim && claim.seat !== plan.speaker && claim.value !== c.to) {
        lost.push({ feature: c.feature, target: c.target, wanted: c.to, winner: claim.seat, value: claim.value });
      } else {
        kept.push(c);
        this.taken.set(c.expect.path, { seat: plan.speaker, value: c.to });
      }
    }
    if (lost.length === 0) return { plan, lost };
    return { plan: { ...plan, changes: kept, commands: commandsFor(kept) }, lost };
  }
}
