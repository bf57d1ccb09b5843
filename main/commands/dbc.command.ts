// `cabin dbc FILE`: parses a DBC file and prints what it defines, as a table or as JSON for scripts.
import { boolOpt, stringOpt, type Command } from '../command.js';
import { UsageError } from '../../vehicle-bus/errors.js';
import { readDbcFile } from '../dbc-file.js';
import type { Dbc, DbcMessage, DbcSignal } from '../../vehicle-bus/dbc/model.js';

const MAX_WARNINGS_SHOWN = 10;

export const dbcCommand: Command = {
  name: 'dbc',
  summary: 'Check a DBC file and summarise its nodes, messages and signals.',
  usage: 'FILE [--message NAME|ID] [--json]',
  details: [
    'With --json, the first line is the full summary as one JSON object and the last line is',
    '{"messages": N, "signals": M} for the whole file. A file that does not parse gives one',
    'error line naming the file and line, and exit code 1.',
  ].join('\n'),
  positionals: true,
  options: {
    message: { type: 'string', arg: 'NAME|ID', description: 'List the signals of one message (name, or id in decimal or 0x hex).' },
    json: { type: 'boolean', description: 'Print JSON instead of text.' },
  },
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('expects exactly one DBC FILE (see `cabin dbc --help`)');
    const file = args.positionals[0]!;
    const dbc = readDbcFile(file);
    const wanted = stringOpt(args, 'message');
    const message = wanted === undefined ? undefined : findMessage(dbc, wanted);
    const json = boolOpt(args, 'json');
    const signals = dbc.messages.reduce((n, m) => n + m.signals.length, 0);
    if (json) {
      const body = message ? { file, message: messageJson(message, true) } : summaryJson(dbc);
      io.stdout.write(JSON.stringify(body) + '\n');
      io.stdout.write(`{"messages": ${dbc.messages.length}, "signals": ${signals}}\n`);
    } else {
      io.stdout.write(message ? signalTable(message) : summaryText(dbc, signals));
    }
    return 0;
  },
};

function findMessage(dbc: Dbc, wanted: string): DbcMessage {
  const id = /^(0x[0-9a-f]+|\d+)$/i.test(wanted) ? Number(wanted) : NaN;
  const found = dbc.messages.find((m) => m.name === wanted) ?? dbc.messages.find((m) => m.id === id);
  if (!found) throw new UsageError(`no message "${wanted}" in ${dbc.file}`);
  return found;
}

const hexId = (m: DbcMessage) => '0x' + m.id.toString(16).toUpperCase().padStart(m.extended ? 8 : 3, '0');
const isMultiplexed = (m: DbcMessage) => m.signals.some((s) => s.multiplexValue !== undefined);

function muxLabel(s: DbcSignal): string {
  if (s.multiplexValue === undefined) return s.isMultiplexer ? 'M' : '';
  const when = s.multiplexRanges
    ? s.multiplexRanges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',')
    : `${s.multiplexValue}`;
  return `m${when}${s.isMultiplexer ? 'M' : ''}${s.multiplexerName ? ` (${s.multiplexerName})` : ''}`;
}

function summaryJson(dbc: Dbc): Record<string, unknown> {
  return {
    file: dbc.file,
    version: dbc.version,
    nodes: dbc.nodes,
    messages: dbc.messages.map((m) => messageJson(m, false)),
    multiplexedMessages: dbc.messages.filter(isMultiplexed).map((m) => m.name),
    valueTables: dbc.valueTables?.size ?? 0,
    signalsWithValues: dbc.messages.reduce((n, m) => n + m.signals.filter((s) => s.valueTable?.size).length, 0),
    warnings: dbc.warnings ?? [],
  };
}

function messageJson(m: DbcMessage, withSignals: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: m.id, idHex: hexId(m), extended: m.extended, name: m.name, length: m.length, sender: m.sender,
    signals: withSignals ? m.signals.map(signalJson) : m.signals.length,
    multiplexed: isMultiplexed(m),
  };
  if (m.fd) out.fd = true;
  if (m.cycleTimeMs !== undefined) out.cycleTimeMs = m.cycleTimeMs;
  if (m.comment !== undefined) out.comment = m.comment;
  return out;
}

