// Coordinated requests a connector cannot build: 把座椅加热和通风都打开, 副驾和后排的加热都关掉, 打开内循环和制冷.
import type { CorpusIntent, GeneratedUtterance, Template } from '../template.js';
import { out, polite, zh, type Ctx } from './common.js';
import { celsius } from './numbers.js';
import { SEATS } from '../../../../vehicle-bus/cabin/vehicle-state-types.js';
import { named, seatRef, self, type Named, type ZoneRef } from './zones.js';

const SEAT_FEATS: [string, string[]][] = [
  ['seat.heat', ['座椅加热', '加热']],
  ['seat.vent', ['座椅通风', '通风']],
  ['seat.massage', ['按摩', '座椅按摩']],
  ['light.reading', ['阅读灯', '阅读灯']],
];
const CABIN_FEATS: [string, string[]][] = [
  ['hvac.recirc', ['内循环']],
  ['hvac.ac', ['制冷', 'AC', '压缩机']],
  ['hvac.defrost_front', ['前挡除雾', '前除雾']],
  ['hvac.defrost_rear', ['后窗加热', '后挡除雾']],
  ['hvac.auto', ['自动空调', '自动模式']],
  ['hvac.sync', ['温度同步', '同步']],
  ['light.ambient', ['氛围灯']],
  ['light.dome', ['顶灯', '车顶灯']],
];

function onOff(ctx: Ctx): { value: 'on' | 'off'; before: string; after: string } {
  return ctx.chance(0.55)
    ? { value: 'on', before: ctx.phrase(['打开', '开启', '开一下', '都打开', '开']), after: ctx.phrase(['都打开', '都开一下', '都开了', '一起打开', '都开上']) }
    : { value: 'off', before: ctx.phrase(['关掉', '关闭', '关一下', '都关了', '关']), after: ctx.phrase(['都关掉', '都关了', '都关一下', '一起关了', '全关了']) };
}

/** Two zones that do not overlap: two different seats (one may be the speaker's own), or the two rows. */
function twoZones(ctx: Ctx): [ZoneRef, ZoneRef] {
  if (ctx.chance(0.2)) return ctx.chance(0.5) ? [named(ctx, 'front'), named(ctx, 'rear')] : [named(ctx, 'rear'), named(ctx, 'front')];
  const others = SEATS.filter((s) => s !== ctx.speaker);
  const b = named(ctx, ctx.pick(others));
  if (ctx.chance(0.3)) return [self(ctx), b];
  const a = named(ctx, ctx.pick(others.filter((s) => s !== b.zone)));
  return [a, b];
}

/**
 * With `--seat-pairs`, `share` of the time: two temperatures for one row's two seats or for the two rows
 * (主驾二十度副驾二十三度, 前排二十度后排二十四度). With two values these are two settings, not the front row.
 */
function twoTemps(ctx: Ctx, share: number): GeneratedUtterance | null {
  if (!ctx.pairs(share)) return null;
  const pairs: [Named, Named][] = [['driver', 'passenger'], ['driver', 'passenger'], ['rear_left', 'rear_right'], ['front', 'rear']];
  const [za, zb] = ctx.pick(pairs);
  const [ra, rb] = ctx.chance(0.7) ? [za, zb] : [zb, za];
  const a = ra === ctx.speaker && ctx.chance(0.3) ? self(ctx, 0) : named(ctx, ra);
  const b = named(ctx, rb);
  const va = ctx.int(17, 27) + (ctx.chance(0.15) ? 0.5 : 0);
  const vb = ctx.pick([17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27].filter((n) => n !== Math.floor(va)));
  const x = celsius(ctx, va);
  const y = celsius(ctx, vb);
  const sep = ctx.pick(['，', '，', '', '；', '，然后']);
  const noun = () => ctx.pick(['温度', '空调', '']);
  const t = ctx.pick([
    () => `${a.target}${x}${sep}${b.target}${y}`,
    () => `${a.poss}${noun()}${x}${sep}${b.poss}${noun()}${y}`,
    () => `${a.target}调到${x}${sep}${b.target}调到${y}`,
    () => `${a.target}要${x}${sep}${b.target}要${y}`,
    () => `把${a.poss}温度调到${x}${sep}${b.poss}调到${y}`,
    () => `${a.poss}温度设成${x}${sep}${b.poss}设成${y}`,
    () => `温度${a.target}${x}${sep}${b.target}${y}`,
  ])();
  return out(polite(ctx, t, 0.2), { intent: 'hvac.temp', zone: a.zone, value: va }, { intent: 'hvac.temp', zone: b.zone, value: vb });
}

