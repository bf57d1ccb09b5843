// Seat heating, ventilation, massage, recline and slide in Mandarin, each in several sentence structures.
import type { CorpusIntent, Template } from '../template.js';
import { dian, end, out, polite, politeTopic, vary, zh, type Ctx } from './common.js';
import { count, level, percent } from './numbers.js';
import { perSeat } from '../per-seat.js';
import { moveRef, seatRef, trailingZone, type ZoneRef } from './zones.js';

interface LevelFeature {
  key: 'heat' | 'vent' | 'massage';
  nouns: string[];
  nounsMore: string[];
  short: string[];
  up: string[];
  down: string[];
}

const FEATURES: LevelFeature[] = [
  {
    key: 'heat',
    nouns: ['座椅加热', '加热'],
    nounsMore: ['座位加热', '椅子加热', '座椅加热功能', '座椅加温', '坐垫加热', '座椅的加热', '加热座椅', '座椅电加热'],
    short: ['加热', '座椅加热', '坐垫加热', '加热功能'],
    up: ['热一点', '再热一点', '温度高一点', '烫一点', '暖一点', '热点'],
    down: ['凉一点', '没那么热', '温度低一点', '别那么烫', '不要那么热'],
  },
  {
    key: 'vent',
    nouns: ['座椅通风', '通风'],
    nounsMore: ['座位通风', '椅子通风', '座椅通风功能', '座椅吹风', '通风座椅', '座椅的通风', '座椅透气', '座椅凉风'],
    short: ['通风', '座椅通风', '座位通风', '通风功能'],
    up: ['风大一点', '凉快一点', '风再大点', '吹得猛一点', '风力大一点'],
    down: ['风小一点', '风弱一点', '别吹那么猛', '风力小一点', '轻一点'],
  },
  {
    key: 'massage',
    nouns: ['座椅按摩', '按摩'],
    nounsMore: ['按摩功能', '座椅按摩功能', '按摩椅', '腰部按摩', '背部按摩', '座椅的按摩', '按摩模式', '靠背按摩'],
    short: ['按摩', '座椅按摩', '按摩功能', '腰部按摩'],
    up: ['力度大一点', '用力一点', '重一点', '强度大一点', '按得重一点'],
    down: ['轻一点', '力度小一点', '温柔一点', '按得轻一点', '强度小一点'],
  },
];

const ON_AFTER = ['打开', '开一下'];
const ON_AFTER_MORE = ['开启', '开起来', '打开一下', '启动', '开开', '开上', '给我开着', '启用'];
const OFF_AFTER = ['关掉', '关了'];
const OFF_AFTER_MORE = ['关闭', '关上', '关一下', '停掉', '停了', '给我关了', '停一下', '关闭掉'];
const ON_BEFORE = ['打开', '开'];
const ON_BEFORE_MORE = ['开启', '开一下', '启动', '帮我开', '打开一下', '开个'];
const OFF_BEFORE = ['关闭', '关掉'];
const OFF_BEFORE_MORE = ['关', '关一下', '停掉', '关上', '停止', '取消'];
const MAX_AFTER = ['开到最大', '调到最高档', '开到最高档', '调到最大', '开满', '调到最高', '开到顶', '拉满', '开最大', '最高档'];
const UP = ['调高一点', '高一点', '调高一档', '加一档', '升一档', '大一点', '强一点', '往上调一档', '调大一点', '加大一点', '再高一档', '提高一档'];
const DOWN = ['调低一点', '低一点', '调低一档', '降一档', '减一档', '小一点', '弱一点', '调小一点', '往下调一档', '降低一档', '减小一点'];

type Pred = { text: string; value?: number | string; delta?: number };

