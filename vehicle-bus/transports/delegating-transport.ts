// A transport that wraps another and forwards everything; wrappers (fault injection, send echo) override only what they change.
import type { CanFrame } from '../frame.js';
import type { FrameListener, Transport, TransportState, TransportStats } from '../transport.js';

export class DelegatingTransport implements Transport {
  constructor(protected readonly inner: Transport) {}

  get uri(): string {
    return this.inner.uri;
  }

  get state(): TransportState {
    return this.inner.state;
  }

  open(): Promise<void> {
    return this.inner.open();
  }

  send(frame: CanFrame): Promise<void> {
    return this.inner.send(frame);
  }

  subscribe(listener: FrameListener): () => void {
    return this.inner.subscribe(listener);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  stats(): TransportStats {
    return this.inner.stats();
  }
}
