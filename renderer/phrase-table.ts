// The style tuner's phrase editor: one table row per phrase key with its English and Mandarin text, rows added and
// removed by touch, and each problem shown under the row it belongs to.
import { byId, h } from './dom.js';
import { LANG_NAMES, phrasesOf, rowsOf, type PhraseRow, type Phrases } from './phrase-rows.js';

const LANGS = ['en', 'zh'] as const;

export class PhraseTable {
  private base: Phrases = { en: {}, zh: {} };

  /** `table` holds a thead; each phrase is its own tbody (inputs row + problem row), so removing one is one node. */
  constructor(private readonly table: HTMLTableElement) {
    byId('phrase-add').addEventListener('click', () => this.add({ key: '', en: '', zh: '' }).querySelector('input')?.focus());
  }

  /** The base phrases: offered as keys, and shown greyed in an empty cell, so one sees what a row would replace. */
  setBase(base: Phrases): void {
    this.base = base;
    byId('phrase-keys').replaceChildren(...Object.keys(base.en).map((k) => h('option', { value: k })));
    for (const body of this.bodies()) this.placeholders(body);
  }

  load(phrases: Phrases): void {
    for (const body of this.bodies()) body.remove();
    for (const row of rowsOf(phrases)) this.add(row);
  }

  /** The overrides as the style file holds them; rows the form can already fault get their problem, and are counted. */
  read(): { phrases: Phrases; faulty: number } {
    const bodies = this.bodies();
    const { phrases, problems } = phrasesOf(bodies.map((b) => this.rowOf(b)));
    bodies.forEach((b, i) => this.mark(b, problems.get(i) ?? []));
    return { phrases, faulty: problems.size };
  }

  /** Puts the core's problems under their rows: how many rows got one, and the problems of keys on no row, to list elsewhere. */
  showCore(byKey: Map<string, string[]>): { rows: number; stray: string[] } {
    const left = new Map(byKey);
    let rows = 0;
    for (const b of this.bodies()) {
      const key = this.rowOf(b).key.trim();
      const mine = left.get(key) ?? [];
      this.mark(b, mine);
      if (mine.length) rows++;
      left.delete(key);
    }
    return { rows, stray: [...left].flatMap(([key, reasons]) => reasons.map((r) => `phrase "${key}": ${r}`)) };
  }

  private bodies(): HTMLTableSectionElement[] {
    return [...this.table.querySelectorAll<HTMLTableSectionElement>('tbody.phrase')];
  }

  private input(body: HTMLElement, part: 'key' | 'en' | 'zh'): HTMLInputElement | HTMLTextAreaElement {
    return body.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-part=${part}]`)!;
  }

  private rowOf(body: HTMLElement): PhraseRow {
    return { key: this.input(body, 'key').value, en: this.input(body, 'en').value, zh: this.input(body, 'zh').value };
  }

  private add(row: PhraseRow): HTMLTableSectionElement {
    // Phrases run to a sentence or two: a textarea wraps them where a one-line input would hide most of the text.
    const cell = (part: 'en' | 'zh') => {
      const text = h('textarea', { 'data-part': part, lang: part, rows: 1, maxlength: 300, 'aria-label': `${LANG_NAMES[part]} text` });
      text.value = row[part];
      // A phrase is one line of speech: Enter would put a newline into a reply, so it does nothing here.
      text.addEventListener('keydown', (e) => e.key === 'Enter' && e.preventDefault());
      return h('td', {}, text);
    };
    const body = h('tbody', { class: 'phrase', 'data-phrase-key': row.key },
      h('tr', {},
        h('td', {}, h('input', { 'data-part': 'key', value: row.key, list: 'phrase-keys', maxlength: 80, spellcheck: 'false', 'aria-label': 'Phrase key' })),
        cell('en'),
        cell('zh'),
        h('td', {}, h('button', { type: 'button', class: 'phrase-remove', title: 'Remove this phrase / 删除', 'aria-label': 'Remove phrase', onclick: () => body.remove() }, '✕')),
      ),
      h('tr', { class: 'phrase-problem hidden' }, h('td', { colspan: 4 })),
    );
    // Long keys (refused.permission.rear-own-seat-only) outgrow the cell; the tooltip shows the whole key.
    const keyInput = this.input(body, 'key');
    keyInput.title = row.key;
    keyInput.addEventListener('input', () => {
      body.dataset.phraseKey = keyInput.value.trim();
      keyInput.title = keyInput.value;
      this.placeholders(body);
    });
    this.table.append(body);
    this.placeholders(body);
    return body;
  }

  /** A `key:feature` override falls back to the plain key's base phrase, as replies do (style.ts phrase()). */
  private placeholders(body: HTMLElement): void {
    const key = this.input(body, 'key').value.trim();
    for (const lang of LANGS) this.input(body, lang).placeholder = this.base[lang][key] ?? this.base[lang][key.split(':')[0]!] ?? '';
  }

  private mark(body: HTMLElement, problems: string[]): void {
    const line = body.querySelector<HTMLElement>('tr.phrase-problem')!;
    line.classList.toggle('hidden', problems.length === 0);
    line.firstElementChild!.replaceChildren(...problems.map((p) => h('div', {}, `⚠ ${p}`)));
    body.classList.toggle('invalid', problems.length > 0);
    for (const part of ['key', ...LANGS] as const) this.input(body, part).setAttribute('aria-invalid', String(problems.length > 0));
  }
}