export const comboTemplates: Template[] = [
  // 把座椅加热和通风都打开 / 把副驾的按摩和阅读灯都关了
  zh('combo.two_features', (ctx) => {
    const z = seatRef(ctx, true);
    const i = ctx.int(0, SEAT_FEATS.length - 1);
    let j = ctx.int(0, SEAT_FEATS.length - 2);
    if (j >= i) j++;
    const [fa, na] = SEAT_FEATS[i]!;
    const [fb, nb] = SEAT_FEATS[j]!;
    const s = onOff(ctx);
    const and = ctx.pick(['和', '还有', '跟', '以及', '和']);
    const text = ctx.chance(0.6) ? `把${z.poss}${ctx.pick(na)}${and}${ctx.pick(nb)}${s.after}` : `${s.before.replace('都', '')}${z.poss}${ctx.pick(na)}${and}${ctx.pick(nb)}`;
    const mk = (f: string): CorpusIntent => ({ intent: f, zone: z.zone, value: s.value });
    return out(polite(ctx, text, 0.25), mk(fa), mk(fb));
  }, 0.8),
  // 副驾和后排的座椅加热都打开
  zh('combo.two_zones', (ctx) => {
    const temps = twoTemps(ctx, 0.3);
    if (temps) return temps;
    const [a, b] = twoZones(ctx);
    const [f, nouns] = ctx.pick(SEAT_FEATS);
    const s = onOff(ctx);
    if (a.zone !== 'self' && ctx.chance(0.45)) {
      // One zone, two of its features: 副驾的加热和通风都打开 / 打开副驾的加热和通风 (the zone and the verb apply to both).
      const [g, gNouns] = ctx.pick(SEAT_FEATS.filter(([k]) => k !== f));
      const pair = `${a.target}的${ctx.pick(nouns)}${ctx.pick(['和', '跟', '还有', '以及'])}${ctx.pick(gNouns)}`;
      const text = ctx.phrase([`${pair}${s.after}`, `把${pair}${s.after}`, `${s.before.replace('都', '')}${pair}`, `${s.before.replace('都', '')}一下${pair}`.replace('一下一下', '一下')]);
      return out(polite(ctx, text, 0.2), { intent: f, zone: a.zone, value: s.value }, { intent: g, zone: a.zone, value: s.value });
    }
    const an = a.zone === 'self' ? ctx.pick(['我', '我这边']) : a.target;
    const text = ctx.chance(0.6) ? `把${an}和${b.target}的${ctx.pick(nouns)}${s.after}` : `${an}和${b.target}的${ctx.pick(nouns)}${s.after}`;
    return out(polite(ctx, text, 0.2), { intent: f, zone: a.zone, value: s.value }, { intent: f, zone: b.zone, value: s.value });
  }, 1.8),
  // 打开内循环和制冷 / 把前挡除雾跟后窗加热都开了
  zh('combo.cabin_pair', (ctx) => {
    const i = ctx.int(0, CABIN_FEATS.length - 1);
    let j = ctx.int(0, CABIN_FEATS.length - 2);
    if (j >= i) j++;
    const [fa, na] = CABIN_FEATS[i]!;
    const [fb, nb] = CABIN_FEATS[j]!;
    const s = onOff(ctx);
    const and = ctx.pick(['和', '跟', '还有', '和']);
    const text = ctx.chance(0.5) ? `${s.before.replace('都', '')}${ctx.pick(na)}${and}${ctx.pick(nb)}` : `把${ctx.pick(na)}${and}${ctx.pick(nb)}${s.after}`;
    return out(polite(ctx, text, 0.25), { intent: fa, zone: 'cabin', value: s.value }, { intent: fb, zone: 'cabin', value: s.value });
  }, 0.8),
];
