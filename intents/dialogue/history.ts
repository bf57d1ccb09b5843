// The cabin's record of applied changes: what follow-ups repeat and undo restores.
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { actionForFollowup, lastActionOf } from '../followup.js';
import type { Plan } from '../plan.js';

/** Kept bounded: follow-ups and undo only ever look at the last few actions, and a soak must not grow. */
export const HISTORY_LIMIT = 64;

export interface HistoryEntry {
  plan: Plan;
  /** The turn that applied it: undo restores a whole request ("heat my seat and lights blue"), not half of one. */
  turn: number;
  /** An undo's own plan: "same for the passenger" may copy it, a second undo does not redo it. */
  isUndo: boolean;
  /** Set once an undo restored it, so the next undo goes one further back. */
  undone: boolean;
}

export class ActionHistory {
  private entries: HistoryEntry[] = [];
  private turns = 0;

  /** Starts a turn; the plans added until the next call belong to it. */
  beginTurn(): void {
    this.turns++;
  }

  add(plan: Plan, isUndo = false): void {
    if (plan.changes.length === 0) return;
    this.entries.push({ plan, turn: this.turns, isUndo, undone: false });
    if (this.entries.length > HISTORY_LIMIT) this.entries.splice(0, this.entries.length - HISTORY_LIMIT);
  }

  /** DESIGN: the speaker's last action, or else the most recent in the cabin. */
  forFollowup(speaker: Seat): Plan | undefined {
    return actionForFollowup(this.entries.map((e) => e.plan), speaker);
  }

  /**
   * What "undo" restores: every change of the speaker's last request that is neither an undo nor already
   * undone, latest first (so a chained request is unwound in reverse). Empty when there is none.
   */
  forUndo(speaker: Seat): Plan[] {
    const open = this.entries.filter((e) => !e.isUndo && !e.undone);
    const last = lastActionOf(open.map((e) => e.plan), speaker);
    if (!last) return [];
    const turn = open.find((e) => e.plan === last)!.turn;
    return open.filter((e) => e.turn === turn && e.plan.speaker === speaker).map((e) => e.plan).reverse();
  }

  markUndone(plan: Plan): void {
    const e = this.entries.find((x) => x.plan === plan);
    if (e) e.undone = true;
  }

  get size(): number {
    return this.entries.length;
  }
}
