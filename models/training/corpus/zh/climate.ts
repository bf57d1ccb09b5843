// Climate in Mandarin: temperature, fan, airflow, and the cabin-wide switches (制冷, 内循环, 除雾, 自动, 同步, 空调).
import type { CorpusIntent, Template } from '../template.js';
import { dian, end, out, polite, politeTopic, vary, zh, type Ctx } from './common.js';
import { celsius, count, fahrenheit, level } from './numbers.js';
import { rowRef, seatRef, trailingZone, type ZoneRef } from './zones.js';

// --- temperature (seat or group) ---

const TEMP = ['温度', '空调温度'];
const TEMP_MORE = ['空调', '车内温度', '空调的温度', '温度设置', '设定温度', '车里温度', '室温', '温控'];
const tempNoun = (ctx: Ctx) => vary(ctx, TEMP, TEMP_MORE, 0.6);

type Temp = { text: string; value: number; fahrenheit?: boolean };

/** A temperature as said: mostly °C (halves included), sometimes °F. */
export function tempValue(ctx: Ctx): Temp {
  if (ctx.chance(0.1)) {
    const f = ctx.int(61, 86);
    return { text: fahrenheit(ctx, f), value: f, fahrenheit: true };
  }
  const whole = ctx.int(16, 30);
  const t = whole < 30 && ctx.chance(0.2) ? whole + 0.5 : whole;
  return { text: celsius(ctx, t), value: t };
}

const SET = ['调到', '设置为', '设为', '调成', '设成', '定在', '改成', '调整到', '开到', '设到', '设定为', '弄到', '打到', '保持在'];
const setVerb = (ctx: Ctx) => vary(ctx, ['调到', '设置为', '调成'], SET, 0.4);

function tempIntent(z: ZoneRef, t: { value?: number; delta?: number; fahrenheit?: boolean }): CorpusIntent {
  const it: CorpusIntent = { intent: 'hvac.temp', zone: z.zone };
  if (t.value !== undefined) it.value = t.value;
  if (t.fahrenheit) it.fahrenheit = true;
  if (t.delta !== undefined) it.delta = t.delta;
  return it;
}

/** A relative temperature change said after the noun: 调高一点 (+1), 降两度 (−2), 调高很多 (+3). */
export function tempDelta(ctx: Ctx): { text: string; delta: number } {
  const up = ctx.chance(0.5);
  const r = ctx.random();
  if (r < 0.45) {
    const bank = up
      ? ['调高一点', '高一点', '升高一点', '调高点', '往上调一点', '调暖一点', '暖和一点', '调热一点', '提高一点', '加一点', '稍微高一点', '升一点']
      : ['调低一点', '低一点', '降低一点', '调低点', '往下调一点', '调凉一点', '凉快一点', '调冷一点', '降一点', '减一点', '稍微低一点', '凉一点'];
    return { text: ctx.phrase(bank).replace('一点', ctx.chance(0.7) ? '一点' : dian(ctx)), delta: up ? 1 : -1 };
  }
  if (r < 0.75) {
    const n = ctx.chance(0.4) ? 1 : ctx.int(2, 5);
    const bank = up ? ['调高{n}度', '升{n}度', '加{n}度', '升高{n}度', '提高{n}度', '高{n}度', '往上调{n}度'] : ['调低{n}度', '降{n}度', '减{n}度', '降低{n}度', '低{n}度', '往下调{n}度', '下调{n}度'];
    return { text: ctx.phrase(bank).replace('{n}', count(ctx, n)), delta: up ? n : -n };
  }
  const bank = up
    ? ['调高很多', '高很多', '调高好多', '升高很多', '大幅调高', '调高不少', '调得高很多', '多调高一些', '暖和很多']
    : ['调低很多', '低很多', '调低好多', '降低很多', '大幅调低', '调低不少', '调得低很多', '多调低一些', '凉快很多'];
  return { text: ctx.phrase(bank), delta: up ? 3 : -3 };
}

