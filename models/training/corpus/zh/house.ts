// 灯、风扇和温度, as people say them to any smart speaker: 把台灯关了, 客厅的灯调到百分之四十, 把吊扇开到三档, 暖气调到二十二度.
// Every such light is the ambient light (cabin); fans and temperatures are the speaker's own (self). The rooms and
// furniture in front of the noun name nothing in the car; words that do (阅读, 顶, 大灯, 主, 左右前后, 窗, 门, 屏幕) are left out.
import type { CorpusIntent, Template } from '../template.js';
import { fill, polite, vary, zh, type Ctx } from './common.js';
import { tempDelta, tempValue } from './climate.js';
import { color } from './lights.js';
import { count, level, percent } from './numbers.js';

const WAKE = ['你好，', '小助手，', '你好小助手，', '嗨，小助手，', '喂，', '小助手小助手，', '你好，小助手，'];
/** A wake word in front, sometimes; chain.ts strips it from every chained part but the first. */
const woken = (ctx: Ctx, s: string) => (ctx.chance(0.12) && !/^(你好|小助手|喂|嗨)/.test(s) ? `${ctx.phrase(WAKE)}${s}` : s);
const say = (ctx: Ctx, core: string, p = 0.45) => woken(ctx, polite(ctx, core, p));

const PLACES = ['客厅', '厨房', '卧室', '书房', '餐厅', '阳台', '走廊', '卫生间', '楼上', '楼下', '桌子上', '床头', '角落', '沙发旁边', '墙上', '屋里',
  '房间里', '这边', '这里', '书桌', '电视旁边', '柜子上', '客房', '次卧', '衣帽间', '玄关', '车库', '花园', '院子', '地下室', '办公室', '大厅', '浴室', '过道'];
const place = (ctx: Ctx) => ctx.phrase(PLACES);

/* ------------------------------------------------------------------ lights */

const LAMP = ['灯', '灯'];
const LAMP_MORE = ['台灯', '这边的灯', '这里的灯', '床头灯', '落地灯', '小灯', '吊灯', '那盏灯', '这盏灯', '灯泡', '屋里的灯', '房间的灯', '壁灯', '夜灯',
  '所有的灯', '全部的灯', '那个灯', '这个灯', '书桌灯', '电灯', '灯光', '彩灯', '灯串', '桌灯', '小夜灯', '筒灯'];
const LAMP_NOUN = ['灯', '灯', '台灯', '小灯', '吊灯', '灯泡', '落地灯', '壁灯', '夜灯', '筒灯', '灯光'];

function lamp(ctx: Ctx): string {
  const r = ctx.random();
  if (r < 0.4) return vary(ctx, LAMP, LAMP_MORE, 0.35);
  return `${place(ctx)}${ctx.chance(0.6) ? '的' : ''}${ctx.phrase(LAMP_NOUN)}`;
}

const L_ON = ['打开{x}', '把{x}打开'];
const L_ON_MORE = ['开{x}', '把{x}开开', '{x}打开', '{x}开一下', '开一下{x}', '把{x}开了', '{x}给我打开', '把{x}点亮', '{x}亮起来', '开启{x}', '{x}开了吧',
  '{x}开开', '点亮{x}', '把{x}开一下'];
const L_OFF = ['关掉{x}', '把{x}关掉'];
const L_OFF_MORE = ['关{x}', '把{x}关了', '{x}关掉', '{x}关一下', '关一下{x}', '{x}给我关了', '把{x}关上', '关闭{x}', '把{x}熄了', '{x}灭了吧', '{x}关了',
  '熄灭{x}', '把{x}给关了', '把{x}关一下'];
const L_COLOR = ['把{x}调成{c}', '把{x}换成{c}', '{x}换成{c}', '把{x}的颜色改成{c}', '{x}颜色调成{c}', '{x}变成{c}', '把{x}变成{c}', '{x}调成{c}',
  '把{x}颜色换成{c}', '{x}的颜色换成{c}', '{x}改成{c}', '{x}弄成{c}', '把{x}设成{c}', '灯光颜色改成{c}', '把灯光换成{c}', '颜色调成{c}', '换成{c}灯光'];
const L_LEVEL = ['把{x}亮度调到{n}', '{x}调到{n}', '{x}亮度调到{n}', '亮度设为{n}', '把亮度调到{n}', '{x}亮度设成{n}', '把{x}调到{n}的亮度', '{x}的亮度改成{n}',
  '亮度调成{n}', '{x}亮度{n}', '把{x}的亮度设置为{n}', '{x}开到{n}', '亮度调整到{n}'];
const L_UP = ['把{x}调亮一点', '{x}调亮些', '{x}亮一点', '{x}再亮点', '把{x}弄亮一点', '亮度调高', '把亮度调高一点', '{x}亮度调高一点', '{x}亮度高一点',
  '把{x}调亮', '调亮{x}', '提高{x}的亮度', '{x}太暗了，调亮点'];
