// The head unit's picture of the car: decodes status frames from a transport into DESIGN's vehicle state and reports changes.
import type { CanFrame } from '../frame.js';
import type { Transport } from '../transport.js';
import { DropCounter, stderrLog, type LogFn } from '../transports/drop-counter.js';
import { CounterCheck } from './checksum.js';
import type { CabinNetwork, DropReason, Values } from './cabin-network.js';
import { applyStatus, emptyTelemetry, statusMessageNames, type CabinTelemetry } from './status-frames.js';
import { cloneState, defaultVehicleState, type VehicleState } from './vehicle-state-types.js';

export * from './vehicle-state-types.js';
export type { CabinTelemetry, SeatMotion } from './status-frames.js';

export interface StateChange {
  /** Dotted paths of the fields that changed, e.g. `seats.driver.heat`. */
  paths: string[];
  /** The status message that carried the change, e.g. `SEAT_Status_Driver`. */
  message: string;
  /** A copy of the whole state after the change. */
  state: VehicleState;
  at: number;
}

/** Every accepted status frame, changed or not: proof of life for the closed loop ("no status within 300 ms"). */
export interface StatusEvent {
  message: string;
  /** Sending ECU node from the DBC, e.g. `CLIMATE_ECU`. */
  node: string;
  values: Values;
  at: number;
}

export interface TrackerOptions {
  /** Starting picture before any status arrives; default DESIGN's default state. */
  initial?: VehicleState;
  /** Where the first drop of each kind is logged; default stderr. */
  log?: LogFn;
  /** Millisecond clock for `at` and lastSeen; default performance.now. */
  now?: () => number;
}

export interface TrackerStats {
  accepted: number;
  dropped: Partial<Record<DropReason, number>>;
}

export class VehicleStateTracker {
  private current: VehicleState;
  private readonly telemetryData: CabinTelemetry = emptyTelemetry();
  private readonly counters = new CounterCheck();
  private readonly drops: DropCounter;
  private readonly now: () => number;
  private readonly wanted: ReadonlySet<string> = new Set(statusMessageNames());
  private readonly changeListeners = new Set<(c: StateChange) => void>();
  private readonly statusListeners = new Set<(e: StatusEvent) => void>();
  private readonly seen = new Map<string, number>();
  private accepted = 0;

  constructor(
    private readonly network: CabinNetwork,
    opts: TrackerOptions = {},
  ) {
    this.current = cloneState(opts.initial ?? defaultVehicleState());
    this.drops = new DropCounter(opts.log ?? stderrLog('vehicle-state'));
    this.now = opts.now ?? (() => performance.now());
  }

  /** Starts following a transport's frames; returns the function that stops it. */
  attach(transport: Transport): () => void {
    return transport.subscribe((frame) => this.handle(frame));
  }

  /**
   * One frame from the bus. Command frames (ours or a tester's) are other traffic and ignored; unknown
   * ids, wrong lengths, bad checksums and stale counters are counted, logged once per kind, and change nothing.
   */
  handle(frame: CanFrame): void {
    const r = this.network.receive(frame, this.counters, this.wanted);
    if (r === null) return;
    if (!r.ok) {
      this.drops.drop(r.reason, r.detail);
      return;
    }
    this.accepted++;
    const at = this.now();
    this.seen.set(r.message.name, at);
    const paths = applyStatus(this.current, this.telemetryData, r.message.name, r.values);
    if (this.statusListeners.size) {
      const ev: StatusEvent = { message: r.message.name, node: r.message.sender, values: r.values, at };
      for (const l of this.statusListeners) l(ev);
    }
    if (paths.length && this.changeListeners.size) {
      const change: StateChange = { paths, message: r.message.name, state: cloneState(this.current), at };
      for (const l of this.changeListeners) l(change);
    }
  }

  /** A copy of the current state, safe to keep or print. */
  get state(): VehicleState {
    return cloneState(this.current);
  }

  /** Measured cabin temperatures and seat motor targets (not part of DESIGN's state JSON). */
  get telemetry(): CabinTelemetry {
    return structuredClone(this.telemetryData);
  }

  onChange(listener: (c: StateChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onStatus(listener: (e: StatusEvent) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** When a status message was last accepted (per `now`), or undefined if never. */
  lastSeen(messageName: string): number | undefined {
    return this.seen.get(messageName);
  }

  /** True once every status message has been received at least once: the picture is complete. */
  complete(): boolean {
    return [...this.wanted].every((m) => this.seen.has(m));
  }

  stats(): TrackerStats {
    return { accepted: this.accepted, dropped: this.drops.snapshot() };
  }
}
