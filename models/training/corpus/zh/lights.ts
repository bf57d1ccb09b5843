// Reading, ambient (on/off, colour, brightness) and dome lights in Mandarin.
import type { Template } from '../template.js';
import { dian, end, out, polite, politeTopic, vary, zh, type Ctx } from './common.js';
import { percent } from './numbers.js';
import { seatRef, trailingZone } from './zones.js';

const ON_BEFORE = ['打开', '开'];
const ON_BEFORE_MORE = ['开启', '开一下', '打开一下', '点亮', '亮一下', '开个'];
const OFF_BEFORE = ['关掉', '关闭'];
const OFF_BEFORE_MORE = ['关', '关一下', '关上', '熄灭', '灭掉', '关了'];
const ON_AFTER = ['打开', '开一下'];
const ON_AFTER_MORE = ['开启', '开起来', '亮起来', '点亮', '开开', '开着', '亮一下'];
const OFF_AFTER = ['关掉', '关了'];
const OFF_AFTER_MORE = ['关闭', '关上', '灭了', '熄了', '关一下', '关闭掉', '灭掉', '熄掉'];

type Sw = { text: string; value: 'on' | 'off' };
const before = (ctx: Ctx, pOn = 0.55): Sw =>
  ctx.chance(pOn) ? { text: vary(ctx, ON_BEFORE, ON_BEFORE_MORE), value: 'on' } : { text: vary(ctx, OFF_BEFORE, OFF_BEFORE_MORE), value: 'off' };
const after = (ctx: Ctx, pOn = 0.55): Sw =>
  ctx.chance(pOn) ? { text: vary(ctx, ON_AFTER, ON_AFTER_MORE), value: 'on' } : { text: vary(ctx, OFF_AFTER, OFF_AFTER_MORE), value: 'off' };

const READING = ['阅读灯', '阅读灯'];
const READING_MORE = ['读书灯', '看书灯', '阅读照明', '阅读小灯', '头顶阅读灯', '阅读用的灯', '看书的灯', '阅读灯光'];
const AMBIENT = ['氛围灯', '氛围灯'];
const AMBIENT_MORE = ['气氛灯', '环境灯', '车内氛围灯', '氛围照明', '灯带', '氛围灯光', '车里的氛围灯', '装饰灯'];
const DOME = ['顶灯', '车顶灯'];
const DOME_MORE = ['室内灯', '车厢灯', '顶棚灯', '车内顶灯', '车里的顶灯', '前顶灯', '中间的顶灯', '车顶的灯'];

const reading = (ctx: Ctx) => vary(ctx, READING, READING_MORE, 0.55);
const ambient = (ctx: Ctx) => vary(ctx, AMBIENT, AMBIENT_MORE, 0.55);
const dome = (ctx: Ctx) => vary(ctx, DOME, DOME_MORE, 0.55);

/** Colour words → catalog colours; the first of each list is the everyday word. */
const COLORS: [string, string[]][] = [
  ['red', ['红色', '红', '红的', '大红色', '红色的']],
  ['orange', ['橙色', '橘色', '橙', '橘黄色', '橙色的']],
  ['yellow', ['黄色', '黄', '黄的', '金黄色', '黄色的']],
  ['green', ['绿色', '绿', '绿的', '草绿色', '绿色的']],
  ['cyan', ['青色', '青', '蓝绿色', '青色的', '湖青色']],
  ['blue', ['蓝色', '蓝', '蓝的', '深蓝色', '蓝色的']],
  ['purple', ['紫色', '紫', '紫的', '紫罗兰色', '紫色的']],
  ['pink', ['粉色', '粉红色', '粉', '粉红', '粉色的']],
  ['white', ['白色', '白', '白的', '纯白', '白光']],
  ['warm_white', ['暖白', '暖白色', '暖白光', '暖光', '暖白色的']],
];
const EN_COLORS: Record<string, string> = { red: 'red', orange: 'orange', yellow: 'yellow', green: 'green', cyan: 'cyan', blue: 'blue', purple: 'purple', pink: 'pink', white: 'white', warm_white: 'warm white' };

export function color(ctx: Ctx): { text: string; value: string } {
  const [value, words] = ctx.pick(COLORS);
  if (ctx.chance(0.04)) return { text: EN_COLORS[value]!, value };
  return { text: ctx.chance(0.45) ? words[0]! : ctx.name(words), value };
}