/** What happens to a leveled seat feature, said after the feature noun (座椅加热 … 调到二档). */
function levelPred(ctx: Ctx, f: LevelFeature, kinds = 'onoff level max delta'): Pred {
  const ks = kinds.split(' ');
  const k = ctx.pick(ks.flatMap((x) => (x === 'onoff' ? [x, x, x] : x === 'delta' ? [x, x] : [x])));
  if (k === 'onoff') {
    return ctx.chance(0.55)
      ? { text: vary(ctx, ON_AFTER, ON_AFTER_MORE), value: 'on' }
      : { text: vary(ctx, OFF_AFTER, OFF_AFTER_MORE), value: 'off' };
  }
  if (k === 'max') return { text: ctx.phrase(MAX_AFTER), value: 'max' };
  if (k === 'level') {
    const n = ctx.beyondRange(3, 10) ?? (ctx.chance(0.06) ? 0 : ctx.int(1, 3));
    const lv = level(ctx, n);
    const t = ctx.phrase(['调到{n}', '开到{n}', '调成{n}', '设为{n}', '开{n}', '切到{n}', '调{n}', '设置成{n}', '换到{n}', '用{n}']);
    return { text: t.replace('{n}', lv), value: n };
  }
  const upward = ctx.chance(0.5);
  if (ctx.chance(0.2)) {
    const n = ctx.chance(0.7) ? 2 : 1;
    const v = upward ? ctx.phrase(['调高{n}档', '加{n}档', '升{n}档', '往上调{n}档', '提高{n}档']) : ctx.phrase(['调低{n}档', '减{n}档', '降{n}档', '往下调{n}档', '降低{n}档']);
    return { text: v.replace('{n}', count(ctx, n)), delta: upward ? n : -n };
  }
  const bank = upward ? (ctx.chance(0.35) ? f.up : UP) : ctx.chance(0.35) ? f.down : DOWN;
  return { text: ctx.phrase(bank), delta: upward ? 1 : -1 };
}

const noun = (ctx: Ctx, f: LevelFeature) => vary(ctx, f.nouns, f.nounsMore, 0.55);

function intent(f: LevelFeature, z: ZoneRef, p: Pred): CorpusIntent {
  const it: CorpusIntent = { intent: `seat.${f.key}`, zone: z.zone };
  if (p.value !== undefined) it.value = p.value;
  if (p.delta !== undefined) it.delta = p.delta;
  return it;
}

