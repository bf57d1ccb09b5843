// The live path: streaming zone attribution over chunks, and `cabin listen` from a recording and from a missing microphone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StreamingZones } from '../../main/voice/streaming-zones.js';
import { cabinMix, speak } from '../../main/voice/synth.js';
import { encodeWav } from '../../main/voice/wav.js';
import { attributeZones, type ZoneSegment } from '../../main/voice/zones.js';
import { toPcm16 } from '../../models/speech/recognizer.js';
import { runCli } from '../helpers/cli.js';

let channels: Float32Array[];
beforeAll(() => {
  channels = cabinMix(
    [
      { seat: 'rear_left', audio: speak('turn on my reading light'), startMs: 300 },
      { seat: 'driver', audio: speak('make the ambient light blue'), startMs: 900 },
      { seat: 'passenger', audio: speak('heat my seat', { voice: 'en-gb' }), startMs: 4500 },
    ],
    { crosstalkDb: 12, delayMs: 2, noiseSnrDb: 25, seed: 5 },
  );
});

function interleave(chs: Float32Array[], from: number, to: number): Int16Array {
  const n = chs.length;
  const out = new Int16Array((to - from) * n);
  chs.forEach((c, k) => toPcm16(c.subarray(from, to)).forEach((v, i) => (out[i * n + k] = v)));
  return out;
}

describe('streaming zone attribution', () => {
  it('emits each seat\'s utterance once it ends, as the whole-recording analysis finds them, after a speech-start', () => {
    const got: ZoneSegment[] = [];
    const started: string[] = [];
    const log: string[] = [];
    const z = new StreamingZones({ channels: 4 }, { utterance: (u) => (got.push(u), log.push(`utt ${u.seat}`)), speechStarted: (s) => (started.push(s), log.push(`start ${s}`)) });
    for (let at = 0; at < channels[0]!.length; at += 1600) z.push(interleave(channels, at, Math.min(at + 1600, channels[0]!.length)));
    z.flush();
    const batch = attributeZones(channels, 16000);
    expect(got.map((u) => u.seat)).toEqual(batch.map((u) => u.seat));
    got.forEach((u, i) => expect(Math.abs(u.endMs - batch[i]!.endMs)).toBeLessThan(120));
    for (const seat of ['rear_left', 'driver', 'passenger']) expect(log.indexOf(`start ${seat}`)).toBeLessThan(log.indexOf(`utt ${seat}`));
    // Utterances come out before the stream ends: the first is done long before the last talker starts.
    expect(got[0]!.endMs).toBeLessThan(4500);
  });
});

describe('cabin listen', () => {
  it('serves a cabin recording through the live path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'listen-'));
    const file = join(dir, 'cabin.wav');
    writeFileSync(file, encodeWav({ sampleRate: 16000, channels }));
    const r = await runCli(['listen', '--file', file, '--fast', '--no-speak', '--json'], { timeoutMs: 60_000 });
    expect(r.code).toBe(0);
    const turns = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(turns.map((t) => t.speaker)).toEqual(['rear_left', 'driver', 'passenger']);
    expect(turns[0].reply).toBe('Sure! Your reading light is on.');
    expect(turns[1].reply).toBe('Sure! The ambient light colour is now blue.');
  });

  it('a microphone that cannot be opened is one clear line and exit 1', async () => {
    const r = await runCli(['listen', '--no-speak', '--device', 'no-such-capture-device'], { timeoutMs: 30_000 });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^cabin listen: microphone capture failed: .*"no-such-capture-device"\?\)$/);
  });
});
