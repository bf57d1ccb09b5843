// Questions about the car's state: 后排温度是多少？ 我的座椅加热开着吗？ 氛围灯现在是什么颜色？
import type { Zone } from '../../../../intents/catalog.js';
import type { Template } from '../template.js';
import { out, vary, zh, type Ctx } from './common.js';
import { rowRef, seatRef } from './zones.js';

type Scope = 'seat-or-group' | 'seat' | 'row' | 'cabin';
type Kind = 'switch' | 'level' | 'temp' | 'percent' | 'color' | 'mode';

interface QFeature {
  feature: string;
  scope: Scope;
  kind: Kind;
  nouns: string[];
}

const Q: QFeature[] = [
  { feature: 'seat.heat', scope: 'seat-or-group', kind: 'level', nouns: ['座椅加热', '加热', '座位加热', '座椅加热功能'] },
  { feature: 'seat.vent', scope: 'seat-or-group', kind: 'level', nouns: ['座椅通风', '通风', '座位通风', '座椅通风功能'] },
  { feature: 'seat.massage', scope: 'seat-or-group', kind: 'level', nouns: ['按摩', '座椅按摩', '按摩功能', '座椅的按摩'] },
  { feature: 'seat.recline', scope: 'seat', kind: 'percent', nouns: ['靠背角度', '椅背角度', '靠背', '座椅靠背的角度'] },
  { feature: 'seat.slide', scope: 'seat', kind: 'percent', nouns: ['座椅位置', '座椅前后位置', '座位的位置', '座椅的前后'] },
  { feature: 'light.reading', scope: 'seat-or-group', kind: 'switch', nouns: ['阅读灯', '读书灯', '阅读灯', '看书灯'] },
  { feature: 'light.ambient', scope: 'cabin', kind: 'switch', nouns: ['氛围灯', '氛围灯', '气氛灯', '车内氛围灯'] },
  { feature: 'light.ambient_color', scope: 'cabin', kind: 'color', nouns: ['氛围灯', '氛围灯', '灯光', '车内氛围灯'] },
  { feature: 'light.ambient_brightness', scope: 'cabin', kind: 'percent', nouns: ['氛围灯亮度', '氛围灯的亮度', '灯光亮度', '亮度'] },
  { feature: 'light.dome', scope: 'cabin', kind: 'switch', nouns: ['顶灯', '车顶灯', '室内灯', '顶灯'] },
  { feature: 'hvac.temp', scope: 'seat-or-group', kind: 'temp', nouns: ['温度', '空调温度', '温度', '设定温度'] },
  { feature: 'hvac.fan', scope: 'row', kind: 'level', nouns: ['风量', '风速', '空调风量', '风力'] },
  { feature: 'hvac.airflow', scope: 'row', kind: 'mode', nouns: ['出风模式', '风向', '出风方向', '吹风模式'] },
  { feature: 'hvac.ac', scope: 'cabin', kind: 'switch', nouns: ['制冷', 'AC', '压缩机', '空调制冷'] },
  { feature: 'hvac.recirc', scope: 'cabin', kind: 'switch', nouns: ['内循环', '内循环', '空气内循环', '内循环模式'] },
  { feature: 'hvac.defrost_front', scope: 'cabin', kind: 'switch', nouns: ['前挡除雾', '前除雾', '前挡除霜', '挡风玻璃除雾'] },
  { feature: 'hvac.defrost_rear', scope: 'cabin', kind: 'switch', nouns: ['后窗加热', '后挡除雾', '后除雾', '后玻璃加热'] },
  { feature: 'hvac.auto', scope: 'cabin', kind: 'switch', nouns: ['自动空调', '空调自动模式', '自动模式', 'AUTO'] },
  { feature: 'hvac.sync', scope: 'cabin', kind: 'switch', nouns: ['同步', '温度同步', '空调同步', '同步模式'] },
  { feature: 'hvac.power', scope: 'cabin', kind: 'switch', nouns: ['空调', '空调', '空调系统', '空调电源'] },
];

