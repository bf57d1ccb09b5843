// The `lm` bench section: side-by-side rows from fake models, and clear rows (not a crash) when inputs are missing.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeLanguageModel } from '../../models/language-model.js';
import { benchLanguageModels, lmRows, lmSection } from '../../bench/lm-section.js';

const dir = mkdtempSync(join(tmpdir(), 'lm-section-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const saved = { ...process.env };
afterEach(() => {
  for (const k of ['CABIN_CORPUS_DIR', 'CABIN_BENCHMARKS_DIR', 'CABIN_MODEL']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const ON = [{ intent: 'light.reading', zone: 'self' as const, value: 'on' }];

function writeInputs(): void {
  const data = join(dir, 'data');
  mkdirSync(data, { recursive: true });
  const line = (text: string, lang: string, intents: unknown[]) => JSON.stringify({ text, speaker: 'driver', lang, intents, template: 't', split: 'heldout' });
  writeFileSync(join(data, 'heldout.jsonl'), [line('reading light on', 'en', ON), line('play music', 'en', []), line('打开阅读灯', 'zh', ON)].join('\n'));
  writeFileSync(join(data, 'train.jsonl'), line('reading light on', 'en', ON));
  const bench = join(dir, 'benchmarks');
  mkdirSync(join(bench, 'ha-intents'), { recursive: true });
  mkdirSync(join(bench, 'slurp'), { recursive: true });
  writeFileSync(join(bench, 'ha-intents', 'en.jsonl'), JSON.stringify({ lang: 'en', text: 'turn on the lights', ha_intent: 'HassTurnOn', slots: { domain: 'light' }, category: 'light' }));
  writeFileSync(join(bench, 'slurp', 'en.jsonl'), JSON.stringify({ text: 'dim the lights', slurp_intent: 'iot_hue_lightdim', slots: [], slurp_id: 1 }));
  process.env.CABIN_CORPUS_DIR = data;
  process.env.CABIN_BENCHMARKS_DIR = bench;
}

describe('lm section', () => {
  it('runs both models on the same inputs and compares them row by row', async () => {
    writeInputs();
    const ours = new FakeLanguageModel({ 'reading light on': ON, 打开阅读灯: ON, 'turn on the lights': ON, 'dim the lights': [{ intent: 'light.ambient_brightness', zone: 'cabin', delta: -20 }] });
    const peer = new FakeLanguageModel({ 'reading light on': ON });
    const teamFile = join(dir, 'team.jsonl');
    writeFileSync(teamFile, [JSON.stringify({ text: 'turn on the lights', speaker: 'driver', lang: 'en', intents: ON }), JSON.stringify({ text: 'play music', speaker: 'driver', lang: 'en', intents: [] })].join('\n'));
    const r = await benchLanguageModels({ loadOurs: async () => ours, loadPeer: async () => peer, latencyCount: 3, teamFile });
    expect(r.ours.heldout?.byLang.en).toMatchObject({ total: 2, correct: 2 });
    expect(r.peer.heldout?.byLang.zh).toMatchObject({ total: 1, correct: 0 });
    expect(r.ours.slurpEn).toMatchObject({ total: 1, correct: 1 });
    expect(r.ours.latency?.count).toBe(3);
    const rows = lmRows(r.ours, r.peer, r.notes);
    const zh = rows.find((x) => x.metric === 'held-out exact match zh')!;
    expect(zh).toMatchObject({ ok: 'yes', target: '>= 97 %, > nlp.js' });
    expect(zh.value).toContain('100 % (1/1)');
    expect(zh.value).toContain('nlp.js 0 %');
    expect(rows.find((x) => x.metric === 'Home Assistant coarse zh')).toMatchObject({ value: expect.stringContaining('n/a'), ok: 'NO' });
    expect(rows.some((x) => x.metric === 'Cabin LM latency p95')).toBe(true);
    // The team-written sentences: scored for both models, reported without a target.
    const team = rows.find((x) => x.metric === 'team-written sentences exact match en')!;
    expect(team.value).toContain('100 % (2/2)');
    expect(team.value).toContain('nlp.js 50 %');
    expect(team.ok).toBeUndefined();
    expect(rows.some((x) => x.metric === 'team-written sentences exact match zh')).toBe(false);
    // Requests after a name: neither fake knows them, so both read 0 %, beside the same requests alone.
    expect(rows.find((x) => x.metric === 'requests after a name en (270)')?.value).toBe('0 % (0/270)  vs nlp.js 0 %');
    expect(rows.find((x) => x.metric === '… the same requests alone en')?.value).toBe('0 % (0/10)  vs nlp.js 0 %');
    expect(rows.find((x) => x.metric === 'requests after a name zh (270)')?.value).toBe('0 % (0/270)  vs nlp.js 0 %');
    expect(rows.find((x) => x.metric === '… the same requests alone zh')?.value).toBe('0 % (0/10)  vs nlp.js 0 %');
  });

  it('scores a request said after a name against the same request alone', async () => {
    writeInputs();
    const { addressedRequests } = await import('../../bench/lm-addressed.js');
    const { alone, named } = addressedRequests();
    const knows = Object.fromEntries(alone.map((x) => [x.text, x.expected]));
    // A model that only ever understands the bare request: everything alone, nothing after a name.
    const r = await benchLanguageModels({ loadOurs: async () => new FakeLanguageModel(knows), loadPeer: async () => new FakeLanguageModel({}), latencyCount: 1 });
    expect(r.ours.addressedAlone).toMatchObject({ total: 20, correct: 20 });
    expect(r.ours.addressed).toMatchObject({ total: named.length, correct: 0 });
    expect(r.ours.addressed?.byLang).toMatchObject({ en: { total: 270 }, zh: { total: 270 } });
    // Every named sentence is a name, a separator, then one of the requests alone with the same intent.
    for (const x of named) {
      const rest = x.lang === 'en' ? /^(?:hey )?\w+,? (.+)$/.exec(x.text.toLowerCase()) : /^\p{Script=Han}{1,2}(?:呀?，)?(.+)$/u.exec(x.text);
      expect(rest, x.text).not.toBeNull();
      const bare = alone.find((a) => a.lang === x.lang && a.text === rest![1]);
      expect(bare?.expected, x.text).toEqual(x.expected);
    }
  });

  it('says what to run when the model and the corpus are missing', async () => {
    process.env.CABIN_CORPUS_DIR = join(dir, 'nothing');
    process.env.CABIN_BENCHMARKS_DIR = join(dir, 'nothing');
    process.env.CABIN_MODEL = join(dir, 'no-model');
    const { rows } = await lmSection.run({ seconds: 0.1 });
    const text = rows.map((x) => `${x.metric}: ${x.value}`).join('\n');
    expect(text).toContain('npm run corpus');
    expect(text).toContain('npm run model:build');
    expect(rows.find((x) => x.metric === 'Cabin LM')?.ok).toBe('NO');
  });
});