const tempTemplates: Template[] = [
  // 把温度调到二十二度 / 把副驾温度设置为21度
  zh('hvac.temp.ba', (ctx) => {
    const z = seatRef(ctx, true);
    const t = tempValue(ctx);
    return out(polite(ctx, `把${z.poss}${tempNoun(ctx)}${setVerb(ctx)}${t.text}`), tempIntent(z, t));
  }, 2),
  // 温度调到24度 / 副驾空调二十度半
  zh('hvac.temp.topic', (ctx) => {
    const z = seatRef(ctx, true);
    const t = tempValue(ctx);
    const v = ctx.chance(0.75) ? setVerb(ctx) : '';
    return out(politeTopic(ctx, `${z.poss}${tempNoun(ctx)}${v}${t.text}`, 0.25), tempIntent(z, t));
  }, 2),
  // 给副驾调到二十六度 / 帮后排把温度设成22度
  zh('hvac.temp.give', (ctx) => {
    const z = seatRef(ctx, true, 0.25);
    const t = tempValue(ctx);
    const s = ctx.chance(0.5) ? `${ctx.pick(['给', '帮'])}${z.target}${setVerb(ctx)}${t.text}` : `${ctx.pick(['给', '帮'])}${z.target}把${tempNoun(ctx)}${setVerb(ctx)}${t.text}`;
    return out(polite(ctx, s, 0.25), tempIntent(z, t));
  }),
  // 二十二度 / 副驾24度 / 调到二十三度吧 / 我这边要二十度
  zh('hvac.temp.terse', (ctx) => {
    const z = seatRef(ctx, true, 0.55);
    const t = tempValue(ctx);
    // 舒服/合适 frames: a comfortable temperature is still only a temperature (they once pulled in a massage).
    const frame = ctx.phrase(['{p}{t}', '{p}调到{t}', '{p}要{t}', '{p}{t}就好', '{p}来个{t}', '{p}设{t}', '{p}{t}吧', '{p}给我{t}',
      '{p}{t}最舒服', '{p}{t}比较合适，调过去吧', '{p}调到{t}就舒服了', '{p}{t}刚刚好']);
    return out(frame.replace('{p}', z.poss).replace('{t}', t.text) + end(ctx), tempIntent(z, t));
  }),
  // 我想要二十四度 / 能不能把空调开到二十五度
  zh('hvac.temp.want', (ctx) => {
    const z = seatRef(ctx, true, 0.6);
    const t = tempValue(ctx);
    const frame = ctx.phrase(['我想要{t}', '我想把{p}温度调到{t}', '{p}温度能不能调到{t}', '我觉得{t}比较舒服，调一下', '{p}温度要{t}', '希望{p}温度是{t}', '让{p}温度保持{t}', '{p}温度我要{t}']);
    // A frame that names no seat (我想要二十四度) is the speaker's own zone, whatever seat was drawn.
    const zone = frame.includes('{p}') ? z : { ...z, zone: 'self' as const };
    return out(frame.replace('{p}', z.poss).replace('{t}', t.text) + end(ctx), tempIntent(zone, t));
  }),
  // 温度调高一点 / 把副驾温度降两度 / 温度调高很多
  zh('hvac.temp.delta', (ctx) => {
    const z = seatRef(ctx, true);
    const d = tempDelta(ctx);
    const ba = ctx.chance(0.4);
    const s = `${ba ? '把' : ''}${z.poss}${tempNoun(ctx)}${d.text}`;
    return out(ba ? polite(ctx, s, 0.3) : politeTopic(ctx, s), tempIntent(z, d));
  }, 2),
  // 给副驾调高两度 / 帮后排升一度
  zh('hvac.temp.delta_give', (ctx) => {
    const z = seatRef(ctx, true, 0.2);
    const d = tempDelta(ctx);
    return out(polite(ctx, `${ctx.pick(['给', '帮'])}${z.target}${d.text.startsWith('调') || d.text.startsWith('升') || d.text.startsWith('降') ? '' : '温度'}${d.text}`, 0.2), tempIntent(z, d));
  }, 0.8),
  // 升高温度 / 降低一下温度 / 调高副驾温度
  zh('hvac.temp.verb_first', (ctx) => {
    const z = seatRef(ctx, true);
    const up = ctx.chance(0.5);
    const v = up ? ctx.phrase(['升高', '调高', '提高', '升一下', '调高一下', '提高一下', '调高点']) : ctx.phrase(['降低', '调低', '降一下', '调低一下', '降低一下', '调低点', '压低']);
    const n = tempNoun(ctx);
    return out(polite(ctx, `${v}${z.poss}${n === '空调' ? '空调温度' : n}`), tempIntent(z, { delta: up ? 1 : -1 }));
  }),
  // 温度调到22度，给后排的 / 温度调高两度，副驾的: the seat said after the request, as in the seat templates.
  zh('hvac.temp.trailing', (ctx) => {
    const z = seatRef(ctx, true, 0.1);
    const t = ctx.chance(0.5) ? tempValue(ctx) : tempDelta(ctx);
    const head = 'value' in t ? `${tempNoun(ctx)}${setVerb(ctx)}${t.text}` : `${tempNoun(ctx)}${t.text}`;
    return out(`${head}${ctx.pick(['，', ' ', '，', ''])}${trailingZone(ctx, z)}${end(ctx)}`, tempIntent(z, t));
  }, 0.6),
  // Generic: 把温度设置为二十一度 / 温度设定在22
  zh('hvac.temp.generic', (ctx) => {
    const t = tempValue(ctx);
    const frame = ctx.phrase(['把温度设置为{t}', '温度设定在{t}', '将温度调整为{t}', '设置温度{t}', '温度改为{t}', '把恒温器调到{t}', '空调温度设为{t}', '设置空调温度为{t}']);
    return out(polite(ctx, frame.replace('{t}', t.text), 0.3), tempIntent({ zone: 'self', poss: '', target: '', tail: '' }, t));
  }),
];