const YESNO = ['{n}开着吗', '{n}开了没有', '{n}是开着的吗', '{n}现在是开的还是关的', '{n}关了吗', '{n}打开了吗', '{n}有没有开', '{n}开没开', '{n}在工作吗', '{n}是不是开着的', '{n}关掉了没'];
const HOWMUCH: Record<Kind, string[]> = {
  switch: ['{n}现在什么状态', '{n}是什么状态', '{n}状态怎么样', '{n}现在怎么样了'],
  level: ['{n}现在几档', '{n}开的几档', '{n}是多少档', '{n}调到几档了', '{n}现在什么档位', '{n}开到多少了', '{n}是几挡'],
  temp: ['{n}是多少', '{n}现在多少度', '{n}几度', '{n}设的多少度', '现在{n}是几度', '{n}调到多少了', '{n}是多少度啊', '{n}现在设置的是多少'],
  percent: ['{n}现在是多少', '{n}调到多少了', '{n}是百分之多少', '{n}现在什么位置', '{n}是多少', '{n}现在设的多少'],
  color: ['{n}现在是什么颜色', '{n}是什么颜色的', '{n}什么色', '现在{n}是哪个颜色', '{n}的颜色是什么', '{n}现在啥颜色', '{n}用的什么颜色'],
  mode: ['{n}现在是什么模式', '{n}是吹哪里', '{n}是吹脸还是吹脚', '{n}什么模式', '现在{n}是哪种', '{n}设置的是什么'],
};
const YESNO_VALUE = ['{n}还开着吗', '{n}是开的吗', '{n}开着没', '{n}开着没有', '{n}是关的吗', '{n}关着吗', '{n}有打开吗', '{n}打开没', '{n}是不是关了', '{n}还在开吗'];
/**
 * A yes/no question is a state (开着, 关掉了, 启动了) plus a question ending (吗, 没, 没有): composing the two teaches
 * the rule rather than a list, so that an ending heard with a new state still reads as a question, not a command.
 * The held-out query.yesno frames are left out verbatim, so it still measures phrasings never trained on.
 */
// 在运行/在运转/在用: "is it running" asks the state too (空调在运行吗), not only 开着 and 关了. 在运作 / 起作用了 / 生效了 /
// 是开启状态 / 亮着 widen the states further, so that a state word never trained on, followed by 吗, still asks.
const YESNO_STATES = ['开着', '开了', '打开了', '关了', '关掉了', '关着', '开启了', '启动了', '关闭了', '在开', '还开着', '已经开了', '已经关了', '打开着',
  '在运行', '在运转', '运行着', '在用', '启用了', '在运作', '运作着', '起作用了', '在起作用', '生效了', '是开启状态', '是关闭状态', '处于开启状态',
  '关上了', '停了', '还在运行', '正常运行'];
// 么 is 吗 as people often type and recognisers often write it.
const YESNO_ENDINGS = ['吗', '没', '没有', '了没', '没呢', '吗现在', '的吗', '么'];
const YESNO_COMPOSED = YESNO_STATES.flatMap((st) => YESNO_ENDINGS.map((e) => `{n}${st}${e}`.replace('了了', '了')))
  .filter((f, i, all) => all.indexOf(f) === i && !YESNO.includes(f) && !/(了的吗|着了没|在开的吗)$/.test(f));
const ASK = ['帮我看一下{q}', '查一下{q}', '告诉我{q}', '我想知道{q}', '你看看{q}', '请问{q}', '能告诉我{q}', '问一下，{q}'];

function pickFeature(ctx: Ctx, kinds?: Kind[]): QFeature {
  const pool = kinds ? Q.filter((f) => kinds.includes(f.kind)) : Q;
  return ctx.pick(pool);
}

/** The zone of a question and the noun phrase naming the feature there. */
function subject(ctx: Ctx, f: QFeature): { zone: Zone; text: string } {
  const noun = vary(ctx, f.nouns.slice(0, 1), f.nouns, 0.5);
  if (f.scope === 'cabin') return { zone: 'cabin', text: noun };
  const z = f.scope === 'row' ? rowRef(ctx) : seatRef(ctx, f.scope === 'seat-or-group');
  return { zone: z.zone, text: `${z.poss}${noun}` };
}

const q = (ctx: Ctx) => ctx.pick(['？', '？', '', '?', '呢？', '啊']);

