// The `cabin` command line: help on every subcommand, one-line errors, exit codes.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commands } from '../../main/commands/index.js';

describe('cabin CLI', () => {
  it('lists every subcommand in --help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.stdout).toContain(c.name);
  });

  it('rejects an unknown command with one line and exit 2', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });

  it.each(commands.map((c) => c.name))('cabin %s --help prints usage and options', async (name) => {
    const r = await runCli([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: cabin ${name}`));
    expect(r.stdout).toContain('--help');
  });

  it.each(commands.map((c) => c.name))('cabin %s rejects an unknown flag with one line and exit 2', async (name) => {
    const r = await runCli([name, '--no-such-flag']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('--no-such-flag');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
