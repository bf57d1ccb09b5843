// socketcand client (`socketcand://HOST:PORT[/IFACE]`): raw mode over TCP, as python-can and socketcand speak it.
import type { Duplex } from 'node:stream';
import type { CanFrame } from '../frame.js';
import { TransportError } from '../errors.js';
import { preview } from './drop-counter.js';
import { SOCKETCAND_DEFAULT_PORT, SocketcandSplitter, decodeSocketcandElement, encodeSocketcandSend } from './socketcand-protocol.js';
import { connectTcp } from './stream-connect.js';
import { StreamTransport, type StreamTransportOptions } from './stream-transport.js';

/** The interface asked for when the URI names none; python-can's examples and our server use it. */
export const SOCKETCAND_DEFAULT_IFACE = 'vcan0';

export interface SocketcandEndpoint {
  host: string;
  port: number;
  iface: string;
}

export function parseSocketcandUri(uri: string): SocketcandEndpoint {
  const m = /^socketcand:\/\/(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?(?:\/([\w.-]+))?\/?$/.exec(uri);
  if (!m || (m[2] && Number(m[2]) > 65535)) {
    throw new TransportError(`malformed socketcand URI "${uri}" (expected socketcand://HOST[:PORT][/IFACE], default port ${SOCKETCAND_DEFAULT_PORT})`);
  }
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port: m[2] ? Number(m[2]) : SOCKETCAND_DEFAULT_PORT, iface: m[3] ?? SOCKETCAND_DEFAULT_IFACE };
}

export class SocketcandTransport extends StreamTransport {
  private readonly splitter = new SocketcandSplitter((inner) => this.onElement(inner), (r, d) => this.drops.drop(r, d));

  constructor(uri: string, private readonly iface: string, connect: () => Promise<Duplex>, opts: StreamTransportOptions = {}) {
    super(uri, connect, opts);
  }

  protected async handshake(): Promise<void> {
    await this.expectReply('hi');
    await this.expectReply(`open ${this.iface}`, `< open ${this.iface} >`);
    await this.expectReply('rawmode', '< rawmode >');
  }

  send(frame: CanFrame): Promise<void> {
    const problem = this.sendProblem(frame);
    if (problem) return Promise.reject(problem);
    // Raw mode's `< send >` has no flag for either; sending them as plain data frames would change their meaning.
    if (frame.rtr) return Promise.reject(new TransportError('invalid frame: socketcand raw mode cannot carry remote (RTR) frames'));
    if (frame.fd) return Promise.reject(new TransportError('invalid frame: socketcand raw mode cannot carry CAN FD frames'));
    this.framesSent++;
    return this.writer!.writeTracked(encodeSocketcandSend(frame));
  }

  protected receive(chunk: Buffer): void {
    this.splitter.push(chunk);
  }

  protected streamEnded(): void {
    this.splitter.end();
  }

  private onElement(inner: string): void {
    const msg = decodeSocketcandElement(inner);
    switch (msg.kind) {
      case 'frame':
        // socketcand stamps frames when it read them from the bus; that is the time to keep.
        if (this._state === 'open') this.emit(msg.frame);
        return;
      case 'hi':
      case 'ok':
        if (!this.answer(msg.kind)) this.drops.drop('unexpected-reply', `< ${msg.kind} >`);
        return;
      case 'error':
        if (!this.refuse(msg.text)) this.drops.drop('server-error', msg.text);
        return;
      case 'echo':
        return;
      case 'bad':
        this.drops.drop(msg.reason, preview(msg.detail, 60));
        return;
      default:
        this.drops.drop('unexpected-reply', preview(inner, 60));
    }
  }
}

export function createSocketcandTransport(uri: string, opts: StreamTransportOptions = {}): SocketcandTransport {
  const ep = parseSocketcandUri(uri);
  return new SocketcandTransport(uri, ep.iface, () => connectTcp(ep.host, ep.port), opts);
}