export const queryTemplates: Template[] = [
  // 我的座椅加热开着吗？ / 内循环开了没有
  zh('query.yesno', (ctx) => {
    const f = pickFeature(ctx, ['switch', 'level']);
    const s = subject(ctx, f);
    const frame = ctx.phrase(YESNO);
    const mark = /吗$/.test(frame) ? ctx.pick(['？', '？', '', '?']) : q(ctx);
    return out(`${frame.replace('{n}', s.text)}${mark}`, { intent: 'query', zone: s.zone, feature: f.feature });
  }, 2),
  // 后排温度是多少？ / 氛围灯现在是什么颜色 / 风量现在几档
  zh('query.value', (ctx) => {
    const f = pickFeature(ctx);
    const s = subject(ctx, f);
    // Switches and levels are also asked about as yes/no questions (还开着吗); these frames differ from query.yesno's
    // so that a held-out query.yesno still measures an unseen phrasing.
    const yesNo = (f.kind === 'switch' || f.kind === 'level') && ctx.chance(0.45);
    const frame = ctx.phrase(yesNo ? (ctx.chance(0.5) ? YESNO_VALUE : YESNO_COMPOSED) : HOWMUCH[f.kind]);
    return out(`${frame.replace('{n}', s.text)}${q(ctx)}`, { intent: 'query', zone: s.zone, feature: f.feature });
  }, 2.5),
  // 帮我看一下副驾的座椅通风开着没 / 查一下空调温度
  zh('query.ask', (ctx) => {
    const f = pickFeature(ctx);
    const s = subject(ctx, f);
    const inner = ctx.chance(0.5) ? ctx.phrase(HOWMUCH[f.kind]) : f.kind === 'switch' || f.kind === 'level' ? ctx.phrase(['{n}开没开', '{n}有没有开', '{n}是不是开着', '{n}的状态']) : ctx.phrase(['{n}', '{n}的设置', '{n}的情况', '当前{n}']);
    return out(`${ctx.phrase(ASK).replace('{q}', inner.replace('{n}', s.text))}${ctx.pick(['', '。', '？'])}`, { intent: 'query', zone: s.zone, feature: f.feature });
  }),
  // 现在几度？ / 温度呢？ / 氛围灯什么颜色
  zh('query.terse', (ctx) => {
    const f = pickFeature(ctx, ['temp', 'color', 'level', 'mode']);
    const s = subject(ctx, f);
    const t: Record<Kind, string[]> = {
      temp: ['现在几度', '{n}呢', '{n}多少', '现在多少度', '{n}？', '几度了'],
      color: ['{n}啥色', '什么颜色{n}', '{n}颜色呢', '{n}颜色？'],
      level: ['{n}几档', '{n}多少档', '{n}呢', '{n}几档了'],
      mode: ['{n}呢', '现在吹哪', '{n}？', '风往哪吹'],
      switch: [], percent: [],
    };
    const frame = ctx.phrase(t[f.kind]);
    // A frame without the noun names no seat: the question is about the speaker's own zone (or the cabin).
    const zone = frame.includes('{n}') ? s.zone : f.scope === 'cabin' ? 'cabin' : 'self';
    return out(`${frame.replace('{n}', s.text)}${frame.endsWith('？') ? '' : q(ctx)}`, { intent: 'query', zone, feature: f.feature });
  }, 0.8),
  // 现在是内循环还是外循环？ / 是吹脸还是吹脚
  zh('query.either', (ctx) => {
    const r = ctx.random();
    if (r < 0.4) return out(`${ctx.phrase(['现在是内循环还是外循环', '现在是内循环吗', '开的是内循环还是外循环', '空调是内循环还是外循环', '用的是内循环吗'])}${q(ctx)}`, { intent: 'query', zone: 'cabin', feature: 'hvac.recirc' });
    if (r < 0.7) {
      const z = rowRef(ctx);
      return out(`${z.poss}${ctx.phrase(['现在是吹脸还是吹脚', '风是吹脸还是吹脚', '空调吹的哪里', '出风是往哪吹的', '是不是在吹脚'])}${q(ctx)}`, { intent: 'query', zone: z.zone, feature: 'hvac.airflow' });
    }
    return out(`${ctx.phrase(['空调现在是自动的吗', '空调是自动模式吗', '是不是自动空调', '空调是手动还是自动'])}${q(ctx)}`, { intent: 'query', zone: 'cabin', feature: 'hvac.auto' });
  }, 0.6),
];
