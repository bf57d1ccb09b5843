// Time source for the simulated ECUs: the real timers in production, a manual clock in tests and fast runs.

export type TimerHandle = { readonly id: number };

export interface Clock {
  /** Milliseconds; only differences matter. */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  setInterval(fn: () => void, ms: number): TimerHandle;
  /** Cancels a timeout or an interval; unknown or spent handles are ignored. */
  clear(handle: TimerHandle): void;
}

/** Node's timers. unref'd so a forgotten simulator never keeps a process alive on its own. */
export function realClock(): Clock {
  const timers = new Map<number, NodeJS.Timeout>();
  let seq = 0;
  return {
    now: () => performance.now(),
    setTimeout(fn, ms) {
      const handle = { id: ++seq };
      const t = setTimeout(() => {
        timers.delete(handle.id);
        fn();
      }, ms);
      t.unref();
      timers.set(handle.id, t);
      return handle;
    },
    setInterval(fn, ms) {
      const handle = { id: ++seq };
      const t = setInterval(fn, ms);
      t.unref();
      timers.set(handle.id, t);
      return handle;
    },
    clear(handle) {
      const t = timers.get(handle.id);
      if (t) clearTimeout(t);
      timers.delete(handle.id);
    },
  };
}

interface ManualTimer {
  id: number;
  at: number;
  every: number | null;
  fn: () => void;
}

/**
 * A clock that only moves when told. Chosen over vitest's fake timers because the virtual bus delivers
 * frames with queueMicrotask/setImmediate, which must keep running for real while ECU time is frozen;
 * it also lets `cabin run` replay a conversation faster than real time.
 */
export class ManualClock implements Clock {
  private time: number;
  private seq = 0;
  private timers: ManualTimer[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, null);
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, Math.max(1, ms));
  }

  clear(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.id);
  }

  /** Number of pending timers (tests use it to check that stop() cleans up). */
  pending(): number {
    return this.timers.length;
  }

  /**
   * Moves time forward by `ms`, firing due timers in time order (ties in creation order). Between
   * timers it awaits `between` (default: drain microtasks and one macrotask turn) so frames a timer
   * sends are delivered before the next timer fires, as they would be on a real bus.
   */
  async advance(ms: number, between: () => Promise<void> = settle): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = this.nextDue(end);
      if (!next) break;
      this.time = next.at;
      if (next.every === null) this.timers = this.timers.filter((t) => t !== next);
      else next.at += next.every;
      next.fn();
      await between();
    }
    this.time = end;
    await between();
  }

  private nextDue(end: number): ManualTimer | undefined {
    let best: ManualTimer | undefined;
    for (const t of this.timers) if (t.at <= end && (!best || t.at < best.at || (t.at === best.at && t.id < best.id))) best = t;
    return best;
  }

  private add(fn: () => void, ms: number, every: number | null): TimerHandle {
    const timer: ManualTimer = { id: ++this.seq, at: this.time + Math.max(0, ms), every, fn };
    this.timers.push(timer);
    return { id: timer.id };
  }
}

/** Lets queued microtasks and one round of setImmediate callbacks (the virtual bus's deliveries) run. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** The same clock in the shape xstate schedules on, so dialogue timers and simulated ECUs share one time. */
export function timerClockOf(clock: Clock): { setTimeout(fn: () => void, ms: number): TimerHandle; clearTimeout(id: unknown): void } {
  return {
    setTimeout: (fn, ms) => clock.setTimeout(fn, ms),
    clearTimeout: (id) => clock.clear(id as TimerHandle),
  };
}
