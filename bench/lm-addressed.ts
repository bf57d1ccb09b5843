// Requests said after a name ("mike, turn the fan up", "hey jarvis heat my seat"): people address the assistant by a
// name they gave it, or say a request to another occupant, and the request is still the request. The same requests
// are also scored alone, so the figure isolates what the name does. The names are not in the corpus generator's
// vocative list, and none is a wake word of the external benchmarks (SLURP says "olly" and "alexa"). The Mandarin set
// works the same way (小刘，打开空调), with names and a particle (呀) the generator does not write before a request.
import type { Intent } from '../intents/catalog.js';
import type { Sample } from './lm-data.js';

export const ADDRESSED_NAMES_EN = ['mike', 'sarah', 'dad', 'computer', 'jarvis', 'buddy', 'grandma', 'olivia', 'peter'];
const REQUESTS_EN: [string, Intent][] = [
  ['turn the fan up', { intent: 'hvac.fan', zone: 'self', delta: 1 }],
  ['make the lights blue', { intent: 'light.ambient_color', zone: 'cabin', value: 'blue' }],
  ['heat my seat', { intent: 'seat.heat', zone: 'self', value: 'on' }],
  ['set the temperature to 21', { intent: 'hvac.temp', zone: 'self', value: 21 }],
  ['turn on the ac', { intent: 'hvac.ac', zone: 'cabin', value: 'on' }],
  ['switch off the reading light', { intent: 'light.reading', zone: 'self', value: 'off' }],
  ['turn on the dome light', { intent: 'light.dome', zone: 'cabin', value: 'on' }],
  ['turn on recirculation', { intent: 'hvac.recirc', zone: 'cabin', value: 'on' }],
  ['massage my back', { intent: 'seat.massage', zone: 'self', value: 'on' }],
  ['turn off the rear defrost', { intent: 'hvac.defrost_rear', zone: 'cabin', value: 'off' }],
];

export const ADDRESSED_NAMES_ZH = ['小刘', '老陈', '儿子', '闺女', '姥姥', '小杰', '同学', '大哥', '阿姨'];
const REQUESTS_ZH: [string, Intent][] = [
  ['风扇调大一点', { intent: 'hvac.fan', zone: 'self', delta: 1 }],
  ['氛围灯换成蓝色', { intent: 'light.ambient_color', zone: 'cabin', value: 'blue' }],
  ['打开座椅加热', { intent: 'seat.heat', zone: 'self', value: 'on' }],
  ['温度调到21度', { intent: 'hvac.temp', zone: 'self', value: 21 }],
  ['打开空调', { intent: 'hvac.power', zone: 'cabin', value: 'on' }], // 空调 alone is the whole system (DESIGN.md)
  ['关掉阅读灯', { intent: 'light.reading', zone: 'self', value: 'off' }],
  ['打开顶灯', { intent: 'light.dome', zone: 'cabin', value: 'on' }],
  ['打开内循环', { intent: 'hvac.recirc', zone: 'cabin', value: 'on' }],
  ['打开座椅按摩', { intent: 'seat.massage', zone: 'self', value: 'on' }],
  ['关掉后窗除雾', { intent: 'hvac.defrost_rear', zone: 'cabin', value: 'off' }],
];

const sample = (text: string, want: Intent, template: string, lang: 'en' | 'zh'): Sample => ({
  text,
  speaker: 'driver',
  lang,
  expected: [want],
  raw: [want],
  template,
});

const FORMS = {
  en: (n: string, text: string) => [`${n} ${text}`, `${n}, ${text}`, `hey ${n} ${text}`],
  zh: (n: string, text: string) => [`${n}${text}`, `${n}，${text}`, `${n}呀，${text}`],
};

/**
 * Each request alone, and after each name in three ways ("mike turn …", "mike, turn …", "hey mike turn …";
 * 小刘打开空调, 小刘，打开空调, 小刘呀，打开空调), per language.
 */
export function addressedRequests(): { alone: Sample[]; named: Sample[] } {
  const sets = [['en', ADDRESSED_NAMES_EN, REQUESTS_EN], ['zh', ADDRESSED_NAMES_ZH, REQUESTS_ZH]] as const;
  const alone = sets.flatMap(([lang, , requests]) => requests.map(([text, want]) => sample(text, want, 'addressed.alone', lang)));
  const named = sets.flatMap(([lang, names, requests]) =>
    requests.flatMap(([text, want]) =>
      names.flatMap((n) => FORMS[lang](n, text).map((t) => sample(t, want, 'addressed.named', lang))),
    ),
  );
  return { alone, named };
}
