// One occupant zone's dialogue: a pending yes/no question, answers to it, and the seat's reply style.
import { assign, emit, setup } from 'xstate';
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { Intent } from '../catalog.js';
import type { Lang } from './language.js';

/** A question waits this long for yes or no; silence after it means no. */
export const ANSWER_TIMEOUT_MS = 10_000;

const ANSWERS = new Set(['dialog.yes', 'dialog.no', 'dialog.cancel']);

export interface PendingQuestion {
  intents: Intent[];
  lang: Lang;
}

export interface ZoneInput {
  seat: Seat;
  style: string;
}

interface ZoneContext extends ZoneInput {
  pending: PendingQuestion | null;
}

export type ZoneEvent =
  | { type: 'UTTERANCE'; intents: Intent[]; lang: Lang }
  /** The arbiter found that a request needs the occupant's yes first. */
  | { type: 'ASK'; question: PendingQuestion }
  | { type: 'STYLE'; style: string };

/**
 * What the zone decided, as emitted events. `act`: plan these intents (`confirmed` when they are the
 * answer to a question). `answered`: a yes/no/cancel that needs only a reply (message key).
 */
export type ZoneEmitted =
  | { type: 'act'; seat: Seat; intents: Intent[]; confirmed: boolean }
  | { type: 'answered'; seat: Seat; key: 'confirm.declined' | 'confirm.nothing-pending' | 'cancel.done' | 'cancel.nothing-pending' }
  | { type: 'expired'; seat: Seat; question: PendingQuestion };

const answerOf = (intents: Intent[]) => intents.find((i) => ANSWERS.has(i.intent))?.intent;
const rest = (intents: Intent[]) => intents.filter((i) => !ANSWERS.has(i.intent));

export const zoneMachine = setup({
  types: {} as { context: ZoneContext; input: ZoneInput; events: ZoneEvent; emitted: ZoneEmitted },
  guards: {
    saysYes: ({ event }) => event.type === 'UTTERANCE' && answerOf(event.intents) === 'dialog.yes',
    saysNoOrCancel: ({ event }) => event.type === 'UTTERANCE' && (answerOf(event.intents) === 'dialog.no' || answerOf(event.intents) === 'dialog.cancel'),
    onlyAnswers: ({ event }) => event.type === 'UTTERANCE' && answerOf(event.intents) !== undefined && rest(event.intents).length === 0,
  },
  actions: {
    setStyle: assign({ style: ({ context, event }) => (event.type === 'STYLE' ? event.style : context.style) }),
  },
  delays: { answerTimeout: ANSWER_TIMEOUT_MS },
}).createMachine({
  id: 'zone',
  context: ({ input }) => ({ ...input, pending: null }),
  initial: 'idle',
  on: { STYLE: { actions: 'setStyle' } },
  states: {
    idle: {
      on: {
        ASK: { target: 'awaitingAnswer', actions: assign({ pending: ({ event }) => event.question }) },
        UTTERANCE: [
          {
            // "yes"/"no"/"cancel" with nothing asked: say so rather than guess what it refers to.
            guard: 'onlyAnswers',
            actions: emit(({ context, event }) => ({
              type: 'answered' as const,
              seat: context.seat,
              key: (answerOf(event.intents) === 'dialog.cancel' ? 'cancel.nothing-pending' : 'confirm.nothing-pending') as 'cancel.nothing-pending',
            })),
          },
          { actions: emit(({ context, event }) => ({ type: 'act' as const, seat: context.seat, intents: rest(event.intents), confirmed: false })) },
        ],
      },
    },
    awaitingAnswer: {
      after: {
        answerTimeout: {
          target: 'idle',
          actions: [emit(({ context }) => ({ type: 'expired' as const, seat: context.seat, question: context.pending! })), assign({ pending: null })],
        },
      },
      on: {
        ASK: { target: 'awaitingAnswer', reenter: true, actions: assign({ pending: ({ event }) => event.question }) },
        UTTERANCE: [
          {
            guard: 'saysYes',
            target: 'idle',
            actions: [
              emit(({ context, event }) => ({
                type: 'act' as const,
                seat: context.seat,
                intents: [...context.pending!.intents, ...rest(event.intents)],
                confirmed: true,
              })),
              assign({ pending: null }),
            ],
          },
          {
            guard: 'saysNoOrCancel',
            target: 'idle',
            actions: [
              emit(({ context, event }) => ({
                type: 'answered' as const,
                seat: context.seat,
                key: (answerOf(event.intents) === 'dialog.cancel' ? 'cancel.done' : 'confirm.declined') as 'cancel.done',
              })),
              assign({ pending: null }),
            ],
          },
          {
            // A new request instead of an answer: the question is dropped and the request served.
            target: 'idle',
            actions: [
              emit(({ context, event }) => ({ type: 'act' as const, seat: context.seat, intents: event.intents, confirmed: false })),
              assign({ pending: null }),
            ],
          },
        ],
      },
    },
  },
});
