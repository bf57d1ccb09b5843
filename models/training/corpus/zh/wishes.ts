// Indirect wishes (DESIGN conventions): 我有点冷 → temp +2, 闷热 → −2, 前挡起雾 → defrost, 腰酸 → massage,
// 看不清 → reading light, 太亮了 → brightness −20, 外面有异味 → recirculation.
import type { CorpusIntent, Template } from '../template.js';
import { end, fill, out, zh, type Ctx } from './common.js';
import { count } from './numbers.js';
import { seatRef } from './zones.js';

const COLD = ['我有点冷', '好冷啊', '冷死了', '有点凉', '车里好冷', '冻死了', '我冷', '感觉有点冷', '太冷了', '我觉得冷', '有点冷', '好冷', '冷得发抖', '车里凉飕飕的', '手都冻僵了', '我好冷啊'];
const HOT = ['我有点热', '好热', '热死了', '闷热', '太闷热了', '车里闷热', '太热了', '我好热啊', '有点热', '晒得好热', '热得受不了', '车里跟蒸笼一样', '我出汗了', '好热啊', '感觉有点热', '车里太热了'];
const OTHERS_COLD = ['{z}说有点冷', '{z}觉得冷', '{z}有点冷', '{z}冷', '{z}那边有点凉', '{z}喊冷'];
const OTHERS_HOT = ['{z}说有点热', '{z}觉得热', '{z}有点热', '{z}热', '{z}那边太热了', '{z}喊热'];
const lead = (ctx: Ctx) => (ctx.chance(0.2) ? ctx.pick(['哎，', '唉', '哎呀，', '天哪，', '嗯，']) : '');
const wrap = (ctx: Ctx, s: string) => `${lead(ctx)}${s}${end(ctx)}`;

const temp = (zone: CorpusIntent['zone'], delta: number): CorpusIntent => ({ intent: 'hvac.temp', zone: zone!, delta });

