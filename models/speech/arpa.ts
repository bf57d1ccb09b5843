// A back-off trigram language model in ARPA format, estimated from sentences with absolute discounting.
//
// Written here because the recogniser needs a domain model generated from our own corpus at build time
// and no maintained JavaScript n-gram estimator exists; the format is the ARPA standard that PocketSphinx,
// KenLM and SRILM all read. Absolute discounting (D = 0.7 for bigrams and trigrams) keeps probability for
// word sequences the corpus never produced, so open phrasing can still be recognised.

export interface ArpaOptions {
  order?: 2 | 3;
  discount?: number;
  /** n-grams (n ≥ 2) seen fewer times are pruned (their mass goes to back-off). */
  minCount?: number;
}

const BOS = '<s>';
const EOS = '</s>';

function log10(p: number): string {
  return Math.log10(p).toFixed(4);
}

/** Builds the ARPA text; `sentences` are word lists (already normalised, see asr-words.ts). */
export function buildArpa(sentences: readonly (readonly string[])[], opts: ArpaOptions = {}): string {
  const order = opts.order ?? 3;
  const D = opts.discount ?? 0.7;
  const minCount = opts.minCount ?? 1;
  const counts: Map<string, number>[] = [new Map(), new Map(), new Map()];
  for (const s of sentences) {
    const w = [BOS, ...s, EOS];
    for (let n = 1; n <= order; n++) {
      for (let i = n === 1 ? 1 : 0; i + n <= w.length; i++) {
        const key = w.slice(i, i + n).join(' ');
        counts[n - 1]!.set(key, (counts[n - 1]!.get(key) ?? 0) + 1);
      }
    }
  }
  for (let n = 2; n <= order; n++) for (const [k, c] of counts[n - 1]!) if (c < minCount) counts[n - 1]!.delete(k);

  // Unigrams: maximum likelihood plus a small floor, so every dictionary word stays reachable.
  const uni = counts[0]!;
  const total = [...uni.values()].reduce((a, b) => a + b, 0);
  const vocab = [...uni.keys()];
  const floor = 0.5;
  const prob: Map<string, number>[] = [new Map(), new Map(), new Map()];
  for (const w of vocab) prob[0]!.set(w, (uni.get(w)! + floor) / (total + floor * vocab.length));
  prob[0]!.set(BOS, 1); // never predicted; ARPA still lists it (log10 of a dummy is conventional -99)

  // Context totals and distinct followers per context, for orders 2..order.
  const ctx: Map<string, { total: number; types: number }>[] = [new Map(), new Map(), new Map()];
  for (let n = 2; n <= order; n++) {
    for (const [k, c] of counts[n - 1]!) {
      const h = k.slice(0, k.lastIndexOf(' '));
      const e = ctx[n - 1]!.get(h) ?? { total: 0, types: 0 };
      // The context total uses the unpruned count of the history, approximated by the sum of kept n-grams.
      e.total += c;
      e.types += 1;
      ctx[n - 1]!.set(h, e);
    }
    for (const [k, c] of counts[n - 1]!) {
      const h = k.slice(0, k.lastIndexOf(' '));
      prob[n - 1]!.set(k, (c - D) / ctx[n - 1]!.get(h)!.total);
    }
  }

  const lower = (ngram: string): number => {
    // P_backoff(w | h) for the lower order, recursively, as the model will compute it.
    const parts = ngram.split(' ');
    const n = parts.length;
    const direct = prob[n - 1]!.get(ngram);
    if (direct !== undefined) return direct;
    if (n === 1) return 1e-7;
    const h = parts.slice(0, -1).join(' ');
    return (bow.get(h) ?? 1) * lower(parts.slice(1).join(' '));
  };
  const bow = new Map<string, number>();
  for (let n = 2; n <= order; n++) {
    for (const [h, { total, types }] of ctx[n - 1]!) {
      const left = (D * types) / total;
      let seenLower = 0;
      for (const w of followers(counts[n - 1]!, h)) seenLower += lower(`${h.split(' ').slice(1).join(' ')}${n > 2 ? ' ' : ''}${w}`.trim());
      bow.set(h, left / Math.max(1e-9, 1 - seenLower));
    }
  }

  const lines: string[] = ['\\data\\'];
  for (let n = 1; n <= order; n++) lines.push(`ngram ${n}=${prob[n - 1]!.size}`);
  for (let n = 1; n <= order; n++) {
    lines.push('', `\\${n}-grams:`);
    for (const [k, p] of [...prob[n - 1]!].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const lp = k === BOS ? '-99.0000' : log10(p);
      const b = n < order && bow.has(k) ? `\t${log10(bow.get(k)!)}` : '';
      lines.push(`${lp}\t${k}${b}`);
    }
  }
  lines.push('', '\\end\\', '');
  return lines.join('\n');
}

const followerIndex = new WeakMap<Map<string, number>, Map<string, string[]>>();
function followers(m: Map<string, number>, h: string): string[] {
  let idx = followerIndex.get(m);
  if (!idx) {
    idx = new Map();
    for (const k of m.keys()) {
      const at = k.lastIndexOf(' ');
      const hist = k.slice(0, at);
      const list = idx.get(hist) ?? [];
      list.push(k.slice(at + 1));
      idx.set(hist, list);
    }
    followerIndex.set(m, idx);
  }
  return idx.get(h) ?? [];
}