function levelTemplates(f: LevelFeature): Template[] {
  const id = (s: string) => `seat.${f.key}.${s}`;
  return [
    // 打开副驾座椅加热 / 关掉后排通风
    zh(id('direct'), (ctx) => {
      const z = seatRef(ctx, true);
      const on = ctx.chance(0.55);
      const verb = on ? vary(ctx, ON_BEFORE, ON_BEFORE_MORE) : vary(ctx, OFF_BEFORE, OFF_BEFORE_MORE);
      return out(polite(ctx, `${verb}${z.poss}${noun(ctx, f)}`), intent(f, z, { text: '', value: on ? 'on' : 'off' }));
    }, 1.5),
    // 把副驾座椅加热调到二档
    zh(id('ba'), (ctx) => {
      const z = seatRef(ctx, true);
      const p = levelPred(ctx, f);
      return out(polite(ctx, `把${z.poss}${noun(ctx, f)}${p.text}`), intent(f, z, p));
    }, 1.5),
    // 副驾座椅加热开一下 / 后排按摩轻一点
    zh(id('topic'), (ctx) => {
      const z = seatRef(ctx, true);
      const p = levelPred(ctx, f);
      return out(politeTopic(ctx, `${z.poss}${noun(ctx, f)}${p.text}`, 0.25), intent(f, z, p));
    }, 1.5),
    // 给副驾开一下座椅加热 / 给后排把通风调到三档
    zh(id('give'), (ctx) => {
      const z = seatRef(ctx, true, 0.25);
      const to = ctx.pick(['给', '帮', '给', '替']);
      if (ctx.chance(0.6)) {
        const on = ctx.chance(0.65);
        const verb = on ? vary(ctx, ['开', '打开'], ['开个', '开一下', '打开一下', '开开', '启动']) : vary(ctx, ['关', '关掉'], ['关一下', '关了', '关闭', '停了', '停掉']);
        return out(polite(ctx, `${to}${z.target}${verb}${noun(ctx, f)}`, 0.3), intent(f, z, { text: '', value: on ? 'on' : 'off' }));
      }
      const p = levelPred(ctx, f, 'level max delta');
      return out(polite(ctx, `${to}${z.target}把${noun(ctx, f)}${p.text}`, 0.3), intent(f, z, p));
    }),
    // 座椅加热打开，副驾的 / 开一下通风，后排
    zh(id('trailing'), (ctx) => {
      const z = seatRef(ctx, true, 0.1);
      const p = levelPred(ctx, f);
      const head = p.value === 'on' && ctx.chance(0.5) ? `${vary(ctx, ON_BEFORE, ON_BEFORE_MORE)}${noun(ctx, f)}` : `${noun(ctx, f)}${p.text}`;
      return out(`${head}${ctx.pick(['，', ' ', '，', ''])}${trailingZone(ctx, z)}${end(ctx)}`, intent(f, z, p));
    }, 0.8),
    // 加热三档 / 主驾通风关 / 按摩最大
    zh(id('terse'), (ctx) => {
      const z = seatRef(ctx, true);
      const r = ctx.random();
      let p: Pred;
      const n = ctx.int(1, 3);
      if (r < 0.35) p = { text: level(ctx, n), value: n };
      else if (r < 0.5) p = { text: ctx.phrase(['最大', '最高', '最高档', '满档', '开满']), value: 'max' };
      else if (r < 0.75) p = { text: vary(ctx, ['开', '打开'], ['开启', 'on', '开着', '开了']), value: 'on' };
      else p = { text: vary(ctx, ['关', '关掉'], ['关闭', 'off', '关了', '停']), value: 'off' };
      return out(`${z.poss}${vary(ctx, f.short.slice(0, 2), f.short)}${ctx.pick(['', ' ', '，'])}${p.text}`, intent(f, z, p));
    }, 0.8),
    // 我想开座椅加热 / 能不能把按摩调到最大
    zh(id('want'), (ctx) => {
      const z = seatRef(ctx, true);
      const want = ctx.phrase(['我想', '我要', '想', '我需要', '我想要', '要', '帮我', '麻烦把']);
      if (want === '麻烦把') {
        const p = levelPred(ctx, f, 'level max delta onoff');
        return out(`麻烦把${z.poss}${noun(ctx, f)}${p.text}${end(ctx)}`, intent(f, z, p));
      }
      const on = ctx.chance(0.75);
      const verb = on ? vary(ctx, ['开', '打开'], ['开个', '开一下', '开开', '用一下', '来个']) : vary(ctx, ['关掉', '关了'], ['关一下', '关闭', '停掉', '关上']);
      const ask = ctx.chance(0.2) ? ctx.pick(['', '，可以吗', '，行吗']) : '';
      return out(`${want}${verb}${z.poss}${noun(ctx, f)}${ask}${end(ctx)}`, intent(f, z, { text: '', value: on ? 'on' : 'off' }));
    }),
  ];
}

/** Feature-specific verb phrasings: 加热一下座椅, 给座椅通通风, 给我按摩一下. */
const IDIOMS: Template[] = [
  zh('seat.heat.verb', (ctx) => {
    const z = seatRef(ctx, true);
    const t = ctx.phrase(['加热一下{p}座椅', '把{p}座椅加热一下', '{p}座椅加加热', '给{p}座椅加个热', '{p}座椅热起来', '把{p}座位热一下', '{p}座椅暖一暖']);
    return out(polite(ctx, t.replace('{p}', z.poss), 0.35), { intent: 'seat.heat', zone: z.zone, value: 'on' });
  }),
  zh('seat.vent.verb', (ctx) => {
    const z = seatRef(ctx, true);
    const t = ctx.phrase(['给{p}座椅通通风', '{p}座椅通一下风', '让{p}座椅吹吹风', '{p}座椅吹点风', '把{p}座椅通风打开吹一吹', '{p}椅子通个风']);
    return out(polite(ctx, t.replace('{p}', z.poss), 0.35), { intent: 'seat.vent', zone: z.zone, value: 'on' });
  }),
  zh('seat.massage.verb', (ctx) => {
    const z = seatRef(ctx, true, 0.6);
    const who = z.zone === 'self' ? ctx.pick(['我', '我', '我的腰', '我的背']) : z.target;
    const t = ctx.phrase(['给{w}按摩一下', '帮{w}按一按', '给{w}按按', '给{w}来个按摩', '让座椅给{w}按摩', '给{w}揉揉', '给{w}捏捏', '帮{w}捏一捏', '给{w}捶捶背', '帮{w}放松放松', '让座椅给{w}揉一下']);
    return out(polite(ctx, t.replace('{w}', who), 0.2), { intent: 'seat.massage', zone: z.zone, value: 'on' });
  }),
];

