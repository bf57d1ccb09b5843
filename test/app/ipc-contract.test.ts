// The IPC contract's validators: every malformed, unknown or out-of-range message is rejected with a reply that names the problem.
import { describe, expect, it } from 'vitest';
import { CHANNELS, eventProblem, parseWireRequest, preloadArgument, replyProblem, requestProblem, traceFilter, type TraceFrame } from '../../main/app/ipc-contract.js';

describe('requestProblem', () => {
  it('accepts a well-formed request on every channel it is given', () => {
    expect(requestProblem('snapshot', {})).toBeNull();
    expect(requestProblem('say', { utterances: [{ speaker: 'driver', text: 'warm my seat' }, { speaker: 'rear_left', text: '我有点冷' }] })).toBeNull();
    expect(requestProblem('setSpeed', { speedKph: 80 })).toBeNull();
    expect(requestProblem('previewStyle', { draft: { name: 'x' }, compare: 'friendly', lang: 'zh' })).toBeNull();
  });

  it('rejects an unknown channel, listing the real ones', () => {
    const e = requestProblem('launchMissiles', {});
    expect(e?.code).toBe('E_IPC_UNKNOWN_CHANNEL');
    expect(e?.message).toContain('say');
    expect(requestProblem('__proto__', {})?.code).toBe('E_IPC_UNKNOWN_CHANNEL');
    expect(requestProblem(42, {})?.code).toBe('E_IPC_UNKNOWN_CHANNEL');
  });

  it.each([
    ['say', { utterances: [] }, 'say.utterances: a list of 1–4 items'],
    ['say', { utterances: [{ speaker: 'pilot', text: 'hi' }] }, 'say.utterances[0].speaker: one of driver'],
    ['say', { utterances: [{ speaker: 'driver', text: '' }] }, 'say.utterances[0].text: text of 1–300'],
    ['say', { utterances: [{ speaker: 'driver', text: 'x', extra: 1 }] }, 'say.utterances[0].extra: unknown field'],
    ['setSpeed', { speedKph: -5 }, 'setSpeed.speedKph: a number from 0 to 250'],
    ['setSpeed', { speedKph: '80' }, 'setSpeed.speedKph'],
    ['setSpeed', {}, 'setSpeed.speedKph: missing'],
    ['snapshot', { all: true }, 'snapshot.all: unknown field'],
    ['snapshot', null, 'snapshot: an object'],
    ['previewStyle', { draft: [], compare: 'friendly', lang: 'en' }, 'previewStyle.draft: an object'],
    ['previewStyle', { draft: {}, compare: 'friendly', lang: 'fr' }, 'previewStyle.lang: one of en, zh'],
    ['saveStyle', { draft: { phrases: 'x'.repeat(30_000) } }, 'larger than'],
  ])('rejects %s %j', (channel, request, message) => {
    const e = requestProblem(channel, request);
    expect(e?.code).toBe('E_IPC_INVALID');
    expect(e?.message).toContain(message);
  });
});

describe('parseWireRequest (the WebSocket framing)', () => {
  it('parses a request and defaults a missing request body to {}', () => {
    expect(parseWireRequest('{"id":7,"channel":"snapshot"}')).toEqual({ ok: true, message: { id: 7, channel: 'snapshot', request: {} } });
  });

  it.each([
    ['not json', null, 'E_IPC_MALFORMED'],
    ['[1,2]', null, 'E_IPC_MALFORMED'],
    ['{"channel":"snapshot"}', null, 'E_IPC_MALFORMED'],
    ['{"id":3,"channel":"snapshot","request":{},"x":1}', 3, 'E_IPC_MALFORMED'],
    ['{"id":4,"channel":"fly","request":{}}', 4, 'E_IPC_UNKNOWN_CHANNEL'],
    ['{"id":5,"channel":"setSpeed","request":{"speedKph":999}}', 5, 'E_IPC_INVALID'],
  ])('rejects %s with id %s', (text, id, code) => {
    const r = parseWireRequest(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.id).toBe(id);
      expect(r.error.code).toBe(code);
    }
  });
});