// --- fan (row) ---

const FAN = ['风量', '风速'];
const FAN_MORE = ['风力', '空调风量', '鼓风机', '出风量', '空调风速', '风的大小', '空调的风', '风扇', '送风', '风量大小'];
const fanNoun = (ctx: Ctx) => (ctx.chance(0.03) ? 'fan' : vary(ctx, FAN, FAN_MORE, 0.55));

function fanPred(ctx: Ctx): { text: string; value?: number | string; delta?: number } {
  const r = ctx.random();
  if (r < 0.32) {
    const n = ctx.beyondRange(7, 20) ?? ctx.int(0, 7);
    return { text: `${ctx.phrase(['调到', '开到', '调成', '设为', '开', '切到', '换成', '设置到'])}${level(ctx, n)}`, value: n };
  }
  if (r < 0.42) return { text: ctx.phrase(['开到最大', '调到最大', '开到最高档', '调到最高', '最大档', '开满', '拉满', '开最大']), value: 'max' };
  if (r < 0.5) return { text: ctx.phrase(['关掉', '关了', '关闭', '停掉', '关上', '停了']), value: 'off' };
  if (r < 0.56) return { text: ctx.phrase(['打开', '开一下', '开启', '开起来', '打开吧', '开开']), value: 'on' };
  const up = ctx.chance(0.5);
  if (ctx.chance(0.2)) {
    const n = ctx.int(1, 3);
    const v = up ? ctx.phrase(['加{n}档', '调高{n}档', '升{n}档', '调大{n}档', '往上加{n}档']) : ctx.phrase(['减{n}档', '调低{n}档', '降{n}档', '调小{n}档', '往下减{n}档']);
    return { text: v.replace('{n}', count(ctx, n)), delta: up ? n : -n };
  }
  const bank = up
    ? ['大一点', '调大一点', '调大', '加大', '大点', '调高一点', '加一档', '强一点', '加大一点', '再大些', '开大一点', '调高一档']
    : ['小一点', '调小一点', '调小', '减小', '小点', '调低一点', '减一档', '弱一点', '降一档', '小一些', '开小一点', '调低一档'];
  return { text: ctx.phrase(bank), delta: up ? 1 : -1 };
}

const fanIntent = (z: ZoneRef, p: { value?: number | string; delta?: number }): CorpusIntent => ({
  intent: 'hvac.fan',
  zone: z.zone,
  ...(p.value !== undefined ? { value: p.value } : { delta: p.delta! }),
});

