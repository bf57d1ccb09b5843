// Every way a Mandarin speaker names a seat, a group of seats, a row, or "the person behind me".
import type { Zone } from '../../../../intents/catalog.js';
import type { Seat } from '../../../../vehicle-bus/cabin/vehicle-state-types.js';
import type { Ctx } from './common.js';

export interface ZoneRef {
  zone: Zone;
  /** Before a feature noun: '' / 我的 / 副驾 / 后排左边的 / 全车 (座椅加热). */
  poss: string;
  /** After 给/帮 or as a subject: 我 / 副驾 / 后排的人 / 大家 / 我后面的人. */
  target: string;
  /** A location that stands alone at the end of a sentence: 副驾的 / 后排 / 我这边. */
  tail: string;
}

export type Named = Exclude<Zone, 'self' | 'cabin'>;

const POSS: Record<Named, string[]> = {
  driver: ['主驾', '主驾的', '主驾驶', '主驾驶的', '司机的', '驾驶位的', '驾驶座', '主驾座位的', '左前', '司机座位的', '驾驶员的', '主驾驶座'],
  passenger: ['副驾', '副驾的', '副驾驶', '副驾驶的', '副驾座', '副驾驶座', '副驾座位的', '右前', '前排乘客的', '副驾驶位的', '副驾那边的'],
  rear_left: ['后排左边', '后排左边的', '左后', '左后方的', '后排左侧', '后排左侧的', '左后座', '后面左边的', '二排左边的', '左后座位的', '后座左边的'],
  rear_right: ['后排右边', '后排右边的', '右后', '右后方的', '后排右侧', '后排右侧的', '右后座', '后面右边的', '二排右边的', '右后座位的', '后座右边的'],
  front: ['前排', '前排的', '前面两个座位的', '前座', '第一排', '前排两个座位的', '前面的', '主副驾', '主副驾的', '前排座位的'],
  rear: ['后排', '后排的', '后座', '后座的', '后面的', '第二排', '二排', '后排两个座位的', '后面两个座位的', '后排座位的'],
  all: ['全车', '全车的', '大家的', '所有人的', '每个座位的', '四个座位的', '所有座位的', '全部座位的', '车上所有人的'],
};

const TARGET: Record<Named, string[]> = {
  driver: ['主驾', '司机', '主驾驶', '驾驶位', '驾驶员', '左前座', '开车的人'],
  passenger: ['副驾', '副驾驶', '副驾的人', '副驾乘客', '前排乘客', '副驾驶座', '坐副驾的'],
  rear_left: ['后排左边', '左后座', '后排左侧', '左后方的乘客', '后面左边的人', '左后', '后座左边的人'],
  rear_right: ['后排右边', '右后座', '后排右侧', '右后方的乘客', '后面右边的人', '右后', '后座右边的人'],
  front: ['前排', '前排两个人', '前面两个座位', '前座', '前排的人', '主副驾'],
  rear: ['后排', '后座', '后面的人', '后排乘客', '后排的人', '后座的人', '后面', '后面的小孩', '后排的孩子们', '后座的孩子'],
  all: ['大家', '所有人', '全车', '每个座位', '全车的人', '所有座位', '每个人'],
};

const SELF_POSS = ['我的', '我这边的', '我座位的', '我自己的', '我这个座位的', '我这边'];
const SELF_TARGET = ['我', '我自己', '我这边', '我这个座位'];
// Not 我后座的: after a polite 给我 it would read as 给我 + 后座的 (the rear row).
const BEHIND_POSS = ['我后面的', '我后面座位的', '我身后的', '我后边的', '我正后方的', '我后面那位的'];
const BEHIND_TARGET = ['我后面的人', '坐我后面的', '我身后的人', '我后边的人', '我后面那位', '坐在我后面的人'];

const BESIDE_POSS = ['我旁边的', '我旁边座位的', '我旁边那位的', '我边上的'];
const BESIDE_TARGET = ['我旁边的人', '坐我旁边的', '我旁边那位', '坐在我旁边的人', '我边上的人'];
const BESIDE: Record<Seat, Zone> = { driver: 'passenger', passenger: 'driver', rear_left: 'rear_right', rear_right: 'rear_left' };

