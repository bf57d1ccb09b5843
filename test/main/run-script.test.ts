// `cabin run` scripts: every malformed line is named, overlap groups follow DESIGN's 1,500 ms rule.
import { describe, expect, it } from 'vitest';
import { parseScript, scriptSteps } from '../../main/run/script.js';

const bad = (line: string) => () => parseScript(`{"speaker":"driver","text":"hi"}\n${line}\n`, 's.jsonl');

describe('script parsing', () => {
  it('reads text, audio, vehicle and at_ms lines, skipping blanks and # comments', () => {
    const lines = parseScript(
      ['# comment', '', '{"speaker":"driver","text":"heat my seat"}', '{"vehicle":{"speed_kph":80}}', '{"at_ms":500,"audio":"cabin.wav"}', '{"speaker":"rear_left","audio":"a.wav"}'].join('\n'),
      's.jsonl',
    );
    expect(lines).toEqual([
      { kind: 'say', line: 3, speaker: 'driver', text: 'heat my seat' },
      { kind: 'vehicle', line: 4, speedKph: 80 },
      { kind: 'audio', line: 5, audio: 'cabin.wav', atMs: 500 },
      { kind: 'audio', line: 6, audio: 'a.wav', speaker: 'rear_left' },
    ]);
  });

  it.each([
    ['{"speaker":"driver","text":', /^s\.jsonl:2: not JSON/],
    ['[1,2]', /^s\.jsonl:2: expected one JSON object per line$/],
    ['{"speaker":"pilot","text":"x"}', /^s\.jsonl:2: unknown speaker "pilot"/],
    ['{"text":"x"}', /^s\.jsonl:2: a "text" line needs a "speaker"$/],
    ['{"speaker":"driver"}', /^s\.jsonl:2: a line needs exactly one of "text", "audio" or "vehicle"$/],
    ['{"speaker":"driver","text":"x","audio":"a.wav"}', /exactly one of/],
    ['{"speaker":"driver","text":"x","volume":3}', /^s\.jsonl:2: unknown field "volume"/],
    ['{"vehicle":{"speed_kph":-1}}', /^s\.jsonl:2: "speed_kph" must be a number from 0 to 250$/],
    ['{"vehicle":{"gear":"D"}}', /^s\.jsonl:2: "vehicle" must be \{"speed_kph": N\}$/],
    ['{"at_ms":"soon","speaker":"driver","text":"x"}', /^s\.jsonl:2: "at_ms" must be a number/],
  ])('rejects %s naming the line', (line, message) => {
    expect(bad(line)).toThrow(message);
  });

  it('groups utterances from different seats less than 1,500 ms apart; same seat, vehicle lines and lines without at_ms stand alone', () => {
    const lines = parseScript(
      [
        '{"at_ms":1000,"speaker":"driver","text":"a"}',
        '{"at_ms":2400,"speaker":"passenger","text":"b"}',
        '{"at_ms":2450,"speaker":"driver","text":"c"}',
        '{"at_ms":2500,"speaker":"rear_left","text":"d"}',
        '{"speaker":"rear_right","text":"e"}',
        '{"at_ms":9000,"speaker":"driver","text":"f"}',
        '{"at_ms":9100,"vehicle":{"speed_kph":10}}',
      ].join('\n'),
      's',
    );
    const texts = scriptSteps(lines).map((step) => step.map((l) => (l.kind === 'say' ? l.text : 'vehicle')));
    // c is the driver again, so it opens the next group, which d (within 1,500 ms of c) joins.
    expect(texts).toEqual([['a', 'b'], ['c', 'd'], ['e'], ['f'], ['vehicle']]);
  });
});
