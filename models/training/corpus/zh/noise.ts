// Speech-recogniser-style errors for Mandarin that keep the meaning: punctuation lost, fillers added or
// dropped, particles dropped, and homophone swaps a recogniser really makes. Numbers and seat words are
// never touched in a way that changes their meaning (左/右, 前/后, 主/副 stay as said).
import type { TemplateContext } from '../template.js';

/** Homophone / near-homophone swaps; each side still reads as the same command to a native speaker. */
const SWAPS: [string, string[]][] = [
  ['座椅', ['坐椅', '座以']],
  ['档', ['挡', '当']],
  ['挡', ['档']],
  ['副驾', ['付驾', '副架']],
  ['主驾', ['主架', '主家']],
  ['氛围灯', ['分为灯', '氛围等', '芬围灯']],
  ['阅读灯', ['阅读等', '月读灯']],
  ['通风', ['通封', '同风']],
  ['按摩', ['按磨', '安摩']],
  ['靠背', ['靠被', '考背']],
  ['风量', ['风亮', '封量']],
  ['除雾', ['出雾', '除务']],
  ['调', ['条']],
  ['的', ['得', '地']],
  ['吗', ['嘛', '么']],
  ['一点', ['一点儿', '点儿', '一点点']],
  ['温度', ['温都', '问度']],
  ['空调', ['空挑', '空条']],
  ['循环', ['寻环', '循还']],
  ['加热', ['家热', '佳热']],
  ['顶灯', ['顶登', '定灯']],
  ['打开', ['大开', '打凯']],
  ['关掉', ['关调', '关吊']],
  ['亮度', ['量度', '亮都']],
  ['麻烦', ['麻凡', '马烦']],
];

const FILLERS = ['嗯', '那个', '呃', '啊', '就是', '嗯嗯', '额', '哎'];
const DROPPABLE = ['一下', '请', '吧', '帮我', '麻烦', '呢', '啊', '那个', '嗯', '呃', '就是'];

/** Applies one to three recogniser-style errors to a Mandarin utterance. */
export function zhAsrNoise(text: string, ctx: TemplateContext): string {
  let s = text;
  const ops = 1 + (ctx.chance(0.5) ? 1 : 0) + (ctx.chance(0.2) ? 1 : 0);
  for (let k = 0; k < ops; k++) {
    const r = ctx.random();
    if (r < 0.3) s = s.replace(/[，。！？、,.!?~；;：:]/g, ctx.chance(0.2) ? ' ' : '');
    else if (r < 0.5) s = addFiller(s, ctx);
    else if (r < 0.65) s = dropWord(s, ctx);
    else s = swap(s, ctx);
  }
  s = s.replace(/\s+/g, ' ').trim();
  return s.length > 0 ? s : text;
}

function addFiller(s: string, ctx: TemplateContext): string {
  const f = ctx.pick(FILLERS);
  if (ctx.chance(0.7)) return `${f}${ctx.pick(['', '，', ' '])}${s}`;
  // After the first clause break, where people hesitate.
  const i = s.search(/[，,]/);
  return i > 0 ? `${s.slice(0, i + 1)}${f}${s.slice(i + 1)}` : `${s}${ctx.pick(['啊', '呢', '哈'])}`;
}

function dropWord(s: string, ctx: TemplateContext): string {
  const present = DROPPABLE.filter((w) => s.includes(w) && s.replace(w, '').trim().length > 1);
  if (present.length === 0) return s.replace(/[，。！？,.!?~]/g, '');
  return s.replace(ctx.pick(present), '');
}

function swap(s: string, ctx: TemplateContext): string {
  const present = SWAPS.filter(([w]) => s.includes(w));
  if (present.length === 0) return s;
  const [from, to] = ctx.pick(present);
  return s.replace(from, ctx.pick(to));
}