function brightness(ctx: Ctx): { text: string; value?: number; delta?: number } {
  const r = ctx.random();
  if (r < 0.28) return { text: `${ctx.phrase(['亮一点', '调亮一点', '亮度调高一点', '再亮一点', '亮度加一点', '调亮些', '亮堂一点', '亮度高一点', '亮度提高一点'])}`.replace('一点', dian(ctx)), delta: 20 };
  if (r < 0.56) return { text: `${ctx.phrase(['暗一点', '调暗一点', '亮度调低一点', '再暗一点', '亮度降一点', '调暗些', '柔和一点', '亮度低一点', '亮度减一点', '别那么亮'])}`.replace('一点', dian(ctx)), delta: -20 };
  if (r < 0.64) return { text: ctx.phrase(['调到最亮', '亮度开到最大', '开到最亮', '亮度拉满', '调到最大亮度', '亮度最大']), value: 100 };
  // The lowest brightness is 1 %, not 0 (off is light.ambient off), as the lowest fan or seat level is 1.
  if (r < 0.68) return { text: ctx.phrase(['调到最暗', '亮度调到最低', '开到最暗', '亮度调到最小', '调到最低亮度', '亮度最低']), value: 1 };
  const n = ctx.chance(0.4) ? ctx.int(1, 10) * 10 : ctx.int(1, 99);
  return { text: `${ctx.phrase(['亮度调到', '调到', '亮度设为', '亮度设置成', '亮度改成', '亮度调成', '调成'])}${percent(ctx, n)}`, value: n };
}

