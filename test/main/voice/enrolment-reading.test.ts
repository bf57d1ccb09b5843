// Live enrolment reading: a prompt per sentence, the next utterance taken as its reading, short sounds refused.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSentencesAloud, sentencesInRecording } from '../../../main/voice/enrolment-reading.js';
import { speak } from '../../../main/voice/synth.js';
import { toPcm16 } from '../../../models/speech/recognizer.js';
import { concatAudio } from '../../helpers/audio.js';

const gap = () => new Float32Array(24000);
/** A microphone stream: 16-bit PCM in 100 ms chunks. */
function micStream(x: Float32Array): Readable {
  const pcm = toPcm16(x);
  const chunks: Buffer[] = [];
  for (let i = 0; i < pcm.length; i += 1600) chunks.push(Buffer.from(pcm.slice(i, i + 1600).buffer));
  return Readable.from(chunks);
}
const sentences = ['the birch canoe slid on the smooth planks', 'glue the sheet to the dark blue background', 'it is easy to tell the depth of a well'];

describe('reading the enrolment sentences', () => {
  it('live: prompts each sentence in turn and takes one utterance per sentence; a click is not a sentence', async () => {
    // A short click between the first and second sentence.
    const click = new Float32Array(4000);
    for (let i = 0; i < 4000; i++) click[i] = 0.5 * Math.sin(i / 3) * Math.exp(-i / 800);
    const audio = concatAudio(...[gap(), speak(sentences[0]!), gap(), click, gap(), speak(sentences[1]!), gap(), speak(sentences[2]!), gap()]);
    const prompts: string[] = [];
    const got = await readSentencesAloud(micStream(audio), sentences, (l) => prompts.push(l), new AbortController().signal);
    expect(got).toHaveLength(3);
    expect(prompts.filter((p) => p.startsWith('['))).toEqual(sentences.map((s, i) => `[${i + 1}/3] read: ${s}`));
    // Each reading is about as long as its sentence spoken.
    for (const [i, s] of sentences.entries()) expect(Math.abs(got[i]!.length - speak(s).length) / 16000).toBeLessThan(0.8);
  });

  it('live: capture that ends early is an error naming how far the reading got', async () => {
    const audio = concatAudio(...[gap(), speak(sentences[0]!), gap()]);
    await expect(readSentencesAloud(micStream(audio), sentences, () => {}, new AbortController().signal)).rejects.toThrow(/after 1 of 3 sentences; nothing was written/);
  });

  it('a recording of the whole reading splits into its sentences, and a count that does not match is refused', () => {
    const audio = concatAudio(...[gap(), speak(sentences[0]!), gap(), speak(sentences[1]!), gap(), speak(sentences[2]!), gap()]);
    expect(sentencesInRecording(audio, 16000, 3)).toHaveLength(3);
    expect(() => sentencesInRecording(audio, 16000, 4)).toThrow(/found 3 spoken sentences for 4 to read/);
  });
});
