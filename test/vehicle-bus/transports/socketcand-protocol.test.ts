// The socketcand codec and element splitter on their own, including the spellings python-can uses.
import { describe, expect, it } from 'vitest';
import {
  SocketcandSplitter, decodeSocketcandElement, encodeSocketcandFrame, encodeSocketcandSend, formatSocketcandTime,
} from '../../../vehicle-bus/transports/socketcand-protocol.js';

function split(chunks: string[], max?: number) {
  const elements: string[] = [];
  const drops: string[] = [];
  const s = new SocketcandSplitter((e) => elements.push(e.trim()), (reason) => drops.push(reason), max);
  for (const c of chunks) s.push(c);
  return { elements, drops, s };
}

describe('socketcand codec', () => {
  it('encodes frames (empty data: two spaces before ">") and sends', () => {
    expect(encodeSocketcandFrame({ id: 0x123, extended: false, data: new Uint8Array(0) }, 1700000000.5)).toBe('< frame 123 1700000000.500000  >');
    expect(encodeSocketcandFrame({ id: 0x1abcdef, extended: true, data: Uint8Array.from([0xde, 0xad]) }, 1)).toBe('< frame 01ABCDEF 1.000000 DEAD >');
    expect(encodeSocketcandSend({ id: 0x7ff, extended: false, data: Uint8Array.from([1, 0xff]) })).toBe('< send 7FF 2 01 FF >');
    expect(encodeSocketcandSend({ id: 0x5, extended: true, data: new Uint8Array(0) })).toBe('< send 00000005 0 >');
    expect(formatSocketcandTime(1.9999999)).toBe('2.000000');
  });

  it('decodes socketcand and python-can spellings', () => {
    expect(decodeSocketcandElement(' frame 123 1.000000  ')).toEqual({ kind: 'frame', frame: { id: 0x123, extended: false, data: new Uint8Array(0), timestamp: 1 } });
    expect(decodeSocketcandElement(' frame 00000123 2.5 0102 ')).toMatchObject({ kind: 'frame', frame: { id: 0x123, extended: true } });
    expect(decodeSocketcandElement(' send 1ABCDEF 3 1 a ff ')).toEqual({ kind: 'send', frame: { id: 0x1abcdef, extended: true, data: Uint8Array.from([1, 10, 255]) } });
    expect(decodeSocketcandElement(' open vcan0 ')).toEqual({ kind: 'open', iface: 'vcan0' });
    expect(decodeSocketcandElement(' error could not open bus ')).toEqual({ kind: 'error', text: 'could not open bus' });
    expect(decodeSocketcandElement(' statistics 1000 ')).toEqual({ kind: 'other', command: 'statistics', args: ['1000'] });
  });

  it('names what is wrong with a bad element', () => {
    const reason = (inner: string) => {
      const m = decodeSocketcandElement(inner);
      return m.kind === 'bad' ? m.reason : m.kind;
    };
    expect(reason(' send 123 4 1 2 ')).toBe('bad-length');
    expect(reason(' send 123 9 1 2 3 4 5 6 7 8 9 ')).toBe('bad-length');
    expect(reason(' send 12G 1 1 ')).toBe('bad-id');
    expect(reason(' send 123456789 1 1 ')).toBe('bad-id');
    expect(reason(' send 123 1 1FF ')).toBe('bad-hex');
    expect(reason(' frame 123 x 00 ')).toBe('bad-timestamp');
    expect(reason(' frame 123 1.0 0 ')).toBe('bad-hex');
    expect(reason(' frame 123 1.0 112233445566778899 ')).toBe('bad-length');
    expect(reason(' open ')).toBe('garbage');
    expect(reason(' ?? ')).toBe('garbage');
  });
});

describe('socketcand splitter', () => {
  it('reassembles elements split at every read boundary, with or without newlines between them', () => {
    const stream = '< hi >< ok >\n< frame 123 1.000000 AA >\n  < frame 456 1.000000  >';
    for (let cut = 0; cut <= stream.length; cut++) {
      const { elements, drops } = split([stream.slice(0, cut), stream.slice(cut)]);
      expect(elements).toEqual(['hi', 'ok', 'frame 123 1.000000 AA', 'frame 456 1.000000']);
      expect(drops).toEqual([]);
    }
  });

  it('counts garbage between elements and an element that never closed', () => {
    const { elements, drops } = split(['junk< ok >more junk', '< send 1 < ok >']);
    expect(elements).toEqual(['ok', 'ok']);
    expect(drops).toEqual(['garbage', 'garbage', 'garbage']);
  });

  it('drops an over-long element whole and keeps the buffer bounded', () => {
    const { elements, drops } = split(['< ' + 'x'.repeat(300), 'y'.repeat(10_000), ' >< ok >'], 256);
    expect(elements).toEqual(['ok']);
    expect(drops).toEqual(['overlong-element']);
  });

  it('counts an open element at end of stream as a mid-frame disconnect', () => {
    const { drops, s } = split(['< ok >< frame 12']);
    s.end();
    expect(drops).toEqual(['disconnect-mid-frame']);
  });
});