export const lightTemplates: Template[] = [
  // --- reading light (seat or group) ---
  zh('light.reading.direct', (ctx) => {
    const z = seatRef(ctx, true);
    const s = before(ctx);
    return out(polite(ctx, `${s.text}${z.poss}${reading(ctx)}`), { intent: 'light.reading', zone: z.zone, value: s.value });
  }, 1.5),
  zh('light.reading.ba', (ctx) => {
    const z = seatRef(ctx, true);
    const s = after(ctx);
    return out(polite(ctx, `把${z.poss}${reading(ctx)}${s.text}`), { intent: 'light.reading', zone: z.zone, value: s.value });
  }, 1.5),
  zh('light.reading.topic', (ctx) => {
    const z = seatRef(ctx, true);
    const s = after(ctx);
    return out(politeTopic(ctx, `${z.poss}${reading(ctx)}${s.text}`, 0.2), { intent: 'light.reading', zone: z.zone, value: s.value });
  }),
  zh('light.reading.give', (ctx) => {
    const z = seatRef(ctx, true, 0.25);
    const on = ctx.chance(0.65);
    const verb = on ? vary(ctx, ['开', '打开'], ['开个', '开一下', '亮一下', '点一下', '打开一下']) : vary(ctx, ['关', '关掉'], ['关一下', '关了', '熄了', '灭了', '关上']);
    return out(polite(ctx, `${ctx.pick(['给', '帮'])}${z.target}${verb}${reading(ctx)}`, 0.3), { intent: 'light.reading', zone: z.zone, value: on ? 'on' : 'off' });
  }),
  zh('light.reading.terse', (ctx) => {
    const z = seatRef(ctx, true);
    const on = ctx.chance(0.55);
    const v = on ? vary(ctx, ['开', '打开'], ['开启', 'on', '亮', '开灯']) : vary(ctx, ['关', '关掉'], ['关闭', 'off', '灭', '关灯']);
    return out(`${z.poss}${reading(ctx)}${ctx.pick(['', ' ', '，'])}${v}`, { intent: 'light.reading', zone: z.zone, value: on ? 'on' : 'off' });
  }, 0.7),

  // 阅读灯打开，副驾的 / 关掉阅读灯，给后排: the seat said after the request.
  zh('light.reading.trailing', (ctx) => {
    const z = seatRef(ctx, true, 0.1);
    const first = ctx.chance(0.5);
    const s = first ? before(ctx) : after(ctx);
    const head = first ? `${s.text}${reading(ctx)}` : `${reading(ctx)}${s.text}`;
    return out(`${head}${ctx.pick(['，', ' ', '，', ''])}${trailingZone(ctx, z)}${end(ctx)}`, { intent: 'light.reading', zone: z.zone, value: s.value });
  }, 0.5),

  // --- ambient light on/off (cabin) ---
  zh('light.ambient.direct', (ctx) => {
    const s = before(ctx);
    return out(polite(ctx, `${s.text}${ambient(ctx)}`), { intent: 'light.ambient', zone: 'cabin', value: s.value });
  }, 1.2),
  zh('light.ambient.ba', (ctx) => {
    const s = after(ctx);
    return out(polite(ctx, `把${ambient(ctx)}${s.text}`), { intent: 'light.ambient', zone: 'cabin', value: s.value });
  }),
  zh('light.ambient.topic', (ctx) => {
    const s = after(ctx);
    const lead = ctx.chance(0.3) ? ctx.phrase(['车里的', '车内', '车厢里的', '整个车的']) : '';
    return out(politeTopic(ctx, `${lead}${ambient(ctx)}${s.text}`, 0.2), { intent: 'light.ambient', zone: 'cabin', value: s.value });
  }),
  // Generic "the lights", as people say it to any smart device: 开灯, 把灯关了.
  zh('light.ambient.generic', (ctx) => {
    const on = ctx.chance(0.55);
    const t = on
      ? ctx.phrase(['开灯', '打开灯', '把灯打开', '灯打开', '开一下灯', '把灯开开', '车里开个灯', '打开车里的灯', '灯开一下', '开下灯'])
      : ctx.phrase(['关灯', '把灯关了', '关掉灯', '灯关掉', '把灯关掉', '关一下灯', '灯灭了吧', '把车里的灯关了', '灯关一下', '关下灯']);
    return out(polite(ctx, t, 0.35), { intent: 'light.ambient', zone: 'cabin', value: on ? 'on' : 'off' });
  }),

  // --- ambient colour ---
  zh('light.ambient_color.ba', (ctx) => {
    const c = color(ctx);
    const v = ctx.phrase(['调成', '换成', '改成', '变成', '设置成', '切换成', '调到', '换为']);
    return out(polite(ctx, `把${ambient(ctx)}${ctx.pick(['', '', '颜色', '的颜色'])}${v}${c.text}`), { intent: 'light.ambient_color', zone: 'cabin', value: c.value });
  }, 1.5),
  zh('light.ambient_color.topic', (ctx) => {
    const c = color(ctx);
    const v = ctx.phrase(['换成', '改成', '调成', '变成', '用', '换个', '来个', '要']);
    const subj = ctx.chance(0.75) ? `${ambient(ctx)}${ctx.pick(['', '颜色', '的颜色'])}` : ctx.phrase(['灯光', '灯的颜色', '车内灯光', '灯光颜色', '氛围颜色']);
    return out(politeTopic(ctx, `${subj}${v}${c.text}`, 0.3), { intent: 'light.ambient_color', zone: 'cabin', value: c.value });
  }, 1.5),
  zh('light.ambient_color.want', (ctx) => {
    const c = color(ctx);
    const withDe = /的$/.test(c.text) ? c.text : `${c.text}的`;
    const t = ctx.phrase(['我想要{c}氛围灯', '来点{c}灯光', '换个{c}氛围灯', '给我{c}氛围灯', '我喜欢{c}，换一下氛围灯', '氛围灯要{c}', '我想把灯光换成{c0}', '弄个{c}灯光']);
    return out(`${t.replace('{c}', withDe).replace('{c0}', c.text)}${end(ctx)}`, { intent: 'light.ambient_color', zone: 'cabin', value: c.value });
  }),
  zh('light.ambient_color.terse', (ctx) => {
    const c = color(ctx);
    const t = ctx.phrase(['{a}{c}', '{c}{a}', '{a}，{c}', '{a}颜色{c}', '颜色换{c}', '{c}的灯']);
    return out(fill2(t, ambient(ctx), c.text), { intent: 'light.ambient_color', zone: 'cabin', value: c.value });
  }, 0.7),
  // Generic: 把灯调成红色
  zh('light.ambient_color.generic', (ctx) => {
    const c = color(ctx);
    const t = ctx.phrase(['把灯调成{c}', '灯换成{c}', '把灯光调成{c}', '灯变成{c}', '把车里的灯换成{c}', '灯的颜色改成{c}', '把灯设成{c}']);
    return out(polite(ctx, t.replace('{c}', c.text), 0.3), { intent: 'light.ambient_color', zone: 'cabin', value: c.value });
  }),

  // --- ambient brightness ---
  zh('light.ambient_brightness.ba', (ctx) => {
    const b = brightness(ctx);
    const subj = ctx.chance(0.8) ? ambient(ctx) : ctx.phrase(['灯光', '车内灯光', '灯', '氛围灯的灯光']);
    return out(polite(ctx, `把${subj}${b.text}`), { intent: 'light.ambient_brightness', zone: 'cabin', ...(b.value !== undefined ? { value: b.value } : { delta: b.delta! }) });
  }, 1.5),
  zh('light.ambient_brightness.topic', (ctx) => {
    const b = brightness(ctx);
    const subj = ctx.chance(0.8) ? ambient(ctx) : ctx.phrase(['灯光', '车内灯光', '灯', '氛围灯光']);
    return out(politeTopic(ctx, `${subj}${ctx.pick(['', '', '的'])}${b.text}`, 0.25), { intent: 'light.ambient_brightness', zone: 'cabin', ...(b.value !== undefined ? { value: b.value } : { delta: b.delta! }) });
  }, 1.5),
  zh('light.ambient_brightness.terse', (ctx) => {
    const n = ctx.chance(0.5) ? ctx.int(1, 10) * 10 : ctx.int(1, 99);
    const t = ctx.phrase(['{a}亮度{n}', '亮度{n}', '{a}{n}', '{a}亮度调{n}', '亮度{n}就行', '{a}开{n}']);
    return out(fill2(t, ambient(ctx), '').replace('{n}', percent(ctx, n)), { intent: 'light.ambient_brightness', zone: 'cabin', value: n });
  }, 0.7),
  // Generic: 把灯调暗, 把灯调到百分之五十, 灯亮一点
  zh('light.ambient_brightness.generic', (ctx) => {
    const r = ctx.random();
    if (r < 0.35) return out(polite(ctx, ctx.phrase(['把灯调暗', '灯调暗一点', '把灯光调暗点', '灯暗一点', '把灯弄暗一点', '灯光调暗', '调暗灯光']), 0.3), { intent: 'light.ambient_brightness', zone: 'cabin', delta: -20 });
    if (r < 0.7) return out(polite(ctx, ctx.phrase(['把灯调亮', '灯调亮一点', '把灯光调亮点', '灯亮一点', '把灯弄亮一点', '灯光调亮', '调亮灯光']), 0.3), { intent: 'light.ambient_brightness', zone: 'cabin', delta: 20 });
    const n = ctx.chance(0.5) ? ctx.int(1, 10) * 10 : ctx.int(1, 99);
    const t = ctx.phrase(['把灯调到{n}', '灯光调到{n}', '把灯的亮度调到{n}', '灯调成{n}亮度', '把灯光亮度设为{n}']);
    return out(polite(ctx, t.replace('{n}', percent(ctx, n)), 0.3), { intent: 'light.ambient_brightness', zone: 'cabin', value: n });
  }),

  // --- dome light (cabin) ---
  zh('light.dome.direct', (ctx) => {
    const s = before(ctx);
    return out(polite(ctx, `${s.text}${dome(ctx)}`), { intent: 'light.dome', zone: 'cabin', value: s.value });
  }, 1.2),
  zh('light.dome.ba', (ctx) => {
    const s = after(ctx);
    return out(polite(ctx, `把${dome(ctx)}${s.text}`), { intent: 'light.dome', zone: 'cabin', value: s.value });
  }),
  zh('light.dome.topic', (ctx) => {
    const s = after(ctx);
    return out(politeTopic(ctx, `${dome(ctx)}${s.text}`, 0.2), { intent: 'light.dome', zone: 'cabin', value: s.value });
  }),
  zh('light.dome.terse', (ctx) => {
    const on = ctx.chance(0.55);
    const v = on ? vary(ctx, ['开', '打开'], ['亮', 'on', '开启', '开着']) : vary(ctx, ['关', '关掉'], ['灭', 'off', '关闭', '关了']);
    return out(`${dome(ctx)}${ctx.pick(['', ' ', '，'])}${v}`, { intent: 'light.dome', zone: 'cabin', value: on ? 'on' : 'off' });
  }, 0.6),
];

function fill2(t: string, a: string, c: string): string {
  return t.replace('{a}', a).replace('{c}', c);
}
