// After the last statement: ties multiplexed signals to their switch and turns attributes into model fields.
import { DbcParseError } from '../errors.js';
import type { DbcMessage } from './model.js';
import type { ParseState } from './parser-sections.js';

export function resolveSections(state: ParseState): void {
  const { dbc } = state;
  const defs = dbc.attributeDefinitions;
  const cycleDefault = defs?.get('GenMsgCycleTime')?.defaultValue;
  const frameFormat = defs?.get('VFrameFormat');
  for (const message of dbc.messages) {
    resolveMultiplexing(state, message);
    const cycle = message.attributes?.GenMsgCycleTime ?? cycleDefault;
    // A cycle time of 0 is how files mark event-driven frames.
    if (typeof cycle === 'number' && cycle > 0) message.cycleTimeMs = cycle;
    const format = message.attributes?.VFrameFormat ?? frameFormat?.defaultValue;
    const label = typeof format === 'number' ? frameFormat?.values?.[format] : format;
    if (label && /FD/i.test(label)) message.fd = true;
  }
}

function resolveMultiplexing(state: ParseState, message: DbcMessage): void {
  const switches = message.signals.filter((s) => s.isMultiplexer && s.multiplexValue === undefined);
  const byName = new Map(message.signals.map((s) => [s.name, s]));
  for (const signal of message.signals) {
    const line = state.signalLines.get(signal) ?? 0;
    if (signal.multiplexRanges && signal.multiplexValue === undefined) {
      // SG_MUL_VAL_ on a signal not marked mN: the ranges alone define when it is present.
      signal.multiplexValue = signal.multiplexRanges[0]![0];
    }
    if (signal.multiplexValue === undefined) continue;
    if (signal.multiplexerName === undefined) {
      if (switches.length !== 1) {
        const why = switches.length === 0 ? 'has no M switch signal' : 'has several M switches and no SG_MUL_VAL_ for it';
        throw new DbcParseError(dbc(state), line, `multiplexed signal ${signal.name}: message ${message.name} ${why}`);
      }
      signal.multiplexerName = switches[0]!.name;
    }
    if (!byName.has(signal.multiplexerName)) {
      throw new DbcParseError(dbc(state), line, `signal ${signal.name} is switched by unknown signal ${signal.multiplexerName}`);
    }
    const parent = byName.get(signal.multiplexerName)!;
    if (parent === signal || !parent.isMultiplexer) {
      throw new DbcParseError(dbc(state), line, `signal ${signal.name} is switched by ${parent.name}, which is not a multiplexer (M)`);
    }
  }
  // A switch chain that loops back on itself would leave no signal to start decoding from.
  for (const signal of message.signals) {
    if (signal.multiplexerName === undefined) continue;
    const seen = new Set<string>();
    let at: string | undefined = signal.name;
    while (at !== undefined) {
      if (seen.has(at)) {
        throw new DbcParseError(dbc(state), state.signalLines.get(signal) ?? 0, `multiplexer chain of ${signal.name} loops`);
      }
      seen.add(at);
      at = byName.get(at)?.multiplexerName;
    }
  }
}

function dbc(state: ParseState): string {
  return state.dbc.file;
}
