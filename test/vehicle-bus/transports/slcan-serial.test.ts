// SLCAN over a serial port: a socat pseudo-terminal pair, the far end played by a small USB-CAN adapter emulation.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlcanTransport } from '../../../vehicle-bus/transports/slcan.transport.js';
import { collect, essence, frame } from './transport.suite.js';

/** Just enough of a Lawicel adapter: OK to setup commands, `z` to frames it accepts, BEL otherwise. */
function emulateAdapter(port: SerialPort) {
  const seen: string[] = [];
  let buf = '';
  port.on('data', (d: Buffer) => {
    buf += d.toString('latin1');
    let i: number;
    while ((i = buf.indexOf('\r')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      seen.push(line);
      if (/^[CO]$|^S[0-8]$/.test(line)) port.write('\r');
      else if (/^[tr][0-9A-F]{4}/.test(line)) port.write('z\r');
      else if (/^[TR][0-9A-F]{9}/.test(line)) port.write('Z\r');
      else port.write('\x07');
    }
  });
  return { seen };
}

describe('SLCAN over a serial pseudo-terminal', () => {
  let socat: ChildProcess | null = null;
  let dir = '';
  afterEach(() => {
    socat?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('drives an adapter on a serial port: setup commands, frames both ways, close', async () => {
    const which = spawnSync('socat', ['-V'], { encoding: 'utf8' });
    expect(which.error, 'socat is missing: run `npm run setup` (it installs the Debian package socat)').toBeUndefined();
    dir = mkdtempSync(join(tmpdir(), 'cabin-pty-'));
    const host = join(dir, 'host');
    const adapter = join(dir, 'adapter');
    socat = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${adapter}`], { stdio: 'ignore' });
    for (let i = 0; i < 200 && !(existsSync(host) && existsSync(adapter)); i++) await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(host) && existsSync(adapter), 'socat did not create the pty pair').toBe(true);

    const far = new SerialPort({ path: adapter, baudRate: 115200 });
    await new Promise<void>((resolve, reject) => far.once('open', () => resolve()).once('error', reject));
    const emu = emulateAdapter(far);

    const t = createSlcanTransport(`slcan://${host}?bitrate=250000`, { log: () => undefined });
    await t.open();
    expect(emu.seen).toEqual(['C', 'S5', 'O']);

    await t.send(frame(0x123, [0xde, 0xad]));
    await t.send({ id: 0x1abcdef, extended: true, data: new Uint8Array(0) });
    for (let i = 0; i < 200 && emu.seen.length < 5; i++) await new Promise((r) => setTimeout(r, 5));
    expect(emu.seen.slice(3)).toEqual(['t1232DEAD', 'T01ABCDEF0']);

    const got = collect(t, 2);
    far.write('t7FF10');
    await new Promise((r) => setTimeout(r, 20)); // split across reads on purpose
    far.write('1\rT000000FF3010203\r');
    expect((await got).map(essence)).toEqual([essence(frame(0x7ff, [1])), { id: 0xff, extended: true, data: [1, 2, 3], rtr: false }]);
    expect(t.stats().dropped).toEqual({});

    await t.close();
    for (let i = 0; i < 200 && emu.seen.at(-1) !== 'C'; i++) await new Promise((r) => setTimeout(r, 5));
    expect(emu.seen.at(-1)).toBe('C');
    expect(t.state).toBe('closed');
    await new Promise<void>((r) => far.close(() => r()));
  });
});