const fanTemplates: Template[] = [
  zh('hvac.fan.ba', (ctx) => {
    const z = rowRef(ctx);
    const p = fanPred(ctx);
    return out(polite(ctx, `把${z.poss}${fanNoun(ctx)}${p.text}`), fanIntent(z, p));
  }, 1.5),
  zh('hvac.fan.topic', (ctx) => {
    const z = rowRef(ctx);
    const p = fanPred(ctx);
    return out(politeTopic(ctx, `${z.poss}${fanNoun(ctx)}${p.text}`, 0.25), fanIntent(z, p));
  }, 1.5),
  // 风大一点 / 后排风小点 / 风开大点 (the bare word 风)
  zh('hvac.fan.wind', (ctx) => {
    const z = rowRef(ctx);
    const up = ctx.chance(0.5);
    const t = up
      ? ctx.phrase(['风大一点', '风开大点', '风再大一些', '大点风', '风调大一点', '风吹大一点', '吹大点', '风给大一点', '风太小了'])
      : ctx.phrase(['风小一点', '风开小点', '风再小一些', '小点风', '风调小一点', '风吹小一点', '吹小点', '风给小一点', '风太大了']);
    const lead = z.poss === '' ? ctx.pick(['', '', '空调', '空调的']) : z.poss;
    return out(politeTopic(ctx, `${lead}${t}`, 0.25), fanIntent(z, { delta: up ? 1 : -1 }));
  }),
  // 调大风量 / 加大风速 / 降低后排风量
  zh('hvac.fan.verb_first', (ctx) => {
    const z = rowRef(ctx);
    const up = ctx.chance(0.5);
    const v = up ? ctx.phrase(['调大', '加大', '增大', '提高', '调高', '开大']) : ctx.phrase(['调小', '减小', '降低', '调低', '减弱', '关小']);
    return out(polite(ctx, `${v}${z.poss}${fanNoun(ctx)}`), fanIntent(z, { delta: up ? 1 : -1 }));
  }),
  // 风量三档 / 后排风速5档
  zh('hvac.fan.terse', (ctx) => {
    const z = rowRef(ctx);
    const n = ctx.beyondRange(7, 20) ?? ctx.int(1, 7);
    const sep = ctx.pick(['', ' ', '，']);
    return out(`${z.poss}${vary(ctx, FAN, ['风力', '风', '空调风量', '鼓风机', '风速档位', '风档'])}${sep}${level(ctx, n)}${end(ctx)}`, fanIntent(z, { value: n }));
  }, 0.8),
  // 风量调到三档，后排的 / 风速大一点，给前排
  zh('hvac.fan.trailing', (ctx) => {
    const z = rowRef(ctx, 0.1);
    const p = fanPred(ctx);
    return out(`${fanNoun(ctx)}${p.text}${ctx.pick(['，', ' ', '，', ''])}${trailingZone(ctx, z)}${end(ctx)}`, fanIntent(z, p));
  }, 0.5),
  // Generic: 打开风扇 / 把风扇关了 / 风扇调到三档 / 把fan调大
  zh('hvac.fan.generic', (ctx) => {
    const r = ctx.random();
    const name = ctx.chance(0.15) ? 'fan' : ctx.pick(['风扇', '风扇', '鼓风机', '吹风']);
    if (r < 0.35) return out(polite(ctx, ctx.phrase(['打开{f}', '开{f}', '把{f}打开', '{f}打开', '开一下{f}', '启动{f}']).replace('{f}', name), 0.3), fanIntent({ zone: 'self', poss: '', target: '', tail: '' }, { value: 'on' }));
    if (r < 0.6) return out(polite(ctx, ctx.phrase(['关掉{f}', '关{f}', '把{f}关了', '{f}关掉', '关一下{f}', '停掉{f}']).replace('{f}', name), 0.3), fanIntent({ zone: 'self', poss: '', target: '', tail: '' }, { value: 'off' }));
    const p = fanPred(ctx);
    return out(polite(ctx, `${ctx.pick(['把', ''])}${name}${p.text}`, 0.3), fanIntent({ zone: 'self', poss: '', target: '', tail: '' }, p));
  }),
];

// --- airflow (row) ---

const AIRFLOW: [string, string[]][] = [
  ['face', ['吹脸', '吹面', '吹上身', '吹头', '面部出风', '往脸上吹', '吹上面', '朝脸吹', '吹胸口']],
  ['feet', ['吹脚', '吹脚部', '脚部出风', '往脚下吹', '吹下面', '吹腿', '朝脚吹', '吹脚底下']],
  ['face_feet', ['吹脸吹脚', '吹面吹脚', '脸和脚都吹', '上下一起吹', '吹脸和脚', '面部和脚部一起出风', '上面下面都吹', '吹头和脚', '吹面和吹脚']],
  ['windshield_feet', ['除雾吹脚', '吹挡风玻璃和脚', '吹脚和前挡', '除霜加吹脚', '吹玻璃和脚', '前挡和脚部出风', '吹脚加除雾', '除雾和吹脚']],
];

