// Choosing a transport by URI: every scheme, and clear errors for unknown or malformed ones.
import { describe, expect, it } from 'vitest';
import { createTransport, openTransport, supportedTransports } from '../../../vehicle-bus/transports/registry.js';
import { TransportUnavailableError, UsageError } from '../../../vehicle-bus/errors.js';
import { VirtualBus } from '../../../vehicle-bus/transports/virtual.transport.js';
import { serveSlcan } from '../../../vehicle-bus/servers/slcan.server.js';
import { serveSocketcand } from '../../../vehicle-bus/servers/socketcand.server.js';
import { collect, frame } from './transport.suite.js';

describe('transport registry', () => {
  it('opens virtual, slcan and socketcand transports that reach the same bus', async () => {
    const bus = VirtualBus.named('registry-test');
    const slcan = await serveSlcan(bus, { port: 0, log: () => undefined });
    const socketcand = await serveSocketcand(bus, { port: 0, log: () => undefined });
    const uris = ['virtual:registry-test', `slcan://127.0.0.1:${slcan.port}`, `socketcand://127.0.0.1:${socketcand.port}/vcan0`];
    const [v, s, c] = await Promise.all(uris.map((u) => openTransport(u, { log: () => undefined })));
    expect([v!.uri, s!.uri, c!.uri]).toEqual(uris);
    expect([v!.state, s!.state, c!.state]).toEqual(['open', 'open', 'open']);
    const atC = collect(c!, 2);
    await v!.send(frame(0x100, [1]));
    await s!.send(frame(0x200, [2]));
    expect((await atC).map((f) => f.id).sort()).toEqual([0x100, 0x200]);
    await Promise.all([v!.close(), s!.close(), c!.close()]);
    await slcan.close();
    await socketcand.close();
    await bus.dispose();
  });

  it('creates without opening', async () => {
    const t = await createTransport('virtual:');
    expect(t.state).toBe('closed');
    expect(t.uri).toBe('virtual:');
  });

  it('rejects unknown schemes and malformed URIs with a UsageError listing the supported ones', async () => {
    for (const [uri, why] of [
      ['can0', /no scheme/], ['carrier-pigeon://x', /unknown transport scheme "carrier-pigeon:"/], ['slcan://nohost', /malformed SLCAN URI/],
      ['socketcand://', /malformed socketcand URI/], ['virtual:bad name', /malformed virtual URI/], ['socketcan:', /malformed SocketCAN URI/],
    ] as const) {
      const err = await createTransport(uri).then(() => null, (e: unknown) => e);
      expect(err, uri).toBeInstanceOf(UsageError);
      expect((err as Error).message).toMatch(why);
    }
    const err = (await createTransport('nope:x').catch((e: unknown) => e)) as Error;
    for (const s of ['virtual:', 'slcan://', 'socketcand://', 'socketcan:']) expect(err.message).toContain(s);
    expect(supportedTransports().length).toBe(4);
  });

  it('passes open() failures through: SocketCAN unavailable, nothing listening', async () => {
    const sc = await openTransport('socketcan:vcan0', { log: () => undefined }).catch((e: unknown) => e);
    // Where SocketCAN exists this opens; here (no AF_CAN) it must be the "unavailable" error.
    if (sc instanceof Error) expect(sc).toBeInstanceOf(TransportUnavailableError);
    else await (sc as { close(): Promise<void> }).close();
    await expect(openTransport('slcan://127.0.0.1:1', { log: () => undefined })).rejects.toThrow(/cannot connect/);
  });
});