/**
 * The seat said after the request, as its own phrase (座椅加热打开，副驾的 / 温度调到22度，是给后排的): the tail alone,
 * or 给/是给/要 + whom.
 */
export function trailingZone(ctx: Ctx, z: ZoneRef): string {
  return ctx.chance(0.5) ? z.tail : `${ctx.pick(['给', '是给', '要'])}${z.target}${ctx.pick(['的', ''])}`;
}

export function named(ctx: Ctx, zone: Named): ZoneRef {
  const poss = ctx.name(POSS[zone]);
  const target = ctx.name(TARGET[zone]);
  return { zone, poss, target, tail: poss.endsWith('的') ? poss : `${poss}${ctx.pick(['', '的', '那边'])}` };
}

/** The seat behind the speaker, or null when the speaker sits in the rear (no one is behind them). */
export function behind(ctx: Ctx): ZoneRef | null {
  if (ctx.speaker === 'driver' || ctx.speaker === 'passenger') {
    const zone: Zone = ctx.speaker === 'driver' ? 'rear_left' : 'rear_right';
    const poss = ctx.name(BEHIND_POSS);
    return { zone, poss, target: ctx.name(BEHIND_TARGET), tail: poss };
  }
  return null;
}

/** The other seat in the speaker's row (我旁边的人: the driver's is the passenger, rear left's is rear right). */
export function beside(ctx: Ctx): ZoneRef {
  const poss = ctx.name(BESIDE_POSS);
  return { zone: BESIDE[ctx.speaker], poss, target: ctx.name(BESIDE_TARGET), tail: poss };
}

export function self(ctx: Ctx, bare = 0.5): ZoneRef {
  const poss = ctx.chance(bare) ? '' : ctx.name(SELF_POSS);
  const target = ctx.name(SELF_TARGET);
  return { zone: 'self', poss, target, tail: poss || '我这边' };
}

/**
 * A seat reference for a seat-or-group intent (`groups`) or a single-seat one. About 40 % name no seat
 * (zone self), the rest name a seat, a group, or the person behind the speaker.
 */
export function seatRef(ctx: Ctx, groups: boolean, pSelf = 0.4): ZoneRef {
  const r = ctx.random();
  if (r < pSelf) return self(ctx);
  if (r < pSelf + 0.07) {
    const b = behind(ctx);
    if (b) return b;
  }
  if (r < pSelf + 0.11) return beside(ctx);
  const seats: Named[] = ['driver', 'passenger', 'rear_left', 'rear_right'];
  const pool: Named[] = groups && ctx.chance(0.35) ? ['front', 'rear', 'all', 'rear'] : seats;
  return named(ctx, ctx.pick(pool));
}

/** With `--seat-pairs`, `share` of the time a group for a one-seat feature (后排座椅往前移一点); otherwise `seatRef`. */
export function moveRef(ctx: Ctx, pSelf: number, share = 0.12): ZoneRef {
  if (ctx.pairs(share, 'groups')) return named(ctx, ctx.pick(['front', 'rear', 'rear', 'all'] as const));
  return seatRef(ctx, false, pSelf);
}

const ROW: Record<'front' | 'rear', string[]> = {
  front: ['前排', '前排的', '前面', '第一排', '前排空调', '前面的', '前座'],
  rear: ['后排', '后排的', '后面', '后座', '第二排', '后排空调', '后面的', '后座的'],
};

/** A row for fan and airflow: self (the speaker's row) or front / rear. */
export function rowRef(ctx: Ctx, pSelf = 0.55): ZoneRef {
  if (ctx.chance(pSelf)) {
    const poss = ctx.chance(0.7) ? '' : ctx.name(['我这排', '我这边', '我这里', '我们这排', '我这边的']);
    return { zone: 'self', poss, target: poss || '我这边', tail: poss || '我这边' };
  }
  const zone = ctx.chance(0.5) ? 'front' : 'rear';
  const poss = ctx.name(ROW[zone]);
  return { zone, poss, target: poss.replace(/的$/, ''), tail: poss };
}