export const wishTemplates: Template[] = [
  zh('wish.cold', (ctx) => out(wrap(ctx, ctx.phrase(COLD)), temp('self', 2)), 1.5),
  zh('wish.hot', (ctx) => out(wrap(ctx, ctx.phrase(HOT)), temp('self', -2)), 1.5),
  // 我有点冷，帮我调一下 / 好闷热啊，怎么办
  zh('wish.temp_ask', (ctx) => {
    const cold = ctx.chance(0.5);
    const feel = ctx.phrase(cold ? COLD : HOT);
    const ask = ctx.phrase(['，帮我调一下', '，调一下温度', '，怎么办', '，弄一下', '，你看着办', '，处理一下', '，帮帮忙']);
    return out(`${feel}${ask}${end(ctx)}`, temp('self', cold ? 2 : -2));
  }),
  // 副驾说有点冷 / 后排觉得热
  zh('wish.temp_others', (ctx) => {
    const z = seatRef(ctx, true, 0);
    const cold = ctx.chance(0.5);
    const who = ctx.chance(0.6) ? z.target : z.poss.replace(/的$/, '');
    const said = ctx.phrase(cold ? OTHERS_COLD : OTHERS_HOT).replace('{z}', who);
    // 后排说冷，给他们调高两度: a step said after the report is that step, for the people reported.
    if (ctx.chance(0.3)) {
      const n = 1 + Math.floor(ctx.random() * 3);
      const them = z.zone === 'front' || z.zone === 'rear' || z.zone === 'all' ? '他们' : ctx.pick(['他', '她', 'ta']);
      const step = fill(ctx.pick(['，给{t}调{dir}{n}度', '，帮{t}调{dir}{n}度', '，把{t}那边调{dir}{n}度', '，{t}那边{dir}{n}度']), {
        t: them, dir: cold ? ctx.pick(['高', '高', '暖']) : ctx.pick(['低', '低', '凉']), n: count(ctx, n) });
      return out(`${lead(ctx)}${said}${step}${end(ctx)}`, temp(z.zone, cold ? n : -n));
    }
    return out(wrap(ctx, said), temp(z.zone, cold ? 2 : -2));
  }, 0.8),
  zh('wish.fog_front', (ctx) => {
    const t = ctx.phrase(['前挡起雾了', '挡风玻璃起雾了', '前面玻璃有雾', '前挡风玻璃模糊了', '玻璃上全是雾，看不清路', '前挡全是雾气', '前风挡起雾了', '挡风玻璃上有哈气', '前面起雾了看不清', '前挡有霜']);
    return out(wrap(ctx, t), { intent: 'hvac.defrost_front', zone: 'cabin', value: 'on' });
  }),
  zh('wish.fog_rear', (ctx) => {
    const t = ctx.phrase(['后窗起雾了', '后挡风玻璃有雾', '后玻璃全是雾', '后面玻璃看不清了', '后挡起雾了', '后视窗模糊了', '后风挡有哈气', '后窗结霜了']);
    return out(wrap(ctx, t), { intent: 'hvac.defrost_rear', zone: 'cabin', value: 'on' });
  }, 0.8),
  zh('wish.sore_back', (ctx) => {
    const t = ctx.phrase(['腰酸', '腰好酸', '背疼', '腰疼', '坐久了腰不舒服', '肩膀酸', '背好累', '开车开得腰酸背痛', '我腰有点酸', '后背好酸', '坐得腰疼', '浑身酸痛', '腰不舒服']);
    return out(wrap(ctx, t), { intent: 'seat.massage', zone: 'self', value: 'on' });
  }),
  zh('wish.dark_read', (ctx) => {
    const t = ctx.phrase(['看不清', '太暗了看不清', '看不清字', '我想看书', '太暗了看不见', '黑乎乎的看不清', '找东西看不清', '看不清楚', '光线太暗看不了书', '我要看点东西，太暗了', '这么暗怎么看书']);
    return out(wrap(ctx, t), { intent: 'light.reading', zone: 'self', value: 'on' });
  }),
  zh('wish.too_bright', (ctx) => {
    const t = ctx.phrase(['太亮了', '灯太亮了', '有点刺眼', '晃眼', '氛围灯太刺眼了', '灯光太亮', '灯晃得眼睛疼', '好刺眼', '亮得睁不开眼', '氛围灯太亮了']);
    return out(wrap(ctx, t), { intent: 'light.ambient_brightness', zone: 'cabin', delta: -20 });
  }),
  zh('wish.too_dim', (ctx) => {
    const t = ctx.phrase(['氛围灯太暗了', '灯光太暗了', '氛围灯暗得看不见', '灯光有点暗', '氛围灯不够亮', '氛围灯好暗']);
    return out(wrap(ctx, t), { intent: 'light.ambient_brightness', zone: 'cabin', delta: 20 });
  }, 0.5),
  zh('wish.smell_outside', (ctx) => {
    const t = ctx.phrase(['外面有异味', '外面好臭', '外面味道好大', '前面车尾气好难闻', '外面有烟味', '有股臭味从外面进来', '外面灰尘好大', '雾霾好重', '外面空气太差了', '前面是垃圾车好臭', '外面有股怪味', '隧道里尾气好重']);
    return out(wrap(ctx, t), { intent: 'hvac.recirc', zone: 'cabin', value: 'on' });
  }),
  zh('wish.stale_inside', (ctx) => {
    const t = ctx.phrase(['车里空气不新鲜', '想换换新鲜空气', '车里有股味，换换气', '车里空气太差了，透透气', '让外面的新鲜空气进来', '车里憋得慌，换点新风']);
    return out(wrap(ctx, t), { intent: 'hvac.recirc', zone: 'cabin', value: 'off' });
  }, 0.5),
  zh('wish.seat_cold', (ctx) => {
    const t = ctx.phrase(['座椅好凉', '屁股好冰', '座位冰凉的', '椅子太凉了', '坐着好冰', '座椅冻得慌']);
    return out(wrap(ctx, t), { intent: 'seat.heat', zone: 'self', value: 'on' });
  }, 0.6),
  zh('wish.seat_sweaty', (ctx) => {
    const t = ctx.phrase(['后背全是汗', '座椅太闷了后背出汗', '背上都湿了', '屁股坐得好热', '座椅捂得慌', '后背黏糊糊的']);
    return out(wrap(ctx, t), { intent: 'seat.vent', zone: 'self', value: 'on' });
  }, 0.6),
  zh('wish.legroom', (ctx) => {
    const t = ctx.phrase(['腿伸不开', '前面太挤了', '腿没地方放', '座位太靠前了，好挤', '膝盖顶到了']);
    return out(wrap(ctx, t), { intent: 'seat.slide', zone: 'self', delta: 10 });
  }, 0.5),
];
