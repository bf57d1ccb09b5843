// Follow-ups (再多一点, 太多了, 关掉它, 副驾也一样, 我也要) and dialogue words (算了, 撤销, 好的, 不用了).
import type { Template } from '../template.js';
import { end, out, zh, type Ctx } from './common.js';
import { level } from './numbers.js';
import { behind, seatRef } from './zones.js';

const punct = (ctx: Ctx) => ctx.pick(['', '', '。', '！', '，']).replace('，', '');
const lead = (ctx: Ctx) => (ctx.chance(0.25) ? ctx.pick(['嗯，', '那个，', '哎，', '嗯', '呃，', '好，']) : '');

const MORE = [
  '再多一点', '再高一点', '再来一点', '再大一点', '还不够', '不够', '再加一点', '再往上一点', '还要多一点', '再强一点',
  '再来一档', '再调高一点', '还可以再多点', '多一点', '继续', '再多点', '还差一点', '再加点', '还是不够', '再低一点', '再小一点',
  '再往下一点', '更多一点', '再调一档', '继续调', '再来点', '再大点',
];
const LESS = [
  '太多了', '少一点', '过了', '太过了', '调过头了', '多了', '回来一点', '往回调一点', '稍微回一点', '太高了', '太大了',
  '有点过了', '收一点', '少点', '太猛了', '过头了', '减回来一点', '多了多了', '有点太多了', '调回来一点', '太强了',
];
const OFF = ['关掉它', '把它关了', '关了吧', '关掉吧', '关了', '把它关掉', '关上它', '还是关了吧', '给它关了', '关掉', '把这个关了', '先关了吧', '关闭它'];
const ON = ['打开它', '把它打开', '开着吧', '把这个打开', '还是开着吧', '打开吧', '开它', '给它打开'];
const MAX = ['开到最大', '调到最大', '最大', '开满', '拉满', '调到最高', '最高档', '开到顶'];

