// The send-echo wrapper: still a Transport by the shared suite (no echo through subscribe), and a monitor view with the node's own sends.
import { describe, expect, it } from 'vitest';
import type { CanFrame } from '../../../vehicle-bus/frame.js';
import { SendEchoTransport } from '../../../vehicle-bus/transports/send-echo.js';
import { VirtualBus } from '../../../vehicle-bus/transports/virtual.transport.js';
import { collect, essence, frame, transportSuite } from './transport.suite.js';

transportSuite('send-echo over virtual', {
  rtr: true,
  async create(count) {
    const bus = new VirtualBus();
    const nodes = Array.from({ length: count }, (_, i) => new SendEchoTransport(bus.attach(`node-${i}`)));
    return { nodes, teardown: () => bus.dispose() };
  },
});

describe('SendEchoTransport', () => {
  it('shows a monitor every frame on the bus once: the others\' and its own accepted sends, stamped', async () => {
    const bus = new VirtualBus();
    const a = new SendEchoTransport(bus.attach('a'));
    const b = bus.attach('b');
    const seen: CanFrame[] = [];
    const off = a.onFrame((f) => seen.push(f));
    const mine = frame(0x310, [1, 2]);
    await a.send(mine);
    mine.data[0] = 9; // the sender reusing its buffer must not rewrite what the trace holds
    const back = collect(a, 1);
    await b.send(frame(0x410, [3]));
    await back;
    expect(seen.map(essence)).toEqual([essence(frame(0x310, [1, 2])), essence(frame(0x410, [3]))]);
    for (const f of seen) expect(typeof f.timestamp).toBe('number');
    off();
    await a.send(frame(0x311, []));
    expect(seen).toHaveLength(2);
    await bus.dispose();
  });

  it('does not echo a send the bus never took', async () => {
    const bus = new VirtualBus();
    const a = new SendEchoTransport(bus.attach('a'));
    const sent: CanFrame[] = [];
    a.onSent((f) => sent.push(f));
    await expect(a.send(frame(0x800, [], { extended: false }))).rejects.toThrow(/invalid frame/);
    await a.close();
    await expect(a.send(frame(0x1, [1]))).rejects.toThrow(/closed/);
    expect(sent).toEqual([]);
    await bus.dispose();
  });
});
