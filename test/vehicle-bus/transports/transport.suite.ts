// One behavioural suite that every Transport implementation runs (python-can back2back style).
import { afterEach, describe, expect, it } from 'vitest';
import type { CanFrame } from '../../../vehicle-bus/frame.js';
import type { Transport } from '../../../vehicle-bus/transport.js';
import { TransportError } from '../../../vehicle-bus/errors.js';
import { VirtualBus } from '../../../vehicle-bus/transports/virtual.transport.js';
import type { BusServer } from '../../../vehicle-bus/servers/bus-server.js';

export interface TransportSet {
  /** Open transports that all see one bus. */
  nodes: Transport[];
  teardown(): Promise<void>;
}

export interface TransportSuiteOptions {
  /** Returns `count` (≥ 2) open, connected transports. */
  create(count: number): Promise<TransportSet>;
  /** Remote frames survive the transport (socketcand's raw mode has no RTR flag). */
  rtr?: boolean;
  burst?: number;
}

/** Resolves with the first `n` frames a transport receives; rejects if they do not all come in time. */
export function collect(t: Transport, n: number, timeoutMs = 10_000): Promise<CanFrame[]> {
  return new Promise((resolve, reject) => {
    const got: CanFrame[] = [];
    const timer = setTimeout(() => {
      off();
      reject(new Error(`${t.uri}: received ${got.length} of ${n} frames`));
    }, timeoutMs);
    const off = t.subscribe((f) => {
      got.push(f);
      if (got.length === n) {
        clearTimeout(timer);
        off();
        resolve(got);
      }
    });
    if (n === 0) {
      clearTimeout(timer);
      off();
      resolve(got);
    }
  });
}

export function frame(id: number, bytes: number[], extra: Partial<CanFrame> = {}): CanFrame {
  return { id, extended: id > 0x7ff, data: Uint8Array.from(bytes), ...extra };
}

/** The fields a frame must keep end to end (the timestamp is the receiver's). */
export function essence(f: CanFrame): { id: number; extended: boolean; data: number[]; rtr: boolean } {
  return { id: f.id, extended: f.extended, data: Array.from(f.data), rtr: !!f.rtr };
}

