// The one interface every CAN transport implements; chosen by URI scheme from the registry.
import type { CanFrame } from './frame.js';

export type TransportState = 'closed' | 'opening' | 'open' | 'error';

/** Bad input a transport met and dropped; counted per kind and logged once per kind. */
export interface TransportStats {
  framesSent: number;
  framesReceived: number;
  /** Drops by reason, e.g. `{ "garbage": 3, "disconnect-mid-frame": 1 }`. */
  dropped: Record<string, number>;
}

export type FrameListener = (frame: CanFrame) => void;

export interface Transport {
  /** The URI the transport was created from, e.g. `slcan://127.0.0.1:3333`. */
  readonly uri: string;
  readonly state: TransportState;
  open(): Promise<void>;
  /** Queue a frame for the bus. Rejects on an invalid frame or a closed transport. */
  send(frame: CanFrame): Promise<void>;
  /** Frames from other nodes on the bus (never the transport's own sends). Returns an unsubscribe. */
  subscribe(listener: FrameListener): () => void;
  close(): Promise<void>;
  stats(): TransportStats;
}