describe('replies and events', () => {
  it('checks reply envelopes on the receiving side', () => {
    expect(replyProblem('setSpeed', { ok: true, response: { speedKph: 30 } })).toBeNull();
    expect(replyProblem('setSpeed', { ok: false, error: { code: 'E_X', message: 'no' } })).toBeNull();
    expect(replyProblem('setSpeed', { ok: true, response: {} })).toContain('setSpeed response.speedKph');
    expect(replyProblem('say', 'yes')).toContain('not a reply envelope');
  });

  it('checks every field of a conversation turn the view draws', () => {
    const turn = { turn: 't1', speaker: 'driver', text: 'heat my seat', lang: 'en', style: 'friendly', understood: ['seat.heat self value="on"'], confirmed: [], reply: 'Sure!', latencyMs: 4.2, at: 1 };
    expect(replyProblem('say', { ok: true, response: { turns: [turn] } })).toBeNull();
    expect(replyProblem('talkStop', { ok: true, response: { turns: [{ ...turn, latencyMs: null }] } })).toBeNull();
    expect(replyProblem('say', { ok: true, response: { turns: [{ ...turn, speaker: 'pilot' }] } })).toContain('turns[0].speaker');
    expect(replyProblem('say', { ok: true, response: { turns: [{ ...turn, understood: [1] }] } })).toContain('turns[0].understood');
    expect(eventProblem({ type: 'turn', turn: { ...turn, lang: 'fr' } })).toContain('turn.lang');
  });

  it('checks the snapshot field by field, the bus it drives included', () => {
    const snap = { state: {}, seatStyles: {}, styleNames: [], faults: { ecus: {}, bus: {}, active: [] }, ecuLimits: {}, conversation: [], trace: [], userStylesDir: '/s', model: 'm', talkUnavailable: null, bus: { kind: 'simulated' }, link: 'open' };
    const reply = (over: Record<string, unknown>) => replyProblem('snapshot', { ok: true, response: { ...snap, ...over } });
    expect(reply({})).toBeNull();
    expect(reply({ bus: { kind: 'external', uri: 'slcan://127.0.0.1:35000' }, talkUnavailable: 'no microphone' })).toBeNull();
    expect(reply({ bus: { kind: 'external' } })).toContain('snapshot response.bus.uri: missing');
    expect(reply({ bus: { kind: 'external', uri: '' } })).toContain('snapshot response.bus.uri: text of 1–500');
    expect(reply({ bus: { kind: 'simulated', uri: 'x' } })).toContain('snapshot response.bus.uri: unknown field');
    expect(reply({ bus: { kind: 'real' } })).toContain('snapshot response.bus.kind: one of simulated, external');
    expect(reply({ bus: undefined })).toContain('snapshot response.bus: an object');
    expect(reply({ talkUnavailable: 3 })).toContain('snapshot response.talkUnavailable');
    expect(reply({ link: 'down' })).toContain('snapshot response.link: one of opening, open, closed, error');
    expect(eventProblem({ type: 'link', state: 'closed' })).toBeNull();
    expect(eventProblem({ type: 'link', state: 'gone' })).toContain('event link.state');
  });

  it('checks the base phrases a style comes with', () => {
    const style = { name: 'friendly' };
    expect(replyProblem('getStyle', { ok: true, response: { style, basePhrases: { en: { ack: 'OK.' }, zh: { ack: '好' } } } })).toBeNull();
    expect(replyProblem('getStyle', { ok: true, response: { style, basePhrases: { en: { ack: 1 }, zh: {} } } })).toContain('getStyle response.basePhrases.en: an object of texts');
    expect(replyProblem('getStyle', { ok: true, response: { style } })).toContain('getStyle response.basePhrases: an object');
  });

  it('rejects events of unknown type or shape', () => {
    expect(eventProblem({ type: 'trace', frames: [] })).toBeNull();
    expect(eventProblem({ type: 'reboot' })).toContain('unknown type');
    expect(eventProblem({ type: 'state', state: 1, paths: [] })).toContain('event state.state');
  });

  it('hands the preload every channel, derived from the contract', () => {
    const arg = preloadArgument();
    const parsed = JSON.parse(arg.slice(arg.indexOf('=') + 1));
    expect(Object.keys(parsed.requests)).toEqual(CHANNELS);
    expect(parsed.requests.say).toBe('cabin:say');
  });
});

describe('traceFilter', () => {
  const f = (name: string, id: string, signals: Record<string, number> = {}): TraceFrame => ({ seq: 1, t: 0, id, data: '', name, sender: 'HU', signals });
  it('matches words against id, name and signal names; "-" excludes', () => {
    expect(traceFilter('')(f('HU_LightCmd', '320'))).toBe(true);
    expect(traceFilter('hu_ light')(f('HU_LightCmd', '320'))).toBe(true);
    expect(traceFilter('410')(f('SEAT_Status_Driver', '410'))).toBe(true);
    expect(traceFilter('heatlevel')(f('SEAT_Status_Driver', '410', { HeatLevel: 1 }))).toBe(true);
    expect(traceFilter('seat -driver')(f('SEAT_Status_Driver', '410'))).toBe(false);
  });
});
