// socketcand client transport against the socketcand server over loopback TCP, plus the server's handling of bad input.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { serveSocketcand } from '../../../vehicle-bus/servers/socketcand.server.js';
import type { BusServer } from '../../../vehicle-bus/servers/bus-server.js';
import { createSocketcandTransport, parseSocketcandUri } from '../../../vehicle-bus/transports/socketcand.transport.js';
import { VirtualBus } from '../../../vehicle-bus/transports/virtual.transport.js';
import { TransportError } from '../../../vehicle-bus/errors.js';
import { collect, essence, frame, serverBackedSet, transportSuite } from './transport.suite.js';

const quiet = () => undefined;

transportSuite('socketcand over TCP', {
  rtr: false,
  create: (count) => serverBackedSet(count, (bus) => serveSocketcand(bus, { port: 0, log: quiet }), (port) => createSocketcandTransport(`socketcand://127.0.0.1:${port}/vcan0`, { log: quiet })),
});

/** Reads what the server sends, one TCP read at a time, to check the python-can framing quirks. */
async function rawClient(port: number) {
  const socket = net.createConnection({ host: '127.0.0.1', port });
  socket.setNoDelay(true);
  await new Promise((r) => socket.once('connect', r));
  socket.on('error', () => undefined); // the server may reset us when a test tears it down
  const reads: string[] = [];
  socket.on('data', (d: Buffer) => reads.push(d.toString('latin1')));
  const until = async (pred: () => boolean) => {
    for (let i = 0; i < 500 && !pred(); i++) await new Promise((r) => setTimeout(r, 5));
    if (!pred()) throw new Error(`server sent ${JSON.stringify(reads)}`);
  };
  return { socket, reads, until, text: () => reads.join('') };
}

describe('socketcand server', () => {
  let bus: VirtualBus;
  let server: BusServer;
  let logs: string[];
  afterEach(async () => {
    await server.close();
    await bus.dispose();
  });
  const start = async () => {
    bus = new VirtualBus();
    logs = [];
    server = await serveSocketcand(bus, { port: 0, log: (l) => logs.push(l) });
  };

  it('sends each handshake reply alone and frames as `< frame … >\\n`, empty data with two spaces', async () => {
    await start();
    const c = await rawClient(server.port);
    await c.until(() => c.reads.length === 1);
    c.socket.write('< open vcan0 >');
    await c.until(() => c.reads.length === 2);
    c.socket.write('< rawmode >');
    await c.until(() => c.reads.length === 3);
    expect(c.reads).toEqual(['< hi >', '< ok >', '< ok >']);
    const peer = bus.attach('peer');
    await peer.send(frame(0x123, []));
    await peer.send({ id: 0x1abcdef, extended: true, data: Uint8Array.from([0xde, 0xad]) });
    await c.until(() => c.text().split('\n').length === 3);
    expect(c.reads.slice(3).join('')).toMatch(/^< frame 123 \d+\.\d{6}  >\n< frame 01ABCDEF \d+\.\d{6} DEAD >\n$/);
    // python-can's `< send >` spelling: unpadded hex id, hex length, unpadded lowercase bytes.
    const got = collect(peer, 2);
    c.socket.write('< send 7FF 3 1 a ff >< send 1ABCDEF 0  >');
    expect((await got).map(essence)).toEqual([essence(frame(0x7ff, [1, 10, 255])), { id: 0x1abcdef, extended: true, data: [], rtr: false }]);
    c.socket.destroy();
  });

  it('counts and logs bad input once per reason; other clients keep working', async () => {
    await start();
    const good = createSocketcandTransport(`socketcand://127.0.0.1:${server.port}`, { log: quiet });
    await good.open();
    const c = await rawClient(server.port);
    c.socket.write('< send 123 1 1 >'); // before open
    c.socket.write('< open vcan0 >< rawmode >');
    c.socket.write('< send 123 4 1 2 >'); // length 4, two bytes
    c.socket.write('< send 123 2 1 2 3 >');
    c.socket.write('< send 12G 1 1 >'); // bad id
    c.socket.write('< send 123 1 zz >'); // bad hex
    c.socket.write('junk between elements');
    c.socket.write('< ' + 'x'.repeat(1000) + ' >');
    c.socket.write('< fly away >');
    c.socket.write('< send 1');
    await new Promise((r) => setTimeout(r, 10));
    c.socket.write('23 1 5 >'); // split across reads, still good
    const peer = bus.attach('peer');
    const got = collect(peer, 1);
    expect(essence((await got)[0]!)).toEqual(essence(frame(0x123, [5])));
    c.socket.write('< send 456 1'); // vanish mid-element
    c.socket.end();
    for (let i = 0; i < 200 && server.clients() > 1; i++) await new Promise((r) => setTimeout(r, 5));
    expect(server.stats().dropped).toEqual({
      'not-open': 1, 'bad-length': 2, 'bad-id': 1, 'bad-hex': 1, garbage: 1, 'overlong-element': 1, 'unknown-command': 1, 'disconnect-mid-frame': 1,
    });
    expect(logs.filter((l) => l.includes('dropped bad-length')).length).toBe(1);
    const back = collect(peer, 1);
    await good.send(frame(0x55, [1, 2]));
    expect(essence((await back)[0]!)).toEqual(essence(frame(0x55, [1, 2])));
    await good.close();
  });

  it('client: rejects remote frames, and moves to "error" when the server goes away', async () => {
    await start();
    const t = createSocketcandTransport(`socketcand://127.0.0.1:${server.port}`, { log: quiet });
    await t.open();
    await expect(t.send(frame(0x1, [0, 0], { rtr: true }))).rejects.toThrow(/cannot carry remote/);
    void t.send(frame(0x2, [2]));
    await server.close();
    for (let i = 0; i < 200 && t.state === 'open'; i++) await new Promise((r) => setTimeout(r, 5));
    expect(t.state).toBe('error');
    await expect(t.send(frame(0x3, [3]))).rejects.toBeInstanceOf(TransportError);
    await t.close();
    expect(t.state).toBe('closed');
  });
});

describe('socketcand URIs', () => {
  it('parses host, port and interface', () => {
    expect(parseSocketcandUri('socketcand://127.0.0.1:29536/can0')).toEqual({ host: '127.0.0.1', port: 29536, iface: 'can0' });
    expect(parseSocketcandUri('socketcand://localhost')).toEqual({ host: 'localhost', port: 29536, iface: 'vcan0' });
    expect(() => parseSocketcandUri('socketcand://')).toThrow(/malformed socketcand URI/);
    expect(() => parseSocketcandUri('socketcand://h:70000')).toThrow(/malformed/);
  });
});