function airflow(ctx: Ctx): { text: string; value: string } {
  const [value, words] = ctx.pick(AIRFLOW);
  return { text: vary(ctx, words.slice(0, 2), words, 0.45), value };
}
const MODE = ['出风模式', '出风方向', '吹风模式', '风向', '空调出风', '送风模式', '出风口模式', '吹风方向'];

const airflowTemplates: Template[] = [
  // 把出风模式改成吹脚
  zh('hvac.airflow.ba', (ctx) => {
    const z = rowRef(ctx);
    const a = airflow(ctx);
    const v = ctx.phrase(['改成', '调成', '切换到', '设为', '换成', '调到', '切成']);
    return out(polite(ctx, `把${z.poss}${ctx.phrase(MODE)}${v}${a.text}${ctx.pick(['', '', '模式'])}`), { intent: 'hvac.airflow', zone: z.zone, value: a.value });
  }, 1.2),
  // 后排空调吹脚 / 风吹脸
  zh('hvac.airflow.topic', (ctx) => {
    const z = rowRef(ctx);
    const a = airflow(ctx);
    const subj = ctx.phrase(['空调', '风', '空调风', '出风', '冷风', '暖风']);
    return out(politeTopic(ctx, `${z.poss}${subj}${ctx.pick(['', '', '改成', '换成'])}${a.text}`, 0.3), { intent: 'hvac.airflow', zone: z.zone, value: a.value });
  }, 1.2),
  // 我想吹脚 / 切换到吹面模式 / 换成吹脸吹脚
  zh('hvac.airflow.want', (ctx) => {
    const z = rowRef(ctx, 0.7);
    const a = airflow(ctx);
    const frame = ctx.phrase(['我想{a}', '切换到{a}模式', '换成{a}', '改{a}', '{p}切到{a}', '调成{a}模式', '{p}用{a}', '出风{a}']);
    return out(polite(ctx, frame.replace('{a}', a.text).replace('{p}', z.poss), 0.3), { intent: 'hvac.airflow', zone: frame.includes('{p}') ? z.zone : 'self', value: a.value });
  }),
  // 吹脚 / 后排吹脸
  zh('hvac.airflow.terse', (ctx) => {
    const z = rowRef(ctx);
    const a = airflow(ctx);
    return out(`${z.poss}${a.text}${ctx.pick(['', '', '模式', '吧'])}${end(ctx)}`, { intent: 'hvac.airflow', zone: z.zone, value: a.value });
  }, 0.7),
];

// --- cabin-wide switches ---

interface Switch {
  intent: string;
  key: string;
  core: string[];
  nouns: string[];
  on: string[];
  off: string[];
}

