// Wraps a simulated ECU's transport so the bus faults (drop, corrupt) hit every frame to and from that ECU.
import type { CanFrame } from '../frame.js';
import type { FrameListener, Transport } from '../transport.js';
import { DelegatingTransport } from '../transports/delegating-transport.js';
import type { Faults } from './faults.js';

/** What happens to one frame under the current bus faults: gone, damaged copy, or untouched. */
export function damage(frame: CanFrame, faults: Faults): CanFrame | null {
  const { dropPct, corruptPct } = faults.bus();
  if (dropPct > 0 && faults.random() * 100 < dropPct) {
    faults.effects.dropped++;
    return null;
  }
  if (corruptPct > 0 && frame.data.length > 0 && faults.random() * 100 < corruptPct) {
    const data = frame.data.slice();
    const bit = Math.floor(faults.random() * data.length * 8);
    data[bit >> 3]! ^= 1 << (bit & 7);
    faults.effects.corrupted++;
    return { ...frame, data };
  }
  return frame;
}

export class FaultyTransport extends DelegatingTransport {
  /**
   * `incoming` says which received frames the faults may hit. Frames another simulated ECU sent were
   * already exposed once at their sender; hitting them again would make one wire fault count twice.
   */
  constructor(
    inner: Transport,
    private readonly faults: Faults,
    private readonly incoming: (frame: CanFrame) => boolean = () => true,
  ) {
    super(inner);
  }

  /** A dropped frame still resolves: the sender cannot tell, exactly as on a real bus. */
  override send(frame: CanFrame): Promise<void> {
    const out = damage(frame, this.faults);
    return out ? this.inner.send(out) : Promise.resolve();
  }

  override subscribe(listener: FrameListener): () => void {
    return this.inner.subscribe((frame) => {
      const f = this.incoming(frame) ? damage(frame, this.faults) : frame;
      if (f) listener(f);
    });
  }
}
