// One reader's enrolment sentences from a single stream of speech: a whole recording read in order, or the
// microphone live with a prompt per sentence. The end silence is longer than the head unit's (500 ms), so a
// breath inside a sentence does not split it; very short sounds (a cough, a click) are not taken for a sentence.
import type { Readable } from 'node:stream';
import { VoiceInputError } from './errors.js';
import { pcmChunks } from './microphones.js';
import { StreamingZones } from './streaming-zones.js';
import { segmentsOf } from './zones.js';

export const READING_END_SILENCE_MS = 1000;
export const MIN_SENTENCE_MS = 700;

/** The utterances of a recording of all the sentences, read in order with a pause between them. */
export function sentencesInRecording(channel: Float32Array, sampleRate: number, count: number): Float32Array[] {
  const found = segmentsOf(channel, sampleRate, { endSilenceMs: READING_END_SILENCE_MS }).filter((s) => s.endMs - s.startMs >= MIN_SENTENCE_MS);
  if (found.length !== count) {
    throw new VoiceInputError(`found ${found.length} spoken sentences for ${count} to read; read them in order with a pause of about a second between them`);
  }
  return found.map((s) => s.audio);
}

/**
 * Live: prompts each sentence, takes the next utterance as its reading, and stops after the last. Resolves with
 * one recording per sentence; rejects if capture ends (or is stopped) first.
 */
export async function readSentencesAloud(stream: Readable, sentences: readonly string[], prompt: (line: string) => void, signal: AbortSignal): Promise<Float32Array[]> {
  const got: Float32Array[] = [];
  const ask = () => prompt(`[${got.length + 1}/${sentences.length}] read: ${sentences[got.length]}`);
  const zones = new StreamingZones(
    { channels: 1, zones: { endSilenceMs: READING_END_SILENCE_MS } },
    {
      utterances: (batch) => {
        for (const u of batch) {
          if (got.length >= sentences.length) return;
          if (u.audio.length < (MIN_SENTENCE_MS * 16000) / 1000) {
            prompt('  (too short to be the sentence; read it again)');
            continue;
          }
          got.push(u.audio);
          prompt(`  ✓ ${(u.audio.length / 16000).toFixed(1)} s`);
          if (got.length < sentences.length) ask();
        }
      },
    },
  );
  ask();
  for await (const pcm of pcmChunks(stream)) {
    if (signal.aborted) break;
    zones.push(pcm);
    if (got.length >= sentences.length) break;
  }
  if (got.length < sentences.length) throw new VoiceInputError(`capture ended after ${got.length} of ${sentences.length} sentences; nothing was written`);
  return got;
}
