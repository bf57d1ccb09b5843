// Picks a Transport by URI scheme from a table of lazily imported factories, so unused transports cost nothing.
import { TransportError, UsageError } from '../errors.js';
import type { Transport } from '../transport.js';
import type { SlcanOptions } from './slcan.transport.js';

/** Options any transport accepts; each ignores what does not concern it (e.g. `bitrate` outside SLCAN). */
export type TransportOpenOptions = SlcanOptions;

interface Scheme {
  usage: string;
  create(uri: string, opts: TransportOpenOptions): Promise<Transport>;
}

const SCHEMES: Record<string, Scheme> = {
  virtual: {
    usage: 'virtual:[NAME] (in-process bus; plain virtual: is the bus named "default")',
    create: async (uri, o) => (await import('./virtual.transport.js')).createVirtualTransport(uri, o),
  },
  slcan: {
    usage: 'slcan://HOST:PORT (SLCAN over TCP) or slcan:///dev/ttyACM0[?bitrate=500000] (USB-CAN adapter)',
    create: async (uri, o) => (await import('./slcan.transport.js')).createSlcanTransport(uri, o),
  },
  socketcand: {
    usage: 'socketcand://HOST:PORT[/IFACE] (default interface vcan0)',
    create: async (uri, o) => (await import('./socketcand.transport.js')).createSocketcandTransport(uri, o),
  },
  socketcan: {
    usage: 'socketcan:IFACE (Linux SocketCAN, e.g. socketcan:can0)',
    create: async (uri, o) => (await import('./socketcan.transport.js')).createSocketcanTransport(uri, o),
  },
};

export function supportedTransports(): string[] {
  return Object.values(SCHEMES).map((s) => s.usage);
}

function helpText(): string {
  return `supported: ${supportedTransports().join('; ')}`;
}

/** A transport for `uri`, not yet open. A bad URI is a user mistake: UsageError listing what is supported. */
export async function createTransport(uri: string, opts: TransportOpenOptions = {}): Promise<Transport> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase();
  if (!scheme) throw new UsageError(`malformed transport URI "${uri}": no scheme (${helpText()})`);
  const entry = SCHEMES[scheme];
  if (!entry) throw new UsageError(`unknown transport scheme "${scheme}:" in "${uri}" (${helpText()})`);
  try {
    return await entry.create(uri, opts);
  } catch (err) {
    // Factories only parse the URI (nothing connects before open()), so their errors are URI mistakes.
    if (err instanceof TransportError) throw new UsageError(`${err.message}; ${entry.usage}`);
    throw err;
  }
}

/** Creates and opens; errors from open() (unreachable host, no AF_CAN) pass through as they are. */
export async function openTransport(uri: string, opts: TransportOpenOptions = {}): Promise<Transport> {
  const transport = await createTransport(uri, opts);
  await transport.open();
  return transport;
}