const L_DOWN = ['把{x}调暗一点', '{x}调暗些', '{x}暗一点', '{x}再暗点', '把{x}弄暗一点', '亮度调低', '把亮度调低一点', '{x}亮度调低一点', '{x}亮度低一点',
  '把{x}调暗', '调暗{x}', '降低{x}的亮度', '{x}太亮了，调暗点'];
/** The lowest brightness is 1 % (0 would be off), as the lowest fan level is 1; the highest is 100 %. */
const L_MIN = ['把{x}调到最暗', '{x}调到最暗', '{x}亮度调到最低', '把亮度调到最低', '{x}亮度最低', '把{x}亮度调到最小', '{x}开到最暗', '亮度最小', '{x}暗到最低'];
const L_MAX = ['把{x}调到最亮', '{x}调到最亮', '{x}亮度调到最高', '把亮度开到最大', '{x}亮度最大', '{x}亮度拉满', '{x}开到最亮', '亮度最高', '把{x}开到最亮'];

const cabin = (intent: string, v: Partial<CorpusIntent>): CorpusIntent => ({ intent, zone: 'cabin', ...v });

/* ------------------------------------------------------------------ fan */

const FAN = ['风扇', '风扇'];
const FAN_MORE = ['鼓风机', '吊扇', '电风扇', '电扇', '排风扇', '换气扇', '落地扇', '台扇', '小风扇', '风机', '排气扇', '那个风扇', '这个风扇', '通风扇', '壁扇',
  '塔扇', '屋里的风扇', '这边的风扇'];
const fanNoun = (ctx: Ctx) => (ctx.chance(0.25) ? `${place(ctx)}${ctx.pick(['的', ''])}${ctx.pick(['风扇', '电扇', '吊扇'])}` : vary(ctx, FAN, FAN_MORE, 0.4));

const F_ON = ['打开{x}', '开{x}', '把{x}打开', '{x}打开', '{x}开一下', '开一下{x}', '启动{x}', '把{x}开起来', '{x}转起来', '{x}开开', '把{x}开了', '让{x}转起来'];
const F_OFF = ['关掉{x}', '关{x}', '把{x}关掉', '把{x}关了', '{x}关掉', '{x}关一下', '停掉{x}', '把{x}停了', '{x}停一下', '{x}别转了', '关闭{x}', '让{x}停下来'];
const F_SPEED = ['把{x}调到{n}', '{x}调到{n}', '{x}开到{n}', '{x}{n}', '把{x}开到{n}', '{x}调成{n}', '{x}设为{n}', '{x}换到{n}', '{x}风速调到{n}', '把{x}的风速调成{n}',
  '{x}切到{n}'];
const F_MAX = ['把{x}开到最大', '{x}调到最大', '{x}开到最高档', '{x}最大档', '{x}开满', '{x}开最大', '把{x}调到最高', '{x}转速开到最大', '{x}最大风'];
const F_MIN = ['{x}调到最小', '把{x}开到最低档', '{x}最小档', '{x}开最小', '{x}调到最低', '{x}开到最慢', '把{x}调到最低档'];
const F_UP = ['{x}快一点', '{x}转快点', '把{x}调大一点', '{x}开大点', '{x}调高一档', '把{x}加大', '{x}风大点', '{x}再快些', '让{x}转快一点', '{x}加一档', '调大{x}'];
const F_DOWN = ['{x}慢一点', '{x}转慢点', '把{x}调小一点', '{x}开小点', '{x}调低一档', '把{x}减小', '{x}风小点', '{x}再慢些', '让{x}转慢一点', '{x}减一档', '调小{x}'];
const F_BY = ['{x}加{k}档', '把{x}调高{k}档', '{x}往上调{k}档', '{x}调大{k}档'];
const F_BY_DOWN = ['{x}降{k}档', '把{x}调低{k}档', '{x}往下调{k}档', '{x}调小{k}档'];

const fanIntent = (v: Partial<CorpusIntent>): CorpusIntent => ({ intent: 'hvac.fan', zone: 'self', ...v });

/* ------------------------------------------------------------------ temperature */

const TEMP = ['温度', '温度'];
const TEMP_MORE = ['屋里的温度', '房间温度', '这里的温度', '恒温器', '暖气', '室内温度', '屋子里的温度', '温控器', '房间里的温度', '车里的温度', '空调温度'];
const tempNoun = (ctx: Ctx) => (ctx.chance(0.25) ? `${place(ctx)}${ctx.pick(['的', ''])}${ctx.pick(['温度', '温度', '恒温器', '暖气'])}` : vary(ctx, TEMP, TEMP_MORE, 0.4));

const T_SET = ['把{x}调到{v}', '{x}调到{v}', '{x}设为{v}', '把{x}设成{v}', '{x}改成{v}', '把{x}开到{v}', '{x}定在{v}', '{x}调成{v}', '设置{x}为{v}', '把{x}设置成{v}',
  '{x}帮我调到{v}', '{x}保持在{v}', '让{x}保持{v}', '{x}{v}'];
