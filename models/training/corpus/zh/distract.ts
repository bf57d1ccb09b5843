// Distractors in Mandarin: one or two words the request does not need (嗯, 那个, 就是, 赶紧, 苹果) put at a word
// boundary, so the model learns that a word it does not know changes nothing. Labels stay as they are.
import type { TemplateContext } from '../template.js';

const FILLERS = ['嗯', '那个', '就是', '呃', '啊', '这个', '那什么', '额', '我说', '你看', '现在', '马上', '赶紧', '快', '好像', '其实', '反正', '嗯嗯',
  '哎', '话说', '怎么说呢', '麻烦', '稍等', '哦', '先', '就'];
/** Nouns that name nothing in the catalog nor out of it: no car part, seat or side word (左右前后上下), colour or number. */
const NOUNS = ['桌子', '苹果', '杯子', '周末', '猫', '书包', '电脑', '钥匙', '雨伞', '咖啡', '面包', '衣服', '鞋子', '香蕉', '西瓜', '铅笔', '本子', '作业',
  '快递', '报告', '会议', '草莓', '饺子', '小狗', '熊猫', '气球', '枕头', '毛巾', '沙发', '花盆', '蛋糕', '饼干', '牛奶', '篮球', '足球', '眼镜', '帽子',
  '袜子', '报纸', '剪刀', '茶杯', '月饼', '包子', '企鹅', '老虎', '风筝', '积木'];

/** Words after which a new word can start: a polite lead, 把, a comma. */
const AFTER = ['请帮我', '麻烦你', '你帮我', '帮我', '麻烦', '请', '能不能', '我想', '我要', '你好，', '小助手，', '劳驾', '把', '，', ','];
/** Verbs before which a new word can go (not after 空, where 调 belongs to 空调). */
const BEFORE = ['调到', '调成', '调高', '调低', '调大', '调小', '调亮', '调暗', '设为', '设成', '设置为', '设置成', '改成', '换成', '变成', '打开', '关掉', '关了',
  '关闭', '关上', '开到', '开一下', '降低', '升高', '提高'];

const NUMERAL = /[0-9零一二两三四五六七八九十百点]/;

function gaps(s: string): number[] {
  const at = new Set<number>([0]);
  for (const w of AFTER) for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) at.add(i + w.length);
  for (const w of BEFORE) for (let i = s.indexOf(w); i > 0; i = s.indexOf(w, i + 1)) if (s[i - 1] !== '空') at.add(i);
  // Before a closing particle or punctuation.
  const tail = /(吧|吗|好吗|可以吗|行吗|呗|，谢谢|谢谢)?[。！？!?~]*$/.exec(s)!;
  if (tail.index > 0) at.add(tail.index);
  // Never right after a numeral: 二十 + 嗯 + 二度 would split a number.
  return [...at].filter((i) => i === 0 || !NUMERAL.test(s[i - 1]!)).sort((a, b) => a - b);
}

/** Inserts one or two distractors at word boundaries; very short sentences are left alone. */
export function zhDistract(text: string, ctx: TemplateContext): string {
  if (text.length < 3) return text;
  let s = text;
  const n = ctx.chance(0.7) ? 1 : 2;
  for (let k = 0; k < n; k++) {
    const all = gaps(s);
    // A noun goes where it reads as a modifier or an aside (after 把, at the start, after a comma), never as an
    // object at the end (后排也要 + 苹果 would ask for something else).
    const nounGaps = all.filter((i) => i === 0 || /[把，,]$/.test(s.slice(0, i)));
    const noun = nounGaps.length > 0 && ctx.chance(0.35);
    const at = ctx.pick(noun ? nounGaps : all);
    const w = noun ? ctx.pick(NOUNS) : ctx.pick(FILLERS);
    const sep = !noun && ctx.chance(0.3) ? '，' : '';
    s = `${s.slice(0, at)}${w}${sep}${s.slice(at)}`;
  }
  return s;
}
