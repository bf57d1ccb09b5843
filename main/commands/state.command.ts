// `cabin state`: listens to the car's status frames and prints the vehicle state they report.
import { boolOpt, stringOpt, type Command } from '../command.js';
import { BusTimeoutError, UsageError } from '../../vehicle-bus/errors.js';
import { openTransport } from '../../vehicle-bus/transports/registry.js';
import { loadCabinNetwork } from '../../vehicle-bus/cabin/cabin-dbc-file.js';
import { VehicleStateTracker } from '../../vehicle-bus/cabin/vehicle-state.js';
import { DEFAULT_SLCAN } from './sim.command.js';

export const stateCommand: Command = {
  name: 'state',
  summary: 'Print the vehicle state the ECUs report (as JSON), once or on every change.',
  usage: '[--bus URI] [--watch] [--timeout MS]',
  details: 'The state has the shape of DESIGN.md ("Vehicle state"), decoded from checked status frames only.',
  options: {
    bus: { type: 'string', arg: 'URI', description: 'Bus to listen on.', default: `slcan://${DEFAULT_SLCAN.host}:${DEFAULT_SLCAN.port}` },
    watch: { type: 'boolean', description: 'Keep running and print one JSON line per change.' },
    timeout: { type: 'string', arg: 'MS', description: 'Give up when not every status message arrived within MS.', default: '2000' },
  },
  async run(args, io) {
    const timeoutMs = Number(stringOpt(args, 'timeout'));
    if (!(timeoutMs > 0)) throw new UsageError('--timeout expects a positive number of milliseconds');
    const tracker = new VehicleStateTracker(loadCabinNetwork(), { log: (l) => io.stderr.write(`state: ${l}\n`) });
    const transport = await openTransport(stringOpt(args, 'bus')!);
    const detach = tracker.attach(transport);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          clearInterval(poll);
          reject(new BusTimeoutError(`no complete status from the car within ${timeoutMs} ms on ${transport.uri} (is \`cabin sim\` running?)`));
        }, timeoutMs);
        const poll = setInterval(() => {
          if (tracker.complete()) {
            clearTimeout(timer);
            clearInterval(poll);
            resolve();
          }
        }, 10);
      });
      io.stdout.write(JSON.stringify(tracker.state, null, boolOpt(args, 'watch') ? undefined : 2) + '\n');
      if (boolOpt(args, 'watch')) {
        const off = tracker.onChange((c) => io.stdout.write(JSON.stringify({ changed: c.paths, state: c.state }) + '\n'));
        await new Promise<void>((resolve) => io.stopSignal.addEventListener('abort', () => resolve(), { once: true }));
        off();
      }
    } finally {
      detach();
      await transport.close();
    }
    return 0;
  },
};