const T_UP = ['暖和一点', '再暖和点', '调暖和一点', '暖气开大点', '把暖气开大一点', '屋里暖和点', '温度再高点', '让屋里暖和一些'];
const T_DOWN = ['凉快一点', '再凉快点', '调凉快一点', '暖气开小点', '把暖气关小一点', '屋里凉快点', '温度再低点', '让屋里凉快一些'];

const tempIntent = (v: Partial<CorpusIntent>): CorpusIntent => ({ intent: 'hvac.temp', zone: 'self', ...v });

export const houseTemplates: Template[] = [
  zh('house.light.onoff', (ctx) => {
    const on = ctx.chance(0.55);
    const frame = on ? vary(ctx, L_ON, L_ON_MORE, 0.35) : vary(ctx, L_OFF, L_OFF_MORE, 0.35);
    return { text: say(ctx, fill(frame, { x: lamp(ctx) })), intents: [cabin('light.ambient', { value: on ? 'on' : 'off' })] };
  }, 1.5),
  zh('house.light.color', (ctx) => {
    const c = color(ctx);
    return { text: say(ctx, fill(ctx.phrase(L_COLOR), { x: lamp(ctx), c: c.text }), 0.35), intents: [cabin('light.ambient_color', { value: c.value })] };
  }, 1.2),
  zh('house.light.level', (ctx) => {
    const r = ctx.random();
    const x = lamp(ctx);
    if (r < 0.2) return { text: say(ctx, fill(ctx.phrase(L_MAX), { x }), 0.35), intents: [cabin('light.ambient_brightness', { value: 100 })] };
    if (r < 0.4) return { text: say(ctx, fill(ctx.phrase(L_MIN), { x }), 0.35), intents: [cabin('light.ambient_brightness', { value: 1 })] };
    const n = ctx.chance(0.4) ? ctx.int(1, 10) * 10 : ctx.int(1, 99);
    return { text: say(ctx, fill(ctx.phrase(L_LEVEL), { x, n: percent(ctx, n) }), 0.35), intents: [cabin('light.ambient_brightness', { value: n })] };
  }, 1.2),
  zh('house.light.dimmer', (ctx) => {
    const up = ctx.chance(0.5);
    return { text: say(ctx, fill(ctx.phrase(up ? L_UP : L_DOWN), { x: lamp(ctx) }), 0.35), intents: [cabin('light.ambient_brightness', { delta: up ? 20 : -20 })] };
  }, 1.2),
  zh('house.fan.onoff', (ctx) => {
    const on = ctx.chance(0.5);
    return { text: say(ctx, fill(ctx.phrase(on ? F_ON : F_OFF), { x: fanNoun(ctx) })), intents: [fanIntent({ value: on ? 'on' : 'off' })] };
  }, 1.2),
  zh('house.fan.speed', (ctx) => {
    const r = ctx.random();
    const x = fanNoun(ctx);
    if (r < 0.2) return { text: say(ctx, fill(ctx.phrase(F_MAX), { x }), 0.35), intents: [fanIntent({ value: 'max' })] };
    if (r < 0.32) return { text: say(ctx, fill(ctx.phrase(F_MIN), { x }), 0.35), intents: [fanIntent({ value: 1 })] };
    const n = ctx.beyondRange(7, 20) ?? ctx.int(1, 7);
    return { text: say(ctx, fill(ctx.phrase(F_SPEED), { x, n: level(ctx, n) }), 0.35), intents: [fanIntent({ value: n })] };
  }, 1.2),
  zh('house.fan.delta', (ctx) => {
    const up = ctx.chance(0.5);
    const x = fanNoun(ctx);
    if (ctx.chance(0.2)) {
      const k = ctx.int(2, 3);
      return { text: say(ctx, fill(ctx.phrase(up ? F_BY : F_BY_DOWN), { x, k: count(ctx, k) }), 0.35), intents: [fanIntent({ delta: up ? k : -k })] };
    }
    return { text: say(ctx, fill(ctx.phrase(up ? F_UP : F_DOWN), { x }), 0.35), intents: [fanIntent({ delta: up ? 1 : -1 })] };
  }, 1.2),
  zh('house.temp.set', (ctx) => {
    const t = tempValue(ctx);
    const it = tempIntent(t.fahrenheit ? { value: t.value, fahrenheit: true } : { value: t.value });
    return { text: say(ctx, fill(ctx.phrase(T_SET), { x: tempNoun(ctx), v: t.text }), 0.35), intents: [it] };
  }, 1.5),
  zh('house.temp.delta', (ctx) => {
    if (ctx.chance(0.3)) {
      const up = ctx.chance(0.5);
      return { text: say(ctx, ctx.phrase(up ? T_UP : T_DOWN), 0.35), intents: [tempIntent({ delta: up ? 1 : -1 })] };
    }
    const d = tempDelta(ctx);
    const ba = ctx.chance(0.4);
    return { text: say(ctx, `${ba ? '把' : ''}${tempNoun(ctx)}${d.text}`, 0.35), intents: [tempIntent({ delta: d.delta })] };
  }, 1.5),
];
