// `cabin sim`: runs the simulated car until stopped, reachable over SLCAN and socketcand TCP servers on loopback by default.
import { boolOpt, parseHostPort, stringOpt, type Command, type CommandIO } from '../command.js';
import { CabinError, UsageError } from '../../vehicle-bus/errors.js';
import { loadCabinNetwork } from '../../vehicle-bus/cabin/cabin-dbc-file.js';
import { activeFaultSpecs, FAULT_SPEC_HELP, Faults, parseFaultSpec } from '../../vehicle-bus/sim/faults.js';
import { startSimulatedCar, type TransportSource } from '../../vehicle-bus/sim/simulated-car.js';
import type { BusServer, BusServerOptions } from '../../vehicle-bus/servers/bus-server.js';
import { serveSlcan } from '../../vehicle-bus/servers/slcan.server.js';
import { serveSocketcand } from '../../vehicle-bus/servers/socketcand.server.js';
import { openTransport } from '../../vehicle-bus/transports/registry.js';
import { VirtualBus, virtualBusName } from '../../vehicle-bus/transports/virtual.transport.js';

/** Where `cabin sim` serves when no address is given; `cabin dump` and `cabin replay` default to the SLCAN one. */
export const DEFAULT_SLCAN = { host: '127.0.0.1', port: 35000 };
export const DEFAULT_SOCKETCAND = { host: '127.0.0.1', port: 29536 };

export const simCommand: Command = {
  name: 'sim',
  summary: 'Run the simulated car (seat, light, climate, vehicle ECUs) on a bus other processes can join.',
  usage: '[--slcan HOST:PORT] [--socketcand HOST:PORT] [--bus URI] [--fault SPEC ...] [--speed KPH] [--quiet]',
  details: [
    'With neither --slcan nor --socketcand, both are served on their defaults (SLCAN 127.0.0.1:35000,',
    'socketcand 127.0.0.1:29536, the port socketcand itself uses), so `cabin dump` and python-can can join.',
    'Servers bind 127.0.0.1 unless a host is given; port 0 picks a free port. Each prints one line',
    '"PROTOCOL listening on HOST:PORT" on stdout once it accepts connections. Stop with Ctrl-C.',
    'With --bus slcan://… or socketcand://… the ECUs join that bus as clients instead (no servers then).',
    '',
    FAULT_SPEC_HELP,
    '',
    'Examples:',
    '  cabin sim --slcan 127.0.0.1:35000 --socketcand 127.0.0.1:29536',
    '  cabin sim --slcan 0 --fault climate:temp_max=26 --fault bus:drop=5',
  ].join('\n'),
  options: {
    slcan: { type: 'string', arg: 'HOST:PORT', description: 'Serve the bus as a Lawicel SLCAN adapter over TCP.' },
    socketcand: { type: 'string', arg: 'HOST:PORT', description: 'Serve the bus with the socketcand protocol.' },
    bus: { type: 'string', arg: 'URI', description: 'Bus the ECUs sit on: virtual:NAME, or a URI the ECUs connect to.', default: 'virtual:sim' },
    fault: { type: 'string', multiple: true, arg: 'SPEC', description: 'Inject a fault (repeatable); see below.' },
    speed: { type: 'string', arg: 'KPH', description: 'Vehicle speed the car reports.', default: '0' },
    quiet: { type: 'boolean', description: 'Do not log dropped frames and fault changes to stderr.' },
  },
  async run(args, io) {
    const speed = Number(stringOpt(args, 'speed') ?? '0');
    if (!Number.isFinite(speed) || speed < 0 || speed > 250) throw new UsageError('--speed expects km/h between 0 and 250');
    const faults = new Faults();
    for (const spec of (args.values.fault as string[] | undefined) ?? []) {
      try {
        parseFaultSpec(spec)(faults);
      } catch (err) {
        throw new UsageError(`--fault ${spec}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    const slcan = stringOpt(args, 'slcan');
    const socketcand = stringOpt(args, 'socketcand');
    const busUri = stringOpt(args, 'bus') ?? 'virtual:sim';
    const serveDefaults = slcan === undefined && socketcand === undefined && busUri.startsWith('virtual:');
    const slcanAt = slcan === undefined ? (serveDefaults ? DEFAULT_SLCAN : undefined) : parseHostPort(slcan, 'slcan');
    const socketcandAt = socketcand === undefined ? (serveDefaults ? DEFAULT_SOCKETCAND : undefined) : parseHostPort(socketcand, 'socketcand');
    const quiet = boolOpt(args, 'quiet');
    const log = (line: string) => {
      if (!quiet) io.stderr.write(`sim: ${line}\n`);
    };

    let source: TransportSource;
    let bus: VirtualBus | undefined;
    if (busUri.startsWith('virtual:')) {
      bus = VirtualBus.named(virtualBusName(busUri));
      source = bus;
    } else {
      if (slcanAt || socketcandAt) throw new UsageError('--slcan and --socketcand serve a virtual bus; they cannot be combined with --bus ' + busUri);
      source = () => openTransport(busUri, { log: (l) => log(l) });
    }

    const network = loadCabinNetwork();
    const car = await startSimulatedCar(source, { network, faults, speedKph: speed, log });
    const servers: BusServer[] = [];
    try {
      if (bus && slcanAt) servers.push(await listen('slcan', () => serveSlcan(bus!, serverOpts(slcanAt, log)), slcanAt, io));
      if (bus && socketcandAt) servers.push(await listen('socketcand', () => serveSocketcand(bus!, serverOpts(socketcandAt, log)), socketcandAt, io));
      io.stdout.write(`simulated car on ${busUri}: ECUs ${Object.keys(car.ecus).join(', ')}${faultSummary(faults)}\n`);
      faults.onChange(() => log(`faults now${faultSummary(faults) || ' cleared'}`));
      await new Promise<void>((resolve) => {
        if (io.stopSignal.aborted) resolve();
        else io.stopSignal.addEventListener('abort', () => resolve(), { once: true });
      });
      return 0;
    } finally {
      await Promise.allSettled(servers.map((s) => s.close()));
      await car.stop();
      if (bus) await bus.dispose();
    }
  },
};

function serverOpts(at: { host: string; port: number }, log: (l: string) => void): BusServerOptions {
  return { host: at.host, port: at.port, log };
}

/** Starts one server and prints where it listens; a busy or forbidden address becomes one clear line. */
async function listen(protocol: string, start: () => Promise<BusServer>, at: { host: string; port: number }, io: CommandIO): Promise<BusServer> {
  let server: BusServer;
  try {
    server = await start();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const where = `${at.host}:${at.port}`;
    if (code === 'EADDRINUSE') throw new CabinError('E_ADDR_IN_USE', `${protocol}: ${where} is already in use (choose another port, or 0 for a free one)`);
    if (code === 'EACCES') throw new CabinError('E_ADDR_DENIED', `${protocol}: not allowed to listen on ${where}`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CabinError('E_ADDR_INVALID', `${protocol}: cannot listen on ${where}: no such local address`);
    throw err;
  }
  io.stdout.write(`${protocol} listening on ${server.host}:${server.port}\n`);
  return server;
}

function faultSummary(faults: Faults): string {
  const s = faults.snapshot();
  const parts = activeFaultSpecs(s);
  return parts.length ? `; faults ${parts.join(' ')} (seed ${s.seed})` : '';
}
