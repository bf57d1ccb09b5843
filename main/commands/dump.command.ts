// `cabin dump`: prints the live bus decoded with a DBC, optionally recording it as a candump log.
import { createWriteStream } from 'node:fs';
import { boolOpt, stringOpt, type Command } from '../command.js';
import { UsageError } from '../../vehicle-bus/errors.js';
import { openTransport } from '../../vehicle-bus/transports/registry.js';
import { formatCandumpLine } from '../../vehicle-bus/candump.js';
import { readDbcFile } from '../dbc-file.js';
import { FrameDecoder, formatDecodedFrame } from '../frame-decoder.js';
import type { CanFrame } from '../../vehicle-bus/frame.js';

export const dumpCommand: Command = {
  name: 'dump',
  summary: 'Print the live CAN bus decoded with a DBC (and record it as a candump log).',
  usage: '[--bus URI] [--dbc FILE] [--filter LIST] [--count N] [--record FILE] [--raw | --json]',
  details: [
    'Examples:',
    '  cabin sim --slcan 127.0.0.1:35000 &',
    '  cabin dump --bus slcan://127.0.0.1:35000 --filter HU_SeatCmd_Driver,0x401',
    '  cabin dump --bus socketcand://127.0.0.1:29536 --record trace.log --count 1000',
  ].join('\n'),
  options: {
    bus: { type: 'string', arg: 'URI', description: 'Bus to listen on: slcan://HOST:PORT, socketcand://HOST:PORT, socketcan:IFACE, slcan:///dev/ttyACM0.', default: 'slcan://127.0.0.1:35000' },
    dbc: { type: 'string', arg: 'FILE', description: 'DBC used to decode frames (default: the shipped vehicle-bus/cabin.dbc).' },
    filter: { type: 'string', arg: 'LIST', description: 'Only these messages: names or ids (0x301), comma-separated.' },
    count: { type: 'string', arg: 'N', description: 'Stop after N printed frames.' },
    record: { type: 'string', arg: 'FILE', description: 'Also append the frames shown to FILE in candump log format.' },
    raw: { type: 'boolean', description: 'Print candump log lines instead of decoded signals.' },
    json: { type: 'boolean', description: 'Print one JSON object per frame.' },
  },
  async run(args, io) {
    const count = stringOpt(args, 'count') === undefined ? Infinity : Number(stringOpt(args, 'count'));
    if (!(count > 0) || !Number.isInteger(count) && count !== Infinity) throw new UsageError('--count expects a positive integer');
    if (boolOpt(args, 'raw') && boolOpt(args, 'json')) throw new UsageError('--raw and --json cannot be combined');
    const dbc = readDbcFile(stringOpt(args, 'dbc'));
    const decoder = new FrameDecoder(dbc);
    const filter = parseFilter(stringOpt(args, 'filter'), decoder);

    const transport = await openTransport(stringOpt(args, 'bus')!);
    const recordPath = stringOpt(args, 'record');
    const recordStream = recordPath ? createWriteStream(recordPath, { flags: 'a' }) : undefined;
    let recorded = 0;

    let printed = 0;
    const done = new Promise<void>((resolve) => {
      io.stopSignal.addEventListener('abort', () => resolve(), { once: true });
      transport.subscribe((frame: CanFrame) => {
        if (printed >= count) return;
        const decoded = decoder.decode(frame);
        if (filter && !filter(frame, decoded?.message.name)) return;
        // The log holds exactly the frames shown, so a filtered recording replays only those.
        if (recordStream) {
          recordStream.write(formatCandumpLine(frame, 'can0') + '\n');
          recorded++;
        }
        if (boolOpt(args, 'raw')) io.stdout.write(formatCandumpLine(frame, 'can0') + '\n');
        else if (boolOpt(args, 'json')) io.stdout.write(JSON.stringify(decoder.toJson(frame, decoded)) + '\n');
        else io.stdout.write(formatDecodedFrame(frame, decoded) + '\n');
        if (++printed >= count) resolve();
      });
    });
    await done;
    await transport.close();
    if (recordStream) {
      await new Promise<void>((r) => recordStream.end(r));
      io.stderr.write(`dump: recorded ${recorded} frames to ${recordPath}\n`);
    }
    return 0;
  },
};

function parseFilter(text: string | undefined, decoder: FrameDecoder): ((f: CanFrame, name?: string) => boolean) | undefined {
  if (!text) return undefined;
  const ids = new Set<number>();
  const names = new Set<string>();
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (/^(0x)?[0-9a-f]+$/i.test(item) && !decoder.hasMessage(item)) ids.add(parseInt(item.replace(/^0x/i, ''), 16));
    else if (decoder.hasMessage(item)) names.add(item);
    else throw new UsageError(`--filter: "${item}" is neither a hex id nor a message in the DBC`);
  }
  return (f, name) => ids.has(f.id) || (name !== undefined && names.has(name));
}
