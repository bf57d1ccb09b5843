// The style tuner: a preset per seat, and an editor for a new style (persona, verbosity, confirmation, phrases) with a side-by-side preview before saving.
import type { Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';
import type { CabinApi, Lang, StyleDraft } from '../main/app/ipc-contract.js';
import { attempt, bi, byId, h } from './dom.js';
import { SEAT_LABELS } from './labels.js';

const field = <T extends HTMLElement = HTMLInputElement>(id: string) => byId<T>(id);

/** Phrases as `key = text` lines: easier to edit on a touch keyboard than JSON, and one line per phrase reads at a glance. */
export function phrasesToText(p: Record<string, string>): string {
  return Object.entries(p).map(([k, v]) => `${k} = ${v}`).join('\n');
}

export function textToPhrases(text: string, lang: string): { phrases: Record<string, string>; problems: string[] } {
  const phrases: Record<string, string> = {};
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const eq = line.indexOf('=');
    if (eq <= 0) problems.push(`phrases.${lang} line ${i + 1}: expected "key = text"`);
    else phrases[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  });
  return { phrases, problems };
}

export class StyleTunerView {

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
    const { style } = await this.api.getStyle({ name });
    const s = style as { name: string; description?: string; persona: Record<Lang, string>; verbosity: string; confirm: { mode: string; features: string[] }; phrases: Record<Lang, Record<string, string>> };
    field('tuner-name').value = `my-${s.name}`.slice(0, 32);
    field('tuner-description').value = s.description ?? '';
    field('tuner-persona-en').value = s.persona.en;
    field('tuner-persona-zh').value = s.persona.zh;
    field<HTMLSelectElement>('tuner-verbosity').value = s.verbosity;
    field<HTMLSelectElement>('tuner-confirm').value = s.confirm.mode;
    field('tuner-confirm-features').value = s.confirm.features.join(', ');
    field<HTMLTextAreaElement>('tuner-phrases-en').value = phrasesToText(s.phrases.en);
    field<HTMLTextAreaElement>('tuner-phrases-zh').value = phrasesToText(s.phrases.zh);
    const voice = (style as { voice: Record<Lang, { voice: string; rate: number }> }).voice;
    for (const lang of ['en', 'zh'] as const) {
      field(`tuner-voice-${lang}`).value = voice[lang].voice;
      field(`tuner-rate-${lang}`).value = String(voice[lang].rate);
    }
  }

  /** The draft as a style file; problems the form itself can see come back without a round trip. */
  private draft(): { draft: StyleDraft; problems: string[] } {
    const en = textToPhrases(field<HTMLTextAreaElement>('tuner-phrases-en').value, 'en');
    const zh = textToPhrases(field<HTMLTextAreaElement>('tuner-phrases-zh').value, 'zh');
    const features = field('tuner-confirm-features').value.split(',').map((f) => f.trim()).filter(Boolean);
    const draft: StyleDraft = {
      name: field('tuner-name').value.trim(),
      description: field('tuner-description').value.trim(),
      persona: { en: field('tuner-persona-en').value.trim(), zh: field('tuner-persona-zh').value.trim() },
      verbosity: field<HTMLSelectElement>('tuner-verbosity').value,
      confirm: { mode: field<HTMLSelectElement>('tuner-confirm').value, features },
      // espeak-ng voice and words per minute per language; the core checks the range (80–450).
      voice: Object.fromEntries((['en', 'zh'] as const).map((l) => [l, { voice: field(`tuner-voice-${l}`).value.trim(), rate: Number(field(`tuner-rate-${l}`).value) }])),
      phrases: { en: en.phrases, zh: zh.phrases },
    };
    return { draft, problems: [...en.problems, ...zh.problems] };
  }

  private showProblems(problems: string[]): void {
    const box = byId('tuner-problems');
    box.replaceChildren(...problems.map((p) => h('li', {}, p)));
    box.classList.toggle('hidden', problems.length === 0);
  }

  private async preview(): Promise<void> {
    const { draft, problems } = this.draft();
    this.showProblems(problems);
    if (problems.length) return;
    const compare = field<HTMLSelectElement>('tuner-compare').value;
    const lang = field<HTMLSelectElement>('tuner-lang').value as Lang;
    byId('tuner-rows').replaceChildren(h('tr', {}, h('td', { colspan: 3 }, 'Playing the situations on a simulated car… / 正在模拟…')));
    const r = await this.api.previewStyle({ draft, compare, lang });
    this.showProblems(r.problems);
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
      byId('tuner-saved').textContent = `Saved ${String(draft.name)} to ${r.path}; pick it for a seat above. / 已保存`;
    } catch (err) {
      // The host lists every problem, one per line; show them as a list, not as one long status line.
      const lines = (err instanceof Error ? err.message : String(err)).split('\n');
      this.showProblems(lines.length > 1 ? lines.slice(1) : lines);
      byId('tuner-saved').textContent = '';
    }
  }
}