// --- recline (0 upright – 100 flat) and slide (0 forward – 100 back), single seats only ---

const BACK = ['靠背', '椅背', '座椅靠背', '座椅背', '座椅的靠背', '靠背角度', '座椅角度'];
const RECLINE_MORE = ['往后放一点', '放倒一点', '往后调一点', '往后仰一点', '放低一点', '再放平一点', '倒一点', '往后倒一点', '后仰一点', '往后靠一点'];
const RECLINE_LESS = ['往前调一点', '调直一点', '立起来一点', '竖直一点', '往前收一点', '直一点', '抬起来一点', '往前一点', '扶起来一点', '调正一点'];
const RECLINE_FLAT = ['放平', '完全放倒', '放到最平', '放倒到底', '调到最平', '全部放平', '放倒'];
const RECLINE_UP = ['调到最直', '完全竖直', '竖起来', '调直', '立直', '完全立起来', '调到竖直'];

function reclinePred(ctx: Ctx, relOnly = false): Pred {
  const r = relOnly ? ctx.random() * 0.84 : ctx.random();
  if (r < 0.32) return { text: ctx.phrase(RECLINE_MORE).replace('一点', dian(ctx)), delta: 10 };
  if (r < 0.64) return { text: ctx.phrase(RECLINE_LESS).replace('一点', dian(ctx)), delta: -10 };
  if (r < 0.74) return { text: ctx.phrase(RECLINE_FLAT), value: 100 };
  if (r < 0.84) return { text: ctx.phrase(RECLINE_UP), value: 0 };
  const n = ctx.chance(0.15) ? 50 : ctx.int(1, 9) * 10 + (ctx.chance(0.2) ? 5 : 0);
  const amount = n === 50 && ctx.chance(0.5) ? '一半' : percent(ctx, n);
  return { text: `${ctx.phrase(['调到', '调成', '角度调到', '设到', '放到', '调整到'])}${amount}`, value: n };
}

/** Recline said of the person (副驾往后仰一点): words that cannot be read as sliding the seat. */
function personRecline(ctx: Ctx): Pred {
  const r = ctx.random();
  if (r < 0.4) return { text: ctx.phrase(['往后仰一点', '往后靠一点', '躺平一点', '靠背往后放一点', '椅背再放倒一点', '躺得舒服一点，靠背放倒点', '后仰一点']), delta: 10 };
  if (r < 0.8) return { text: ctx.phrase(['坐直一点', '靠背往前一点', '椅背立起来一点', '坐得直一点', '靠背调直一点', '坐正一点，靠背竖起来点']), delta: -10 };
  if (r < 0.9) return { text: ctx.phrase(['躺平', '靠背全放平', '完全躺下', '躺下来，椅背放平']), value: 100 };
  return { text: ctx.phrase(['靠背完全立起来', '椅背调到最直', '靠背竖直', '要坐直，靠背调到最直']), value: 0 };
}

const SEAT = ['座椅', '座位'];
const SEAT_MORE = ['椅子', '座椅位置', '座子', '位子', '整个座椅'];
const SLIDE_BACK = ['往后移一点', '后移一点', '往后挪一点', '往后退一点', '靠后一点', '往后调一点', '往后滑一点', '往后挪一挪', '后退一点', '再往后一点'];
const SLIDE_FWD = ['往前移一点', '前移一点', '往前挪一点', '往前调一点', '靠前一点', '往前推一点', '往前滑一点', '往前挪一挪', '向前一点', '再往前一点'];

