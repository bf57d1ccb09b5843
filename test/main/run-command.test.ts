// `cabin run` end to end with the shipped language model: DESIGN's JSON shape, state from status frames, errors naming the line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

const tour = join(repoRoot, 'test', 'fixtures', 'scripts', 'cabin-tour.jsonl');

function script(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cabin-run-'));
  const file = join(dir, 'script.jsonl');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('cabin run', () => {
  it('prints DESIGN\'s JSON with turns, the state decoded from status frames and the frame count', async () => {
    const r = await runCli(['run', '--script', tour, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['turns', 'state', 'frames']);
    expect(out.turns).toHaveLength(9);
    for (const t of out.turns) expect(Object.keys(t)).toEqual(['speaker', 'heard', 'intents', 'reply', 'lang', 'latency_ms']);
    const by = (heard: string) => out.turns.find((t: { heard: string }) => t.heard === heard);
    expect(by('heat my seat').latency_ms).toBeGreaterThan(0);
    expect(by('turn off the AC').latency_ms).toBeNull();
    expect(by('turn off the AC').reply).toBe('The climate system is controlled from the front seats.');
    expect(by('把氛围灯调成蓝色').lang).toBe('zh');
    expect(by('recline my seat').reply).toBe("I can't move the driver's seat while the car is moving.");
    expect(by('set the fan to 2').reply).toBe('The driver asked at the same time to set the front fan to speed 5, and goes first.');
    expect(by('open the window').intents).toEqual([]);
    expect(out.state.seats.driver.heat).toBe(3);
    expect(out.state.hvac.temp.passenger).toBe(24);
    expect(out.state.lights.ambient.color).toBe('blue');
    expect(out.state.hvac.fan.front).toBe(5);
    expect(out.state.vehicle.speed_kph).toBe(80);
    expect(out.state.seats.driver.recline).toBe(20);
    expect(out.frames).toBe(5);
  });

  it('ends on where the seats stopped: the state after a recline is the target, not the seat mid-way', async () => {
    const a = script(['{"speaker":"rear_left","text":"recline my seat all the way"}']);
    const out = JSON.parse((await runCli(['run', '--script', a, '--json'])).stdout);
    expect(out.turns[0].reply).toBe('Sure! Your seat back is moving to 100 percent.');
    expect(out.state.seats.rear_left.recline).toBe(100);
  });

  it('a spoken style request changes the style and moves nothing, whatever the model read into it', async () => {
    const a = script(['{"speaker":"driver","text":"be more formal"}', '{"speaker":"passenger","text":"switch to formal mode"}', '{"speaker":"driver","text":"heat my seat"}']);
    const out = JSON.parse((await runCli(['run', '--script', a, '--json'])).stdout);
    expect(out.turns.map((t: { reply: string }) => t.reply)).toEqual([
      'Very well. You are speaking with the cabin assistant.',
      'Very well. You are speaking with the cabin assistant.',
      'Certainly. Your seat heating has been set to level 2.',
    ]);
    expect(out.frames).toBe(1);
    // DESIGN's turn shape, with no intents for a style request; the human output names what the turn was.
    expect(out.turns[0]).toEqual({ speaker: 'driver', heard: 'be more formal', intents: [], reply: 'Very well. You are speaking with the cabin assistant.', lang: 'en', latency_ms: null });
    const human = (await runCli(['run', '--script', a])).stdout;
    expect(human).toContain('driver [en]: be more formal\n  understood: (style request)\n');
  });

  it('runs each --script from the default state, one JSON line each, and honours --style', async () => {
    const a = script(['{"speaker":"driver","text":"heat my seat"}']);
    const r = await runCli(['run', '--script', a, '--script', a, '--json', '--style', 'formal']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l.state.seats.driver.heat).toBe(2);
      expect(l.turns[0].reply).toBe('Certainly. Your seat heating has been set to level 2.');
    }
  });

  it('a malformed line: one line naming it, non-zero exit, nothing run', async () => {
    const bad = script(['{"speaker":"driver","text":"heat my seat"}', '{"speaker":"driver","txt":"oops"}']);
    const r = await runCli(['run', '--script', bad, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`cabin run: ${bad}:2: unknown field "txt" (expected speaker, text, audio, vehicle, at_ms)`);
  });

  it('a missing recording and an unknown style are clear one-line errors', async () => {
    const audio = script(['{"speaker":"driver","audio":"x.wav"}']);
    const r = await runCli(['run', '--script', audio]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`${audio}:1: .*x\\.wav: cannot read: no such file`));
    const s = await runCli(['run', '--script', tour, '--style', 'grumpy']);
    expect(s.code).not.toBe(0);
    expect(s.stderr.trim()).toMatch(/unknown style "grumpy" \(known: concise, formal, friendly, playful\)/);
  });

  it('a human-readable outcome without --json', async () => {
    const r = await runCli(['run', '--script', tour]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('passenger [zh]: 把氛围灯调成蓝色');
    expect(r.stdout).toContain('state (changed from default): vehicle.speed_kph 80, seats.driver.heat 3');
  });
});

describe('cabin styles', () => {
  it('lists presets, previews side by side and validates files', async () => {
    const list = await runCli(['styles']);
    expect(list.stdout).toMatch(/^concise /m);
    const prev = await runCli(['styles', 'preview', 'concise', 'formal', '--lang', 'en']);
    expect(prev.code).toBe(0);
    expect(prev.stdout).toContain('[en] the light module is silent\n  concise  The lighting module did not respond');
    const file = script(['{"name": "x", "verbosity": "loud"}']);
    const v = await runCli(['styles', 'validate', file]);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(`${file}: verbosity: one of brief, normal, full`);
    const ok = await runCli(['styles', 'validate', join(repoRoot, 'intents', 'styles', 'playful.json')]);
    expect(ok.stdout.trim()).toMatch(/playful\.json: ok$/);
  });
});
