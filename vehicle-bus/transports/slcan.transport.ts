// SLCAN host side over any byte stream: a TCP socket (`slcan://HOST:PORT`) or a USB-CAN adapter's serial port.
import type { Duplex } from 'node:stream';
import type { CanFrame } from '../frame.js';
import { TransportError } from '../errors.js';
import { nowSeconds } from './base-transport.js';
import { preview } from './drop-counter.js';
import { SLCAN_BITRATES, SlcanSplitter, decodeSlcanLine, encodeSlcanFrame } from './slcan-protocol.js';
import { connectSerial, connectTcp } from './stream-connect.js';
import { StreamTransport, type StreamTransportOptions } from './stream-transport.js';

export interface SlcanOptions extends StreamTransportOptions {
  /** CAN bitrate sent as `Sn` on open (default 500000); ignored by the TCP server but obeyed by adapters. */
  bitrate?: number;
}

export type SlcanEndpoint = { kind: 'tcp'; host: string; port: number } | { kind: 'serial'; path: string; baudRate: number; bitrate?: number };

const URI_HELP = 'expected slcan://HOST:PORT or slcan:///dev/ttyACM0[?bitrate=500000&baud=115200]';

/** `slcan://HOST:PORT` is TCP; `slcan:///dev/ttyACM0[?bitrate=N&baud=N]` or `slcan://COM3` is a serial port. */
export function parseSlcanUri(uri: string): SlcanEndpoint {
  const m = /^slcan:\/\/([^?]*)(?:\?(.*))?$/.exec(uri);
  if (!m) throw new TransportError(`malformed SLCAN URI "${uri}" (${URI_HELP})`);
  const where = m[1]!;
  const params = new URLSearchParams(m[2] ?? '');
  const num = (key: string): number | undefined => {
    const v = params.get(key);
    if (v === null) return undefined;
    if (!/^\d+$/.test(v)) throw new TransportError(`malformed SLCAN URI "${uri}": ${key} must be a number`);
    return Number(v);
  };
  if (where.startsWith('/') || /^COM\d+$/i.test(where)) {
    const bitrate = num('bitrate');
    if (bitrate !== undefined && !SLCAN_BITRATES[bitrate]) {
      throw new TransportError(`unsupported SLCAN bitrate ${bitrate} (one of ${Object.keys(SLCAN_BITRATES).join(', ')})`);
    }
    return { kind: 'serial', path: where, baudRate: num('baud') ?? 115_200, ...(bitrate ? { bitrate } : {}) };
  }
  const hp = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(where);
  if (!hp || Number(hp[2]) > 65535) throw new TransportError(`malformed SLCAN URI "${uri}" (${URI_HELP})`);
  return { kind: 'tcp', host: hp[1]!.replace(/^\[|\]$/g, ''), port: Number(hp[2]) };
}

export class SlcanTransport extends StreamTransport {
  private readonly splitter = new SlcanSplitter((line, term) => this.onLine(line, term), (r, d) => this.drops.drop(r, d));

  constructor(uri: string, connect: () => Promise<Duplex>, private readonly opts: SlcanOptions = {}) {
    super(uri, connect, opts);
  }

  /** Like a host driver: close what a previous session left open (a BEL is fine), set the bitrate, open. */
  protected async handshake(): Promise<void> {
    const code = SLCAN_BITRATES[this.opts.bitrate ?? 500_000];
    if (!code) throw new TransportError(`unsupported SLCAN bitrate ${this.opts.bitrate}`);
    await this.command('C').catch((err: TransportError) => {
      if (!/refused/.test(err.message)) throw err;
    });
    await this.command(code);
    await this.command('O');
  }

  /** Send a raw command (`V`, `N`, `F`, …) and resolve with the adapter's reply line ('' for a bare OK). */
  command(command: string): Promise<string> {
    return this.expectReply(command, command + '\r');
  }

  send(frame: CanFrame): Promise<void> {
    const problem = this.sendProblem(frame);
    if (problem) return Promise.reject(problem);
    this.framesSent++;
    return this.writer!.writeTracked(encodeSlcanFrame(frame));
  }

  protected override goodbye(): string {
    return 'C\r';
  }

  protected receive(chunk: Buffer): void {
    this.splitter.push(chunk);
  }

  protected streamEnded(): void {
    this.splitter.end();
  }

  private onLine(line: string, term: '\r' | '\x07'): void {
    if (term === '\x07') {
      if (!this.refuse('adapter answered BEL')) this.drops.drop('adapter-error', 'adapter answered BEL (refused a frame or command)');
      return;
    }
    if (line === '') {
      this.answer('');
      return;
    }
    const msg = decodeSlcanLine(line);
    if (msg.kind === 'frame') {
      if (this._state !== 'open') return;
      msg.frame.timestamp = nowSeconds();
      this.emit(msg.frame);
    } else if (msg.kind === 'command') {
      // `z`/`Z` acknowledge our transmits; version, serial and status replies answer a pending command.
      if (msg.command === 'z' || msg.command === 'Z') return;
      if (!this.answer(line)) this.drops.drop('unexpected-reply', preview(line));
    } else {
      this.drops.drop(msg.reason, preview(msg.detail, 60));
    }
  }
}

/** `createTransport('slcan://…')`: TCP or serial by the URI's shape, same protocol code. */
export function createSlcanTransport(uri: string, opts: SlcanOptions = {}): SlcanTransport {
  const ep = parseSlcanUri(uri);
  if (ep.kind === 'tcp') return new SlcanTransport(uri, () => connectTcp(ep.host, ep.port), opts);
  const bitrate = opts.bitrate ?? ep.bitrate;
  return new SlcanTransport(uri, () => connectSerial(ep.path, ep.baudRate), { ...opts, ...(bitrate ? { bitrate } : {}) });
}
