// State, listeners, stats and send checks that every Transport implementation shares.
import type { CanFrame } from '../frame.js';
import { frameProblem } from '../frame.js';
import { TransportError } from '../errors.js';
import type { FrameListener, Transport, TransportState, TransportStats } from '../transport.js';
import { DropCounter, stderrLog, type LogFn } from './drop-counter.js';

export interface TransportOptions {
  /** Where drop notices and connection problems go; default: stderr, prefixed with the URI. */
  log?: LogFn;
}

/** Seconds since the epoch with sub-millisecond resolution (Date.now() alone is too coarse for traces). */
export function nowSeconds(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}

/** Throws a TransportError naming what is wrong with the frame, so callers see why a send failed. */
export function assertValidFrame(frame: CanFrame): void {
  if (frame === null || typeof frame !== 'object' || !(frame.data instanceof Uint8Array)) {
    throw new TransportError('invalid frame: expected { id, extended, data: Uint8Array }');
  }
  const problem = frameProblem(frame);
  if (problem) throw new TransportError(`invalid frame: ${problem}`);
  if (frame.rtr && frame.fd) throw new TransportError('invalid frame: CAN FD has no remote frames');
}

export abstract class BaseTransport implements Transport {
  protected _state: TransportState = 'closed';
  protected readonly listeners = new Set<FrameListener>();
  protected readonly drops: DropCounter;
  protected readonly log: LogFn;
  protected framesSent = 0;
  protected framesReceived = 0;

  constructor(readonly uri: string, opts: TransportOptions = {}) {
    this.log = opts.log ?? stderrLog(uri);
    this.drops = new DropCounter(this.log);
  }

  get state(): TransportState {
    return this._state;
  }

  abstract open(): Promise<void>;
  abstract send(frame: CanFrame): Promise<void>;
  abstract close(): Promise<void>;

  subscribe(listener: FrameListener): () => void {
    // Wrap so the same function subscribed twice gets two independent subscriptions.
    const entry: FrameListener = (f) => listener(f);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  stats(): TransportStats {
    return { framesSent: this.framesSent, framesReceived: this.framesReceived, dropped: this.drops.snapshot() };
  }

  /** Validate before queueing; the returned error (if any) is what send() rejects with. */
  protected sendProblem(frame: CanFrame): TransportError | null {
    if (this._state !== 'open') return new TransportError(`${this.uri}: cannot send, transport is ${this._state}`);
    try {
      assertValidFrame(frame);
    } catch (err) {
      return err as TransportError;
    }
    return null;
  }

  /** Hand a received frame to every listener; one throwing listener must not starve the others. */
  protected emit(frame: CanFrame): void {
    this.framesReceived++;
    for (const l of this.listeners) {
      try {
        l(frame);
      } catch (err) {
        this.drops.drop('listener-error', err instanceof Error ? err.message : String(err));
      }
    }
  }
}
