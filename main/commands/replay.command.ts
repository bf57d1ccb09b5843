// `cabin replay`: sends a recorded candump log onto a bus, at recorded pace or as fast as the bus takes it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { UsageError } from '../../vehicle-bus/errors.js';
import { openTransport } from '../../vehicle-bus/transports/registry.js';
import { replayLog } from '../../vehicle-bus/candump.js';

export const replayCommand: Command = {
  name: 'replay',
  summary: 'Send a candump log (as written by `cabin dump --record` or candump -l) onto a bus.',
  usage: 'FILE [--bus URI] [--realtime] [--speed X]',
  positionals: true,
  options: {
    bus: { type: 'string', arg: 'URI', description: 'Bus to send on.', default: 'slcan://127.0.0.1:35000' },
    realtime: { type: 'boolean', description: 'Keep the recorded gaps between frames (default: as fast as possible).' },
    speed: { type: 'string', arg: 'X', description: 'With --realtime, play X times faster.', default: '1' },
  },
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (!file) throw new UsageError('expected a candump log FILE');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const speed = Number(stringOpt(args, 'speed'));
    if (!(speed > 0)) throw new UsageError('--speed expects a positive number');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new UsageError(`no such log file: ${file}`);

    const transport = await openTransport(stringOpt(args, 'bus')!);
    try {
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      const started = performance.now();
      const { frames } = await replayLog(lines, transport, { realtime: boolOpt(args, 'realtime'), speed });
      const secs = (performance.now() - started) / 1000;
      io.stderr.write(`replay: sent ${frames} frames in ${secs.toFixed(2)} s\n`);
    } finally {
      await transport.close();
    }
    return 0;
  },
};
