// Shape of a `cabin` subcommand and the shared argument parsing that gives every one `--help` and one-line errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../vehicle-bus/errors.js';
import { SEATS, type Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & {
  /** Shown in --help. */
  description: string;
  /** Placeholder shown in --help for string options, e.g. HOST:PORT. */
  arg?: string;
};

export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** Resolves when the user asks the process to stop (SIGINT/SIGTERM); long-running commands await it. */
  stopSignal: AbortSignal;
}

export interface Command {
  name: string;
  summary: string;
  /** Usage line after `cabin NAME`, e.g. `FILE [--json]`. */
  usage: string;
  /** Extra help text printed after the options. */
  details?: string;
  options: Record<string, OptionSpec>;
  /** Whether positional arguments are accepted. */
  positionals?: boolean;
  run(args: ParsedArgs, io: CommandIO): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(command.options)) {
    const { description: _d, arg: _a, ...rest } = spec;
    options[name] = rest;
  }
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: command.positionals ?? false, strict: true });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (err) {
    // node:util's messages are long and mention internals; keep the first sentence.
    const msg = err instanceof Error ? err.message.split('\n')[0]!.replace(/\. To specify.*$/, '') : String(err);
    throw new UsageError(`${msg} (see \`cabin ${command.name} --help\`)`);
  }
}

export function formatHelp(command: Command): string {
  const lines = [`Usage: cabin ${command.name} ${command.usage}`.trimEnd(), '', command.summary, ''];
  const rows: [string, string][] = [];
  for (const [name, spec] of Object.entries(command.options)) {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.arg ?? 'VALUE'}` : ''}`;
    const def = spec.default !== undefined && spec.default !== false ? ` (default: ${String(spec.default)})` : '';
    rows.push([flag, spec.description + def]);
  }
  rows.push(['-h, --help', 'Show this help.']);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  lines.push('Options:');
  for (const [f, d] of rows) lines.push(`  ${f.padEnd(width)}${d}`);
  if (command.details) lines.push('', command.details.trimEnd());
  return lines.join('\n') + '\n';
}

/** `SEAT=VALUE` of a per-seat option (`--seat-style passenger=formal`); a bad spec is one usage line. */
export function seatSpec(flag: string, spec: string, valueName: string): [Seat, string] {
  const at = spec.indexOf('=');
  const seat = spec.slice(0, at);
  const value = spec.slice(at + 1);
  if (at < 0 || !(SEATS as readonly string[]).includes(seat) || !value) {
    throw new UsageError(`--${flag} ${spec}: expected SEAT=${valueName} with SEAT one of ${SEATS.join(', ')}`);
  }
  return [seat as Seat, value];
}

export function stringOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function boolOpt(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** Parses `HOST:PORT` (or bare `PORT`, meaning loopback). */
export function parseHostPort(text: string, flag: string): { host: string; port: number } {
  const m = /^(?:(.+):)?(\d+)$/.exec(text);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 0 || port > 65535) throw new UsageError(`--${flag} expects HOST:PORT or PORT, got "${text}"`);
  return { host: m[1] ?? '127.0.0.1', port };
}
