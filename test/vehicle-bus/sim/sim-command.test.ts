// `cabin sim` as a separate process: prints its port, a client over SLCAN/TCP sees status frames and changes a seat heat.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCabinNetwork } from '../../../vehicle-bus/cabin/cabin-dbc-file.js';
import { CommandEncoder } from '../../../vehicle-bus/cabin/commands.js';
import { VehicleStateTracker } from '../../../vehicle-bus/cabin/vehicle-state.js';
import type { Transport } from '../../../vehicle-bus/transport.js';
import { openTransport } from '../../../vehicle-bus/transports/registry.js';
import { repoRoot, runCli } from '../../helpers/cli.js';
import { startSim as startSimProcess, until, type SimProcess } from '../../helpers/sim-process.js';

let sim: SimProcess | undefined;
let client: Transport | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
  await sim?.stop();
  sim = undefined;
});

/** Starts `cabin sim ARGS`, keeping it for afterEach to stop. */
async function startSim(args: string[], protocol: string): Promise<{ port: number; output: () => string }> {
  sim = await startSimProcess(args, protocol);
  return sim;
}

describe('cabin sim', () => {
  it('serves the car over SLCAN: a client decodes the default state and changes a seat heat', async () => {
    const { port } = await startSim(['--slcan', '127.0.0.1:0', '--quiet'], 'slcan');
    const network = loadCabinNetwork();
    client = await openTransport(`slcan://127.0.0.1:${port}`, { log: () => undefined });
    const tracker = new VehicleStateTracker(network, { log: () => undefined });
    tracker.attach(client);
    await until(() => tracker.complete(), 'a status frame of every message');
    expect(tracker.state.hvac.temp.driver).toBe(22);
    const encoder = new CommandEncoder(network);
    for (const f of encoder.seat('rear_left', { heat: 2 })) await client.send(f);
    await until(() => tracker.state.seats.rear_left.heat === 2, 'the seat heat status');
    expect(tracker.stats().dropped).toEqual({});
    expect(tracker.stats().accepted).toBeGreaterThan(9);
  });

  it('applies --fault and --speed from the command line', async () => {
    const { port, output } = await startSim(['--slcan', '0', '--speed', '42', '--fault', 'climate:temp_max=26'], 'slcan');
    const network = loadCabinNetwork();
    client = await openTransport(`slcan://127.0.0.1:${port}`, { log: () => undefined });
    const tracker = new VehicleStateTracker(network, { log: () => undefined });
    tracker.attach(client);
    for (const f of new CommandEncoder(network).climate({ temp: { passenger: 29 } })) await client.send(f);
    await until(() => tracker.state.hvac.temp.passenger === 26 && tracker.state.vehicle.speed_kph === 42, 'clamped set point and speed');
    expect(output()).toMatch(/faults climate:temp_max=26/);
  });

  it.each(['slcan', 'socketcand'])('talks to python-can over %s: checksums verify independently and a seat heat changes', async (protocol) => {
    const { port } = await startSim([`--${protocol}`, '127.0.0.1:0', '--quiet'], protocol);
    const r = spawnSync('/usr/bin/python3', [join(repoRoot, 'test', 'fixtures', 'python', 'cabin_peer.py'), protocol, String(port)], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    const seen = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(seen.bad_checksum).toBe(0);
    expect(seen.frames).toBeGreaterThan(9);
    expect(seen.ids).toEqual([0x410, 0x411, 0x412, 0x413, 0x420, 0x430, 0x431, 0x432, 0x440]);
    expect([seen.heat_before, seen.heat_after]).toEqual([0, 3]);
  });

  it('says in one line that a port is busy, and exits non-zero', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await runCli(['sim', '--slcan', `127.0.0.1:${port}`]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`cabin sim: slcan: 127.0.0.1:${port} is already in use (choose another port, or 0 for a free one)`);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('rejects a bad fault spec as a usage error', async () => {
    const r = await runCli(['sim', '--fault', 'climate:late=soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cabin sim: --fault climate:late=soon: fault "late=soon" needs a number/);
  });
});
