// `cabin enrol` and `--voice-profile SEAT=DIR`: the sentence list, one-line errors that write nothing, a real enrolment
// from recordings, and a scripted run that recognises an enrolled seat with its profile.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { encodeWav, resample } from '../../main/voice/wav.js';
import { speak } from '../../main/voice/synth.js';
import { sphinxTrainMissing } from '../../main/voice/enrolment.js';
import { concatAudio } from '../helpers/audio.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'cabin-enrol-cli-'));
const missing = sphinxTrainMissing();
if (missing) console.warn(`SKIPPED cabin enrol end-to-end test: ${missing}`);

describe('cabin enrol', () => {
  it('--list prints the numbered sentences to read', async () => {
    const r = await runCli(['enrol', '--list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(40);
    expect(lines[0]).toMatch(/^01 {2}the birch canoe/);
  });

  it('bad input is one line, exit 2, and no profile', async () => {
    const dir = scratch();
    const out = join(dir, 'profile');
    let r = await runCli(['enrol', '--voice', 'en-us']);
    expect([r.code, r.stderr.trim()]).toEqual([2, 'cabin enrol: no profile directory: give --out DIR (see `cabin enrol --help`)']);
    r = await runCli(['enrol', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give one of --mic, --reading WAV, --recordings DIR or --voice VOICE/);
    r = await runCli(['enrol', '--out', out, '--recordings', join(dir, 'nowhere')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    // A stereo recording is not one occupant reading one sentence.
    const recs = join(dir, 'recs');
    mkdirSync(recs);
    writeFileSync(join(recs, '01.wav'), encodeWav({ sampleRate: 16000, channels: [new Float32Array(16000), new Float32Array(16000)] }));
    r = await runCli(['enrol', '--out', out, '--recordings', recs]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/01\.wav: 2 channels; enrolment takes one mono recording per sentence/);
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(missing !== null)('enrols from one recording of the sentences read in order, and refuses one with a sentence missing', async () => {
    const dir = scratch();
    const list = (await runCli(['enrol', '--list', '--count', '6'])).stdout.trim().split('\n').map((l) => l.slice(4));
    expect(list).toHaveLength(6);
    const gap = new Float32Array(24000); // 1.5 s between sentences
    const read = (sentences: string[]) => concatAudio(...sentences.flatMap((s) => [gap, speak(s, { voice: 'en-us' })]), gap);
    writeFileSync(join(dir, 'all.wav'), encodeWav({ sampleRate: 16000, channels: [read(list)] }));
    writeFileSync(join(dir, 'short.wav'), encodeWav({ sampleRate: 16000, channels: [read(list.slice(0, 5))] }));
    let r = await runCli(['enrol', '--count', '6', '--reading', join(dir, 'short.wav'), '--out', join(dir, 'p1')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/short\.wav: found 5 spoken sentences for 6 to read/);
    expect(existsSync(join(dir, 'p1'))).toBe(false);
    r = await runCli(['enrol', '--count', '6', '--reading', join(dir, 'all.wav'), '--out', join(dir, 'p2')], { timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/[56] of 6 sentences aligned \(reading in /);
  }, 180_000); // SphinxTrain and PocketSphinx runs: seconds alone, much longer beside other tests on 2 cores

  it.skipIf(missing !== null)('enrols from a directory of recordings, and `cabin run --voice-profile` uses the profile for that seat', async () => {
    const dir = scratch();
    const list = (await runCli(['enrol', '--list'])).stdout.trim().split('\n').map((l) => l.slice(4));
    const recs = join(dir, 'recs');
    mkdirSync(recs);
    // Twelve recordings at 22.05 kHz (resampled on reading), named so that name order is not character order.
    list.slice(0, 12).forEach((s, i) => {
      writeFileSync(join(recs, `${i + 1}.wav`), encodeWav({ sampleRate: 22050, channels: [resample(speak(s, { voice: 'en-gb' }), 16000, 22050)] }));
    });
    const out = join(dir, 'profile');
    let r = await runCli(['enrol', '--out', out, '--recordings', recs], { timeoutMs: 120_000 });
    expect(r.stderr).toMatch(/12 recordings; 20 or more adapt better/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/voice profile .*: 1[0-2] of 12 sentences aligned/);
    expect(readdirSync(out)).toContain('voice-profile.json');
    // Enrolling into the same directory again is refused; the profile stays as it was.
    r = await runCli(['enrol', '--out', out, '--recordings', recs]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists/);

    const heat = speak('turn on the seat heater', { voice: 'en-gb' });
    const withSilence = new Float32Array(heat.length + 16000);
    withSilence.set(heat, 8000);
    writeFileSync(join(dir, 'heat.wav'), encodeWav({ sampleRate: 16000, channels: [withSilence] }));
    writeFileSync(join(dir, 'script.jsonl'), '{"speaker": "passenger", "audio": "heat.wav"}\n');
    r = await runCli(['run', '--script', join(dir, 'script.jsonl'), '--voice-profile', `passenger=${out}`, '--json'], { timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).state.seats.passenger.heat).toBeGreaterThan(0);
    // A profile that is not one is refused before anything runs.
    r = await runCli(['run', '--script', join(dir, 'script.jsonl'), '--voice-profile', `passenger=${recs}`]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^cabin run: --voice-profile passenger=.*: .* is not a voice profile/);
  }, 180_000); // SphinxTrain and PocketSphinx runs: seconds alone, much longer beside other tests on 2 cores
});
