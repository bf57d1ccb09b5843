import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, repoRoot } from '../../helpers/cli.js';

const NATIVE = join(repoRoot, 'test', 'fixtures', 'lm', 'tiny-native');

describe('cabin understand', () => {
  it('prints the intent list as one JSON line', async () => {
    const r = await runCli(['understand', '--model', NATIVE, '--speaker', 'passenger', 'turn on the AC']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(Array.isArray(JSON.parse(lines[0]!))).toBe(true);
  });

  it('--json-tokens adds the action tokens', async () => {
    const r = await runCli(['understand', '--model', NATIVE, '--json-tokens', 'turn on the AC']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { intents: unknown[]; tokens: string[] };
    expect(Array.isArray(out.intents) && Array.isArray(out.tokens)).toBe(true);
  });

  it('empty text gives []', async () => {
    const r = await runCli(['understand', '--model', NATIVE, '']);
    expect(r).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  it('--batch writes one line per input line, in order, and [] with a warning for a malformed line', async () => {
    const input = [
      JSON.stringify({ text: 'turn on the AC', speaker: 'driver' }),
      'this is not json',
      JSON.stringify({ text: '把AC关掉', speaker: 'rear_left' }),
      JSON.stringify({ text: 'hi', speaker: 'captain' }),
      '',
      JSON.stringify({ text: 'turn on the AC' }),
      JSON.stringify([1, 2]),
    ].join('\n');
    const r = await runCli(['understand', '--batch', '--model', NATIVE], { input });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown[]);
    expect(out).toHaveLength(6); // the blank line is skipped
    expect(out[1]).toEqual([]);
    expect(out[3]).toEqual([]);
    expect(out[5]).toEqual([]);
    expect(out[4]).toEqual(out[0]); // same text, default speaker driver: same answer
    expect(r.stderr).toMatch(/line 2: not JSON/);
    expect(r.stderr).toMatch(/line 4: .*unknown speaker "captain"/);
    expect(r.stderr).toMatch(/line 7: expected a JSON object/);
    // The single-text command agrees with the batch.
    const single = await runCli(['understand', '--model', NATIVE, '--speaker', 'rear_left', '把AC关掉']);
    expect(JSON.parse(single.stdout)).toEqual(out[2]);
  });

  it('an unknown speaker is a one-line usage error (exit 2)', async () => {
    const r = await runCli(['understand', '--model', NATIVE, '--speaker', 'pilot', 'hi']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown speaker "pilot"/);
  });

  it('no text and no --batch is a usage error', async () => {
    const r = await runCli(['understand', '--model', NATIVE]);
    expect(r.code).toBe(2);
  });

  it('a missing model directory is one line naming the path and how to build the model', async () => {
    const r = await runCli(['understand', '--model', '/nonexistent/cabin-lm', 'hi']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('/nonexistent/cabin-lm');
    expect(r.stderr).toContain('bash models/training/build-model.sh');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('10,000 characters: answers with a truncation warning, without hanging', async () => {
    const r = await runCli(['understand', '--model', NATIVE, 'a'.repeat(4000) + ' ' + 'heat '.repeat(1200)], { timeoutMs: 20_000 });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: input truncated/);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });
});
