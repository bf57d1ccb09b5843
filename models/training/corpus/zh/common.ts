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
const NAMES = ['小王', '老李', '小张', '妈', '爸', '宝贝', '亲爱的', '老公', '老婆', '师傅', '小美', '大伟'];
const vocative = (ctx: Ctx) => (ctx.chance(0.05) ? `${ctx.pick(NAMES)}${ctx.pick(['，', '，', '啊，', ''])}` : '');

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
