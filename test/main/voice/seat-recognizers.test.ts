// Enrolled seats are recognised with their own recogniser; every other seat with the shared one.
import { describe, expect, it } from 'vitest';
import { Hearing } from '../../../main/voice/hearing.js';
import { speak } from '../../../main/voice/synth.js';
import { openSeatRecognizers, profileDirs } from '../../../main/voice/seat-recognizers.js';
import type { Recognition, Recognizer } from '../../../models/speech/recognizer.js';

/** A recogniser that answers with its own name, so the test sees which one heard an utterance. */
function named(name: string, closed: string[]): Recognizer {
  const rec = (): Recognition => ({ text: name, confidence: 1, nbest: [{ text: name, score: 0 }], decodeMs: 0, audioMs: 0 });
  return { info: () => ({ name, languageModel: 'domain', language: 'en' }), start() {}, feed() {}, end: rec, decode: rec, close: () => void closed.push(name) };
}

/** Speech with silence around it, so the voice activity detector finds one utterance. */
function utterance(): Float32Array {
  const said = speak('heat my seat');
  const x = new Float32Array(said.length + 16000);
  x.set(said, 8000);
  return x;
}

describe('per-seat recognisers', () => {
  it('Hearing sends an enrolled seat to its recogniser and the others to the shared one', () => {
    const closed: string[] = [];
    const seats = openSeatRecognizers({ passenger: '/profiles/p' }, (dir) => named(dir ?? 'stock', closed));
    const hearing = new Hearing(seats.shared, { seatRecognizers: seats.bySeat });
    expect(hearing.mono({ sampleRate: 16000, channels: [utterance()] }, 'passenger').map((h) => h.recognition.text)).toEqual(['/profiles/p']);
    expect(hearing.mono({ sampleRate: 16000, channels: [utterance()] }, 'driver').map((h) => h.recognition.text)).toEqual(['stock']);
    expect(seats.forSeat('rear_left').info().name).toBe('stock');
    seats.close();
    expect(closed.sort()).toEqual(['/profiles/p', 'stock']);
  });

  it('closes what it opened when a profile fails to load', () => {
    const closed: string[] = [];
    const open = (dir?: string) => {
      if (dir === '/bad') throw new Error('PocketSphinx could not load it');
      return named(dir ?? 'stock', closed);
    };
    expect(() => openSeatRecognizers({ driver: '/ok', passenger: '/bad' }, open)).toThrow(/could not load/);
    expect(closed.sort()).toEqual(['/ok', 'stock']);
  });

  it('SEAT=DIR specs: an unknown seat, a seat given twice and a missing profile are one-line usage errors', async () => {
    await expect(profileDirs(['boot=/x'])).rejects.toThrow(/expected SEAT=DIR with SEAT one of driver, passenger, rear_left, rear_right/);
    await expect(profileDirs(['driver'])).rejects.toThrow(/expected SEAT=DIR/);
    await expect(profileDirs(['driver=/nonexistent/profile'])).rejects.toThrow(/is not a voice profile/);
    expect(await profileDirs([])).toEqual({});
  });
});
