// Keeps the recent bus traffic decoded with the DBC, hands it to the UI in batches, and exports it as a candump log.
import type { Dbc } from '../../vehicle-bus/dbc/model.js';
import { formatCandumpLine } from '../../vehicle-bus/candump.js';
import { formatId, toHex, type CanFrame } from '../../vehicle-bus/frame.js';
import { FrameDecoder } from '../frame-decoder.js';
import { traceFilter, type TraceFrame } from './ipc-contract.js';

interface Held {
  frame: CanFrame;
  view: TraceFrame;
}

/** ~100 frames/s of status traffic: 6,000 frames is the last minute, enough to export what one just did. */
const DEFAULT_CAPACITY = 6_000;
/** Batching keeps the UI to a few updates a second whatever the bus rate. */
const DEFAULT_FLUSH_MS = 250;

export class TraceRecorder {
  private readonly decoder: FrameDecoder;
  private readonly held: Held[] = [];
  private pending: TraceFrame[] = [];
  private seq = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    dbc: Dbc,
    private readonly onBatch: (frames: TraceFrame[]) => void,
    private readonly capacity = DEFAULT_CAPACITY,
    flushMs = DEFAULT_FLUSH_MS,
  ) {
    this.decoder = new FrameDecoder(dbc);
    this.timer = setInterval(() => this.flush(), flushMs);
    this.timer.unref();
  }

  add(frame: CanFrame): void {
    const t = frame.timestamp ?? Date.now() / 1000;
    const stamped = { ...frame, timestamp: t };
    const decoded = this.decoder.decode(stamped);
    const json = this.decoder.toJson(stamped, decoded);
    const view: TraceFrame = {
      seq: ++this.seq,
      t,
      id: formatId(frame),
      data: toHex(frame.data),
      ...(decoded ? { name: decoded.message.name, sender: decoded.message.sender } : {}),
      ...(json.signals ? { signals: json.signals as Record<string, number | string> } : {}),
      ...(decoded?.error ? { error: decoded.error } : {}),
    };
    this.held.push({ frame: stamped, view });
    if (this.held.length > this.capacity) this.held.splice(0, this.held.length - this.capacity);
    this.pending.push(view);
  }

  flush(): void {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    this.onBatch(batch);
  }

  /** The last `n` frames, for a window that opens late. */
  recent(n = 300): TraceFrame[] {
    return this.held.slice(-n).map((h) => h.view);
  }

  /** Held frames matching the filter, as candump lines (`(1700000000.000000) can0 410#…`). */
  exportCandump(filter: string, iface = 'vcan0'): { text: string; frames: number } {
    const match = traceFilter(filter);
    const lines = this.held.filter((h) => match(h.view)).map((h) => formatCandumpLine(h.frame, iface));
    return { text: lines.length ? lines.join('\n') + '\n' : '', frames: lines.length };
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
