// lm:latency: the bench's latency rows for several models in one process, the models taking turns round by round,
// and clear errors for bad arguments.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LanguageModel } from '../../models/language-model.js';
import { main, parseLatencyArgs, timeSideBySide } from '../../bench/lm-latency.js';
import { spreadOver } from '../../bench/lm-section.js';
import { repoRoot } from '../helpers/cli.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** A model that takes `ms` milliseconds of CPU for every utterance, emits `tokens` tokens, and writes down who was asked. */
const spinning = (ms: number, order: string[], label: string, tokens = 1): LanguageModel => ({
  understand: async () => {
    const t = performance.now();
    while (performance.now() - t < ms);
    order.push(label);
    return { intents: [], tokens: Array.from({ length: tokens }, () => 'x') } as unknown as Awaited<ReturnType<LanguageModel['understand']>>;
  },
  info: () => ({ name: label, path: '' }),
  close: async () => {},
});

describe('lm:latency arguments', () => {
  it('reads LABEL=DIR pairs, rounds and count', () => {
    const o = parseLatencyArgs(['--rounds', '2', '--count', '50', 'a=/tmp/x', 'b=rel/y']);
    expect(o).toMatchObject({ rounds: 2, count: 50 });
    expect(o.models.map((m) => m.label)).toEqual(['a', 'b']);
    expect(o.models[1]!.dir.endsWith('rel/y')).toBe(true);
  });

  it('refuses no models, a bare directory, an unknown flag and a count that is not a whole number', () => {
    expect(() => parseLatencyArgs([])).toThrow(/no models/);
    expect(() => parseLatencyArgs(['models/cabin-lm'])).toThrow(/unknown argument/);
    expect(() => parseLatencyArgs(['--fast', 'a=b'])).toThrow(/unknown argument "--fast"/);
    expect(() => parseLatencyArgs(['--rounds', '0', 'a=b'])).toThrow(/whole number/);
    expect(() => parseLatencyArgs(['--count', 'x', 'a=b'])).toThrow(/whole number/);
  });

  it('answers a bad argument with usage and exit code 2, and a missing held-out split in one line', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['--rounds'])).toBe(2);
    expect(String(err.mock.calls[0]![0])).toMatch(/^lm:latency: .*\nusage: npm run lm:latency/);
    const empty = mkdtempSync(join(tmpdir(), 'lm-latency-'));
    vi.stubEnv('CABIN_CORPUS_DIR', empty);
    expect(await main([`a=${empty}`])).toBe(2);
    expect(String(err.mock.calls[1]![0])).toMatch(/^lm:latency: no held-out split at \S+heldout\.jsonl: run `npm run corpus`/);
    rmSync(empty, { recursive: true, force: true });
  });
});

describe('timing side by side', () => {
  const items = Array.from({ length: 20 }, (_, i) => ({ text: `u${i}`, speaker: 'driver' as const }));

  it('reads a slower model as slower, each figure the median round', async () => {
    const order: string[] = [];
    const rows = await timeSideBySide([{ label: 'fast', lm: spinning(0, order, 'fast') }, { label: 'slow', lm: spinning(3, order, 'slow') }], items, { rounds: 3, warmup: 0 });
    expect(rows.map((r) => r.label)).toEqual(['fast', 'slow']);
    expect(rows[1]!.p50).toBeGreaterThanOrEqual(3);
    expect(rows[1]!.p95).toBeGreaterThan(rows[0]!.p95);
  });

  it('counts the action tokens each model emitted over the utterances, once however many rounds', async () => {
    const rows = await timeSideBySide([{ label: 'a', lm: spinning(0, [], 'a', 2) }, { label: 'b', lm: spinning(0, [], 'b', 3) }], items, { rounds: 3 });
    expect(rows.map((r) => r.tokens)).toEqual([40, 60]);
  });

  it('asks every model about every utterance each round, the first model rotating from one round to the next', async () => {
    const order: string[] = [];
    const models = ['a', 'b', 'c'].map((l) => ({ label: l, lm: spinning(0, order, l) }));
    await timeSideBySide(models, items.slice(0, 2), { rounds: 2, warmup: 0 });
    expect(order.join('')).toBe('aabbcc' + 'bbccaa');
  });

  it('times the utterances the bench times: evenly spread over the held-out split', () => {
    expect(spreadOver([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([0, 2, 5, 7]);
    expect(spreadOver([0, 1], 5)).toEqual([0, 1]);
  });
});

describe('lm:latency on the shipped model', () => {
  it('prints one row per model with its p50 and p95', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const data = mkdtempSync(join(tmpdir(), 'lm-latency-'));
    const rows = [{ text: 'turn on the dome light', speaker: 'driver', lang: 'en', intents: [] }, { text: '打开阅读灯', speaker: 'driver', lang: 'zh', intents: [] }];
    writeFileSync(join(data, 'heldout.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    vi.stubEnv('CABIN_CORPUS_DIR', data);
    const dir = join(repoRoot, 'models', 'cabin-lm');
    expect(await main(['--rounds', '1', `one=${dir}`, `two=${dir}`])).toBe(0);
    const lines = out.mock.calls.map((c) => String(c[0])).join('').split('\n');
    expect(lines[0]).toBe('2 held-out utterances, the models in turn, median of 1 rounds');
    const printed = lines.filter((l) => /^\| (one|two) \| \d+\.\d\d \| \d+\.\d\d \| \d+ \|$/.test(l));
    expect(printed).toHaveLength(2);
    expect(printed[0]!.split('|')[4], 'one file emits what it emits, loaded twice').toBe(printed[1]!.split('|')[4]);
    rmSync(data, { recursive: true, force: true });
  });
});
