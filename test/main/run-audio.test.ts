// `cabin run` with audio lines: synthetic speech (espeak-ng) per seat and as cabin recordings must end in the right vehicle state.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addNoise, cabinMix, speak } from '../../main/voice/synth.js';
import { encodeWav } from '../../main/voice/wav.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cabin-audio-'));
const pad = (x: Float32Array, ms = 400) => {
  const out = new Float32Array(x.length + (2 * ms * 16000) / 1000);
  out.set(x, (ms * 16000) / 1000);
  return out;
};
function wav(name: string, channels: Float32Array[]): string {
  writeFileSync(join(dir, name), encodeWav({ sampleRate: 16000, channels }));
  return name;
}
async function run(lines: object[]): Promise<{ code: number | null; out: any; stderr: string }> {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
  const r = await runCli(['run', '--script', file, '--json'], { timeoutMs: 60_000 });
  return { code: r.code, out: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}

let reading: Float32Array;
let blue: Float32Array;
beforeAll(() => {
  reading = speak('turn on my reading light');
  blue = speak('make the ambient light blue');
});

describe('cabin run with audio', () => {
  it('one talker per seat, from mono recordings', async () => {
    const name = wav('reading.wav', [pad(reading)]);
    const r = await run([{ speaker: 'rear_right', audio: name }, { speaker: 'passenger', audio: name }]);
    expect(r.stderr).toBe('');
    expect(r.out.state.lights.reading).toEqual({ driver: false, passenger: true, rear_left: false, rear_right: true });
    expect(r.out.turns.map((t: { speaker: string }) => t.speaker)).toEqual(['rear_right', 'passenger']);
    expect(r.out.turns[0].latency_ms).toBeGreaterThan(0);
  });

  it('two overlapping talkers in different seats of a cabin recording are both served', async () => {
    const channels = cabinMix(
      [
        { seat: 'rear_left', audio: reading, startMs: 300 },
        { seat: 'driver', audio: blue, startMs: 900 },
      ],
      { crosstalkDb: 12, delayMs: 2, noiseSnrDb: 25, seed: 3 },
    );
    const r = await run([{ audio: wav('cabin.wav', channels) }]);
    expect(r.out.state.lights.reading.rear_left).toBe(true);
    expect(r.out.state.lights.ambient.color).toBe('blue');
    expect(r.out.state.lights.reading.driver).toBe(false);
    expect(new Set(r.out.turns.map((t: { speaker: string }) => t.speaker))).toEqual(new Set(['rear_left', 'driver']));
  });

  it('speech in cabin noise (10 dB SNR) still ends in the right state', async () => {
    const r = await run([{ speaker: 'rear_left', audio: wav('noisy.wav', [addNoise(pad(reading, 800), 10, 7)]) }]);
    expect(r.out.state.lights.reading.rear_left).toBe(true);
  });

  it('silence only: no turns, nothing sent', async () => {
    const r = await run([{ audio: wav('silence.wav', [0, 1, 2, 3].map(() => addNoise(new Float32Array(32000), 0, 1).map((v) => v * 0.01))) }]);
    expect(r.code).toBe(0);
    expect(r.out.turns).toEqual([]);
    expect(r.out.frames).toBe(0);
  });

  it('clipped audio is still heard', async () => {
    // +10 dB into the rails: the loudest vowels are flattened.
    const clipped = pad(reading).map((v) => Math.max(-1, Math.min(1, v * 3.2)));
    expect(clipped.filter((v) => Math.abs(v) === 1).length).toBeGreaterThan(100);
    const r = await run([{ speaker: 'driver', audio: wav('clipped.wav', [clipped]) }]);
    expect(r.out.state.lights.reading.driver).toBe(true);
  });

  it('a malformed or truncated WAV is a clear one-line error naming the line, and nothing is actuated', async () => {
    const good = encodeWav({ sampleRate: 16000, channels: [pad(reading)] });
    writeFileSync(join(dir, 'truncated.wav'), good.subarray(0, 5000));
    writeFileSync(join(dir, 'text.wav'), 'not a wav file at all');
    for (const name of ['truncated.wav', 'text.wav', 'missing.wav']) {
      const r = await run([{ speaker: 'driver', text: 'heat my seat' }, { speaker: 'driver', audio: name }]);
      expect(r.code).toBe(2);
      expect(r.out).toBeNull();
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^cabin run: .*\\.jsonl:2: .*${name.replace('.', '\\.')}`));
    }
  });
});
