// One occupant's intents against the reported state and the cabin history: plans, refusals, queries, questions and problems.
import type { Seat, VehicleState } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { Intent } from '../catalog.js';
import { followupIntent, undoPlan } from '../followup.js';
import { planIntent, type Plan } from '../plan.js';
import { answerQuery, type QueryAnswer } from '../query.js';
import type { Claims, Loss } from './arbitration.js';
import type { ActionHistory } from './history.js';

/** When a style wants a yes first: `never`; `others` (changes to another occupant's seat or zone); `always`. */
export interface ConfirmPolicy {
  mode: 'never' | 'others' | 'always';
  /** Features that always need a yes under this style, whatever the mode (e.g. seat.recline). */
  features: readonly string[];
}

export type ProblemCode = 'nothing-to-follow-up' | 'nothing-to-undo' | 'unknown-feature' | 'missing-value' | 'invalid-value';

/** One thing the reply talks about. A turn has one item per intent, or one `not-understood`. */
export type TurnItem =
  /** `lost`: parts a higher-priority seat took in the same overlapping batch (not sent). */
  | { kind: 'change'; plan: Plan; undo: boolean; lost: Loss[] }
  | { kind: 'query'; answer: QueryAnswer }
  | { kind: 'ask'; intents: Intent[]; plans: Plan[] }
  | { kind: 'problem'; code: ProblemCode; detail: string; intent: string }
  | { kind: 'not-understood' };

export interface TurnInput {
  speaker: Seat;
  intents: Intent[];
  /** The intents are the answer to a question: do not ask again. */
  confirmed: boolean;
  confirm: ConfirmPolicy;
}

const DIALOG = new Set(['dialog.yes', 'dialog.no', 'dialog.cancel']);

/** Whether a plan needs the occupant's yes under the policy. */
export function needsConfirmation(policy: ConfirmPolicy, plan: Plan): boolean {
  if (plan.changes.length === 0) return false;
  if (policy.mode === 'always' || policy.features.includes(plan.intent.intent)) return true;
  if (policy.mode === 'never') return false;
  return plan.changes.some((c) => c.target.kind === 'seat' && c.target.seat !== plan.speaker);
}

/**
 * Plans every intent of a turn in order against a working copy of the state, so a chained request
 * ("heat my seat and then a bit more") builds on its own first part. `history` gets each applied plan.
 */
export function interpretTurn(turn: TurnInput, state: VehicleState, history: ActionHistory, claims?: Claims): TurnItem[] {
  const { speaker } = turn;
  const intents = turn.intents.filter((i) => !DIALOG.has(i.intent));
  if (intents.length === 0) return [{ kind: 'not-understood' }];
  const items: TurnItem[] = [];
  const asked: { intents: Intent[]; plans: Plan[] } = { intents: [], plans: [] };
  let working = state;
  history.beginTurn();
  const apply = (plan: Plan, undo: boolean) => {
    const settled = claims ? claims.settle(plan) : { plan, lost: [] };
    items.push({ kind: 'change', plan: settled.plan, undo, lost: settled.lost });
    history.add(settled.plan, undo);
    working = applyPlanned(working, settled.plan);
  };

  for (const intent of intents) {
    if (intent.intent === 'query') {
      const a = answerQuery(intent, speaker, working);
      items.push(a.ok ? { kind: 'query', answer: a } : { kind: 'problem', code: a.code, detail: a.detail, intent: intent.intent });
      continue;
    }
    if (intent.intent === 'dialog.undo') {
      const last = history.forUndo(speaker);
      if (last.length === 0) {
        items.push({ kind: 'problem', code: 'nothing-to-undo', detail: 'no change of yours to undo', intent: intent.intent });
        continue;
      }
      for (const l of last) {
        history.markUndone(l);
        apply(undoPlan(l, working), true);
      }
      continue;
    }
    let wanted: Intent = intent;
    if (intent.intent === 'followup') {
      const last = history.forFollowup(speaker);
      const f = last ? followupIntent(intent, last) : undefined;
      if (!f || !('intent' in f)) {
        items.push(f ? { kind: 'problem', code: f.code, detail: f.detail, intent: intent.intent } : { kind: 'problem', code: 'nothing-to-follow-up', detail: 'nothing said before to follow up', intent: intent.intent });
        continue;
      }
      wanted = f;
    }
    const plan = planIntent(wanted, speaker, working);
    if (!plan.ok) {
      items.push({ kind: 'problem', code: plan.code, detail: plan.detail, intent: wanted.intent });
      continue;
    }
    if (!turn.confirmed && needsConfirmation(turn.confirm, plan)) {
      asked.intents.push(intent);
      asked.plans.push(plan);
      continue;
    }
    apply(plan, false);
  }
  if (asked.plans.length) items.push({ kind: 'ask', ...asked });
  return items;
}

/** The state as it will be once a plan's changes land (planning the next part of the same turn). */
export function applyPlanned(state: VehicleState, plan: Plan): VehicleState {
  if (plan.changes.length === 0) return state;
  const next = structuredClone(state);
  for (const c of plan.changes) {
    const keys = c.expect.path.split('.');
    let node = next as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
    node[keys.at(-1)!] = c.to;
  }
  return next;
}
