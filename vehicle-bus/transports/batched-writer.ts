// Coalesces many small protocol writes into one stream write per microtask, with per-batch settlement.
import type { Writable } from 'node:stream';
import { TransportError } from '../errors.js';

interface Batch {
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: Error) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Callers that fire and forget (`void send()`) must not turn a lost connection into an unhandled
  // rejection; callers that await still see the rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * One `write()` per tick instead of one per frame: per-frame writes cost a syscall each and, with
 * Nagle off, a TCP segment each. Honors backpressure by holding text until `drain`.
 */
export class BatchedWriter {
  private parts: string[] = [];
  private current: Batch | null = null;
  private readonly inFlight = new Set<Batch>();
  private scheduled = false;
  private blocked = false;
  private failed: Error | null = null;

  constructor(private readonly stream: Writable) {
    stream.on('drain', () => {
      this.blocked = false;
      if (this.parts.length) this.flush();
    });
  }

  /** Queue text without tracking (server replies, forwarded frames). */
  write(text: string): void {
    if (this.failed) return;
    this.parts.push(text);
    this.schedule();
  }

  /** Queue text; the promise settles when its batch is handed to the OS, or rejects if the stream fails. */
  writeTracked(text: string): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    this.parts.push(text);
    this.current ??= newBatch();
    this.schedule();
    return this.current.promise;
  }

  /** Bytes and strings buffered in this writer and in the stream, for overrun checks. */
  backlog(): number {
    return this.stream.writableLength + this.parts.length * 16;
  }

  /** Write anything queued right now (before a close, or a reply that must go out in its own segment). */
  flush(): void {
    this.scheduled = false;
    if (this.failed || this.blocked || this.parts.length === 0) return;
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    const batch = this.current;
    this.current = null;
    if (batch) this.inFlight.add(batch);
    const ok = this.stream.write(text, 'latin1', (err) => {
      if (!batch) return;
      this.inFlight.delete(batch);
      if (err) batch.reject(new TransportError(`write failed: ${err.message}`, { cause: err }));
      else batch.resolve();
    });
    if (!ok) this.blocked = true;
  }

  /** Reject everything not yet written; later writes reject at once. */
  fail(err: Error): void {
    if (this.failed) return;
    this.failed = err;
    this.parts = [];
    this.current?.reject(err);
    this.current = null;
    for (const b of this.inFlight) b.reject(err);
    this.inFlight.clear();
  }

  private schedule(): void {
    if (this.scheduled || this.blocked) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }
}
