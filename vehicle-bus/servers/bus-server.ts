// TCP server plumbing shared by the SLCAN and socketcand servers: each client becomes a node on a VirtualBus.
import net from 'node:net';
import type { TransportStats } from '../transport.js';
import { BatchedWriter } from '../transports/batched-writer.js';
import { DropCounter, stderrLog, type LogFn } from '../transports/drop-counter.js';
import type { VirtualBus, VirtualNode } from '../transports/virtual.transport.js';

export interface BusServer {
  host: string;
  /** The port actually bound (port 0 asks for an ephemeral one). */
  port: number;
  clients(): number;
  /** framesReceived: from clients onto the bus; framesSent: from the bus to clients; dropped: all connections. */
  stats(): TransportStats;
  close(): Promise<void>;
}

export interface BusServerOptions {
  /** Default 127.0.0.1: the simulated car is not reachable from the network unless asked. */
  host?: string;
  port: number;
  log?: LogFn;
}

/** What a protocol gets for each connection. */
export interface SessionContext {
  socket: net.Socket;
  node: VirtualNode;
  writer: BatchedWriter;
  /** Per connection, so each reason is logged once per client; totals land in the server's stats. */
  drops: DropCounter;
  log: LogFn;
  counters: { framesSent: number; framesReceived: number };
}

export interface Session {
  data(chunk: Buffer): void;
  /** The client went away (cleanly or not). */
  end(): void;
}

/** A client that stops reading must not make the server buffer without bound; past this its frames are dropped. */
export const CLIENT_BACKLOG_LIMIT = 4 * 1024 * 1024;

export async function serveBus(
  protocol: string,
  bus: VirtualBus,
  opts: BusServerOptions,
  startSession: (ctx: SessionContext) => Session,
): Promise<BusServer> {
  const log = opts.log ?? stderrLog(`${protocol}-server`);
  const counters = { framesSent: 0, framesReceived: 0 };
  const dropped: Record<string, number> = {};
  const live = new Map<net.Socket, VirtualNode>();

  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    const who = `${socket.remoteAddress}:${socket.remotePort}`;
    const connLog: LogFn = (line) => log(`${who}: ${line}`);
    const drops = new DropCounter(connLog, dropped);
    const node = bus.attach(`${protocol}-client ${who}`, { log: connLog });
    live.set(socket, node);
    const session = startSession({ socket, node, writer: new BatchedWriter(socket), drops, log: connLog, counters });
    socket.on('data', (chunk: Buffer) => session.data(chunk));
    // A reset peer is an ordinary way for a client to leave; 'close' follows and cleans up.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      live.delete(socket);
      session.end();
      void node.close();
    });
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => log(`server error: ${err.message}`));
  const address = server.address() as net.AddressInfo;

  return {
    host,
    port: address.port,
    clients: () => live.size,
    stats: () => ({ framesSent: counters.framesSent, framesReceived: counters.framesReceived, dropped: { ...dropped } }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const [socket, node] of live) {
          socket.destroy();
          void node.close();
        }
      }),
  };
}
