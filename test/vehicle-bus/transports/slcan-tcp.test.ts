// SLCAN client transport against the SLCAN server over loopback TCP, plus the adapter emulation's own rules.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { serveSlcan } from '../../../vehicle-bus/servers/slcan.server.js';
import type { BusServer } from '../../../vehicle-bus/servers/bus-server.js';
import { createSlcanTransport, parseSlcanUri } from '../../../vehicle-bus/transports/slcan.transport.js';
import { VirtualBus } from '../../../vehicle-bus/transports/virtual.transport.js';
import { TransportError } from '../../../vehicle-bus/errors.js';
import { collect, essence, frame, serverBackedSet, transportSuite } from './transport.suite.js';

const quiet = () => undefined;

transportSuite('slcan over TCP', {
  rtr: true,
  create: (count) => serverBackedSet(count, (bus) => serveSlcan(bus, { port: 0, log: quiet }), (port) => createSlcanTransport(`slcan://127.0.0.1:${port}`, { log: quiet })),
});

/** A raw TCP client that speaks SLCAN by hand, to poke the server with bad input. */
async function rawClient(port: number) {
  const socket = net.createConnection({ host: '127.0.0.1', port });
  await new Promise((r) => socket.once('connect', r));
  socket.on('error', () => undefined); // the server may reset us when a test tears it down
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
  return {
    socket,
    write: (s: string) => socket.write(s),
    /** Waits until what the server sent so far satisfies `pred`. */
    async until(pred: (text: string) => boolean) {
      for (let i = 0; i < 500 && !pred(received); i++) await new Promise((r) => setTimeout(r, 5));
      if (!pred(received)) throw new Error(`server sent ${JSON.stringify(received)}`);
      return received;
    },
  };
}