const SWITCHES: Switch[] = [
  {
    intent: 'hvac.ac', key: 'ac', core: ['制冷', 'AC'],
    nouns: ['压缩机', 'A/C', '冷气', '空调制冷', '制冷模式', 'AC制冷', '空调的制冷', 'ac', '制冷功能', 'A C'],
    on: ['开冷气', '来点冷气', '开一下A/C', '空调制冷打开', '启动压缩机', '开制冷', '打开冷气', '要制冷', 'AC开一下', '开个AC'],
    off: ['不要制冷了', '制冷先关了', '压缩机停了', '只吹风不制冷', '关掉冷气', '把AC关掉', 'AC关了吧', '停止制冷', '别制冷了', '关掉压缩机'],
  },
  {
    intent: 'hvac.defrost_front', key: 'defrost_front', core: ['前挡除雾', '前除雾'],
    nouns: ['前挡风除雾', '前挡除霜', '前风挡除雾', '挡风玻璃除雾', '前窗除雾', '前挡风玻璃除雾', '前玻璃除雾', '前除霜', '前挡风玻璃除霜'],
    on: ['给前挡除一下雾', '前挡风玻璃除除雾', '把前面玻璃的雾吹掉', '前挡吹一下雾', '挡风玻璃除个雾', '前玻璃除一下霜', '帮我除一下前挡的雾', '前面的玻璃除雾'],
    off: ['前挡不用除雾了', '前面玻璃不用吹了', '停止前挡除雾', '前除雾可以关了', '挡风玻璃的除雾关了', '前挡除霜停掉'],
  },
  {
    intent: 'hvac.defrost_rear', key: 'defrost_rear', core: ['后挡除雾', '后窗加热'],
    nouns: ['后除雾', '后窗除雾', '后挡风加热', '后挡除霜', '后玻璃加热', '后挡风玻璃除雾', '后风挡加热', '后窗除霜', '后挡加热'],
    on: ['给后窗除一下雾', '后玻璃的雾除一下', '后挡风玻璃除除雾', '后窗加热一下', '把后窗的雾去掉', '后面玻璃除个雾', '后挡加热一下'],
    off: ['后窗不用加热了', '后挡不用除雾了', '停止后窗加热', '后除雾可以关了', '后玻璃加热停掉', '后窗加热先关了'],
  },
  {
    intent: 'hvac.auto', key: 'auto', core: ['自动空调', '空调自动模式'],
    nouns: ['自动模式', 'AUTO', '空调auto', '自动温控', '全自动空调', 'auto模式', '空调的自动档', '自动恒温', 'AUTO模式'],
    on: ['空调调成自动', '空调切到自动', '让空调自动调节', '空调用自动模式', '空调开自动', '空调改成自动的', '切换到自动空调', '空调交给自动控制'],
    off: ['空调改成手动', '取消自动空调', '退出自动模式', '空调切到手动', '不要自动模式了', '关闭空调自动', '空调手动调'],
  },
  {
    intent: 'hvac.sync', key: 'sync', core: ['同步', '温度同步'],
    nouns: ['空调同步', '双区同步', '同步模式', 'SYNC', '主副驾同步', '温区同步', '同步功能', '全车同步', '温度同步功能'],
    on: ['温度都跟主驾一样', '所有区域温度同步', '主副驾温度同步一下', '让全车温度一致', '温度统一调', '各区温度同步', '全车用一个温度', '开同步'],
    off: ['取消同步', '各调各的', '分区独立调温', '退出同步', '温度分开调', '不要同步了', '主副驾分开控制', '解除同步'],
  },
  {
    intent: 'hvac.power', key: 'power', core: ['空调'],
    nouns: ['空调系统', '整个空调', '空调电源', '空调总开关', '车里空调', '空调开关', '车载空调', '空调的电源', 'climate'],
    on: ['开一下空调', '空调开起来', '启动空调', '把空调打开吧', '开开空调', '空调开着', '空调给我打开', '开个空调'],
    off: ['空调别开了', '把空调整个关掉', '空调全关', '空调关了吧', '不用开空调了', '空调给我关了', '空调先关掉', '关空调'],
  },
];

const SW_ON_BEFORE = ['打开', '开启'];
const SW_ON_BEFORE_MORE = ['开', '开一下', '启动', '打开一下', '启用', '开启一下'];
const SW_OFF_BEFORE = ['关闭', '关掉'];
const SW_OFF_BEFORE_MORE = ['关', '关一下', '停掉', '关上', '停止', '取消'];
const SW_ON_AFTER = ['打开', '开一下'];
const SW_ON_AFTER_MORE = ['开启', '开起来', '开开', '启动', '开上', '启用'];
const SW_OFF_AFTER = ['关掉', '关了'];
const SW_OFF_AFTER_MORE = ['关闭', '关上', '关一下', '停掉', '停了', '先关了'];

