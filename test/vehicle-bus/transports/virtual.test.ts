// The virtual bus: the shared transport suite plus the hub's own rules (registry, URIs, re-entrancy).
import { describe, expect, it } from 'vitest';
import { VirtualBus, createVirtualTransport, virtualBusName } from '../../../vehicle-bus/transports/virtual.transport.js';
import { collect, frame, transportSuite } from './transport.suite.js';

transportSuite('virtual', {
  rtr: true,
  async create(count) {
    const bus = new VirtualBus();
    const nodes = Array.from({ length: count }, (_, i) => bus.attach(`node-${i}`));
    return { nodes, teardown: () => bus.dispose() };
  },
});

describe('virtual bus', () => {
  it('joins `virtual:NAME` URIs to the same hub and plain `virtual:` to "default"', async () => {
    expect(virtualBusName('virtual:')).toBe('default');
    expect(virtualBusName('virtual:car')).toBe('car');
    expect(() => virtualBusName('virtual:a b')).toThrow(/malformed virtual URI/);
    const a = createVirtualTransport('virtual:reg-test');
    const b = createVirtualTransport('virtual:reg-test');
    const other = createVirtualTransport('virtual:reg-other');
    await Promise.all([a.open(), b.open(), other.open()]);
    const seen: number[] = [];
    other.subscribe((f) => seen.push(f.id));
    const got = collect(b, 1);
    await a.send(frame(0x55, [5]));
    expect((await got)[0]!.id).toBe(0x55);
    expect(seen).toEqual([]);
    expect(VirtualBus.named('reg-test').size()).toBe(2);
    expect(() => new VirtualBus('reg-test')).toThrow(/already exists/);
    await VirtualBus.named('reg-test').dispose();
    await VirtualBus.named('reg-other').dispose();
  });

  it('delivers asynchronously, so listeners that answer each other do not recurse', async () => {
    const bus = new VirtualBus();
    const a = bus.attach('ping');
    const b = bus.attach('pong');
    let depth = 0;
    let maxDepth = 0;
    let hops = 0;
    const bounce = (self: typeof a) => (f: { id: number; data: Uint8Array }) => {
      depth++;
      maxDepth = Math.max(maxDepth, depth);
      hops++;
      if (hops < 2000) void self.send(frame(f.id, [hops & 0xff]));
      depth--;
    };
    a.subscribe(bounce(a));
    b.subscribe(bounce(b));
    let sentSync = false;
    b.subscribe(() => (sentSync = true));
    const sending = a.send(frame(0x1, [0]));
    expect(sentSync).toBe(false); // not delivered inside send()
    await sending;
    await new Promise<void>((resolve) => {
      const check = () => (hops >= 2000 ? resolve() : setImmediate(check));
      check();
    });
    expect(maxDepth).toBe(1);
    await bus.dispose();
  });

  it('copies the payload at send, so the sender may reuse its buffer', async () => {
    const bus = new VirtualBus();
    const a = bus.attach();
    const b = bus.attach();
    const buf = Uint8Array.from([1, 2, 3]);
    const got = collect(b, 1);
    await a.send({ id: 0x7, extended: false, data: buf });
    buf[0] = 99;
    expect(Array.from((await got)[0]!.data)).toEqual([1, 2, 3]);
    await bus.dispose();
  });

  it('keeps delivering to other listeners when one throws, and counts it', async () => {
    const logs: string[] = [];
    const bus = new VirtualBus();
    const a = bus.attach();
    const b = bus.attach('b', { log: (l) => logs.push(l) });
    b.subscribe(() => {
      throw new Error('boom');
    });
    const got = collect(b, 2);
    await a.send(frame(0x1, []));
    await a.send(frame(0x2, []));
    expect((await got).length).toBe(2);
    expect(b.stats().dropped['listener-error']).toBe(2);
    expect(logs.length).toBe(1);
    await bus.dispose();
  });
});
