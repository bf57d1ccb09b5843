// Voice enrolment: SphinxTrain adapts the stock acoustic model to one voice; the profile a seat's recogniser loads.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrolVoice, EnrolmentError, readVoiceProfile, sphinxTrainMissing } from '../../../main/voice/enrolment.js';
import { ENROLMENT_SENTENCES, readSentences } from '../../../main/commands/enrol.command.js';
import { speak } from '../../../main/voice/synth.js';
import { cabinRecognizer } from '../../../models/speech/pocketsphinx.recognizer.js';
import { toPcm16, type Recognizer } from '../../../models/speech/recognizer.js';
import { asrWords } from '../../../models/speech/asr-words.js';
import { wordErrors } from '../../../bench/wer.js';

const missing = sphinxTrainMissing();
if (missing) console.warn(`SKIPPED voice enrolment tests: ${missing}`);
const scratch = () => mkdtempSync(join(tmpdir(), 'cabin-enrol-test-'));

const pad = (x: Float32Array) => {
  const out = new Float32Array(x.length + 16000);
  out.set(x, 8000);
  return out;
};

function errorsOn(r: Recognizer, said: readonly string[], voice: string): number {
  return said.reduce((n, text) => n + wordErrors(asrWords(text) ?? [], r.decode(toPcm16(pad(speak(text, { voice })))).text.split(' ').filter(Boolean)), 0);
}

describe.skipIf(missing !== null)('voice enrolment', () => {
  it('adapts the model to a voice: its commands are recognised no worse than by the stock model, and the profile is complete', async () => {
    const sentences = (await readSentences(ENROLMENT_SENTENCES)).slice(0, 20);
    const voice = 'en-us+f3';
    const dir = join(scratch(), 'f3');
    const lines: string[] = [];
    const info = await enrolVoice({ sentences, audio: sentences.map((s) => speak(s, { voice })), source: `espeak-ng ${voice}` }, dir, (l) => lines.push(l));
    expect(info.aligned).toBeGreaterThanOrEqual(18);
    expect(lines.some((l) => /aligned/.test(l))).toBe(true);
    const { hmmDir } = await readVoiceProfile(dir);
    // The adapted Gaussians differ from the stock ones; the rest of the model is carried over.
    expect(readFileSync(join(hmmDir, 'means')).equals(readFileSync('/usr/share/pocketsphinx/model/en-us/en-us/means'))).toBe(false);
    expect(readFileSync(join(hmmDir, 'mdef')).equals(readFileSync('/usr/share/pocketsphinx/model/en-us/en-us/mdef'))).toBe(true);
    // Commands share no sentence with the enrolment list.
    const said = ['turn on my seat heater', 'set the fan to five', 'make the ambient light red', 'set the temperature to twenty one degrees', 'turn off the dome light', 'massage on'];
    const stock = cabinRecognizer();
    const enrolled = cabinRecognizer({ hmmDir });
    try {
      expect(errorsOn(enrolled, said, voice)).toBeLessThanOrEqual(errorsOn(stock, said, voice));
    } finally {
      stock.close();
      enrolled.close();
    }
  }, 180_000); // SphinxTrain and PocketSphinx runs: seconds alone, much longer beside other tests on 2 cores

  it('refuses recordings that do not read their sentences, and writes nothing', async () => {
    const sentences = (await readSentences(ENROLMENT_SENTENCES)).slice(0, 8);
    // Each recording reads the sentence three further down the list.
    const audio = sentences.map((_, i) => speak(sentences[(i + 3) % sentences.length]!, { voice: 'en-us' }));
    const dir = join(scratch(), 'shifted');
    await expect(enrolVoice({ sentences, audio, source: 'test' }, dir)).rejects.toThrow(/recordings matched their sentence/);
    expect(existsSync(dir)).toBe(false);
  }, 180_000); // SphinxTrain and PocketSphinx runs: seconds alone, much longer beside other tests on 2 cores

  it('checks its input before any work: counts, words, an existing profile directory', async () => {
    const tone = new Float32Array(16000).fill(0.1);
    const five = ['one two three', 'four five six', 'seven eight nine', 'ten eleven twelve', 'red green blue'];
    await expect(enrolVoice({ sentences: five, audio: [tone], source: 't' }, join(scratch(), 'a'))).rejects.toThrow(/1 recordings for 5 sentences/);
    await expect(enrolVoice({ sentences: five.slice(0, 2), audio: [tone, tone], source: 't' }, join(scratch(), 'b'))).rejects.toThrow(/at least 5/);
    await expect(enrolVoice({ sentences: [...five.slice(0, 4), 'the zorblaxian quux'], audio: five.map(() => tone), source: 't' }, join(scratch(), 'c'))).rejects.toThrow(/zorblaxian/);
    const existing = scratch();
    writeFileSync(join(existing, 'keep.txt'), 'mine');
    await expect(enrolVoice({ sentences: five, audio: five.map(() => tone), source: 't' }, existing)).rejects.toThrow(EnrolmentError);
    expect(readdirSync(existing)).toEqual(['keep.txt']);
  });
});

describe('voice profiles', () => {
  it('a directory that is not a profile is refused with one line', async () => {
    const dir = scratch();
    await expect(readVoiceProfile(dir)).rejects.toThrow(/is not a voice profile/);
    writeFileSync(join(dir, 'voice-profile.json'), JSON.stringify({ kind: 'cabin-voice-profile', version: 1 }));
    await expect(readVoiceProfile(dir)).rejects.toThrow(/missing mdef/);
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'voice-profile.json'), JSON.stringify({ kind: 'something-else', version: 3 }));
    await expect(readVoiceProfile(dir)).rejects.toThrow(/unsupported voice profile/);
  });
});
