// A number said above 100, put back where the action language could write only a piece of it.
import { describe, expect, it } from 'vitest';
import { parseActions } from '../../../intents/action-language.js';
import { restoreSaidNumber } from '../../../models/runtime/said-numbers.js';

const brightness = (n: string) => ['light.ambient_brightness', '@cabin', 'value=', n];

describe('restoreSaidNumber', () => {
  it('puts back the number as said when the model wrote its first digits', () => {
    expect(restoreSaidNumber('set the brightness to 150', brightness('15'))).toEqual({
      tokens: brightness('150'),
      restored: { wrote: 15, said: 150, fahrenheit: false },
    });
    expect(restoreSaidNumber('亮度调到150', brightness('15')).tokens).toEqual(brightness('150'));
    expect(restoreSaidNumber('fan to 1000 please', ['hvac.fan', '@self', 'value=', '100']).tokens).toEqual(['hvac.fan', '@self', 'value=', '1000']);
    expect(restoreSaidNumber('set it to 250 degrees', ['hvac.temp', '@self', 'value=', '25']).tokens).toEqual(['hvac.temp', '@self', 'value=', '250']);
  });

  it('puts back a number said in words or numerals, from whichever piece the model wrote', () => {
    expect(restoreSaidNumber('set the brightness to one hundred fifty', brightness('100'))).toEqual({
      tokens: brightness('150'),
      restored: { wrote: 100, said: 150, fahrenheit: false },
    });
    expect(restoreSaidNumber('brightness one hundred and fifty percent', brightness('50')).tokens).toEqual(brightness('150'));
    expect(restoreSaidNumber('亮度调到一百五十', brightness('50')).tokens).toEqual(brightness('150'));
    expect(restoreSaidNumber('fan to two hundred twelve', ['hvac.fan', '@self', 'value=', '12']).tokens).toEqual(['hvac.fan', '@self', 'value=', '212']);
  });

  it('puts the Fahrenheit mark back with a temperature said in Fahrenheit', () => {
    const temp = (...rest: string[]) => ['hvac.temp', '@self', 'value=', ...rest];
    // Outside 60–90 a bare number is °C: 58 would be the car's maximum heat for a request to cool.
    expect(restoreSaidNumber('set it to 58 degrees fahrenheit', temp('58'))).toEqual({
      tokens: temp('58', 'F'),
      restored: { wrote: 58, said: 58, fahrenheit: true },
    });
    expect(parseActions(restoreSaidNumber('make it ninety five fahrenheit', temp('95')).tokens)).toEqual([{ intent: 'hvac.temp', zone: 'self', value: 35 }]);
    expect(restoreSaidNumber('set it to 72 fahrenheit', temp('72'))).toEqual({ tokens: temp('72') }); // °F already
    expect(restoreSaidNumber('set it to 58 fahrenheit', temp('85'))).toEqual({ tokens: temp('85') }); // not the number said
    expect(restoreSaidNumber('set it to 58 fahrenheit', ['seat.heat', '@self', 'value=', '58'])).toEqual({ tokens: ['seat.heat', '@self', 'value=', '58'] });
    expect(restoreSaidNumber('set it to 212 fahrenheit', temp('12')).tokens).toEqual(temp('212', 'F'));
    expect(restoreSaidNumber('set it to 212 fahrenheit', temp('21', 'F')).tokens).toEqual(temp('212', 'F'));
    expect(restoreSaidNumber('温度调到华氏二百一十二度', temp('12')).tokens).toEqual(temp('212', 'F'));
    expect(restoreSaidNumber('set it to 212 degrees', temp('12')).tokens).toEqual(temp('212'));
    expect(parseActions(restoreSaidNumber('set it to 212 fahrenheit', temp('12')).tokens)).toEqual([{ intent: 'hvac.temp', zone: 'self', value: 100 }]);
  });

  it.each([
    ['a number the model can write', 'set the brightness to 15', brightness('15')],
    ['the model wrote a number that is not a piece of the one said', 'set it to 212 fahrenheit', ['hvac.temp', '@self', 'value=', '30']],
    ['the number said is a piece of nothing the model wrote', 'set the brightness to one hundred five', brightness('50')],
    ['another number said in digits', 'set the fan to 2, we are doing 150', ['hvac.fan', '@self', 'value=', '15']],
    ['another number said in words', 'set the fan to one, we are doing 150', ['hvac.fan', '@self', 'value=', '1']],
    ['a number said two ways', 'set the fan to one fifty', ['hvac.fan', '@self', 'value=', '50']],
    ['a Mandarin numeral beside it', '风量调到二，车速150', ['hvac.fan', '@self', 'value=', '15']],
    ['a number with a fraction', 'brightness to 150.5', brightness('15')],
    ['two numbers in the reading', 'make it 150', ['hvac.fan', '@self', 'value=', '1', ';', 'light.ambient_brightness', '@cabin', 'value=', '15']],
    ['a half after the number', 'set it to 225', ['hvac.temp', '@self', 'value=', '22', '.5']],
    ['no number in the reading', 'we are doing 150', ['hvac.ac', '@cabin', 'value=', 'on']],
  ])('keeps the reading when %s', (_why, text, tokens) => {
    expect(restoreSaidNumber(text, tokens)).toEqual({ tokens });
  });

  it('does not count 一 in 一点 as a number', () => {
    expect(restoreSaidNumber('亮度调到150一点', brightness('15')).tokens).toEqual(brightness('150'));
  });
});

describe('parseActions with a number put back', () => {
  it('reads a whole number above 100 where the grammar takes a number, and still converts °F', () => {
    expect(parseActions(brightness('150'))).toEqual([{ intent: 'light.ambient_brightness', zone: 'cabin', value: 150 }]);
    expect(parseActions(['hvac.temp', '@self', 'value=', '212', 'F'])).toEqual([{ intent: 'hvac.temp', zone: 'self', value: 100 }]);
  });

  it('still refuses a sequence the grammar does not take', () => {
    expect(() => parseActions(['light.ambient_brightness', '@cabin', '150'])).toThrow(SyntaxError);
  });
});
