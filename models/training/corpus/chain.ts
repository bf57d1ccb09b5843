// Joins single requests into one chained utterance ("turn on my seat heater and then set the fan to 3").
import type { Lang, TemplateContext } from './template.js';

const EN_LEAD = /^(?:(?:hey|hi|hello|ok|okay|yo|alright|so|um+|uh+|er+|hmm+|well|car|assistant|hey car|ok car|okay car|hey assistant|hey there|excuse me)[,.!]?\s+)+/i;
const EN_TRAIL = /[\s,]*(?:thanks|thank you|thx|cheers)?[.!?…]*$/i;
const ZH_LEAD = /^(?:(?:你好|小助手|嗯+|呃|那个|哎|额|喂|嗨)[，,\s]*)+/;
const ZH_TRAIL = /[，,]?(?:谢谢|谢啦|谢了)?[。！!？?~～…]*$/;

function enPart(text: string, first: boolean, last: boolean): string {
  let t = text.trim();
  if (!first) {
    t = t.replace(EN_LEAD, '');
    if (!/^(?:I\b|I'|AC\b|A\/C\b|HVAC\b|LED)/.test(t)) t = t.charAt(0).toLowerCase() + t.slice(1);
  }
  if (!last) t = t.replace(EN_TRAIL, '');
  return t;
}

function zhPart(text: string, first: boolean, last: boolean): string {
  let t = text.trim();
  if (!first) t = t.replace(ZH_LEAD, '');
  if (!last) t = t.replace(ZH_TRAIL, '');
  return t;
}

/** A connector followed by a part, without doubled words (…顺便把 + 把… / …帮我 + 帮我…). */
function zhJoin(conn: string, part: string): string {
  for (const w of ['把', '帮我', '请帮我', '麻烦', '再']) {
    if (conn.endsWith(w) && part.startsWith(w)) return conn + part.slice(w.length);
  }
  // 把 needs its object right after it; a part that starts with a verb takes the connector without it.
  if (conn.endsWith('把')) return conn.slice(0, -1) + part;
  return conn + part;
}

export function joinParts(lang: Lang, parts: readonly string[], connectors: readonly string[], ctx: TemplateContext): string {
  const n = parts.length;
  if (lang === 'zh') {
    let s = zhPart(parts[0]!, true, n === 1);
    for (let i = 1; i < n; i++) s += zhJoin(ctx.phrase(connectors), zhPart(parts[i]!, false, i === n - 1));
    return s;
  }
  let s = enPart(parts[0]!, true, n === 1);
  for (let i = 1; i < n; i++) {
    // Lists join their earlier parts with a bare comma ("heat my seat, fan to 4 and the lights red"); without it the model
    // read the comma as part of the first request and dropped the middle one.
    const conn = i < n - 1 && ctx.chance(n > 2 ? 0.4 : 0.06) ? ', ' : ctx.phrase(connectors);
    let p = enPart(parts[i]!, false, i === n - 1);
    if (/[.!?]\s*$/.test(conn)) p = p.charAt(0).toUpperCase() + p.slice(1);
    s += conn + p;
  }
  return s;
}
