// The dialogue's event stream: each step of a conversation as plain data, and a one-line form for logs and snapshots.
import type { CabinCommand } from '../../vehicle-bus/cabin/commands.js';
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import type { Intent } from '../catalog.js';
import { targetLabel } from '../features.js';
import type { ChangeOutcome } from './closed-loop.machine.js';
import type { TurnItem } from './interpret.js';
import type { Lang } from './language.js';

export type DialogueEvent =
  | { type: 'heard'; turn: string; speaker: Seat; text: string; lang: Lang; intents: Intent[] }
  | { type: 'planned'; turn: string; speaker: Seat; items: TurnItem[]; job: string | null }
  | { type: 'sent'; job: string; attempt: number; commands: CabinCommand[] }
  | { type: 'settled'; turn: string; job: string; outcomes: ChangeOutcome[] }
  | { type: 'replied'; turn: string; speaker: Seat; reply: string };

function item(i: TurnItem): string {
  switch (i.kind) {
    case 'change': {
      const changes = i.plan.changes.map((c) => `${c.feature}@${targetLabel(c.target)}=${JSON.stringify(c.to)}${c.clamped ? `(clamped from ${c.clamped.requested})` : ''}`);
      const refused = i.plan.refused.map((r) => `refused ${r.feature}@${targetLabel(r.target)} ${r.rule}`);
      const lost = i.lost.map((l) => `lost ${l.feature}@${targetLabel(l.target)} to ${l.winner}`);
      return [i.undo ? 'undo' : 'change', ...changes, ...refused, ...lost].join(' ');
    }
    case 'query':
      return `query ${i.answer.feature} ${i.answer.values.map((v) => `${targetLabel(v.target)}=${JSON.stringify(v.value)}`).join(' ')}`;
    case 'ask':
      return `ask ${i.intents.map((x) => x.intent).join(',')}`;
    case 'problem':
      return `problem ${i.code} (${i.intent})`;
    case 'not-understood':
      return 'not-understood';
  }
}

/** One stable line per event (no timestamps), so whole conversations can be snapshot-tested. */
export function describeEvent(e: DialogueEvent): string {
  switch (e.type) {
    case 'heard':
      return `${e.turn} heard ${e.speaker} [${e.lang}] ${JSON.stringify(e.text)} -> ${JSON.stringify(e.intents)}`;
    case 'planned':
      return `${e.turn} planned ${e.items.map(item).join(' | ')}${e.job ? ` as ${e.job}` : ''}`;
    case 'sent':
      return `${e.job} sent#${e.attempt} ${JSON.stringify(e.commands)}`;
    case 'settled':
      return `${e.turn} settled ${e.outcomes.map((o) => `${o.change.expect.path}:${o.result}${o.actual !== undefined ? `=${JSON.stringify(o.actual)}` : ''}${o.attempts > 1 ? ' (resent)' : ''}`).join(' ')}`;
    case 'replied':
      return `${e.turn} replied ${e.speaker}: ${e.reply}`;
  }
}