function signalJson(s: DbcSignal): Record<string, unknown> {
  return {
    name: s.name, startBit: s.startBit, length: s.length, byteOrder: s.byteOrder, signed: s.signed, valueType: s.valueType,
    factor: s.factor, offset: s.offset, minimum: s.minimum, maximum: s.maximum, unit: s.unit, receivers: s.receivers,
    multiplex: muxLabel(s) || undefined,
    values: s.valueTable ? Object.fromEntries(s.valueTable) : undefined,
    comment: s.comment,
  };
}

function table(rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) => r.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n') + '\n';
}

function summaryText(dbc: Dbc, signals: number): string {
  const muxed = dbc.messages.filter(isMultiplexed);
  const lines = [
    `File:     ${dbc.file}`,
    `Version:  ${dbc.version ? JSON.stringify(dbc.version) : '(none)'}`,
    `Nodes:    ${dbc.nodes.length ? `${dbc.nodes.join(', ')} (${dbc.nodes.length})` : '(none)'}`,
    '',
  ];
  const rows = [['ID', 'NAME', 'LEN', 'SENDER', 'SIGNALS', 'CYCLE', 'FLAGS']];
  for (const m of dbc.messages) {
    const flags = [m.extended ? 'ext' : '', m.fd ? 'fd' : '', isMultiplexed(m) ? 'mux' : ''].filter(Boolean).join(',');
    rows.push([hexId(m), m.name, String(m.length), m.sender, String(m.signals.length), m.cycleTimeMs ? `${m.cycleTimeMs}ms` : '', flags]);
  }
  let text = lines.join('\n') + '\n' + table(rows, new Set([2, 4, 5]));
  text += [
    '',
    `${dbc.messages.length} messages, ${signals} signals, ${muxed.length} multiplexed` +
      (muxed.length ? ` (${muxed.map((m) => m.name).join(', ')})` : ''),
    `${dbc.valueTables?.size ?? 0} value tables, ` +
      `${dbc.messages.reduce((n, m) => n + m.signals.filter((s) => s.valueTable?.size).length, 0)} signals with value labels`,
  ].join('\n') + '\n';
  const warnings = dbc.warnings ?? [];
  if (warnings.length) {
    text += `${warnings.length} tolerated problem${warnings.length > 1 ? 's' : ''}:\n`;
    text += warnings.slice(0, MAX_WARNINGS_SHOWN).map((w) => `  ${w}\n`).join('');
    if (warnings.length > MAX_WARNINGS_SHOWN) text += `  … ${warnings.length - MAX_WARNINGS_SHOWN} more (see --json)\n`;
  }
  return text;
}

function signalTable(m: DbcMessage): string {
  const head = `${m.name} ${hexId(m)}${m.extended ? ' extended' : ''}, ${m.length} bytes, sender ${m.sender || '-'}` +
    `${m.cycleTimeMs ? `, every ${m.cycleTimeMs} ms` : ''}${m.comment ? `\n${m.comment}` : ''}\n\n`;
  const rows = [['SIGNAL', 'START', 'LEN', 'ORDER', 'SIGN', 'FACTOR', 'OFFSET', 'RANGE', 'UNIT', 'MUX', 'VALUES']];
  for (const s of m.signals) {
    const values = s.valueTable ? [...s.valueTable].map(([v, l]) => `${v}=${l}`).join(' ') : '';
    rows.push([
      s.name, String(s.startBit), String(s.length), s.byteOrder === 'little_endian' ? 'intel' : 'motorola',
      s.valueType === 'integer' ? (s.signed ? 'signed' : 'unsigned') : s.valueType,
      String(s.factor), String(s.offset), `[${s.minimum}|${s.maximum}]`, s.unit, muxLabel(s),
      values.length > 60 ? values.slice(0, 59) + '…' : values,
    ]);
  }
  return head + table(rows, new Set([1, 2]));
}
