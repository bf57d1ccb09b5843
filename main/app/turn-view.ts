// Turns the dialogue's turn results into the conversation lines the UI shows: understood, confirmed by the car, latency.
import type { Intent } from '../../intents/catalog.js';
import type { ChangeOutcome } from '../../intents/dialogue/closed-loop.machine.js';
import type { TurnView } from './ipc-contract.js';
import type { LiveTurn } from './live-cabin.js';

/** `seat.heat @self value="on"`: the intent name, its zone, then its other fields. */
export function intentLine(i: Intent): string {
  const { intent, zone, ...rest } = i as Intent & { intent: string; zone?: string };
  const fields = Object.entries(rest).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return [intent, zone ? `@${zone}` : '', ...fields].filter(Boolean).join(' ');
}

/** What the ECU's status showed for one requested change; the UI must never claim more than this. */
export function outcomeLine(o: ChangeOutcome): string {
  const actual = o.actual !== undefined ? ` = ${JSON.stringify(o.actual)}` : '';
  const wanted = o.result === 'differs' ? ` (asked ${JSON.stringify(o.change.to)})` : '';
  const resent = o.attempts > 1 ? ', resent once' : '';
  return `${o.change.expect.path}: ${o.result}${actual}${wanted}${resent}`;
}

export function turnView(t: LiveTurn): TurnView {
  return {
    turn: t.turn,
    speaker: t.speaker,
    text: t.text,
    lang: t.lang,
    style: t.style,
    understood: t.about === 'style' ? [`style request → ${t.style}`] : t.about === 'thanks' ? ['thanks'] : t.intents.map(intentLine),
    confirmed: t.outcomes.map(outcomeLine),
    reply: t.reply,
    latencyMs: t.firstFrameAt === null ? null : Math.round((t.firstFrameAt - t.requestedAt) * 10) / 10,
    at: Date.now(),
  };
}
