// lm:sizes: the cost of a model's size on this CPU, models timed in turn, and clear errors for bad arguments.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { main, parseSizeArgs } from '../../bench/lm-sizes.js';
import { repoRoot } from '../helpers/cli.js';

afterEach(() => vi.restoreAllMocks());

describe('lm:sizes arguments', () => {
  it('reads LABEL=DIR pairs and the prompt, steps and repetitions', () => {
    const o = parseSizeArgs(['--prompt', '8', '--steps', '3', '--reps', '5', 'a=/tmp/x', 'b=rel/y']);
    expect(o).toMatchObject({ prompt: 8, steps: 3, reps: 5 });
    expect(o.models.map((m) => m.label)).toEqual(['a', 'b']);
    expect(o.models[1]!.dir.endsWith('rel/y')).toBe(true);
  });

  it('refuses no models, a bare directory, an unknown flag and a count that is not a whole number', () => {
    expect(() => parseSizeArgs([])).toThrow(/no models/);
    expect(() => parseSizeArgs(['models/cabin-lm'])).toThrow(/unknown argument/);
    expect(() => parseSizeArgs(['--fast', 'a=b'])).toThrow(/unknown argument "--fast"/);
    expect(() => parseSizeArgs(['--reps', '0', 'a=b'])).toThrow(/whole number/);
    expect(() => parseSizeArgs(['--steps', 'x', 'a=b'])).toThrow(/whole number/);
  });

  it('answers a bad argument with usage and exit code 2, without loading anything', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['--reps'])).toBe(2);
    expect(String(err.mock.calls[0]![0])).toMatch(/^lm:sizes: .*\nusage: npm run lm:sizes/);
  });
});

describe('lm:sizes on the shipped model', () => {
  it('prints one row per model with its file size, load time and latency percentiles', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = join(repoRoot, 'models', 'cabin-lm');
    expect(await main(['--reps', '3', '--steps', '2', '--prompt', '4', `one=${dir}`, `two=${dir}`])).toBe(0);
    const text = out.mock.calls.map((c) => String(c[0])).join('');
    const rows = text.split('\n').filter((l) => /^\| (one|two) \|/.test(l));
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      const [, , mb, load, p50, p95] = r.split('|').map((c) => c.trim());
      expect(Number(mb)).toBeGreaterThan(1);
      expect(Number(mb)).toBeLessThanOrEqual(15);
      expect(Number(load)).toBeGreaterThan(0);
      expect(Number(p95)).toBeGreaterThanOrEqual(Number(p50));
    }
    expect(text).toMatch(/a 4-token prompt \+ 2 steps; 3 reps each/);
  });
});
