// Every number a text says, in digits, English words and Mandarin numerals.
import { describe, expect, it } from 'vitest';
import { mandarinNumber } from '../../../intents/replies/numbers.js';
import { numberWords } from '../../../models/speech/asr-words.js';
import { numbersSaid } from '../../../models/runtime/spoken-numbers.js';

const values = numbersSaid;

describe('numbersSaid', () => {
  it('reads back every number 0–999 the recogniser spells in English words', () => {
    for (let n = 0; n < 1000; n++) expect(values(`set it to ${numberWords(n)} please`), numberWords(n)).toEqual([n]);
  });

  it('reads back every number 0–9999 the replies say in Mandarin', () => {
    for (let n = 0; n < 10_000; n++) {
      if (n === 1) continue; // 一 alone is not read as a number (一点, 一下)
      expect(values(`调到${mandarinNumber(n)}`), mandarinNumber(n)).toEqual([n]);
    }
  });

  it('reads the ways people say numbers that the renderers do not write', () => {
    expect(values('one hundred and fifty percent')).toEqual([150]);
    expect(values('a hundred and twelve')).toEqual([112]);
    expect(values('two thousand five hundred')).toEqual([2500]);
    expect(values('亮度一百五')).toEqual([150]);
    expect(values('两百')).toEqual([200]);
    expect(values('亮度百分之一百五十')).toEqual([150]);
    expect(values('brightness 150')).toEqual([150]);
    expect(values('22.5 degrees')).toEqual([22.5]);
  });

  it('keeps apart what could be meant two ways, so a caller sees more than one number', () => {
    expect(values('one twenty')).toEqual([1, 20]);
    expect(values('one five zero')).toEqual([1, 5, 0]);
    expect(values('seven twenty')).toEqual([7, 20]);
    expect(values('fifteen hundred')).toEqual([15, 100]);
    expect(values('driver 21 passenger twenty four')).toEqual([21, 24]);
    expect(values('one and a half')).toEqual([1, 0.5]);
    expect(values('主驾二十度副驾二十三度')).toEqual([20, 23]);
    expect(values('一二三')).toEqual([Number.NaN]);
  });

  it('does not read words that only look like numbers', () => {
    expect(values('turn it up a bit and make it warmer')).toEqual([]);
    expect(values('the constructor said valueOf and toString')).toEqual([]);
    expect(values('稍微调高一点，一下就好，万一太热')).toEqual([]);
  });
});
