// The `cabin` command line: dispatches to subcommands and turns every failure into one stderr line and an exit code.
import { CabinError } from '../vehicle-bus/errors.js';
import { formatHelp, parseCommandArgs, type Command, type CommandIO } from './command.js';
import { commands } from './commands/index.js';

function topHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Usage: cabin COMMAND [options]',
    '',
    'Offline in-car voice assistant: simulated or real CAN bus, DBC codec, dialogue, speech.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `cabin COMMAND --help` for the options of one command.',
    '',
  ].join('\n');
}

export async function main(argv: string[], io?: Partial<CommandIO>): Promise<number> {
  const controller = new AbortController();
  const fullIo: CommandIO = {
    stdout: io?.stdout ?? process.stdout,
    stderr: io?.stderr ?? process.stderr,
    stdin: io?.stdin ?? process.stdin,
    stopSignal: io?.stopSignal ?? controller.signal,
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    fullIo.stdout.write(topHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    fullIo.stdout.write('cabin 0.1.0\n');
    return 0;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    fullIo.stderr.write(`cabin: unknown command "${name}" (run \`cabin --help\` for the list)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    fullIo.stdout.write(formatHelp(command));
    return 0;
  }
  const stop = () => controller.abort();
  if (!io?.stopSignal) {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  try {
    const args = parseCommandArgs(command, rest);
    return await command.run(args, fullIo);
  } catch (err) {
    fullIo.stderr.write(`cabin ${command.name}: ${describeError(err)}\n`);
    if (process.env.CABIN_DEBUG && err instanceof Error && err.stack) fullIo.stderr.write(err.stack + '\n');
    return err instanceof CabinError && err.code === 'E_USAGE' ? 2 : 1;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function describeError(err: unknown): string {
  if (err instanceof CabinError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && e.code === 'ENOENT' && e.path) return `no such file: ${e.path}`;
  if (e && typeof e === 'object' && e.code === 'EACCES' && e.path) return `permission denied: ${e.path}`;
  if (e && typeof e === 'object' && e.code === 'EADDRINUSE') return `address in use: ${e.message}`;
  // An unexpected failure: still one line, with a hint to get the stack.
  return `${err instanceof Error ? err.message : String(err)} (set CABIN_DEBUG=1 for details)`;
}
