import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseActions, withoutRepeats } from '../../../intents/action-language.js';
import { ActionGrammar, decodeActions } from '../../../models/runtime/grammar-decoder.js';
import { loadModelConfig } from '../../../models/runtime/model-config.js';
import { OnnxCausalLM } from '../../../models/runtime/onnx-causal-lm.js';
import { loadLanguageModel, type OnnxLanguageModel } from '../../../models/runtime/onnx-language-model.js';
import { CabinTokenizer } from '../../../models/runtime/cabin-tokenizer.js';
import { ACTION_TOKENS } from '../../../intents/action-language.js';
import { repoRoot } from '../../helpers/cli.js';
import { intentProblems } from './intent-checks.js';
import { Recompute } from './recompute.js';

/*
 * The trained Cabin LM, exported by models/training/: the CI smoke pipeline points CABIN_LM_DIR at the tiny model
 * it just built; otherwise the shipped models/cabin-lm/, which is committed: a missing model fails these tests.
 */
const fromEnv = process.env.CABIN_LM_DIR;
const DIR = fromEnv ?? join(repoRoot, 'models', 'cabin-lm');
const shipped = !fromEnv;

describe(`the exported Cabin LM (${DIR})`, () => {
  let model: OnnxLanguageModel;
  beforeAll(async () => {
    model = await loadLanguageModel(DIR);
  });
  afterAll(async () => model?.close());

  it('loads through the Hugging Face layout with the native decoder', () => {
    const cfg = loadModelConfig(DIR);
    expect(cfg.cabin).toBeDefined();
    expect(model.info().decoding).toBe('native');
  });

  it('KV-cached constrained decoding gives the same tokens as recomputing the full sequence', async () => {
    const cfg = loadModelConfig(DIR);
    const tok = CabinTokenizer.load(cfg.files.tokenizer);
    const idOf = new Map(ACTION_TOKENS.map((t) => [t, tok.idOf(`${cfg.cabin!.actionTokenPrefix}${t}${cfg.cabin!.actionTokenSuffix}`)!]));
    idOf.set('<end>', cfg.eosIds[0]!);
    const byId = new Map([...idOf].map(([t, id]) => [id, t]));
    const grammar = new ActionGrammar(idOf);
    const lm = await OnnxCausalLM.create(cfg, { threads: 1 });
    const spk = tok.idOf(cfg.cabin!.speakerTokenFormat.replace('{seat}', 'driver'))!;
    for (const text of ['turn on the seat heating and set the temperature to 72', '把空调调到二十二度', 'me too']) {
      const prompt = [cfg.bosId!, spk, ...tok.encodeText(text), cfg.sepId!];
      const a = await decodeActions(lm, prompt, grammar, (id) => byId.get(id)!);
      const b = await decodeActions(new Recompute(lm), prompt, grammar, (id) => byId.get(id)!);
      expect(a.tokens, text).toEqual(b.tokens);
    }
    await lm.close();
  });

  it('bad input never crashes and always gives catalog intents', async () => {
    for (const text of ['', 'x'.repeat(10_000), '🔥🥶👍🏽', '\u0000\uD800 garbage \u0007', 'Поверни климат', 'hvac '.repeat(2000)]) {
      const u = await model.understand(text, 'driver');
      expect(u.intents).toEqual(u.tokens.length ? withoutRepeats(parseActions(u.tokens)) : []);
      for (const it of u.intents) expect(intentProblems(it)).toEqual([]);
    }
  });

  it('the text-level decoder also runs on this model when treated as a general model', async () => {
    const general = await loadLanguageModel(DIR, { decoding: 'text', maxSteps: 24 });
    const u = await general.understand('turn on the AC', 'driver');
    for (const it of u.intents) expect(intentProblems(it)).toEqual([]);
    await general.close();
  });

  it.skipIf(!shipped)('gives an intent once when the shipped model decodes it twice', async () => {
    // Cabin LM v10 decoded "hvac.temp @passenger value= 24" twice here (and missed "mine gets 21").
    const u = await model.understand('the reading light is on, switch it off and mine gets 21, the passenger gets 24', 'rear_left');
    const said = parseActions(u.tokens);
    const once = new Set(u.intents.map((i) => JSON.stringify(i)));
    expect(once.size).toBe(u.intents.length);
    expect(u.intents).toEqual(withoutRepeats(said));
  });

  it.skipIf(!shipped)('keeps a number said above 100 as said, so the dialogue clamps it (the model writes 0–100)', async () => {
    // "set the brightness to 150" had become brightness 15 (and 一百五十 50, "one hundred fifty" 100): the
    // grammar let the model write only a piece of the number.
    for (const [text, intent] of [
      ['set the brightness to 150', 'light.ambient_brightness'],
      ['set the fan to 150', 'hvac.fan'],
      ['亮度调到150', 'light.ambient_brightness'],
      ['set the brightness to one hundred fifty', 'light.ambient_brightness'],
      ['亮度调到一百五十', 'light.ambient_brightness'],
    ] as const) {
      const u = await model.understand(text, 'driver');
      expect(u.intents.map((i) => [i.intent, i.value]), text).toEqual([[intent, 150]]);
      expect(u.warnings.join(' '), text).toMatch(/number 150 kept as said/);
    }
  });

  it.skipIf(!shipped)('reads a temperature said in Fahrenheit outside 60–90 as °F, not as °C', async () => {
    // The corpus says °F only for 62–85: "58 fahrenheit" was read as 58 with no mark, i.e. 58 °C, maximum heat.
    for (const [text, celsius] of [
      ['set it to 58 degrees fahrenheit', 14.5],
      ['make it ninety five fahrenheit', 35],
      ['温度调到华氏五十度', 10],
    ] as const) {
      const u = await model.understand(text, 'driver');
      expect(u.intents.map((i) => [i.intent, i.value]), text).toEqual([['hvac.temp', celsius]]);
    }
  });

  it.skipIf(!shipped)('the shipped model keeps an "off" to its own request when the next verb means on', async () => {
    // v9 and v10 read these as seat heat / massage *off*: the off of the first request carried over.
    const offThenOn: [string, string][] = [
      ['turn off the dome light and heat my seat', 'seat.heat'],
      ['kill the dome light and heat my seat', 'seat.heat'],
      ['turn off the dome light and massage my back', 'seat.massage'],
      ['turn off the massage and heat my seat', 'seat.heat'],
    ];
    for (const [text, second] of offThenOn) {
      const { intents } = await model.understand(text, 'driver');
      expect(intents.map((i) => [i.intent, i.value]), text).toEqual([[intents[0]!.intent, 'off'], [second, 'on']]);
    }
  });

  it.skipIf(!shipped)('the shipped model reads a colour said alone as the ambient colour, and "I\'m … back here" as the speaker', async () => {
    // v11 read "make it green in here" as 27 °C and "I'm boiling back here" as the rear row (corpus v12 added both forms).
    expect((await model.understand('make it green in here', 'driver')).intents).toEqual([{ intent: 'light.ambient_color', zone: 'cabin', value: 'green' }]);
    expect((await model.understand("I'm roasting back here", 'rear_left')).intents).toEqual([{ intent: 'hvac.temp', zone: 'self', delta: -2 }]);
  });

  it.skipIf(!shipped)('the shipped model keeps every request of a list joined by a comma', async () => {
    // v12 dropped the fan and gave the seat level 4: its English chains never joined with a bare comma (corpus v13 does).
    expect((await model.understand('heat my seat, turn the fan to 4 and make the lights red', 'driver')).intents).toEqual([
      { intent: 'seat.heat', zone: 'self', value: 'on' },
      { intent: 'hvac.fan', zone: 'self', value: 4 },
      { intent: 'light.ambient_color', zone: 'cabin', value: 'red' },
    ]);
  });

  it.skipIf(!shipped)('the shipped model reads a request after a name it never saw as that request, not as talk', async () => {
    // v13 (shipped until session 16) answered all six with nothing or something else: an unknown word before a request
    // read as talk about someone. Corpus v17 put ~180 English and 244 Mandarin names before requests and in talk; these
    // come from bench/probes/session15.jsonl, and none is in bench/lm-addressed.ts or the generator except "nina",
    // which joined the generator's name pool in v17.
    const named: [string, object][] = [
      ['hey Jessica turn off the ac', { intent: 'hvac.ac', zone: 'cabin', value: 'off' }],
      ['uncle bob turn on the rear defrost', { intent: 'hvac.defrost_rear', zone: 'cabin', value: 'on' }],
      ['hey nina turn on recirculation', { intent: 'hvac.recirc', zone: 'cabin', value: 'on' }],
      ['小倪，打开空调', { intent: 'hvac.power', zone: 'cabin', value: 'on' }],
      ['表姐，关掉阅读灯', { intent: 'light.reading', zone: 'self', value: 'off' }],
      ['二舅，打开内循环', { intent: 'hvac.recirc', zone: 'cabin', value: 'on' }],
    ];
    for (const [text, want] of named) expect((await model.understand(text, 'driver')).intents, text).toEqual([want]);
  });

  it.skipIf(!shipped)('the shipped model writes a level above the range as said, for the dialogue to clamp', async () => {
    // Until session 31 the corpus never drew a fan level above 7: "set the fan to 12" came out as 1 (the word pieces
    // 1 + ##2) and 十二档 as 22. Trained further on `generate.js --wide-values` draws.
    expect((await model.understand('set the fan to 12', 'driver')).intents).toEqual([{ intent: 'hvac.fan', zone: 'self', value: 12 }]);
    expect((await model.understand('风量调到十二档', 'driver')).intents).toEqual([{ intent: 'hvac.fan', zone: 'self', value: 12 }]);
  });

  it.skipIf(!shipped)('the shipped model understands the plainest requests', async () => {
    expect((await model.understand('turn on the AC', 'driver')).intents).toEqual([{ intent: 'hvac.ac', zone: 'cabin', value: 'on' }]);
    expect((await model.understand('play some music', 'driver')).intents).toEqual([]);
  });
});
