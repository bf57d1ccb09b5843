// The corpus generator: deterministic, covers the catalog in both languages, and keeps held-out data out of train.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatActions, parseActions } from '../../../../intents/action-language.js';
import { INTENT_NAMES } from '../../../../intents/catalog.js';
import { Context, PhraseHoldout, sfc32 } from '../../../../models/training/corpus/context.js';
import { joinParts } from '../../../../models/training/corpus/chain.js';
import { buildCorpus, normText, type Corpus, type Sample } from '../../../../models/training/corpus/corpus.js';
import { enConnectors } from '../../../../models/training/corpus/en/index.js';
import { HELD_OUT_TEMPLATES } from '../../../../models/training/corpus/heldout-templates.js';
import { generate, parseArgs } from '../../../../models/training/corpus/generate.js';
import { LANGUAGES } from '../../../../models/training/corpus/languages.js';
import { composedName, NAMES } from '../../../../models/training/corpus/en/common.js';
import { ALL_ZH_NAMES } from '../../../../models/training/corpus/zh/common.js';
import { ADDRESSED_NAMES_EN, ADDRESSED_NAMES_ZH } from '../../../../bench/lm-addressed.js';
import { AMBIENT_COLORS } from '../../../../vehicle-bus/cabin/vehicle-state-types.js';
import { letVitestBreathe } from '../../../helpers/let-vitest-breathe.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'corpus-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

let corpus: Corpus;
beforeAll(() => {
  corpus = buildCorpus(LANGUAGES, { seed: 7, train: 12_000, heldout: 1_500 });
});

/** Samples of one template, straight from its generator (the corpus draws a template too rarely to test a branch). */
function fromTemplate(id: string, n: number): { text: string; intents: ReturnType<typeof parseActions> }[] {
  const t = LANGUAGES.flatMap((p) => p.templates).find((x) => x.id === id)!;
  const holdout = new PhraseHoldout();
  const rng = sfc32(11);
  const seats = ['driver', 'passenger', 'rear_left', 'rear_right'] as const;
  return Array.from({ length: n }, (_, i) => {
    const u = t.generate(new Context(t.lang, 'train', seats[i % 4]!, rng, holdout));
    return { text: u.text, intents: parseActions(formatActions(u.intents)) };
  });
}