function switchTemplates(s: Switch): Template[] {
  const noun = (ctx: Ctx) => vary(ctx, s.core, s.nouns, 0.5);
  const mk = (v: string): CorpusIntent => ({ intent: s.intent, zone: 'cabin', value: v });
  return [
    zh(`hvac.${s.key}.direct`, (ctx) => {
      const on = ctx.chance(0.55);
      const v = on ? vary(ctx, SW_ON_BEFORE, SW_ON_BEFORE_MORE) : vary(ctx, SW_OFF_BEFORE, SW_OFF_BEFORE_MORE);
      return out(polite(ctx, `${v}${noun(ctx)}`), mk(on ? 'on' : 'off'));
    }, 1.2),
    zh(`hvac.${s.key}.ba`, (ctx) => {
      const on = ctx.chance(0.55);
      const v = on ? vary(ctx, SW_ON_AFTER, SW_ON_AFTER_MORE) : vary(ctx, SW_OFF_AFTER, SW_OFF_AFTER_MORE);
      return out(polite(ctx, `把${noun(ctx)}${v}`), mk(on ? 'on' : 'off'));
    }),
    zh(`hvac.${s.key}.topic`, (ctx) => {
      const on = ctx.chance(0.55);
      const n = noun(ctx);
      const mixed = /[\u4e00-\u9fff]/.test(n) ? [' on', '开'] : ['开', '打开了'];
      const v = on ? vary(ctx, SW_ON_AFTER, [...SW_ON_AFTER_MORE, ...mixed]) : vary(ctx, SW_OFF_AFTER, [...SW_OFF_AFTER_MORE, ...mixed.map((m) => (m === ' on' ? ' off' : '关'))]);
      return out(politeTopic(ctx, `${n}${v}`, 0.2), mk(on ? 'on' : 'off'));
    }),
    zh(`hvac.${s.key}.phrase`, (ctx) => {
      const on = ctx.chance(0.55);
      return out(polite(ctx, ctx.phrase(on ? s.on : s.off), 0.25), mk(on ? 'on' : 'off'));
    }),
  ];
}

/** 内循环 is recirculation on; 外循环 is recirculation off (so 关闭外循环 turns it on). */
const recircTemplates: Template[] = [
  zh('hvac.recirc.direct', (ctx) => {
    const inner = ctx.chance(0.6);
    const on = ctx.chance(0.75);
    const word = inner ? vary(ctx, ['内循环'], ['车内循环', '空气内循环', '内循环模式', '内部循环', '空调内循环']) : vary(ctx, ['外循环'], ['车外循环', '空气外循环', '外循环模式', '外部循环', '空调外循环']);
    const v = on ? vary(ctx, ['打开', '开启'], ['开', '开一下', '切换到', '切到', '换成', '用', '改成']) : vary(ctx, ['关闭', '关掉'], ['关', '关一下', '取消', '停掉', '不要']);
    return out(polite(ctx, `${v}${word}`), { intent: 'hvac.recirc', zone: 'cabin', value: inner === on ? 'on' : 'off' });
  }, 1.5),
  zh('hvac.recirc.topic', (ctx) => {
    const inner = ctx.chance(0.6);
    const on = ctx.chance(0.75);
    const word = inner ? vary(ctx, ['内循环'], ['车内循环', '内循环模式', '空调内循环', '内循环功能']) : vary(ctx, ['外循环'], ['车外循环', '外循环模式', '空调外循环', '新风']);
    const v = on ? vary(ctx, ['打开', '开一下'], ['开启', '开起来', '开开', '开上', ' on']) : vary(ctx, ['关掉', '关了'], ['关闭', '关上', '关一下', '停掉', ' off']);
    return out(politeTopic(ctx, `${ctx.pick(['把', '', ''])}${word}${v}`, 0.2), { intent: 'hvac.recirc', zone: 'cabin', value: inner === on ? 'on' : 'off' });
  }),
  zh('hvac.recirc.switch', (ctx) => {
    const inner = ctx.chance(0.55);
    const word = inner ? ctx.pick(['内循环', '内循环', '内']) : ctx.pick(['外循环', '外循环', '外']);
    const frame = ctx.phrase(['空调循环切到{w}', '空气循环改成{w}', '循环模式换成{w}', '切换成{w}循环', '内外循环切到{w}', '循环方式调成{w}', '空调改{w}循环', '换{w}循环']);
    const w = frame.includes('{w}循环') ? word.replace('循环', '') : word.length === 1 ? `${word}循环` : word;
    return out(polite(ctx, frame.replace('{w}', w), 0.3), { intent: 'hvac.recirc', zone: 'cabin', value: inner ? 'on' : 'off' });
  }),
];

export const climateTemplates: Template[] = [
  ...tempTemplates,
  ...fanTemplates,
  ...airflowTemplates,
  ...SWITCHES.flatMap(switchTemplates),
  ...recircTemplates,
];
