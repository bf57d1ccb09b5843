// python-can (Debian's python3-can, /usr/bin/python3) exchanges frames with our SLCAN and socketcand servers, both ways.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveSlcan } from '../../vehicle-bus/servers/slcan.server.js';
import { serveSocketcand } from '../../vehicle-bus/servers/socketcand.server.js';
import type { BusServer } from '../../vehicle-bus/servers/bus-server.js';
import { VirtualBus } from '../../vehicle-bus/transports/virtual.transport.js';
import type { CanFrame } from '../../vehicle-bus/frame.js';
import { repoRoot } from '../helpers/cli.js';
import { collect } from './transports/transport.suite.js';

const PYTHON = '/usr/bin/python3';
const PEER = join(repoRoot, 'test', 'fixtures', 'python', 'can_peer.py');
const COUNT = 300;

/** Mirrors expected_frame() in can_peer.py. */
function expectedFrame(i: number): CanFrame {
  const extended = i % 3 === 0;
  const id = extended ? (i * 7919 + 0x100000) & 0x1fffffff : (i * 7) & 0x7ff;
  return { id, extended, data: Uint8Array.from({ length: i % 9 }, (_, k) => (i * 13 + k) & 0xff) };
}

const hex = (d: Uint8Array) => Buffer.from(d).toString('hex');

function runPeer(args: string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string }>; ready: Promise<void> } {
  const child = spawn(PYTHON, [PEER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes('READY\n')) markReady();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  const readyOrExit = Promise.race([ready, done.then((r) => Promise.reject(new Error(`python peer exited ${r.code} before READY: ${r.stderr}`)))]);
  readyOrExit.catch(() => undefined); // senders never print READY; only receivers await it
  return { done, ready: readyOrExit };
}

describe('python-can is installed (the setup script installs python3-can)', () => {
  it('imports can from /usr/bin/python3', () => {
    const r = spawnSync(PYTHON, ['-c', 'import can, serial; print(can.__version__)'], { encoding: 'utf8' });
    expect(r.error, `cannot run ${PYTHON}`).toBeUndefined();
    expect(r.status, `python-can missing: ${r.stderr}`).toBe(0);
  });
});

const protocols: [string, (bus: VirtualBus) => Promise<BusServer>, boolean][] = [
  ['slcan', (bus) => serveSlcan(bus, { port: 0, log: () => undefined }), true],
  // python-can's socketcand client reads ids without the extended flag, so only id and data are compared there.
  ['socketcand', (bus) => serveSocketcand(bus, { port: 0, log: () => undefined }), false],
];

describe.each(protocols)('python-can over %s', (kind, serve, keepsExtendedFlag) => {
  let bus: VirtualBus;
  let server: BusServer;
  afterEach(async () => {
    await server.close();
    await bus.dispose();
  });

  it(`python sends ${COUNT} frames; a virtual node receives exactly them, in order`, async () => {
    bus = new VirtualBus();
    server = await serve(bus);
    const node = bus.attach('listener');
    const got = collect(node, COUNT, 25_000);
    const peer = runPeer([kind, String(server.port), 'send', String(COUNT)]);
    const frames = await got;
    const result = await peer.done;
    expect(result.code, result.stderr).toBe(0);
    expect(frames.map((f) => ({ id: f.id, extended: f.extended, data: hex(f.data) }))).toEqual(
      Array.from({ length: COUNT }, (_, i) => expectedFrame(i)).map((f) => ({ id: f.id, extended: f.extended, data: hex(f.data) })),
    );
    expect(server.stats().dropped).toEqual({});
  });

  it(`a virtual node sends ${COUNT} frames; python receives exactly them, in order`, async () => {
    bus = new VirtualBus();
    server = await serve(bus);
    const node = bus.attach('talker');
    const peer = runPeer([kind, String(server.port), 'receive', String(COUNT)]);
    await peer.ready;
    for (let i = 0; i < COUNT; i++) await node.send(expectedFrame(i));
    const result = await peer.done;
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n').slice(1).map((l) => JSON.parse(l) as { id: number; ext: boolean; data: string });
    expect(lines.map((l) => ({ id: l.id, data: l.data, ...(keepsExtendedFlag ? { ext: l.ext } : {}) }))).toEqual(
      Array.from({ length: COUNT }, (_, i) => expectedFrame(i)).map((f) => ({ id: f.id, data: hex(f.data), ...(keepsExtendedFlag ? { ext: f.extended } : {}) })),
    );
  });
});
