// What every simulated ECU shares: E2E-checked command intake, cyclic and on-change status, dynamics ticks and faults.
import type { CanFrame } from '../frame.js';
import type { Transport } from '../transport.js';
import { DropCounter, type LogFn } from '../transports/drop-counter.js';
import { CounterCheck, CounterSource } from '../cabin/checksum.js';
import type { CabinNetwork, Values } from '../cabin/cabin-network.js';
import type { Clock, TimerHandle } from './clock.js';
import type { EcuName, Faults } from './faults.js';

/** Status period from cabin.dbc's GenMsgCycleTime; also the dynamics step. */
export const STATUS_PERIOD_MS = 100;

export interface EcuContext {
  transport: Transport;
  network: CabinNetwork;
  clock: Clock;
  faults: Faults;
  log: LogFn;
}

export interface EcuStats {
  commandsAccepted: number;
  statusSent: number;
  /** Bad input by reason: unknown-id, wrong-length, bad-checksum, stale-counter. */
  dropped: Record<string, number>;
}

export type StatusFrame = { message: string; values: Values };

export abstract class SimulatedEcu {
  abstract readonly name: EcuName;
  protected readonly network: CabinNetwork;
  protected readonly clock: Clock;
  protected readonly faults: Faults;
  private readonly transport: Transport;
  private readonly drops: DropCounter;
  private readonly inCounters = new CounterCheck();
  private readonly outCounters = new CounterSource();
  private readonly lastSent = new Map<string, string>();
  private readonly pending = new Set<TimerHandle>();
  private wanted: ReadonlySet<string> = new Set();
  private cycle: TimerHandle | null = null;
  private unsubscribe: (() => void) | null = null;
  private lastTick = 0;
  private accepted = 0;
  private sent = 0;

  constructor(ctx: EcuContext) {
    this.transport = ctx.transport;
    this.network = ctx.network;
    this.clock = ctx.clock;
    this.faults = ctx.faults;
    this.drops = new DropCounter(ctx.log);
  }

  /** DBC node name, e.g. CLIMATE_ECU. */
  abstract get node(): string;
  /** Names of the command messages this ECU obeys. */
  protected abstract commandMessages(): string[];
  /** The status frames as they would go out now. */
  protected abstract statusFrames(): StatusFrame[];
  /** Obeys one E2E-checked command. */
  protected abstract obey(message: string, values: Values): void;
  /** Advances motors and temperatures by `dtMs`. */
  protected tick(_dtMs: number): void {}

  start(): void {
    if (this.cycle) return;
    this.wanted = new Set(this.commandMessages());
    this.unsubscribe = this.transport.subscribe((f) => this.receive(f));
    this.lastTick = this.clock.now();
    this.cycle = this.clock.setInterval(() => this.onCycle(), STATUS_PERIOD_MS);
    // A real ECU announces itself on wake-up rather than waiting a full period.
    this.publish(false);
  }

  async stop(): Promise<void> {
    if (this.cycle) this.clock.clear(this.cycle);
    this.cycle = null;
    for (const t of this.pending) this.clock.clear(t);
    this.pending.clear();
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.transport.close();
  }

  stats(): EcuStats {
    return { commandsAccepted: this.accepted, statusSent: this.sent, dropped: this.drops.snapshot() };
  }

  /** The limit this ECU clamps to now (faults may override the default). */
  protected limit(key: string): number {
    return this.faults.limit(this.name, key);
  }

  /** Call after a change made outside a command (e.g. the simulator's own controls) to report it at once. */
  protected changedNow(): void {
    this.publish(true);
  }

  private receive(frame: CanFrame): void {
    // A silent ECU is off the bus: it neither obeys nor checks anything.
    if (this.faults.ecu(this.name).silent) return;
    const r = this.network.receive(frame, this.inCounters, this.wanted);
    if (r === null) return;
    if (!r.ok) {
      this.drops.drop(r.reason, r.detail);
      return;
    }
    this.accepted++;
    const lateMs = this.faults.ecu(this.name).lateMs;
    if (lateMs > 0) {
      const handle = this.clock.setTimeout(() => {
        this.pending.delete(handle);
        this.apply(r.message.name, r.values);
      }, lateMs);
      this.pending.add(handle);
    } else {
      this.apply(r.message.name, r.values);
    }
  }

  private apply(message: string, values: Values): void {
    if (this.faults.ecu(this.name).silent) return;
    this.obey(message, values);
    this.publish(true);
  }

  private onCycle(): void {
    const now = this.clock.now();
    this.tick(now - this.lastTick);
    this.lastTick = now;
    this.publish(false);
  }

  /** Sends every status frame, or with `onlyChanged` just those whose content differs from the last one sent. */
  private publish(onlyChanged: boolean): void {
    if (this.faults.ecu(this.name).silent) return;
    for (const { message, values } of this.statusFrames()) {
      const key = JSON.stringify(values);
      if (onlyChanged && this.lastSent.get(message) === key) continue;
      this.lastSent.set(message, key);
      const id = this.network.message(message).id;
      const frame = this.network.encode(message, values, this.outCounters.take(id));
      this.sent++;
      this.transport.send(frame).catch((err: unknown) => {
        this.drops.drop('send-failed', err instanceof Error ? err.message : String(err));
      });
    }
  }
}

export const clamp = (v: number, min: number, max: number): number => Math.min(max, Math.max(min, v));
