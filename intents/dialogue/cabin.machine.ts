// The cabin arbiter: plans each batch of (possibly overlapping) turns in seat priority, runs one closed loop per turn, reports back.
import { assign, emit, enqueueActions, setup } from 'xstate';
import type { Seat, VehicleState } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { Intent } from '../catalog.js';
import { commandsFor, type PlannedChange } from '../plan.js';
import { byPriority, Claims } from './arbitration.js';
import { closedLoopMachine, type ChangeOutcome, type StatusEvent } from './closed-loop.machine.js';
import { ActionHistory } from './history.js';
import { interpretTurn, type ConfirmPolicy, type TurnItem } from './interpret.js';

export interface BatchTurn {
  turn: string;
  speaker: Seat;
  intents: Intent[];
  confirmed: boolean;
  confirm: ConfirmPolicy;
}

export type CabinEvent =
  /** Turns whose utterances overlapped (one turn: an ordinary request); `state` is what the ECUs last reported. */
  | { type: 'BATCH'; turns: BatchTurn[]; state: VehicleState }
  | StatusEvent
  | { type: `xstate.done.actor.${string}`; output: ChangeOutcome[] };

export type CabinEmitted =
  /** `job` is set when the turn sent something; its `settled` follows once the ECUs answered (or did not). */
  | { type: 'planned'; turn: string; speaker: Seat; items: TurnItem[]; job: string | null }
  | { type: 'settled'; turn: string; job: string; outcomes: ChangeOutcome[] };

interface CabinContext {
  history: ActionHistory;
  /** Running closed loops: job id → turn id. */
  jobs: Record<string, string>;
}

/**
 * The lowest free job id. Ids are reused on purpose: xstate caches transitions per event type, and
 * each distinct child id makes a distinct `xstate.done.actor.<id>` type, so fresh ids per request
 * grow that cache without bound over a long drive (measured: ~0.3 kB per request).
 */
function freeJobId(jobs: Record<string, string>): string {
  for (let i = 1; ; i++) if (!(`job-${i}` in jobs)) return `job-${i}`;
}

/** The changes a turn sends: the last change per path (a chained "on, then more" ends at the second value). */
export function jobChanges(items: readonly TurnItem[]): PlannedChange[] {
  const byPath = new Map<string, PlannedChange>();
  for (const item of items) if (item.kind === 'change') for (const c of item.plan.changes) byPath.set(c.expect.path, c);
  return [...byPath.values()];
}

export const cabinMachine = setup({
  types: {} as { context: CabinContext; events: CabinEvent; emitted: CabinEmitted; input: { history?: ActionHistory } },
  actors: { closedLoop: closedLoopMachine },
}).createMachine({
  id: 'cabin',
  context: ({ input }) => ({ history: input.history ?? new ActionHistory(), jobs: {} }),
  on: {
    BATCH: {
      actions: enqueueActions(({ context, event, enqueue }) => {
        // Priority order decides conflicts inside the batch; with one turn it is just that turn.
        const claims = new Claims();
        const jobs = { ...context.jobs };
        for (const t of byPriority(event.turns)) {
          const items = interpretTurn(t, event.state, context.history, event.turns.length > 1 ? claims : undefined);
          const changes = jobChanges(items);
          let job: string | null = null;
          if (changes.length) {
            job = freeJobId(jobs);
            jobs[job] = t.turn;
            enqueue.spawnChild('closedLoop', { id: job, input: { job, speaker: t.speaker, changes, commands: commandsFor(changes) } });
          }
          enqueue(emit({ type: 'planned', turn: t.turn, speaker: t.speaker, items, job }));
        }
        enqueue(assign({ jobs }));
      }),
    },
    STATUS: {
      actions: enqueueActions(({ context, event, enqueue }) => {
        for (const job of Object.keys(context.jobs)) enqueue.sendTo(job, event);
      }),
    },
    'xstate.done.actor.*': {
      actions: enqueueActions(({ context, event, enqueue }) => {
        const job = event.type.slice('xstate.done.actor.'.length);
        const turn = context.jobs[job];
        if (turn === undefined) return;
        const { [job]: _, ...jobs } = context.jobs;
        enqueue(assign({ jobs }));
        // A finished child stays in the snapshot until stopped: without this a long drive leaks one actor per request.
        enqueue.stopChild(job);
        enqueue(emit({ type: 'settled', turn, job, outcomes: (event as { output: ChangeOutcome[] }).output }));
      }),
    },
  },
});
