// Engineer tools against a running `cabin sim`: send a command, read the state, record and replay a trace, dump decoded frames.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { cliPath, repoRoot, runCli } from '../helpers/cli.js';
import { startSim, type SimProcess } from '../helpers/sim-process.js';

const sims: SimProcess[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.stop()));
});

async function sim(): Promise<string> {
  const s = await startSim(['--slcan', '127.0.0.1:0']);
  sims.push(s);
  return `slcan://127.0.0.1:${s.port}`;
}

async function state(bus: string): Promise<any> {
  const r = await runCli(['state', '--bus', bus]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('cabin send / state', () => {
  it('a sent seat-heat command shows up in the state the ECUs report', async () => {
    const bus = await sim();
    expect((await state(bus)).seats.passenger.heat).toBe(0);
    const sent = await runCli(['send', '--bus', bus, 'HU_SeatCmd_Passenger', 'HeatReq=2']);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain('HU_SeatCmd_Passenger');
    await expect.poll(async () => (await state(bus)).seats.passenger.heat, { timeout: 5000 }).toBe(2);
    // Fields the command did not name are untouched (sent as no_request).
    const after = await state(bus);
    expect(after.seats.passenger).toEqual({ heat: 2, vent: 0, massage: 0, recline: 20, slide: 50 });
  });

  it('a bad value is a one-line error and nothing reaches the car', async () => {
    const bus = await sim();
    const r = await runCli(['send', '--bus', bus, 'HU_LightCmd', 'AmbientColorReq=mauve']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no value label "mauve"');
    expect((await state(bus)).lights.ambient.color).toBe('white');
  });

  it('state without a car fails with one line naming the bus', async () => {
    const r = await runCli(['state', '--bus', 'slcan://127.0.0.1:1', '--timeout', '500']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('127.0.0.1:1');
  });
});

describe('cabin dump / replay', () => {
  it('dump --json prints decoded frames filtered by message name', async () => {
    const bus = await sim();
    const r = await runCli(['dump', '--bus', bus, '--json', '--count', '3', '--filter', 'CLIMATE_TempStatus']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    for (const l of lines) {
      expect(l.name).toBe('CLIMATE_TempStatus');
      expect(l.id).toBe('0x431');
      expect(l.signals.TempDriver).toBe(22);
    }
  });

  it('a recorded command replayed into a fresh car has the same effect', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cabin-trace-'));
    const log = join(dir, 'trace.log');
    const first = await sim();
    // Record only the command: two frames (send uses two consecutive counters).
    const dump = spawn(process.execPath, [cliPath, 'dump', '--bus', first, '--filter', 'HU_LightCmd', '--count', '2', '--record', log], { cwd: repoRoot });
    let dumped = '';
    dump.stdout.on('data', (d: Buffer) => (dumped += d.toString()));
    const dumpDone = new Promise((r) => dump.once('exit', r));
    await new Promise((r) => setTimeout(r, 500)); // let dump connect before the command goes out
    expect((await runCli(['send', '--bus', first, 'HU_LightCmd', 'AmbientColorReq=purple', 'DomeReq=on'])).code).toBe(0);
    await dumpDone;
    const recorded = readFileSync(log, 'utf8').trim().split('\n');
    expect(recorded).toHaveLength(2);
    expect(recorded[0]).toMatch(/^\(\d+\.\d{6}\) can0 320#[0-9A-F]{16}$/);

    const second = await sim();
    expect((await state(second)).lights.ambient.color).toBe('white');
    const replay = await runCli(['replay', log, '--bus', second]);
    expect(replay.code).toBe(0);
    expect(replay.stderr).toContain('sent 2 frames');
    await expect.poll(async () => (await state(second)).lights, { timeout: 5000 }).toMatchObject({ ambient: { color: 'purple' }, dome: true });
  });

  it('replay stops at a malformed line with its number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cabin-trace-'));
    const log = join(dir, 'bad.log');
    await import('node:fs').then((fs) => fs.writeFileSync(log, '(1.000000) can0 320#00\nnot a candump line\n'));
    const bus = await sim();
    const r = await runCli(['replay', log, '--bus', bus]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('candump line 2');
  });
});