export function transportSuite(name: string, opts: TransportSuiteOptions): void {
  describe(`${name}: Transport behaviour`, () => {
    let set: TransportSet | null = null;
    const make = async (count: number) => (set = await opts.create(count));
    afterEach(async () => {
      await set?.teardown();
      set = null;
    });

    it('delivers standard and extended frames with 0–8 byte payloads intact', async () => {
      const { nodes: [a, b] } = await make(2);
      const sent: CanFrame[] = [];
      for (let len = 0; len <= 8; len++) {
        const bytes = Array.from({ length: len }, (_, i) => (i * 37 + len * 11 + 0xa5) & 0xff);
        sent.push(frame(0x000 + len, bytes), frame(0x7ff - len, bytes));
        sent.push({ id: 0x1fffffff - len, extended: true, data: Uint8Array.from(bytes) });
        sent.push({ id: len, extended: true, data: Uint8Array.from(bytes) });
      }
      if (opts.rtr) sent.push(frame(0x123, [0, 0, 0, 0], { rtr: true }), { id: 0x1abcdef, extended: true, data: new Uint8Array(0), rtr: true });
      const received = collect(b!, sent.length);
      for (const f of sent) await a!.send(f);
      const got = await received;
      expect(got.map(essence)).toEqual(sent.map(essence));
      for (const f of got) expect(typeof f.timestamp).toBe('number');
      expect(a!.stats().framesSent).toBe(sent.length);
      expect(b!.stats().framesReceived).toBe(sent.length);
    });

    it(`keeps order and loses nothing in a burst of ${opts.burst ?? 10_000} frames`, async () => {
      const { nodes: [a, b] } = await make(2);
      const n = opts.burst ?? 10_000;
      const received = collect(b!, n, 15_000);
      const sends: Promise<void>[] = [];
      for (let i = 0; i < n; i++) sends.push(a!.send(frame(i & 0x7ff, [i & 0xff, (i >> 8) & 0xff, (i >> 16) & 0xff])));
      await Promise.all(sends);
      const got = await received;
      const seq = got.map((f) => f.data[0]! | (f.data[1]! << 8) | (f.data[2]! << 16));
      expect(seq).toEqual(Array.from({ length: n }, (_, i) => i));
    });

    it('does not echo a frame to its sender', async () => {
      const { nodes: [a, b] } = await make(2);
      const atA: CanFrame[] = [];
      a!.subscribe((f) => atA.push(f));
      const atB = collect(b!, 1);
      await a!.send(frame(0x100, [1]));
      await atB;
      // b's answer travels the same path an echo would, so an echo would have arrived before it.
      const back = collect(a!, 1);
      await b!.send(frame(0x200, [2]));
      await back;
      expect(atA.map(essence)).toEqual([essence(frame(0x200, [2]))]);
    });

    it('delivers each node’s frames to every other node', async () => {
      const { nodes } = await make(3);
      const waits = nodes.map((n) => collect(n, 2));
      for (let i = 0; i < nodes.length; i++) await nodes[i]!.send(frame(0x300 + i, [i]));
      const got = await Promise.all(waits);
      got.forEach((frames, i) => {
        const ids = frames.map((f) => f.id).sort();
        expect(ids).toEqual([0x300, 0x301, 0x302].filter((id) => id !== 0x300 + i));
      });
    });

    it('stops calling a listener after it unsubscribes, and keeps calling the others', async () => {
      const { nodes: [a, b] } = await make(2);
      const first: number[] = [];
      const off = b!.subscribe((f) => first.push(f.id));
      const firstWait = collect(b!, 1);
      await a!.send(frame(0x10, []));
      await firstWait;
      const second = collect(b!, 1);
      await a!.send(frame(0x11, []));
      expect((await second)[0]!.id).toBe(0x11);
      off();
      off(); // unsubscribing twice is harmless
      const third = collect(b!, 1);
      await a!.send(frame(0x12, []));
      expect((await third)[0]!.id).toBe(0x12);
      expect(first).toEqual([0x10, 0x11]);
    });

    it('rejects a send on a closed transport; close is idempotent', async () => {
      const { nodes: [a] } = await make(2);
      await a!.close();
      expect(a!.state).toBe('closed');
      await expect(a!.close()).resolves.toBeUndefined();
      await expect(a!.send(frame(0x1, [1]))).rejects.toBeInstanceOf(TransportError);
      await expect(a!.send(frame(0x1, [1]))).rejects.toThrow(/closed/);
    });

    it('rejects invalid frames with a clear error and stays usable', async () => {
      const { nodes: [a, b] } = await make(2);
      const bad: [CanFrame, RegExp][] = [
        [frame(0x800, [], { extended: false }), /out of range/],
        [{ id: 0x20000000, extended: true, data: new Uint8Array(0) }, /out of range/],
        [{ id: -1, extended: false, data: new Uint8Array(0) }, /out of range/],
        [frame(0x1, [1, 2, 3, 4, 5, 6, 7, 8, 9]), /exceeds 8/],
        [{ id: 1, extended: false, data: [1, 2] as unknown as Uint8Array }, /Uint8Array/],
      ];
      for (const [f, why] of bad) {
        const err = await a!.send(f).then(() => null, (e: unknown) => e);
        expect(err).toBeInstanceOf(TransportError);
        expect((err as Error).message).toMatch(/invalid frame/);
        expect((err as Error).message).toMatch(why);
      }
      const ok = collect(b!, 1);
      await a!.send(frame(0x42, [0x42]));
      expect(essence((await ok)[0]!)).toEqual(essence(frame(0x42, [0x42])));
      expect(a!.stats().framesSent).toBe(1);
    });
  });
}

/**
 * Nodes that reach a fresh virtual bus through a server over loopback TCP: the set-up both TCP protocols
 * share (SLCAN and socketcand differ only in the server and the client they make).
 */
export async function serverBackedSet(
  count: number,
  serve: (bus: VirtualBus) => Promise<BusServer>,
  client: (port: number) => Transport,
): Promise<TransportSet> {
  const bus = new VirtualBus();
  const server = await serve(bus);
  const nodes = Array.from({ length: count }, () => client(server.port));
  await Promise.all(nodes.map((n) => n.open()));
  return {
    nodes,
    async teardown() {
      await Promise.all(nodes.map((n) => n.close()));
      await server.close();
      await bus.dispose();
    },
  };
}

