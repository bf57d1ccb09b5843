// The closed loop of one actuation: send, wait for the ECU's status to show each change, resend once, then name what did not answer.
import { assign, setup } from 'xstate';
import type { CabinCommand } from '../../vehicle-bus/cabin/commands.js';
import type { CabinTelemetry } from '../../vehicle-bus/cabin/status-frames.js';
import type { Seat, VehicleState } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { readPath, type FeatureValue } from '../features.js';
import { commandsFor, type PlannedChange } from '../plan.js';
import { statusSourceOf } from './devices.js';

/** DESIGN: no status within 300 ms → resend once; still none → tell the occupant. */
export const RESEND_AFTER_MS = 300;

/**
 * How one change ended. `confirmed`: the status shows the requested value. `differs`: the status moved
 * to another value (an ECU that clamps, a fault) and the reply reports that value. `unchanged`: the ECU
 * kept reporting but never showed the change. `no-response`: no status from that ECU at all.
 */
export type ChangeResult = 'confirmed' | 'differs' | 'unchanged' | 'no-response';

export interface ChangeOutcome {
  change: PlannedChange;
  result: ChangeResult | 'waiting';
  /** The value the ECU last reported for this change, when it reported one. */
  actual?: FeatureValue;
  /** 1, or 2 when the command had to be resent. */
  attempts: number;
}

export interface LoopInput {
  job: string;
  speaker: Seat;
  changes: PlannedChange[];
  commands: CabinCommand[];
}

/** One accepted status frame, with the head unit's picture of the car after it. */
export interface StatusEvent {
  type: 'STATUS';
  message: string;
  state: VehicleState;
  telemetry: CabinTelemetry;
}

interface LoopContext extends LoopInput {
  outcomes: ChangeOutcome[];
  heard: string[];
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);
}

/** Seat motors report their position while they travel, so a move is confirmed by the accepted target. */
function expectedPath(c: PlannedChange): string {
  return c.expect.motionTarget ?? c.expect.path;
}

function observe(o: ChangeOutcome, ev: StatusEvent): ChangeOutcome {
  if (o.result !== 'waiting') return o;
  const path = expectedPath(o.change);
  if (statusSourceOf(path).message !== ev.message) return o;
  const value = path.startsWith('seat_motion.') ? readPath(ev.telemetry as never, path) : readPath(ev.state, path);
  if (value === undefined || value === null) return o;
  // A seat move is planned from where the motor was heading (planning-state.ts), which is what its motion
  // target holds until the ECU takes the new one; a third value is the ECU's own (a clamp), reported as such.
  const from = o.change.from;
  if (same(value, o.change.expect.value)) return { ...o, result: 'confirmed', actual: value };
  if (from !== undefined && !same(value, from)) return { ...o, result: 'differs', actual: value };
  return { ...o, actual: value };
}

const waiting = (ctx: LoopContext) => ctx.outcomes.filter((o) => o.result === 'waiting');

export const closedLoopMachine = setup({
  types: {} as {
    context: LoopContext;
    input: LoopInput;
    events: StatusEvent;
    output: ChangeOutcome[];
  },
  actions: {
    /** Puts frames on the bus; the host supplies it (`machine.provide`), the core does no I/O. */
    transmit: (_, _params: { commands: CabinCommand[]; attempt: number }) => {
      throw new Error('closed loop: the host must provide the transmit action');
    },
    observe: assign(({ context, event }) => ({
      outcomes: context.outcomes.map((o) => observe(o, event)),
      heard: context.heard.includes(event.message) ? context.heard : [...context.heard, event.message],
    })),
    countResend: assign(({ context }) => ({
      outcomes: context.outcomes.map((o) => (o.result === 'waiting' ? { ...o, attempts: 2 } : o)),
    })),
    giveUp: assign(({ context }) => ({
      outcomes: context.outcomes.map((o): ChangeOutcome => {
        if (o.result !== 'waiting') return o;
        const heard = context.heard.includes(statusSourceOf(expectedPath(o.change)).message);
        return { ...o, result: heard ? 'unchanged' : 'no-response' };
      }),
    })),
  },
  guards: {
    settled: ({ context }) => waiting(context).length === 0,
  },
  delays: {
    statusTimeout: RESEND_AFTER_MS,
  },
}).createMachine({
  id: 'closedLoop',
  context: ({ input }) => ({
    ...input,
    outcomes: input.changes.map((change) => ({ change, result: 'waiting', attempts: 1 })),
    heard: [],
  }),
  initial: 'sent',
  states: {
    sent: {
      entry: { type: 'transmit', params: ({ context }) => ({ commands: context.commands, attempt: 1 }) },
      always: { guard: 'settled', target: 'done' },
      on: { STATUS: { actions: 'observe' } },
      after: { statusTimeout: 'resent' },
    },
    resent: {
      // Only what is still unconfirmed goes out again: a confirmed change must not be repeated.
      entry: [
        'countResend',
        { type: 'transmit', params: ({ context }) => ({ commands: commandsFor(waiting(context).map((o) => o.change)), attempt: 2 }) },
      ],
      always: { guard: 'settled', target: 'done' },
      on: { STATUS: { actions: 'observe' } },
      after: { statusTimeout: { target: 'done', actions: 'giveUp' } },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.outcomes,
});
