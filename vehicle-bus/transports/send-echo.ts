// Wraps a transport so a trace can see this node's own sends too: a transport never hears itself (transport.ts), but a bus monitor must.
import type { CanFrame } from '../frame.js';
import type { FrameListener, Transport } from '../transport.js';
import { DelegatingTransport } from './delegating-transport.js';
import { nowSeconds } from './base-transport.js';

/**
 * `subscribe` keeps the Transport contract (other nodes' frames only), so a state tracker attached here
 * never mistakes a command for a status. `onSent` hears each frame once the inner transport accepted it;
 * a rejected send is not echoed, because it never reached the bus.
 */
export class SendEchoTransport extends DelegatingTransport {
  private readonly sentListeners = new Set<FrameListener>();

  constructor(inner: Transport) {
    super(inner);
  }

  override async send(frame: CanFrame): Promise<void> {
    await this.inner.send(frame);
    // A copy stamped now: the sender may reuse its buffer, and the receiving side is what stamps frames elsewhere.
    const echo: CanFrame = { ...frame, data: frame.data.slice(), timestamp: nowSeconds() };
    for (const l of this.sentListeners) l(echo);
  }

  /** This node's frames as they went out. Returns an unsubscribe. */
  onSent(listener: FrameListener): () => void {
    const entry: FrameListener = (f) => listener(f);
    this.sentListeners.add(entry);
    return () => this.sentListeners.delete(entry);
  }

  /** Everything on the bus as a monitor sees it: other nodes' frames and this node's sends. */
  onFrame(listener: FrameListener): () => void {
    const offIn = this.subscribe(listener);
    const offOut = this.onSent(listener);
    return () => {
      offIn();
      offOut();
    };
  }
}