export const dialogTemplates: Template[] = [
  zh('followup.more', (ctx) => out(`${lead(ctx)}${ctx.phrase(MORE)}${punct(ctx)}`, { intent: 'followup', more: true }), 1.5),
  zh('followup.more_polite', (ctx) => {
    const t = ctx.phrase(['麻烦再{x}', '请再{x}', '能再{x}吗', '帮我再{x}', '再{x}吧', '再{x}好吗', '稍微再{x}', '可以再{x}']);
    const x = ctx.pick(['高一点', '多一点', '大一点', '调一点', '加一点', '多来一点', '往上调一点', '强一点', '低一点', '小一点']);
    return out(`${t.replace('{x}', x)}${end(ctx)}`, { intent: 'followup', more: true });
  }),
  zh('followup.less', (ctx) => out(`${lead(ctx)}${ctx.phrase(LESS)}${punct(ctx)}`, { intent: 'followup', more: false }), 1.5),
  zh('followup.less_sentence', (ctx) => {
    const t = ctx.phrase(['调得太多了，回来一点', '这也太多了吧', '哎呀太过了', '不对，多了，少一点', '有点过头了，往回一点', '这样太多了', '太过头了，回调一点', '刚才调多了']);
    return out(`${t}${end(ctx)}`, { intent: 'followup', more: false });
  }),
  zh('followup.off', (ctx) => out(`${lead(ctx)}${ctx.phrase(OFF)}${punct(ctx)}`, { intent: 'followup', value: 'off' }), 1.2),
  zh('followup.on_max', (ctx) => {
    const r = ctx.random();
    if (r < 0.45) return out(`${lead(ctx)}${ctx.phrase(ON)}${punct(ctx)}`, { intent: 'followup', value: 'on' });
    if (r < 0.8) return out(`${lead(ctx)}${ctx.phrase(MAX)}${punct(ctx)}`, { intent: 'followup', value: 'max' });
    const n = ctx.int(1, 3);
    return out(`${ctx.phrase(['调到{n}', '换成{n}', '改成{n}', '{n}就行', '开到{n}', '用{n}'])}`.replace('{n}', level(ctx, n)) + punct(ctx), { intent: 'followup', value: n });
  }, 0.8),
  // 副驾也一样 / 后排也要 / 给主驾也开一下
  zh('followup.zone', (ctx) => {
    const z = seatRef(ctx, true, 0);
    const who = ctx.chance(0.6) ? z.target : z.poss.replace(/的$/, '');
    const t = ctx.phrase(['{z}也一样', '{z}也要', '{z}也来一个', '给{z}也来一个', '{z}也开一下', '还有{z}', '{z}也这样', '{z}也是', '{z}同样', '{z}也照这样', '也给{z}弄一下', '{z}那边也一样']);
    return out(`${t.replace('{z}', who)}${punct(ctx)}`, { intent: 'followup', zone: z.zone });
  }, 1.5),
  // 我也要 / 我也是 / 给我也来一个
  zh('followup.self', (ctx) => {
    const t = ctx.phrase(['我也要', '我也是', '我也一样', '给我也来一个', '我这边也要', '我也来一个', '我也想要', '我这里也一样', '也给我弄一下', '我也这样', '我也需要', '我这也要']);
    return out(`${lead(ctx)}${t}${punct(ctx)}`, { intent: 'followup', zone: 'self' });
  }, 1.2),
  // 我后面的人也要 (only when someone sits behind the speaker)
  zh('followup.behind', (ctx) => {
    const b = behind(ctx);
    if (!b) return out(`${ctx.phrase(['后排也要', '后面也一样', '后座也来一个', '后排也这样'])}${punct(ctx)}`, { intent: 'followup', zone: 'rear' });
    return out(`${ctx.phrase(['{z}也要', '{z}也一样', '给{z}也来一个', '{z}也开一下'])}`.replace('{z}', b.target) + punct(ctx), { intent: 'followup', zone: b.zone });
  }, 0.5),

  zh('dialog.cancel', (ctx) => out(`${lead(ctx)}${ctx.phrase(['算了', '取消', '取消吧', '没事了', '别弄了', '先不弄了', '当我没说', '算了算了', '取消操作', '不弄了', '算了吧', '那就算了', '不调了', '取消这个'])}${punct(ctx)}`, { intent: 'dialog.cancel' })),
  zh('dialog.cancel_sentence', (ctx) => out(`${ctx.phrase(['算了，不用调了', '哎算了，先这样吧', '取消刚才的请求', '不用管它了，取消', '我说错了，取消', '先别动，取消吧', '这个先不要了，取消'])}${end(ctx)}`, { intent: 'dialog.cancel' }), 0.6),
  zh('dialog.undo', (ctx) => out(`${lead(ctx)}${ctx.phrase(['撤销', '还原', '改回去', '恢复原来的', '调回去', '撤回', '回到刚才的设置', '恢复一下', '返回上一步', '撤销刚才的操作', '变回原来那样', '改回来', '还是原来的好', '恢复原样'])}${punct(ctx)}`, { intent: 'dialog.undo' })),
  zh('dialog.undo_sentence', (ctx) => out(`${ctx.phrase(['刚才那个不对，改回来', '不好意思，恢复到之前的', '刚才调错了，撤回', '还是刚才那样好，改回去吧', '把刚才的改动撤销', '帮我恢复成之前的设置', '撤销上一个操作'])}${end(ctx)}`, { intent: 'dialog.undo' }), 0.6),
  zh('dialog.yes', (ctx) => out(`${ctx.phrase(['好的', '是的', '对', '对的', '嗯好', '可以', '行', '没问题', '确定', '好啊', '是', '没错', '确认', '好', '行啊', '就这样', '对对对', 'OK的', '要的', '嗯嗯'])}${punct(ctx)}`, { intent: 'dialog.yes' }), 1.2),
  zh('dialog.yes_sentence', (ctx) => out(`${ctx.phrase(['对，就是这个', '是的，没错', '好的，就这么办', '可以，确认一下', '嗯，就这样吧', '对啊，我是这个意思', '确定，执行吧', '行，就这么定了', '没问题，照办吧', '好，就按这个来', '可以，就这样做', '嗯，这么办挺好', '对，照这个弄'])}${end(ctx)}`, { intent: 'dialog.yes' }), 0.6),
  zh('dialog.no', (ctx) => out(`${ctx.phrase(['不用了', '不要', '不', '不是', '不需要', '不用', '别', '不行', '否', '不对', '不要了', '不用不用', '不必了', '不是这个', '不了'])}${punct(ctx)}`, { intent: 'dialog.no' }), 1.2),
  zh('dialog.no_sentence', (ctx) => out(`${ctx.phrase(['不用了，谢谢', '不是，我不是这个意思', '不要，不用这样', '不需要，谢谢你', '不对，不是这个', '不了，就这样挺好'])}${end(ctx)}`, { intent: 'dialog.no' }), 0.6),
];
