// Shared helpers for the Mandarin templates: template construction, polite wrappers, phrasing choice.
import type { CorpusIntent, GeneratedUtterance, Template, TemplateContext } from '../template.js';

export type Ctx = TemplateContext;

export function zh(id: string, generate: (ctx: Ctx) => GeneratedUtterance, weight?: number): Template {
  return weight === undefined ? { id: `zh.${id}`, lang: 'zh', generate } : { id: `zh.${id}`, lang: 'zh', weight, generate };
}

export function out(text: string, ...intents: CorpusIntent[]): GeneratedUtterance {
  return { text, intents };
}

/**
 * A core word or a variant. Core words go through `pick` so the held-out share of a bank never removes
 * the everyday word (打开, 关掉) from training; variants go through `phrase` and may be held out.
 */
export function vary(ctx: Ctx, core: readonly string[], variants: readonly string[], pCore = 0.4): string {
  return ctx.chance(pCore) || variants.length < 4 ? ctx.pick(core) : ctx.phrase(variants);
}

/** Fills `{name}` slots. */
export function fill(t: string, vars: Record<string, string>): string {
  return t.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

const POLITE = [
  '请{x}', '麻烦{x}', '帮我{x}', '麻烦你{x}', '你帮我{x}', '请帮我{x}', '能不能{x}', '可以{x}吗', '能{x}吗',
  '{x}吧', '{x}，谢谢', '{x}好吗', '给我{x}', '我想{x}', '我要{x}', '你好，{x}', '小助手，{x}', '那个，{x}',
  '帮忙{x}', '{x}呗', '麻烦帮我{x}', '{x}可以吗', '能帮我{x}吗', '劳驾{x}',
];

/** Frames that fit a topic-first sentence (副驾座椅加热开一下), where 我想/帮我 in front would be ungrammatical. */
const POLITE_TOPIC = [
  '{x}吧', '{x}，谢谢', '{x}好吗', '{x}可以吗', '请{x}', '麻烦{x}', '你好，{x}', '小助手，{x}', '那个，{x}',
  '{x}，麻烦了', '{x}呗', '{x}行吗', '{x}，辛苦了', '嗯，{x}',
];

/** A sentence that opens with a verb (or 把/给), so 我想/帮我/能…吗 can go in front of it. */
const VERB_FIRST = /^(把|将|给|帮|替|打开|开|关|启|停|调|设|切|换|升|降|提|加|减|增|播|放|导航|打|去|找|拨|回|接|挂|发|读|讲|锁|用|来|让|取消|除|退出|避|静|暂|弄|熄|灭|点|亮|下调|上调)/;

// A request said to someone by name is still the request (小王，把空调关了; 老婆，座椅加热开一下): see en/common.ts.
// Names are composed (小/老 + a surname, 阿 + a given name), so the model learns the place of a name rather than a list.
// Not the bench's names or particle (bench/lm-addressed.ts: 小刘 老陈 儿子 闺女 姥姥 小杰 同学 大哥 阿姨; 呀), and no
// surname that is also a catalog word (黄 白 金 红 are colours, 高 and 关 settings, 万 a number).
const SURNAMES = [...'王李张赵周吴徐孙胡朱林何郭罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴钟汪田任姜范方石姚谭廖邹熊陆郝孔崔康毛邱秦江史顾侯邵孟段雷钱汤尹黎易武乔贺赖龚文马'];
// Given names are drawn from a wider pool of characters and composed in the ways people are called (张思琪, 小悦,
// 婷婷, 王哥, 李老师): with a short list (v17–v20) a name never met still often made the request vanish (同学，打开空调).
const GIVEN = [...'强华明芳伟珍辉军丽敏静磊涛婷勇超琳娜秀英洋艳霞平刚文建波宁鹏飞玲晨晓雪琪萌瑶欣怡宇轩浩然博凯佳思倩莉萍燕斌峰龙彬健春梅兰松琴悦乐诗雅婉晴阳振国'];
const FULL_NAMES = ['张伟', '王芳', '李娜', '赵磊', '周婷', '吴敏', '孙涛', '林静', '郭强', '何丽', '王磊', '李强'];
const TITLES = ['哥', '姐', '总', '老师', '师傅', '叔'];
const KIN = ['妈', '爸', '妈妈', '爸爸', '老妈', '老爸', '哥', '姐', '哥哥', '姐姐', '弟弟', '妹妹', '叔叔', '舅舅', '奶奶', '爷爷', '外婆', '外公',
  '婶婶', '嫂子', '姑姑', '伯伯', '宝贝', '宝宝', '亲爱的', '老公', '老婆', '师傅', '小朋友', '大家', '小美', '大伟'];
const ASSISTANT = ['小艺', '小智', '小安', '小欧', '小V', '小P', '小航'];
/** Every name `name()` can say, up to a composed name's first two characters (for the tests that keep the bench's names out). */
export const ALL_ZH_NAMES = [...['小', '老'].flatMap((p) => SURNAMES.map((s) => p + s)), ...GIVEN.map((g) => `阿${g}`), ...GIVEN.map((g) => `小${g}`),
  ...GIVEN.map((g) => g + g), ...SURNAMES.flatMap((s) => [...GIVEN.map((g) => s + g), ...TITLES.map((t) => s + t)]), ...FULL_NAMES, ...KIN, ...ASSISTANT];
/** A name to say to someone, or of someone talked about (小周, 阿华, 张思琪, 婷婷, 王哥, 姐姐). */
export function name(ctx: Ctx): string {
  const r = ctx.random();
  if (r < 0.3) return `${ctx.pick(['小', '老'])}${ctx.pick(SURNAMES)}`;
  if (r < 0.38) return `阿${ctx.pick(GIVEN)}`;
  if (r < 0.44) return `小${ctx.pick(GIVEN)}`;
  if (r < 0.48) return ctx.pick(GIVEN).repeat(2);
  if (r < 0.56) return ctx.pick(SURNAMES) + ctx.pick(GIVEN) + (ctx.chance(0.6) ? ctx.pick(GIVEN) : '');
  if (r < 0.62) return ctx.pick(SURNAMES) + ctx.pick(TITLES);
  if (r < 0.64) return ctx.pick(FULL_NAMES);
  if (r < 0.88) return ctx.pick(KIN);
  return ctx.pick(ASSISTANT);
}
const vocative = (ctx: Ctx) => (ctx.chance(0.09) ? `${name(ctx)}${ctx.pick(['，', '，', '啊，', '', ' '])}` : '');

/** Wraps a command (a verb phrase) in a polite or casual frame, or leaves it bare; now and then after a name. */
export function polite(ctx: Ctx, core: string, p = 0.45): string {
  return vocative(ctx) + politeBare(ctx, core, p);
}

function politeBare(ctx: Ctx, core: string, p: number): string {
  if (!ctx.chance(p)) return core + end(ctx);
  let bank = POLITE;
  // 给我 + 后面的座椅加热 would read as "the seat behind me"; 帮我 + 我的… and 给我 + 给副驾… stutter.
  if (!VERB_FIRST.test(core) || /^(后|身后|我)/.test(core)) return politeTopic(ctx, core, 1);
  if (/^(给|帮|替)/.test(core) || core.includes('我')) bank = POLITE.filter((w) => !/(给我|帮我|帮忙)\{x\}/.test(w));
  const frame = ctx.chance(0.35) ? composedPolite(ctx, bank !== POLITE) : ctx.phrase(bank);
  return fill(frame, { x: core }) + end(ctx);
}

/**
 * A polite frame composed from an opener, a helper and an ending (不好意思，你能不能{x}，谢谢啦): hundreds of frames, so
 * that one never seen in training still reads as a request. `noHelp` leaves out 给我/帮我/帮忙 (see `polite`).
 */
function composedPolite(ctx: Ctx, noHelp: boolean): string {
  return ctx.composed(() => {
    const opener = ctx.pick(['', '', '', '请', '麻烦', '麻烦你', '劳驾', '不好意思，', '打扰一下，', '那个，', '小助手，', '你好，', '哎，', '对了，', '嗯，']);
    const helpers = ['', '', '帮我', '帮忙', '给我', '你帮我', '能不能', '可不可以', '能', '可以', '你能', '你可以'].filter((h) => !noHelp || !/^(帮|给|你帮)/.test(h));
    const helper = ctx.pick(helpers);
    let ending: string;
    if (/^(能不能|可不可以)$/.test(helper)) ending = ctx.pick(['', '，谢谢', '呀', '啊', '，麻烦了']);
    else if (/^(能|可以|你能|你可以)$/.test(helper)) ending = ctx.pick(['吗', '吗', '吗，谢谢', '么']);
    else ending = ctx.pick(['', '', '吧', '，谢谢', '，谢谢啦', '，麻烦了', '，辛苦了', '好吗', '好不好', '行吗', '可以吗', '呗']);
    return `${opener}${helper}{x}${ending}`;
  });
}

/** `polite` for a topic-first sentence. */
export function politeTopic(ctx: Ctx, core: string, p = 0.3): string {
  if (!ctx.chance(p)) return core + end(ctx);
  return fill(ctx.phrase(POLITE_TOPIC), { x: core }) + end(ctx);
}

/** Sentence-final punctuation, usually none (speech recognisers often leave it out). */
export function end(ctx: Ctx): string {
  const r = ctx.random();
  if (r < 0.7) return '';
  if (r < 0.85) return '。';
  if (r < 0.95) return '！';
  return '~';
}

/** 一下 / 下 / nothing after a verb. */
export function yixia(ctx: Ctx): string {
  const r = ctx.random();
  return r < 0.55 ? '' : r < 0.9 ? '一下' : '下';
}

/** 一点 and its colloquial forms. */
export function dian(ctx: Ctx): string {
  return ctx.chance(0.5) ? '一点' : ctx.pick(['点', '一些', '一点儿', '些', '一点点']);
}
