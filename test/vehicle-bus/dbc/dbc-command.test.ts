// `cabin dbc` as a script sees it: the built CLI in a child process, its JSON last line, one-line errors.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../../helpers/cli.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'dbc');
const opendbc = process.env.CABIN_OPENDBC_DIR ?? join(repoRoot, '..', 'shared', 'fixtures', 'opendbc');
const haveOpendbc = existsSync(opendbc);
if (!haveOpendbc) console.warn(`SKIPPED the opendbc case of cabin dbc: no ${opendbc} (clone next to shared/, or set CABIN_OPENDBC_DIR)`);

describe('cabin dbc', () => {
  it('--json ends with the message and signal counts on one line', async () => {
    const r = await runCli(['dbc', join(fixtures, 'features.dbc'), '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    // features.dbc: HU_SeatCmd (3 signals), J1939_Frame (7), Empty (0); the Vector pseudo-message is not a frame.
    expect(lines.at(-1)).toBe('{"messages": 3, "signals": 10}');
    const summary = JSON.parse(lines[0]!);
    expect(summary.version).toBe('1.2 "beta"');
    expect(summary.nodes).toEqual(['HU', 'SEAT_ECU', 'CLIMATE_ECU']);
    expect(summary.multiplexedMessages).toEqual(['J1939_Frame']);
    expect(summary.valueTables).toBe(2);
    expect(summary.messages[1]).toMatchObject({ name: 'J1939_Frame', idHex: '0x18FEF1FE', extended: true, fd: true, length: 64, signals: 7 });
  });

  it.skipIf(!haveOpendbc)('counts a real opendbc file as its BO_ and SG_ lines do', async () => {
    const file = join(opendbc, 'toyota_tss2_adas.dbc');
    const text = readFileSync(file, 'utf8');
    const messages = text.match(/^\s*BO_ /gm)!.length;
    const signals = text.match(/^\s+SG_ /gm)!.length;
    const r = await runCli(['dbc', file, '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`{"messages": ${messages}, "signals": ${signals}}`);
  });

  it('prints a readable summary and one message in detail', async () => {
    const summary = await runCli(['dbc', join(fixtures, 'features.dbc')]);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/^0x310\s+HU_SeatCmd\s+8\s+HU\s+3\s+100ms/m);
    expect(summary.stdout).toContain('3 messages, 10 signals, 1 multiplexed (J1939_Frame)');
    const one = await runCli(['dbc', join(fixtures, 'features.dbc'), '--message', 'HU_SeatCmd']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^Recline\s+15\s+10\s+motorola\s+signed\s+0\.5\s+-10\s+\[-266\|245\.5\]\s+deg/m);
    expect(one.stdout).toContain('0=off 1=low 2=mid 3=high');
  });

  it('reports a malformed file in one line with its line number and exit code 1', async () => {
    const file = join(fixtures, 'malformed.dbc');
    const r = await runCli(['dbc', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`cabin dbc: ${file}:11: byte order must be @0 or @1 in signal VentReq, got '3'`);
  });

  it('gives one-line errors for a missing file, a missing argument and an unknown message', async () => {
    const missing = await runCli(['dbc', 'no-such.dbc']);
    expect([missing.code, missing.stderr]).toEqual([2, 'cabin dbc: no such DBC file: no-such.dbc\n']);
    const none = await runCli(['dbc']);
    expect(none.code).toBe(2);
    expect(none.stderr.trimEnd().split('\n')).toHaveLength(1);
    const unknown = await runCli(['dbc', join(fixtures, 'features.dbc'), '--message', 'Nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^cabin dbc: no message "Nope" in .*features\.dbc\n$/);
  });
});