describe('corpus files', () => {
  it('are byte-identical for the same seed and differ for another', () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    generate({ seed: 3, train: 1500, heldout: 200, out: a });
    generate({ seed: 3, train: 1500, heldout: 200, out: b });
    generate({ seed: 4, train: 1500, heldout: 200, out: c });
    for (const f of ['train.jsonl', 'heldout.jsonl', 'stats.json', 'action-tokens.json']) {
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    }
    expect(readFileSync(join(a, 'train.jsonl')).equals(readFileSync(join(c, 'train.jsonl')))).toBe(false);
  });

  it('write one JSON object per line with the documented fields', () => {
    const d = tmp();
    generate({ seed: 1, train: 300, heldout: 50, out: d });
    const lines = readFileSync(join(d, 'heldout.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    const row = JSON.parse(lines[0]!);
    expect(Object.keys(row)).toEqual(['text', 'speaker', 'lang', 'intents', 'actions', 'template', 'split', 'unseen']);
    // Held-out rows say what train never had; train rows carry no such field.
    const kinds = new Set(lines.map((l) => JSON.parse(l).unseen));
    expect([...kinds].every((k) => ['template', 'phrasing', 'both'].includes(k))).toBe(true);
    expect(kinds.size).toBeGreaterThan(1);
    const train = JSON.parse(readFileSync(join(d, 'train.jsonl'), 'utf8').split('\n')[0]!);
    expect(train.unseen).toBeUndefined();
    const stats = JSON.parse(readFileSync(join(d, 'stats.json'), 'utf8'));
    expect(stats.seed).toBe(1);
    expect(stats.sha256['train.jsonl']).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('a fresh draw for training further (--exclude-heldout)', () => {
  // Another seed draws other rows of the same templates; a short text a training template can say ("打开冷气") may be
  // a held-out row of the first draw, and a model trained further on the new draw would then be scored on its own
  // training rows.
  const texts = (d: string, f: string) => readFileSync(join(d, f), 'utf8').trimEnd().split('\n').map((l) => normText(JSON.parse(l).text as string));

  it("keeps the named held-out file's texts out of train and records the file in stats.json", async () => {
    const [first, plain, fresh] = [tmp(), tmp(), tmp()];
    generate({ seed: 1, train: 2000, heldout: 3000, out: first });
    await letVitestBreathe();
    const firstHeld = new Set(texts(first, 'heldout.jsonl'));
    generate({ seed: 2, train: 20_000, heldout: 300, out: plain });
    await letVitestBreathe();
    expect(texts(plain, 'train.jsonl').filter((t) => firstHeld.has(t)).length, 'a plain second draw repeats some').toBeGreaterThan(0);
    const file = join(first, 'heldout.jsonl');
    await letVitestBreathe();
    generate({ ...parseArgs(['--seed', '2', '--train', '20000', '--heldout', '300', '--exclude-heldout', file]), out: fresh });
    const train = texts(fresh, 'train.jsonl');
    expect(train).toHaveLength(20_000);
    expect(train.filter((t) => firstHeld.has(t))).toEqual([]);
    const stats = JSON.parse(readFileSync(join(fresh, 'stats.json'), 'utf8'));
    expect(stats.excludedHeldout).toEqual([{ file, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  }, 90_000); // three draws of 3,000 held-out rows: slow on a busy 2-core machine

  it('refuses a missing or malformed file in one line', () => {
    expect(() => parseArgs(['--exclude-heldout', join(tmp(), 'nope.jsonl')])).toThrow(/^--exclude-heldout \S+nope\.jsonl: no such file$/);
    const d = tmp();
    generate({ seed: 1, train: 10, heldout: 10, out: d });
    expect(() => parseArgs(['--exclude-heldout', join(d, 'stats.json')])).toThrow(/line 1 is not JSON/);
  });
});

describe('pinned held-out phrases (--pinned, held-phrases.json)', () => {
  // A bank holds out its lowest-hash ~15 %; a bank that grows by an entry with a low hash pushes a held phrase back
  // into train, and an older held-out file would then test what the model trained on.
  it('keep a phrase held out when its bank grows and the hash would release it', () => {
    const bank = Array.from({ length: 20 }, (_, i) => `entry ${i}`);
    const before = new PhraseHoldout().heldOf(bank);
    const grown = Array.from({ length: 200 }, (_, i) => [...bank, `added ${i}`]).find(
      (g) => [...before].some((e) => !new PhraseHoldout().heldOf(g).has(e)),
    )!;
    expect(grown, 'some added entry shifts the hash pick').toBeDefined();
    const draw = (holdout: PhraseHoldout) => {
      const ctx = new Context('en', 'train', 'driver', sfc32(3), holdout);
      return new Set(Array.from({ length: 3000 }, () => ctx.phrase(grown)));
    };
    expect([...draw(new PhraseHoldout())].filter((e) => before.has(e)).length, 'unpinned, train draws a released phrase').toBeGreaterThan(0);
    const pinned = new PhraseHoldout(before);
    expect([...draw(pinned)].filter((e) => before.has(e))).toEqual([]);
    expect(pinned.composedHeld([...before][0]!)).toBe(true);
  });

  it('write the held phrases of a draw, and a draw pinned to phrases train used never uses them', () => {
    const d = tmp();
    const { corpus: drawn } = generate({ seed: 1, train: 1000, heldout: 300, out: d });
    const listed: string[] = JSON.parse(readFileSync(join(d, 'held-phrases.json'), 'utf8')).phrases;
    expect(listed).toEqual([...drawn.holdout.held].sort());
    const usedBy = (c: Corpus) => {
      const n = new Map<string, number>();
      for (const p of c.train.flatMap((s) => c.meta.get(s)!.phrases)) n.set(p, (n.get(p) ?? 0) + 1);
      return n;
    };
    const before = usedBy(buildCorpus(LANGUAGES, { seed: 9, train: 4000, heldout: 100 }));
    const pin = [...before].filter(([, n]) => n >= 3 && n <= 10).map(([p]) => p).slice(0, 30);
    expect(pin).toHaveLength(30);
    const after = buildCorpus(LANGUAGES, { seed: 9, train: 4000, heldout: 100, pinnedHeld: pin });
    expect(after.train).toHaveLength(4000);
    expect(pin.filter((p) => usedBy(after).has(p))).toEqual([]);
  });

  it('pin the committed v21 list by default, record it in stats.json, and refuse a bad file in one line', () => {
    const opts = parseArgs([]);
    expect(opts.pinnedFile).toMatch(/models\/training\/corpus\/held-phrases\.json$/);
    expect([...(opts.pinnedHeld ?? [])].length).toBe(1209);
    expect(parseArgs(['--pinned', 'none']).pinnedHeld).toBeUndefined();
    const d = tmp();
    generate({ ...parseArgs(['--train', '200', '--heldout', '50']), out: d });
    const stats = JSON.parse(readFileSync(join(d, 'stats.json'), 'utf8'));
    expect(stats.pinnedHeld).toEqual({ file: 'models/training/corpus/held-phrases.json', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), phrases: 1209 });
    expect(() => parseArgs(['--pinned', join(d, 'nope.json')])).toThrow(/^--pinned \S+nope\.json: no such file$/);
    expect(() => parseArgs(['--pinned', join(d, 'train.jsonl')])).toThrow(/^--pinned \S+: not JSON$/);
    expect(() => parseArgs(['--pinned', join(d, 'stats.json')])).toThrow(/needs \{"phrases": \[strings\]\}$/);
  });
});

describe('coverage', () => {
  it('has every intent of the catalog in train, in both languages', () => {
    for (const lang of ['en', 'zh']) {
      const seen = new Set(corpus.train.filter((s) => s.lang === lang).flatMap((s) => s.intents.map((i) => i.intent)));
      expect(INTENT_NAMES.filter((n) => !seen.has(n)), lang).toEqual([]);
    }
  });

  it('is about half English and half Mandarin, with chained and out-of-catalog samples', () => {
    const en = corpus.train.filter((s) => s.lang === 'en').length / corpus.train.length;
    expect(en).toBeGreaterThan(0.45);
    expect(en).toBeLessThan(0.55);
    for (const lang of ['en', 'zh']) {
      const mine = corpus.train.filter((s) => s.lang === lang);
      const chained = mine.filter((s) => corpus.meta.get(s)!.chained);
      expect(chained.length / mine.length, lang).toBeGreaterThan(0.1);
      expect(chained.every((s) => s.intents.length >= 2)).toBe(true);
      expect(mine.filter((s) => s.intents.length === 0).length / mine.length, lang).toBeGreaterThan(0.02);
    }
  });

  it('gives out-of-catalog templates no intent', () => {
    const none = corpus.train.filter((s) => /\.none\./.test(s.template));
    expect(none.length).toBeGreaterThan(100);
    expect(none.every((s) => s.intents.length === 0 && s.actions === '')).toBe(true);
  });
});

describe('labels', () => {
  it('parse with the action grammar and round-trip', () => {
    for (const s of [...corpus.train, ...corpus.heldout]) {
      const tokens = s.actions === '' ? [] : s.actions.split(' ');
      const parsed = parseActions(tokens);
      expect(parsed).toEqual(s.intents);
      expect(parseActions(formatActions(parsed))).toEqual(parsed);
    }
  });

  it('convert temperatures said in °F, and keep °C as said', () => {
    const f = corpus.train.find((s) => / F( |$)/.test(s.actions))!;
    expect(f).toBeDefined();
    const temp = f.intents.find((i) => i.intent === 'hvac.temp' && typeof i.value === 'number')!;
    expect(temp.value as number).toBeLessThan(35);
  });

  it('follow the last verb when the state is said first ("the fan is on, switch it off" is off)', () => {
    const pattern = /(?:\bis|'s still|is still) (on|off),? (?:so )?(?:can you )?(switch|shut|put|get|kill) it\b(.*)$/i;
    const stated = corpus.train.filter((s) => s.intents.length === 1 && pattern.test(s.text));
    expect(stated.length).toBeGreaterThan(10);
    for (const s of stated) {
      const [, said, verb, rest] = pattern.exec(s.text)!;
      const wanted = /^(kill|shut)$/i.test(verb!) ? 'off' : /\b(on|off)\b/.exec(rest!)![1];
      expect(wanted, s.text).not.toBe(said);
      expect(s.intents[0]!.value, s.text).toBe(wanted);
    }
  });

  it('give two seats listed with only a comma a value each ("mine gets 21, my passenger gets 23")', () => {
    const texts = fromTemplate('en.combo.two_seats', 4000);
    const listed = texts.filter((s) => /\b(mine|my seat|my side) (?:gets |to )?(?!on\b|off\b)[\w-]+(?: degrees)?(?: c| celsius)?, /i.test(s.text) && s.intents.length === 2);
    expect(listed.length).toBeGreaterThan(5);
    for (const s of listed) {
      const [a, b] = s.intents;
      expect(a!.intent, s.text).toBe(b!.intent);
      expect(a!.zone, s.text).toBe('self');
      expect(b!.zone, s.text).not.toBe('self');
    }
  });

  it('keep an "off" to its own request when a verb that means on follows ("turn off the massage and heat my seat")', () => {
    const texts = fromTemplate('en.combo.two_seat_features', 3000);
    const mixed = texts.filter((s) => /^(?:\w+ )?(turn|switch) off .+ and (?:heat|warm|cool|ventilate|massage|give)(?: up| down)? (?:my|me|the|driver|passenger|rear)\b/i.test(s.text.replace(/^[^a-z]*(?:please |hey [a-z]+,? )?/i, '')));
    expect(mixed.length).toBeGreaterThan(20);
    for (const s of mixed) expect(s.intents.map((i) => i.value), s.text).toEqual(['off', 'on']);
    // Chains put the verb-only form after an off request too (it weighs 3× as a later request), labelled on.
    const after = corpus.train.filter((s) => s.intents.length >= 2 && s.intents[0]!.value === 'off' && /\.(heat|vent|massage)\.object$/.test(s.template.split('+')[1] ?? ''));
    expect(after.length).toBeGreaterThan(5);
    for (const s of after) expect(s.intents[1]!.value, s.text).toBe('on');
  });

  it('switch on after something else is switched off ("turn off the dome light and massage my back"), not only after a seat feature', () => {
    const texts = fromTemplate('en.combo.off_then_verb_on', 1500);
    const cabinFirst = texts.filter((s) => s.intents[0]!.zone === 'cabin');
    expect(cabinFirst.length).toBeGreaterThan(300);
    for (const s of texts) {
      expect(s.intents.map((i) => i.value), s.text).toEqual(['off', 'on']);
      expect(s.intents[1]!.intent, s.text).toMatch(/^seat\.(heat|vent|massage)$/);
      expect(s.intents[0]!.intent, s.text).not.toBe(s.intents[1]!.intent);
    }
  });

  it('keep every item of a list said with no "and" ("fan to 2, AC on, recirculation off"; a recogniser writes no commas)', () => {
    const texts = fromTemplate('en.combo.switch_list', 3000).filter((s) => s.intents.length === 3 && !/\band\b/i.test(s.text));
    const commas = texts.filter((s) => (s.text.match(/,/g) ?? []).length >= 2);
    const bare = texts.filter((s) => !s.text.includes(','));
    expect(commas.length).toBeGreaterThan(60);
    expect(bare.length).toBeGreaterThan(15);
    for (const s of texts) expect(new Set(s.intents.map((i) => `${i.intent}@${i.zone}`)).size, s.text).toBe(3);
  });

  it('say requests after many names, each rarely ("hey Priya, heat my seat"; 小周，把空调关了)', () => {
    const startsNamed = (text: string) => /^(?:hey |ok )?([a-z.' ]+?)(?:,| please)? /i.exec(text)?.[1]?.toLowerCase();
    const enNames = new Set(NAMES.map((n) => n.toLowerCase()));
    const en = corpus.train.filter((s) => s.lang === 'en' && s.intents.length > 0 && enNames.has(startsNamed(s.text) ?? ''));
    const zhNames = new Set(ALL_ZH_NAMES);
    const zh = corpus.train.filter((s) => s.lang === 'zh' && s.intents.length > 0 && ALL_ZH_NAMES.some((n) => s.text.startsWith(n)));
    // Many names, each rarely: the place of a name is what is learnt, not a list of names.
    expect(new Set(en.map((s) => startsNamed(s.text))).size).toBeGreaterThan(100);
    expect(new Set(zh.map((s) => ALL_ZH_NAMES.find((n) => s.text.startsWith(n)))).size).toBeGreaterThan(80);
    expect(zhNames.size).toBeGreaterThan(150);
  });

  it('keep talk said to or about a named person talk ("Priya, guess what, …", "Priya said the bridge is closed"; 小周，…)', () => {
    const en = fromTemplate('en.none.chat', 4000);
    const zh = fromTemplate('zh.none.chat', 4000);
    const people = NAMES.filter((n) => /^[A-Z][a-z]+$/.test(n));
    const enNamed = en.filter((s) => people.some((n) => new RegExp(`\\b${n}\\b`).test(s.text)));
    const zhNamed = zh.filter((s) => ALL_ZH_NAMES.some((n) => n.length > 1 && s.text.includes(n)));
    expect(enNamed.length).toBeGreaterThan(200);
    expect(zhNamed.length).toBeGreaterThan(200);
    for (const s of [...enNamed, ...zhNamed]) expect(s.intents, s.text).toEqual([]);
  });

  it("never say a name of the bench's \"requests after a name\" set, nor a name that is also a catalog word", () => {
    const catalogWords = new Set([...AMBIENT_COLORS, 'amber', 'ruby', 'rose', 'violet', 'gold', 'lavender', 'teal', 'indigo', 'max', 'min', 'high',
      'low', 'auto', 'front', 'rear', 'back', 'left', 'right', 'driver', 'passenger', 'cabin', 'kids', 'son', 'daughter', 'pilot', 'co-pilot']);
    for (const n of NAMES) {
      for (const w of n.toLowerCase().split(/\s+/)) {
        expect(ADDRESSED_NAMES_EN, n).not.toContain(w);
        expect(catalogWords.has(w), n).toBe(false);
      }
    }
    for (const n of ALL_ZH_NAMES) {
      for (const b of ADDRESSED_NAMES_ZH) expect(n.includes(b), `${n} ~ ${b}`).toBe(false);
      expect(/[红黄蓝绿白紫粉橙金高低关开万度档]/.test(n), n).toBe(false);
    }
  });

  it('make up names that are new each time and never a bench name or a catalog word ("hey Bralo, heat my seat")', () => {
    const ctx = new Context('en', 'train', 'driver', sfc32(5), new PhraseHoldout());
    const names = Array.from({ length: 20_000 }, () => composedName(ctx));
    const words = new Set(['seat', 'heat', 'fan', 'red', 'blue', 'tan', 'mint', 'max', 'min', 'dim', 'dome', 'turn', 'set', 'cancel', 'level', 'vent']);
    for (const n of names) {
      expect(n, n).toMatch(/^[A-Za-z][a-z]{2,8}$/);
      expect(ADDRESSED_NAMES_EN, n).not.toContain(n.toLowerCase());
      expect(words.has(n.toLowerCase()), n).toBe(false);
    }
    // Thousands of distinct names, so that none is learnt as a word.
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBeGreaterThan(8_000);
  });

  it('say requests after made-up names and talk about made-up people alike (the name decides nothing)', () => {
    const known = new Set([...NAMES.flatMap((n) => n.toLowerCase().split(/\s+/)), 'hey', 'ok']);
    const lead = (text: string) => /^(?:hey |ok )?([A-Za-z]+)(?:,| please)? /.exec(text)?.[1];
    const en = corpus.train.filter((s) => s.lang === 'en');
    // A made-up name: capitalised or not, not a word of the list, and (the test's proxy for "not English") met once or twice.
    const counts = new Map<string, number>();
    for (const s of en) for (const w of s.text.toLowerCase().match(/[a-z]+/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    const madeUp = (w: string | undefined) => !!w && !known.has(w.toLowerCase()) && (counts.get(w.toLowerCase()) ?? 0) <= 2;
    const asked = en.filter((s) => s.intents.length > 0 && /^(?:hey |ok )?[A-Za-z]+(?:,| please) /.test(s.text) && madeUp(lead(s.text)));
    expect(asked.length).toBeGreaterThan(30);
    const talk = fromTemplate('en.none.chat', 4000).filter((s) => /^[A-Z][a-z]+ (said|told me|thinks) /.test(s.text));
    expect(talk.filter((s) => !NAMES.includes(s.text.split(' ')[0]!) && !/^(Lisa|Tom)$/.test(s.text.split(' ')[0]!)).length).toBeGreaterThan(20);
    for (const s of talk) expect(s.intents, s.text).toEqual([]);
  });

  it('call Mandarin speakers by composed names too (张思琪, 小悦, 婷婷, 王哥), before requests and in talk', () => {
    const zhNames = new Set(ALL_ZH_NAMES);
    expect(zhNames.size).toBeGreaterThan(5_000);
    const req = corpus.train.filter((s) => s.lang === 'zh' && s.intents.length > 0 && /^(.{2})(，|啊，| )/.test(s.text));
    const starts = new Set(req.map((s) => s.text.slice(0, 2)).filter((n) => zhNames.has(n)));
    expect(starts.size).toBeGreaterThan(100);
    expect([...starts].some((n) => /^.(哥|姐|总|叔)$/.test(n))).toBe(true);
  });

  it('read a colour said with no light named as the ambient colour ("make it red")', () => {
    const bare = fromTemplate('en.generic.lights_color', 2000).filter((s) => !/\b(lights?|lighting|lamps?|colou?r)\b/i.test(s.text));
    expect(bare.length).toBeGreaterThan(300);
    for (const s of bare) expect(s.intents, s.text).toEqual([{ intent: 'light.ambient_color', zone: 'cabin', value: expect.any(String) }]);
  });

  it('read a step of the ambient light named as ambient/mood lighting as brightness, not on/off ("turn down the mood lighting")', () => {
    const named = fromTemplate('en.light.ambient_brightness.generic', 3000).filter((s) => /\b(ambient|mood|accent|ambien[ct]e)\b/i.test(s.text));
    expect(named.length).toBeGreaterThan(200);
    for (const s of named) expect(s.intents[0]!.intent, s.text).toBe('light.ambient_brightness');
  });

  it('give "I\'m cold back here" to the speaker, and "it\'s cold back here" to the row', () => {
    const texts = fromTemplate('en.wish.place_temp', 2000);
    const me = texts.filter((s) => /\bI('m| am)\b/.test(s.text));
    const it_ = texts.filter((s) => /\bit('s| is)\b/i.test(s.text));
    expect(me.length).toBeGreaterThan(200);
    expect(it_.length).toBeGreaterThan(200);
    for (const s of me) expect(s.intents[0]!.zone, s.text).toBe('self');
    for (const s of it_) expect(['front', 'rear'], s.text).toContain(s.intents[0]!.zone);
  });

  it('give talk about another place or time that uses cabin words no intent ("it was freezing at the beach yesterday")', () => {
    const cabinWords = { en: /\b(cold|freezing|hot|boiling|heater|air conditioning|fan|lights|lamp|seats?|blue|red)\b/i, zh: /(冷|热|闷|暗|亮|暖气|空调|灯|座椅|蓝色|红色)/ };
    const elsewhere = { en: /\b(at the beach|in the office|at the gym|at school|at the cinema|at home|yesterday|last (night|week|winter))\b/i, zh: /(海边|办公室|健身房|学校|电影院|家里|昨天|上周|去年冬天)/ };
    for (const lang of ['en', 'zh'] as const) {
      const id = `${lang}.none.chat`;
      const talk = fromTemplate(id, 3000).filter((s) => cabinWords[lang].test(s.text) && elsewhere[lang].test(s.text));
      expect(talk.length, id).toBeGreaterThan(15);
      for (const s of talk) expect(s.intents, s.text).toEqual([]);
    }
  });

  it('join English lists with a bare comma ("heat my seat, fan to 4 and the lights red"), never before the last request', () => {
    const rng = sfc32(5);
    const ctx = new Context('en', 'train', 'driver', rng, new PhraseHoldout());
    const parts = ['heat my seat', 'fan to 4', 'make the lights red'];
    const joined = Array.from({ length: 400 }, () => joinParts('en', parts, enConnectors, ctx));
    const commaFirst = joined.filter((t) => t.startsWith('heat my seat, fan to 4')).length;
    expect(commaFirst / joined.length).toBeGreaterThan(0.25);
    expect(joined.filter((t) => t.includes('fan to 4, make')).length).toBe(0);
  });

  it('give each item of a list under one verb its own state ("turn off the AC, the fan and the dome light", "fan to 2, AC on")', () => {
    const rows = fromTemplate('en.combo.switch_list', 3000);
    for (const r of rows) {
      expect(r.intents.length, r.text).toBeGreaterThanOrEqual(2);
      expect(r.intents.length, r.text).toBeLessThanOrEqual(3);
      expect(new Set(r.intents.map((i) => `${i.intent}@${i.zone}`)).size, r.text).toBe(r.intents.length);
    }
    const allOff = rows.filter((r) => /^(turn|switch) off /i.test(r.text));
    expect(allOff.length).toBeGreaterThan(50);
    for (const r of allOff) for (const i of r.intents) expect(i, r.text).toMatchObject({ value: 'off' });
    // Where every item ends in its own state word ("my reading light on, the dome light off and the fan up"), the labels follow them in order.
    const want = { on: { value: 'on' }, off: { value: 'off' }, up: { delta: 1 }, down: { delta: -1 } } as const;
    const listed = rows
      .map((r) => ({ ...r, states: [...r.text.matchAll(/\b(on|off|up|down)(?=,| and\b|[.!?]?$)/gi)].map((m) => m[1]!.toLowerCase() as keyof typeof want) }))
      .filter((r) => r.states.length === r.intents.length);
    expect(listed.filter((r) => new Set(r.states).size > 1).length).toBeGreaterThan(100);
    for (const r of listed) r.states.forEach((st, k) => expect(r.intents[k], r.text).toMatchObject(want[st]));
    const speeds = rows.filter((r) => /\b(fan|blower|fan speed) (to |on |at )?\d\b/i.test(r.text));
    expect(speeds.length).toBeGreaterThan(20);
    for (const r of speeds) {
      const n = Number(/\b(?:fan|blower|fan speed) (?:to |on |at )?(\d)\b/i.exec(r.text)![1]);
      expect(r.intents.find((i) => i.intent === 'hvac.fan'), r.text).toMatchObject({ value: n });
    }
  });

  it('read a Mandarin report of someone cold followed by a step as that step for them (后排说冷，给他们调高两度)', () => {
    const digits: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, '1': 1, '2': 2, '3': 3 };
    const stepped = fromTemplate('zh.wish.temp_others', 4000)
      .map((r) => ({ ...r, m: /(高|低|暖|凉)([一两二三123])度/.exec(r.text) }))
      .filter((r) => r.m);
    expect(stepped.length).toBeGreaterThan(200);
    for (const r of stepped) {
      const n = digits[r.m![2]!]! * (/高|暖/.test(r.m![1]!) ? 1 : -1);
      expect(r.intents[0], r.text).toMatchObject({ intent: 'hvac.temp', delta: n });
      if (/他们/.test(r.text)) expect(['front', 'rear', 'all'], r.text).toContain(r.intents[0]!.zone);
    }
  });

  it('chain three requests in train more often than in the held-out split', () => {
    // Its own corpus with a held-out split as big as train: 1,500 held-out rows hold ~60 three-part chains, too few to compare.
    const even = buildCorpus(LANGUAGES, { seed: 7, train: 6_000, heldout: 6_000 });
    // Chains of three requests, not rows with three intents: one request can list three things ("turn off the AC, the fan and the dome light").
    // The configured shares give train 0.25 × 0.35 ≈ 8.8 % and held-out 0.2 × 0.2 = 4 %, but a held-out row must hold
    // something train never had, and a chain of three passes that filter more often than one request: held-out ends
    // near 5.4 %, train near 8 %. The limit sits between that and no lean at all (1.0), clear of draw-to-draw noise.
    const three = (xs: readonly Sample[]) => xs.filter((s) => even.meta.get(s)!.templates.length === 3).length / xs.length;
    expect(three(even.train)).toBeGreaterThan(1.3 * three(even.heldout));
  });

  it('read a Mandarin "is it running" as a question about the state (空调在运行吗), never as a command', () => {
    const rows = fromTemplate('zh.query.value', 4000);
    const running = rows.filter((s) => /(在运行|在运转|运行着|在用)/.test(s.text));
    expect(running.length).toBeGreaterThan(30);
    for (const s of running) expect(s.intents.map((i) => i.intent), s.text).toEqual(['query']);
    // The wider states (在运作, 起作用了, 生效了, 是开启状态) and the 么 ending are questions too.
    const wider = rows.filter((s) => /(在运作|运作着|起作用|生效了|状态吗|状态么|关上了|[开关]着么|了么)/.test(s.text));
    expect(wider.length).toBeGreaterThan(40);
    for (const s of wider) expect(s.intents.map((i) => i.intent), s.text).toEqual(['query']);
  });

  it('read a house light turned up or down ("turn the lamp in the den up a bit") as a brightness step, never a switch', () => {
    const rows = fromTemplate('en.house.light.step', 1500);
    for (const r of rows) expect(r.intents.map((i) => i.intent), r.text).toEqual(['light.ambient_brightness']);
    const named = rows.filter((r) => /\b(lamp|lamps|lightbulb|bulbs?|light strip|lights?)\b/.test(r.text) && /\b(up|down|brighter|dimmer|dim|brighten)\b/.test(r.text));
    expect(named.length).toBeGreaterThan(350);
    const up = named.filter((r) => /\b(turn|bring|bump) up\b|\bup a (bit|little)\b|\bbrighter\b/.test(r.text) && !/%|percent|\d|\b(ten|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b/.test(r.text));
    expect(up.length).toBeGreaterThan(50);
    for (const r of up) expect(r.intents[0], r.text).toMatchObject({ delta: 20 });
  });

  it('read "lights on / off for <someone>" as that seat\'s reading light, never the cabin\'s ambient light', () => {
    const rows = fromTemplate('en.light.reading.person', 2000);
    const plural = rows.filter((r) => /\blights (on|off) for\b/.test(r.text));
    expect(plural.length).toBeGreaterThan(20);
    for (const r of rows) {
      expect(r.intents, r.text).toHaveLength(1);
      expect(r.intents[0]!.intent, r.text).toBe('light.reading');
      // "for me" is the speaker's own seat; "the passenger", "the kids in the back" are theirs.
      // (Only bare rows: a polite "… for me" can follow another person's light.)
      if (/^(\w+ )*(lights?|lamp) (on|off) for me$/.test(r.text)) expect(r.intents[0]!.zone, r.text).toBe('self');
    }
    expect(rows.filter((r) => /^(\w+ )*(lights?|lamp) (on|off) for me$/.test(r.text)).length).toBeGreaterThan(5);
    expect(new Set(rows.map((r) => r.intents[0]!.zone)).size).toBeGreaterThanOrEqual(6);
  });

  it('give each item of a contrasting list its own state ("AC on, recirculation off"), never one state for all', () => {
    const rows = fromTemplate('en.combo.on_off_contrast', 1500);
    for (const r of rows) {
      expect(r.intents.length, r.text).toBeGreaterThanOrEqual(2);
      const states = r.intents.map((i) => (i as { value?: unknown }).value);
      // Two items said "on" and "off" in that order are labelled in that order.
      if (typeof states[0] === 'string' && typeof states[1] === 'string') expect(states[0], r.text).not.toBe(states[1]);
    }
    const terse = rows.filter((r) => r.intents.length === 3 && !/\band\b/.test(r.text));
    expect(terse.length).toBeGreaterThan(50);
  });

  it('switch the light named after "with" / "using", not the ambient light as well ("light the car up using the roof light")', () => {
    const rows = fromTemplate('en.light.dome.with', 600);
    for (const r of rows) expect(r.intents, r.text).toHaveLength(1);
    const dome = rows.filter((r) => /(dome|ceiling|roof|overhead|top|main) (light|lamp)/.test(r.text));
    expect(dome.length).toBeGreaterThan(100);
    for (const r of dome) expect(r.intents[0]!.intent, r.text).toBe('light.dome');
    expect(rows.some((r) => r.intents[0]!.intent === 'light.ambient')).toBe(true);
  });

  it('read a Mandarin recline verb said of a person, with no backrest named, as recline (帮副驾往后躺一点)', () => {
    const lying = fromTemplate('zh.seat.recline.give', 3000).filter((s) => /往后躺/.test(s.text));
    expect(lying.length).toBeGreaterThan(0);
    for (const s of lying) expect(s.intents[0], s.text).toMatchObject({ intent: 'seat.recline', delta: 10 });
  });
});

describe('hold-out', () => {
  it('holds out exactly the listed templates, and refuses one that is missing or would leave a convention untrained', () => {
    expect(corpus.heldoutTemplates).toEqual(Object.fromEntries(Object.entries(HELD_OUT_TEMPLATES).map(([l, ids]) => [l, [...ids].sort()])));
    const build = (en: string[]) => () => buildCorpus(LANGUAGES, { seed: 1, train: 10, heldout: 10, heldOutTemplates: { en, zh: [] } });
    expect(build(['en.no.such.template'])).toThrow(/does not exist/);
    expect(build(['en.none.chat'])).toThrow(/cannot be held out: it is the one carrier/);
    const allSync = ['en.hvac.sync.want', 'en.hvac.sync.onoff', 'en.hvac.sync.phrase', 'en.combo.two_switches', 'en.combo.off_then_verb_on',
      'en.combo.on_off_contrast'];
    expect(build(allSync)).toThrow(/fewer than two training templates would yield hvac\.sync/);
    expect(build(['en.hvac.sync.want'])).not.toThrow();
  });

  it('never trains on a held-out template', () => {
    const held = new Set(Object.values(corpus.heldoutTemplates).flat());
    expect(held.size).toBeGreaterThan(10);
    const leaked = corpus.train.filter((s) => corpus.meta.get(s)!.templates.some((t) => held.has(t)));
    expect(leaked.map((s) => s.template)).toEqual([]);
    expect(corpus.heldout.some((s) => corpus.meta.get(s)!.templates.some((t) => held.has(t)))).toBe(true);
  });

  it('never trains on a held-out phrase, and every held-out sample has something new', () => {
    const leaked = corpus.train.filter((s) => corpus.meta.get(s)!.phrases.some((p) => corpus.holdout.held.has(p)));
    expect(leaked.map((s) => s.text)).toEqual([]);
    const held = new Set(Object.values(corpus.heldoutTemplates).flat());
    for (const s of corpus.heldout) {
      const m = corpus.meta.get(s)!;
      expect(m.heldUsed.length > 0 || m.templates.some((t) => held.has(t)), s.text).toBe(true);
    }
  });

  it('keeps distinctive held-out phrases out of train texts', async () => {
    // Only phrases that no trained phrase contains or largely overlaps ("the rear passengers" is part of the
    // trained " for the rear passengers"), and long enough not to occur by chance.
    const long = (p: string) => (/[\u4e00-\u9fff]/.test(p) ? p.length >= 5 : p.trim().split(' ').length >= 3);
    const leaks = (c: Corpus) => {
      const trained = [...c.holdout.entries()].filter((e) => !c.holdout.held.has(e)).map((e) => e.toLowerCase().trim());
      const used = new Set(c.heldout.flatMap((s) => c.meta.get(s)!.heldUsed));
      const probe = [...used]
        .filter((p) => !p.includes('{') && long(p))
        .map((p) => p.toLowerCase().trim())
        .filter((p) => !trained.some((t) => t.includes(p) || (p.includes(t) && t.length >= p.length * 0.4)));
      const texts = c.train.map((s) => s.text.toLowerCase());
      return { probe, found: probe.filter((p) => texts.some((t) => t.includes(p))) };
    };
    // Pooled over six seeds: one corpus yields only ~60 such phrases, so one or two found by chance moved the share
    // by three points (seed 7 alone read 8.2 % on a draft whose three-seed share was 4.8 %), and three seeds were
    // not enough either (corpus v18 draft: seeds 7–9 8.0 %, seeds 10–12 2.7 %, from the same kinds of composition).
    const runs = [leaks(corpus)];
    for (const seed of [8, 9, 10, 11, 12]) {
      await letVitestBreathe();
      runs.push(leaks(buildCorpus(LANGUAGES, { seed, train: 12_000, heldout: 1_500 })));
    }
    for (const r of runs) expect(r.probe.length).toBeGreaterThan(20);
    const found = runs.flatMap((r) => r.found);
    const probed = runs.reduce((n, r) => n + r.probe.length, 0);
    // A few still arise by composition ("just the {x} vents" with x = upper gives the held-out "the upper vents").
    expect(found.length / probed, found.join(' | ')).toBeLessThan(0.08);
  }, 90_000); // draws and scans a whole corpus: slow on a busy 2-core machine

  it('holds out phrasings but never names: every seat or colour name of a bank reaches train', () => {
    const holdout = new PhraseHoldout();
    const ctx = new Context('en', 'train', 'driver', sfc32(1), holdout);
    const bank = Array.from({ length: 20 }, (_, i) => `entry ${i}`);
    const phrased = new Set(Array.from({ length: 2000 }, () => ctx.phrase(bank)));
    const named = new Set(Array.from({ length: 2000 }, () => ctx.name(bank)));
    expect(holdout.heldOf(bank).size).toBe(3);
    // A bank's first entry is its everyday form ("I'm cold"): never held out, whatever its hash.
    for (let i = 0; i < 200; i++) expect(holdout.heldOf([`first ${i}`, 'b', 'c', 'd', 'e', 'f', 'g']).has(`first ${i}`)).toBe(false);
    expect(phrased.size).toBe(17);
    expect(named.size).toBe(20);
    // 前排乘客 and "the front right seat" were held out of train as phrasings before seats became names.
    expect(corpus.train.some((s) => s.text.includes('前排乘客'))).toBe(true);
    expect(corpus.train.some((s) => /the front right seat/i.test(s.text))).toBe(true);
  });

  it('holds out a share of composed frames: train re-composes, held-out rows mark them as new', () => {
    const holdout = new PhraseHoldout();
    const make = (ctx: Context) => () => `frame ${ctx.int(0, 199)} {x}`;
    const train = new Context('en', 'train', 'driver', sfc32(5), holdout);
    const trained = new Set(Array.from({ length: 3000 }, () => train.composed(make(train))));
    expect([...trained].filter((t) => holdout.composedHeld(t))).toEqual([]);
    const share = Array.from({ length: 200 }, (_, i) => `frame ${i} {x}`).filter((t) => holdout.composedHeld(t)).length / 200;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.3);
    const held = new Context('en', 'heldout', 'driver', sfc32(5), holdout);
    for (let i = 0; i < 300; i++) held.composed(make(held));
    expect(held.heldUsed.length).toBeGreaterThan(0);
    expect(held.heldUsed.every((t) => holdout.composedHeld(t))).toBe(true);
  });

  it('has no (text, speaker) pair twice, and no held-out text in train', () => {
    const norm = (t: string) => t.toLowerCase().replace(/[\p{P}\p{S}]/gu, ' ').replace(/\s+/g, ' ').trim();
    const keys = [...corpus.train, ...corpus.heldout].map((s) => `${norm(s.text)}|${s.speaker}`);
    expect(new Set(keys).size).toBe(keys.length);
    const heldTexts = new Set(corpus.heldout.map((s) => norm(s.text)));
    expect(corpus.train.filter((s) => heldTexts.has(norm(s.text)))).toEqual([]);
  });
});
