// Linux SocketCAN (`socketcan:IFACE`) through the optional `socketcan` package; unavailable elsewhere, said plainly.
import { existsSync } from 'node:fs';
import type { CanFrame } from '../frame.js';
import { TransportError, TransportUnavailableError } from '../errors.js';
import { BaseTransport, nowSeconds, type TransportOptions } from './base-transport.js';

interface RawMessage {
  id: number;
  ext: boolean;
  rtr: boolean;
  data: Buffer;
  ts_sec?: number;
  ts_usec?: number;
}

interface RawChannel {
  addListener(event: 'onMessage' | 'onStopped', cb: (msg: RawMessage) => void): void;
  start(): void;
  stop(): void;
  send(msg: { id: number; ext: boolean; rtr: boolean; data: Buffer }): void;
  sendFD(msg: { id: number; ext: boolean; rtr: boolean; data: Buffer }): void;
}

interface SocketcanModule {
  createRawChannel(iface: string, timestamps?: boolean): RawChannel;
}

export function parseSocketcanUri(uri: string): string {
  const m = /^socketcan:(?:\/\/)?([A-Za-z0-9_.-]{1,15})$/.exec(uri);
  if (!m) throw new TransportError(`malformed SocketCAN URI "${uri}" (expected socketcan:IFACE, e.g. socketcan:can0)`);
  return m[1]!;
}

/** Loads the native binding; the package is optional, so its absence is "unavailable", not a crash. */
async function loadSocketcan(): Promise<SocketcanModule> {
  try {
    const name = 'socketcan';
    const mod = (await import(name)) as SocketcanModule & { default?: SocketcanModule };
    return typeof mod.createRawChannel === 'function' ? mod : mod.default!;
  } catch (err) {
    throw new TransportUnavailableError(
      `SocketCAN unavailable: the optional "socketcan" package is not installed or did not build (${(err as Error).message})`,
      { cause: err },
    );
  }
}

/** Why a channel could not be created, in words a user can act on. */
function unavailableReason(iface: string, err: Error): string {
  if (process.platform !== 'linux') return `SocketCAN unavailable: it exists only on Linux (this is ${process.platform})`;
  if (!existsSync('/proc/net/can')) return `SocketCAN unavailable: this kernel has no AF_CAN/vcan (no /proc/net/can; ${err.message})`;
  return `SocketCAN unavailable: cannot open "${iface}" (${err.message}); for a virtual one: ip link add dev ${iface} type vcan && ip link set up ${iface}`;
}

export class SocketcanTransport extends BaseTransport {
  private channel: RawChannel | null = null;

  constructor(uri: string, private readonly iface: string, opts: TransportOptions = {}) {
    super(uri, opts);
  }

  /** Throws TransportUnavailableError when this machine cannot do SocketCAN at all. */
  async open(): Promise<void> {
    if (this._state === 'open') return;
    this._state = 'opening';
    try {
      const mod = await loadSocketcan();
      let channel: RawChannel;
      try {
        channel = mod.createRawChannel(this.iface, true);
      } catch (err) {
        throw new TransportUnavailableError(unavailableReason(this.iface, err as Error), { cause: err });
      }
      // A raw socket does not receive its own sends (CAN_RAW_RECV_OWN_MSGS is off), matching "no echo".
      channel.addListener('onMessage', (msg) => {
        const frame: CanFrame = { id: msg.id, extended: msg.ext, data: new Uint8Array(msg.data), timestamp: msg.ts_sec !== undefined ? msg.ts_sec + (msg.ts_usec ?? 0) / 1e6 : nowSeconds() };
        if (msg.rtr) frame.rtr = true;
        if (msg.data.length > 8) frame.fd = true;
        this.emit(frame);
      });
      channel.addListener('onStopped', () => {
        if (this._state === 'open') {
          this.log('channel stopped (interface went down?); transport is now in state "error"');
          this._state = 'error';
        }
      });
      channel.start();
      this.channel = channel;
      this._state = 'open';
    } catch (err) {
      this._state = 'error';
      throw err;
    }
  }

  send(frame: CanFrame): Promise<void> {
    const problem = this.sendProblem(frame);
    if (problem) return Promise.reject(problem);
    const msg = { id: frame.id, ext: frame.extended, rtr: !!frame.rtr, data: Buffer.from(frame.data) };
    try {
      if (frame.fd) this.channel!.sendFD(msg);
      else this.channel!.send(msg);
    } catch (err) {
      return Promise.reject(new TransportError(`${this.uri}: send failed: ${(err as Error).message}`, { cause: err }));
    }
    this.framesSent++;
    return Promise.resolve();
  }

  async close(): Promise<void> {
    if (this._state === 'closed') return;
    this._state = 'closed';
    this.channel?.stop();
    this.channel = null;
  }
}

export function createSocketcanTransport(uri: string, opts: TransportOptions = {}): SocketcanTransport {
  return new SocketcanTransport(uri, parseSocketcanUri(uri), opts);
}
