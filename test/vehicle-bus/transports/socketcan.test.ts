// SocketCAN through the `socketcan` package: the shared suite where the kernel has AF_CAN and vcan0, a reported skip elsewhere.
import { describe, expect, it } from 'vitest';
import { TransportUnavailableError } from '../../../vehicle-bus/errors.js';
import { createSocketcanTransport, parseSocketcanUri } from '../../../vehicle-bus/transports/socketcan.transport.js';
import { transportSuite } from './transport.suite.js';

const IFACE = process.env.CABIN_TEST_SOCKETCAN_IFACE ?? 'vcan0';

/** Opens one channel to learn whether SocketCAN works here; anything but "unavailable" is a real failure. */
async function probe(): Promise<string | null> {
  const t = createSocketcanTransport(`socketcan:${IFACE}`, { log: () => undefined });
  try {
    await t.open();
    await t.close();
    return null;
  } catch (err) {
    if (err instanceof TransportUnavailableError) return err.message;
    throw err;
  }
}

const unavailable = await probe();
if (unavailable) console.warn(`SocketCAN tests skipped: ${unavailable}`);

describe('SocketCAN availability', () => {
  // Shows up as skipped in every report, with the reason in its title, so the gap is never silent.
  if (unavailable) it.skip(`SocketCAN skipped: ${unavailable}`, () => undefined);
  it.skipIf(!unavailable)('reports a machine without SocketCAN as TransportUnavailableError with a reason a user can act on', () => {
    expect(unavailable).toMatch(/^SocketCAN unavailable: (this kernel has no AF_CAN|cannot open|the optional|it exists only)/);
  });

  it('parses socketcan:IFACE URIs', () => {
    expect(parseSocketcanUri('socketcan:can0')).toBe('can0');
    expect(parseSocketcanUri('socketcan://vcan1')).toBe('vcan1');
    expect(() => parseSocketcanUri('socketcan:')).toThrow(/malformed SocketCAN URI/);
    expect(() => parseSocketcanUri('socketcan:much-too-long-name')).toThrow(/malformed/);
  });
});

describe.skipIf(!!unavailable)('SocketCAN', () => {
  transportSuite(`socketcan:${IFACE}`, {
    rtr: true,
    async create(count) {
      const nodes = Array.from({ length: count }, () => createSocketcanTransport(`socketcan:${IFACE}`, { log: () => undefined }));
      await Promise.all(nodes.map((n) => n.open()));
      return { nodes, teardown: async () => void (await Promise.all(nodes.map((n) => n.close()))) };
    },
  });
});
