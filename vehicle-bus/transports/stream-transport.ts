// Lifecycle shared by the transports that speak a text protocol over a byte stream (SLCAN, socketcand).
import type { Duplex } from 'node:stream';
import { TransportError } from '../errors.js';
import { BaseTransport, type TransportOptions } from './base-transport.js';
import { BatchedWriter } from './batched-writer.js';

export interface StreamTransportOptions extends TransportOptions {
  /** How long the peer may take to answer a handshake step or command. */
  replyTimeoutMs?: number;
}

interface Waiter {
  label: string;
  resolve: (reply: string) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export abstract class StreamTransport extends BaseTransport {
  protected stream: Duplex | null = null;
  protected writer: BatchedWriter | null = null;
  private readonly waiters: Waiter[] = [];
  private closing = false;

  constructor(uri: string, private readonly connect: () => Promise<Duplex>, protected readonly streamOpts: StreamTransportOptions = {}) {
    super(uri, streamOpts);
  }

  /** Protocol greeting after the stream is up; reject to fail open(). */
  protected abstract handshake(): Promise<void>;
  protected abstract receive(chunk: Buffer): void;
  /** The stream ended: flush partial input (counted as a mid-frame disconnect). */
  protected abstract streamEnded(): void;
  /** Text to send before a clean close (e.g. SLCAN `C`). */
  protected goodbye(): string | null {
    return null;
  }

  async open(): Promise<void> {
    if (this._state === 'open' || this._state === 'opening') return;
    this._state = 'opening';
    this.closing = false;
    try {
      const stream = await this.connect();
      this.stream = stream;
      this.writer = new BatchedWriter(stream);
      stream.on('data', (chunk: Buffer) => this.receive(chunk));
      stream.on('error', (err) => this.lost(`stream error: ${err.message}`));
      stream.on('close', () => this.lost('connection closed by peer'));
      await this.handshake();
      if (this._state !== 'opening') throw new TransportError(`${this.uri}: connection lost while opening`);
      this._state = 'open';
    } catch (err) {
      const failure = err instanceof TransportError ? err : new TransportError(`${this.uri}: ${(err as Error).message}`, { cause: err });
      this.finish('error', failure);
      throw failure;
    }
  }

  async close(): Promise<void> {
    const stream = this.stream;
    if (this._state === 'closed' || this.closing) return;
    this.closing = true;
    if (stream && !stream.destroyed) {
      const bye = this._state === 'open' ? this.goodbye() : null;
      if (bye) this.writer?.write(bye);
      this.writer?.flush();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          stream.destroy();
          resolve();
        }, 1000);
        stream.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        // A TCP peer answers our FIN by closing; a serial port never does, so it is destroyed once flushed.
        if ('setNoDelay' in stream) stream.end();
        else stream.end(() => stream.destroy());
      });
    }
    this.finish('closed', new TransportError(`${this.uri}: transport closed`));
  }

  /** Write `text` (if any) and wait for the next reply the protocol hands to `answer()`. */
  protected expectReply(label: string, text?: string): Promise<string> {
    const writer = this.writer;
    if (!writer || (this._state !== 'open' && this._state !== 'opening')) {
      return Promise.reject(new TransportError(`${this.uri}: cannot send "${label}", transport is ${this._state}`));
    }
    const ms = this.streamOpts.replyTimeoutMs ?? 2000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.findIndex((w) => w.timer === timer);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new TransportError(`${this.uri}: no answer to "${label}" within ${ms} ms`));
      }, ms);
      this.waiters.push({ label, resolve, reject, timer });
      if (text !== undefined) {
        writer.write(text);
        // Each handshake step goes out on its own: some peers read one reply per recv().
        writer.flush();
      }
    });
  }

  /** Settle the oldest waiter; false when nobody was waiting (an unsolicited reply). */
  protected answer(reply: string): boolean {
    const w = this.waiters.shift();
    if (!w) return false;
    clearTimeout(w.timer);
    w.resolve(reply);
    return true;
  }

  protected refuse(why: string): boolean {
    const w = this.waiters.shift();
    if (!w) return false;
    clearTimeout(w.timer);
    w.reject(new TransportError(`${this.uri}: "${w.label}" refused: ${why}`));
    return true;
  }

  protected lost(why: string): void {
    if (this.closing || this._state === 'closed' || this._state === 'error') return;
    this.log(`${why}; transport is now in state "error"`);
    this.finish('error', new TransportError(`${this.uri}: ${why}`));
  }

  private finish(state: 'closed' | 'error', err: TransportError): void {
    this._state = state;
    this.streamEnded();
    this.writer?.fail(err);
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.stream?.destroy();
  }
}