describe('SLCAN server', () => {
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
    server = await serveSlcan(bus, { port: 0, log: (l) => logs.push(l) });
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
  };

  it('answers commands like an adapter and forwards frames only while open', async () => {
    await start();
    const peer = bus.attach('peer');
    const atPeer: number[] = [];
    peer.subscribe((f) => atPeer.push(f.id));
    const c = await rawClient(server.port);
    c.write('t1231AA\r'); // closed: refused
    c.write('C\rS6\rV\rN\rF\rQ\r');
    await c.until((t) => t.length >= 20);
    c.write('O\rt1231AA\rT01ABCDEF2BBCC\r');
    await c.until((t) => t.endsWith('Z\r'));
    await peer.send(frame(0x321, [1, 2]));
    const text = await c.until((t) => t.includes('t32120102\r'));
    expect(text).toBe('\x07\r\rV1013\rNCABN\rF00\r\x07\rz\rZ\rt32120102\r');
    expect(atPeer).toEqual([0x123, 0x1abcdef]);
    expect(server.stats().dropped).toEqual({ 'not-open': 1, 'unknown-command': 1 });
    c.socket.destroy();
  });

  it('counts and logs bad input once per reason, and other clients are unaffected', async () => {
    await start();
    const good = createSlcanTransport(`slcan://127.0.0.1:${server.port}`, { log: quiet });
    await good.open();
    const c = await rawClient(server.port);
    c.write('O\r');
    c.write('t1234AABB\r'); // DLC 4, two bytes
    c.write('t1232AABBCC\r'); // DLC 2, three bytes
    c.write('t12Z1AA\r'); // non-hex id
    c.write('t1231GG\r'); // non-hex data
    c.write('t8001AA\r'); // 11-bit id out of range
    c.write('t1239\r'); // DLC 9
    c.write('\x00\x01garbage\r');
    c.write('x'.repeat(5000) + '\r'); // over-long, no terminator for a long time
    c.write('t12'); // split frame…
    await new Promise((r) => setTimeout(r, 20));
    c.write('31AA\r'); // …completed in a later read
    const got = collect(good, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect((await got)[0]!.id).toBe(0x123);
    c.write('t4561'); // then vanish mid-frame
    c.socket.end();
    for (let i = 0; i < 200 && server.clients() > 1; i++) await new Promise((r) => setTimeout(r, 5));
    expect(server.stats().dropped).toEqual({
      'bad-length': 2, 'bad-hex': 2, 'bad-id': 1, 'bad-dlc': 1, garbage: 1, 'overlong-line': 1, 'disconnect-mid-frame': 1,
    });
    const reasons = ['bad-length', 'bad-hex', 'bad-id', 'bad-dlc', 'garbage', 'overlong-line', 'disconnect-mid-frame'];
    for (const r of reasons) expect(logs.filter((l) => l.includes(`dropped ${r}`)).length).toBe(1);
    // The well-behaved client still works both ways.
    const peer = bus.attach('peer');
    const back = collect(peer, 1);
    await good.send(frame(0x77, [7]));
    expect(essence((await back)[0]!)).toEqual(essence(frame(0x77, [7])));
    await good.close();
  });

  it('moves a client to "error" and rejects its pending sends when the server goes away', async () => {
    await start();
    // A peer that answers the handshake, then stops reading once the channel is open, so the client's writes stay pending.
    let peerSocket: net.Socket | null = null;
    const stall = net.createServer((sock) => {
      peerSocket = sock;
      sock.on('error', () => undefined);
      sock.on('data', (d: Buffer) => {
        const text = d.toString('latin1');
        sock.write('\r'.repeat(text.split('\r').length - 1));
        if (text.includes('O\r')) sock.pause();
      });
    });
    await new Promise<void>((r) => stall.listen(0, '127.0.0.1', () => r()));
    const port = (stall.address() as net.AddressInfo).port;
    const logs2: string[] = [];
    const t = createSlcanTransport(`slcan://127.0.0.1:${port}`, { log: (l) => logs2.push(l) });
    await t.open();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 20_000; j++) sends.push(t.send(frame(j & 0x7ff, [1, 2, 3, 4, 5, 6, 7, 8])));
      await new Promise((r) => setImmediate(r));
    }
    void t.send(frame(0x2, [2])); // fire-and-forget must not become an unhandled rejection
    (peerSocket as net.Socket | null)?.destroy();
    const results = await Promise.allSettled(sends);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of rejected) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(TransportError);
    for (let i = 0; i < 200 && t.state === 'open'; i++) await new Promise((r) => setTimeout(r, 5));
    expect(t.state).toBe('error');
    await expect(t.send(frame(0x3, [3]))).rejects.toBeInstanceOf(TransportError);
    expect(logs2.join('\n')).toMatch(/connection closed by peer|stream error/);
    await t.close();
    await new Promise<void>((r) => stall.close(() => r()));
  });

  it('moves a client to "error" when the server shuts down', async () => {
    await start();
    const t = createSlcanTransport(`slcan://127.0.0.1:${server.port}`, { log: quiet });
    await t.open();
    await server.close();
    for (let i = 0; i < 200 && t.state === 'open'; i++) await new Promise((r) => setTimeout(r, 5));
    expect(t.state).toBe('error');
    await expect(t.send(frame(0x3, [3]))).rejects.toThrow(/cannot send, transport is error/);
    await t.close();
    expect(t.state).toBe('closed');
  });

  it('fails to open with a TransportError when nothing listens', async () => {
    await start();
    const port = server.port;
    await server.close();
    const t = createSlcanTransport(`slcan://127.0.0.1:${port}`, { log: quiet });
    await expect(t.open()).rejects.toThrow(/cannot connect/);
    expect(t.state).toBe('error');
    server = await serveSlcan(bus, { port: 0, log: quiet });
  });
});

describe('SLCAN URIs', () => {
  it('tells TCP from serial endpoints', () => {
    expect(parseSlcanUri('slcan://127.0.0.1:3333')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 3333 });
    expect(parseSlcanUri('slcan://[::1]:3333')).toEqual({ kind: 'tcp', host: '::1', port: 3333 });
    expect(parseSlcanUri('slcan:///dev/ttyACM0?bitrate=250000')).toEqual({ kind: 'serial', path: '/dev/ttyACM0', baudRate: 115200, bitrate: 250000 });
    expect(parseSlcanUri('slcan://COM3')).toMatchObject({ kind: 'serial', path: 'COM3' });
    expect(() => parseSlcanUri('slcan://host')).toThrow(/malformed SLCAN URI/);
    expect(() => parseSlcanUri('slcan://host:99999')).toThrow(/malformed/);
    expect(() => parseSlcanUri('slcan:///dev/ttyACM0?bitrate=123')).toThrow(/unsupported SLCAN bitrate/);
  });
});
