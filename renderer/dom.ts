// The few DOM helpers the screens share; text always goes in as textContent, so replies can never inject markup.
import type { Label } from './labels.js';

type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;
type Child = Node | string | null | undefined | false;

/** `h('button', { class: 'x', onclick: fn }, 'text')`. Attributes `on*` become listeners; `false`/undefined are left out (except data-*). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    // data-* attributes are read by tests and CSS as values: "true"/"false", never a bare boolean attribute.
    if (k.startsWith('data-') && typeof v !== 'function') {
      el.setAttribute(k, String(v));
      continue;
    }
    if (v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A label in both languages, English above Mandarin. */
export function bi(label: Label, cls = 'bi'): HTMLSpanElement {
  return h('span', { class: cls }, h('span', { class: 'en' }, label.en), h('span', { class: 'zh', lang: 'zh' }, label.zh));
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el as T;
}

/** Shows one error line in the status bar; it stays until the next action succeeds. */
export function showError(message: string): void {
  const bar = byId('status');
  bar.textContent = message;
  bar.classList.add('error');
}

export function clearError(): void {
  const bar = byId('status');
  bar.textContent = '';
  bar.classList.remove('error');
}

/** Runs a UI action and turns a rejected promise into the status line instead of an unhandled rejection. */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    const out = await action();
    clearError();
    return out;
  } catch (err) {
    showError(err instanceof Error ? err.message : String(err));
    return undefined;
  }
}
