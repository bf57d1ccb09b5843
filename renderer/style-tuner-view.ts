// The style tuner: a preset per seat, and an editor for a new style (persona, verbosity, confirmation, phrases) with a side-by-side preview before saving.
import type { Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';
import type { CabinApi, Lang, StyleDraft } from '../main/app/ipc-contract.js';
import { attempt, bi, byId, h } from './dom.js';
import { SEAT_LABELS } from './labels.js';
import { problemsByKey, type Phrases } from './phrase-rows.js';
import { PhraseTable } from './phrase-table.js';

const field = <T extends HTMLElement = HTMLInputElement>(id: string) => byId<T>(id);

export class StyleTunerView {
  private readonly phrases = new PhraseTable(byId<HTMLTableElement>('phrase-table'));

  constructor(private readonly api: CabinApi) {
    field('tuner-base').addEventListener('change', () => void this.load(field<HTMLSelectElement>('tuner-base').value));
    field('tuner-preview').addEventListener('click', () => void attempt(() => this.preview()));
    field('tuner-save').addEventListener('click', () => void attempt(() => this.save()));
  }

  /** Seat pickers and the style lists follow the host (a style can also be changed by voice). */
  renderStyles(names: string[], seatStyles: Record<Seat, string>): void {
    const options = (selected: string) => names.map((n) => h('option', { value: n, selected: n === selected }, n));
    byId('seat-styles').replaceChildren(
      ...(Object.keys(SEAT_LABELS) as Seat[]).map((seat) => {
        const select = h('select', { 'data-seat-style': seat, onchange: (e: Event) => void attempt(() => this.api.setSeatStyle({ seat, style: (e.target as HTMLSelectElement).value })) }, ...options(seatStyles[seat]));
        return h('label', { class: 'seat-style' }, bi(SEAT_LABELS[seat], 'bi small'), select);
      }),
    );
    for (const id of ['tuner-base', 'tuner-compare']) {
      const sel = field<HTMLSelectElement>(id);
      const keep = sel.value || 'friendly';
      sel.replaceChildren(...options(keep));
    }
  }

  async load(name: string): Promise<void> {
    const { style, basePhrases } = await this.api.getStyle({ name });
    const s = style as { name: string; description?: string; persona: Record<Lang, string>; verbosity: string; confirm: { mode: string; features: string[] }; phrases: Phrases };
    field('tuner-name').value = `my-${s.name}`.slice(0, 32);
    field('tuner-description').value = s.description ?? '';
    field('tuner-persona-en').value = s.persona.en;
    field('tuner-persona-zh').value = s.persona.zh;
    field<HTMLSelectElement>('tuner-verbosity').value = s.verbosity;
    field<HTMLSelectElement>('tuner-confirm').value = s.confirm.mode;
    field('tuner-confirm-features').value = s.confirm.features.join(', ');
    this.phrases.setBase(basePhrases);
    this.phrases.load(s.phrases);
    this.showProblems([]);
    const voice = (style as { voice: Record<Lang, { voice: string; rate: number }> }).voice;
    for (const lang of ['en', 'zh'] as const) {
      field(`tuner-voice-${lang}`).value = voice[lang].voice;
      field(`tuner-rate-${lang}`).value = String(voice[lang].rate);
    }
  }

  /** The draft as a style file; problems the form itself can see come back without a round trip. */
  private draft(): { draft: StyleDraft; problems: string[] } {
    const { phrases, faulty } = this.phrases.read();
    const features = field('tuner-confirm-features').value.split(',').map((f) => f.trim()).filter(Boolean);
    const draft: StyleDraft = {
      name: field('tuner-name').value.trim(),
      description: field('tuner-description').value.trim(),
      persona: { en: field('tuner-persona-en').value.trim(), zh: field('tuner-persona-zh').value.trim() },
      verbosity: field<HTMLSelectElement>('tuner-verbosity').value,
      confirm: { mode: field<HTMLSelectElement>('tuner-confirm').value, features },
      // espeak-ng voice and words per minute per language; the core checks the range (80–450).
      voice: Object.fromEntries((['en', 'zh'] as const).map((l) => [l, { voice: field(`tuner-voice-${l}`).value.trim(), rate: Number(field(`tuner-rate-${l}`).value) }])),
      phrases,
    };
    return { draft, problems: faulty ? [rowsSummary(faulty)] : [] };
  }

  private showProblems(problems: string[]): void {
    const box = byId('tuner-problems');
    box.replaceChildren(...problems.map((p) => h('li', {}, p)));
    box.classList.toggle('hidden', problems.length === 0);
  }

  /** The core's problems: each phrase's under its row, the rest (and a pointer to the rows) in the list by the buttons. */
  private showCoreProblems(problems: string[]): void {
    const { byKey, other } = problemsByKey(problems);
    const { rows, stray } = this.phrases.showCore(byKey);
    this.showProblems([...other, ...stray, ...(rows ? [rowsSummary(rows)] : [])]);
  }

  private async preview(): Promise<void> {
    const { draft, problems } = this.draft();
    this.showProblems(problems);
    if (problems.length) return;
    const compare = field<HTMLSelectElement>('tuner-compare').value;
    const lang = field<HTMLSelectElement>('tuner-lang').value as Lang;
    byId('tuner-rows').replaceChildren(h('tr', {}, h('td', { colspan: 3 }, 'Playing the situations on a simulated car… / 正在模拟…')));
    const r = await this.api.previewStyle({ draft, compare, lang });
    this.showCoreProblems(r.problems);
    byId('tuner-compare-head').textContent = compare;
    byId('tuner-rows').replaceChildren(
      ...r.rows.map((row) => h('tr', { class: row.draft === row.compare ? 'same' : 'differs' }, h('td', { class: 'situation' }, row.situation), h('td', { class: 'draft' }, row.draft), h('td', {}, row.compare))),
    );
    // The table sits under the form; bring it into view, or a touch user sees nothing happen.
    byId('tuner-rows').closest('table')?.scrollIntoView({ block: 'end' });
  }

  private async save(): Promise<void> {
    const { draft, problems } = this.draft();
    this.showProblems(problems);
    if (problems.length) return;
    try {
      const r = await this.api.saveStyle({ draft });
      this.showCoreProblems([]);
      byId('tuner-saved').textContent = `Saved ${String(draft.name)} to ${r.path}; pick it for a seat above. / 已保存`;
    } catch (err) {
      // The host lists every problem, one per line; show them as a list, not as one long status line.
      const lines = (err instanceof Error ? err.message : String(err)).split('\n');
      this.showCoreProblems(lines.length > 1 ? lines.slice(1) : lines);
      byId('tuner-saved').textContent = '';
    }
  }
}

function rowsSummary(n: number): string {
  return `phrases: ${n} row${n === 1 ? ' has a problem' : 's have problems'}, shown under ${n === 1 ? 'it' : 'them'} in the table / 短语有误，见表格`;
}