function slidePred(ctx: Ctx, relOnly = false): Pred {
  const r = relOnly ? ctx.random() * 0.93 : ctx.random();
  if (r < 0.36) return { text: ctx.phrase(SLIDE_BACK).replace('一点', dian(ctx)), delta: 10 };
  if (r < 0.72) return { text: ctx.phrase(SLIDE_FWD).replace('一点', dian(ctx)), delta: -10 };
  if (r < 0.8) return { text: ctx.phrase(['移到最前面', '调到最前', '推到最前面', '往前移到底', '挪到最前']), value: 0 };
  if (r < 0.88) return { text: ctx.phrase(['移到最后面', '退到最后', '往后移到底', '调到最后面', '挪到最后']), value: 100 };
  if (r < 0.93) return { text: ctx.phrase(['移到中间', '调到中间位置', '放到中间', '挪到正中间']), value: 50 };
  const n = ctx.int(1, 9) * 10;
  return { text: `${ctx.phrase(['调到', '移到', '放到', '设到', '挪到'])}${percent(ctx, n)}${ctx.pick(['', '的位置'])}`, value: n };
}

function posTemplates(key: 'recline' | 'slide'): Template[] {
  const pred = key === 'recline' ? reclinePred : slidePred;
  const nounOf = (ctx: Ctx) => (key === 'recline' ? vary(ctx, BACK.slice(0, 2), BACK) : vary(ctx, SEAT, SEAT_MORE));
  // One seat per intent: a group (后排座椅往前移一点) is one intent per seat.
  const mk = (z: ZoneRef, p: Pred): CorpusIntent[] =>
    perSeat(z.zone).map((zone) => ({ intent: `seat.${key}`, zone, ...(p.value !== undefined ? { value: p.value } : { delta: p.delta! }) }));
  return [
    zh(`seat.${key}.ba`, (ctx) => {
      const z = moveRef(ctx, 0.4);
      const p = pred(ctx);
      return out(polite(ctx, `把${z.poss}${nounOf(ctx)}${p.text}`), ...mk(z, p));
    }, 1.5),
    zh(`seat.${key}.topic`, (ctx) => {
      const z = moveRef(ctx, 0.4);
      const p = pred(ctx);
      return out(politeTopic(ctx, `${z.poss}${nounOf(ctx)}${p.text}`, 0.25), ...mk(z, p));
    }, 1.5),
    // 给副驾把靠背放倒一点
    zh(`seat.${key}.give`, (ctx) => {
      const z = moveRef(ctx, 0.2);
      const p = pred(ctx);
      // 帮副驾往后仰一点: a recline verb (仰, 靠, 倒, 平, 直…) needs no noun, and a person said with it still means the backrest.
      if (key === 'recline' && /[仰靠倒平直立竖]/.test(p.text) && ctx.chance(0.35)) {
        const text = p.delta === 10 && ctx.chance(0.2) ? `往后躺${dian(ctx)}` : p.text; // a person lies back; a backrest does not
        return out(polite(ctx, `${ctx.pick(['给', '帮'])}${z.target}${text}`, 0.25), ...mk(z, p));
      }
      return out(polite(ctx, `${ctx.pick(['给', '帮'])}${z.target}把${nounOf(ctx)}${p.text}`, 0.25), ...mk(z, p));
    }),
    // 副驾往前挪一点 / 我想往后靠一点 (the person, not the seat, is the subject)
    zh(`seat.${key}.person`, (ctx) => {
      const z = moveRef(ctx, 0.5);
      const p = key === 'recline' ? personRecline(ctx) : pred(ctx, true);
      const who = z.zone === 'self' ? ctx.pick(['我想', '我要', '让我', '我']) : `${z.target}${key === 'slide' ? ctx.pick(['', '的座位', '那边']) : ctx.pick(['', '那边'])}`;
      return out(`${who}${p.text}${end(ctx)}`, ...mk(z, p));
    }, 0.8),
  ];
}

export const seatTemplates: Template[] = [
  ...FEATURES.flatMap(levelTemplates),
  ...IDIOMS,
  ...posTemplates('recline'),
  ...posTemplates('slide'),
];
