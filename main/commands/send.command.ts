// `cabin send`: puts one cabin command frame on a bus, with the rolling counter and checksum the ECUs check.
import { randomInt } from 'node:crypto';
import { stringOpt, type Command } from '../command.js';
import { UsageError } from '../../vehicle-bus/errors.js';
import { openTransport } from '../../vehicle-bus/transports/registry.js';
import { loadCabinNetwork } from '../../vehicle-bus/cabin/cabin-dbc-file.js';
import { COUNTER_MODULO } from '../../vehicle-bus/cabin/checksum.js';
import { CHECKSUM_SIGNAL, COUNTER_SIGNAL } from '../../vehicle-bus/cabin/cabin-network.js';
import { formatDecodedFrame, FrameDecoder } from '../frame-decoder.js';
import { DEFAULT_SLCAN } from './sim.command.js';

export const sendCommand: Command = {
  name: 'send',
  summary: 'Send one cabin command frame (counter and checksum added) to the car.',
  usage: 'MESSAGE SIGNAL=VALUE ... [--bus URI]',
  positionals: true,
  details: [
    'Signals not named are sent as no_request, so the ECU leaves those fields alone. VALUE is a number',
    'or a value label from cabin.dbc (see `cabin dbc vehicle-bus/cabin.dbc --message MESSAGE`).',
    '',
    'Examples:',
    '  cabin send HU_SeatCmd_Driver HeatReq=2',
    '  cabin send HU_LightCmd AmbientColorReq=blue AmbientBrightnessReq=80',
    '  cabin send TESTER_VehicleSimCmd SpeedReq=80',
  ].join('\n'),
  options: {
    bus: { type: 'string', arg: 'URI', description: 'Bus to send on.', default: `slcan://${DEFAULT_SLCAN.host}:${DEFAULT_SLCAN.port}` },
  },
  async run(args, io) {
    const [messageName, ...assignments] = args.positionals;
    if (!messageName) throw new UsageError('expected a MESSAGE name, e.g. HU_SeatCmd_Driver');
    const network = loadCabinNetwork();
    const message = network.dbc.messages.find((m) => m.name === messageName);
    if (!message) {
      const commands = network.dbc.messages.filter((m) => m.signals.some((s) => s.receivers.some((r) => r !== 'HU'))).map((m) => m.name);
      throw new UsageError(`no message "${messageName}" in cabin.dbc (commands: ${commands.join(', ')})`);
    }
    const values: Record<string, number | string> = {};
    for (const a of assignments) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(a);
      if (!m) throw new UsageError(`expected SIGNAL=VALUE, got "${a}"`);
      const [, name, text] = m as unknown as [string, string, string];
      const signal = message.signals.find((s) => s.name === name);
      if (!signal || name === CHECKSUM_SIGNAL || name === COUNTER_SIGNAL) {
        const names = message.signals.map((s) => s.name).filter((n) => n !== CHECKSUM_SIGNAL && n !== COUNTER_SIGNAL);
        throw new UsageError(`${messageName} has no settable signal "${name}" (signals: ${names.join(', ')})`);
      }
      values[name] = Number.isFinite(Number(text)) ? Number(text) : text;
    }
    // Encode before connecting, so a bad value is reported without touching the bus.
    const counter = randomInt(COUNTER_MODULO);
    const frames = [0, 1].map((k) => network.encode(messageName, values as Record<string, number>, (counter + k) % COUNTER_MODULO));

    const transport = await openTransport(stringOpt(args, 'bus')!);
    try {
      // This process cannot know the last counter the ECU accepted. Two frames with consecutive counters are
      // always accepted at least once (a repeat or a jump is followed by an in-sequence frame), and a command
      // carries absolute values, so applying it twice is harmless.
      for (const f of frames) await transport.send(f);
    } finally {
      await transport.close();
    }
    const shown = { ...frames[0]!, timestamp: Date.now() / 1000 };
    io.stdout.write(formatDecodedFrame(shown, new FrameDecoder(network.dbc).decode(shown)) + '\n');
    return 0;
  },
};
