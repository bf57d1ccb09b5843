// Spoken replies: espeak-ng speaks with the style's voice in both languages, and speech in any zone cuts a reply off.
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BargeIn, EspeakSpeech } from '../../main/voice/speech-output.js';
import { StyleBook } from '../../intents/replies/style-book.js';

const dir = mkdtempSync(join(tmpdir(), 'tts-'));
const styles = StyleBook.load();

describe('espeak-ng replies', () => {
  it('speaks English and Mandarin with each style\'s voice and rate', async () => {
    for (const [lang, text] of [['en', 'Your seat heating is now level 2.'], ['zh', '你的座椅加热已调到二档。']] as const) {
      const sizes: number[] = [];
      for (const name of ['concise', 'formal']) {
        const file = join(dir, `${name}-${lang}.wav`);
        const end = await new EspeakSpeech({ sink: file }).speak(text, styles.get(name).voice[lang]).done;
        expect(end).toBe('finished');
        sizes.push(statSync(file).size);
      }
      // formal speaks slower than concise: the same words take more audio.
      expect(sizes[1]!).toBeGreaterThan(sizes[0]! * 1.1);
    }
  });

  it('barge-in stops the reply in progress', async () => {
    const file = join(dir, 'long.wav');
    const barge = new BargeIn(new EspeakSpeech({ sink: file }));
    const p = barge.say('The climate module did not respond. '.repeat(400), { voice: 'en-us', rate: 170 });
    expect(barge.speaking).toBe(true);
    expect(barge.speechStarted()).toBe(true);
    expect(await p.done).toBe('interrupted');
    expect(barge.speaking).toBe(false);
    expect(barge.speechStarted()).toBe(false);
  });

  it('a voice espeak-ng does not have fails without throwing', async () => {
    const errors: string[] = [];
    const end = await new EspeakSpeech({ sink: join(dir, 'x.wav'), onError: (e) => errors.push(e) }).speak('hello', { voice: 'xx-nonexistent', rate: 170 }).done;
    expect(end).toBe('failed');
    expect(errors[0]).toMatch(/espeak-ng exited/);
    expect(existsSync(dir)).toBe(true);
  });
});
