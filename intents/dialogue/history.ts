// The cabin's record of applied changes: what follow-ups repeat and undo restores.
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { actionForFollowup, lastActionOf } from '../followup.js';
import type { Plan } from '../plan.js';

/** Kept bounded: follow-ups and undo only ever look at the last few actions, and a soak must not grow. */
export const HISTORY_LIMIT = 64;

export interface HistoryEntry {
  plan: Plan;
  /** An undo's own plan: "same for the passenger" may copy it, a second undo does not redo it. */
  isUndo: boolean;
  /** Set once an undo restored it, so the next undo goes one further back. */
  undone: boolean;
}

export class ActionHistory {
  private entries: HistoryEntry[] = [];

  add(plan: Plan, isUndo = false): void {
    if (plan.changes.length === 0) return;
    this.entries.push({ plan, isUndo, undone: false });
    if (this.entries.length > HISTORY_LIMIT) this.entries.splice(0, this.entries.length - HISTORY_LIMIT);
  }

  /** DESIGN: the speaker's last action, or else the most recent in the cabin. */
  forFollowup(speaker: Seat): Plan | undefined {
    return actionForFollowup(this.entries.map((e) => e.plan), speaker);
  }

  /** The speaker's last change that is neither an undo nor already undone. */
  forUndo(speaker: Seat): Plan | undefined {
    return lastActionOf(this.entries.filter((e) => !e.isUndo && !e.undone).map((e) => e.plan), speaker);
  }

  markUndone(plan: Plan): void {
    const e = this.entries.find((x) => x.plan === plan);
    if (e) e.undone = true;
  }

  get size(): number {
    return this.entries.length;
  }
}
