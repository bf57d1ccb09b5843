// Talking as any occupant (pick a seat, type, queue several seats into one overlapping batch) and the conversation log.
import type { Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';
import type { CabinApi, TurnView } from '../main/app/ipc-contract.js';
import { attempt, bi, byId, h } from './dom.js';
import { L, SEAT_LABELS } from './labels.js';

/** Kept on screen; the host keeps its own history for windows that open late. */
const SHOWN_TURNS = 60;

export class ConversationView {
  speaker: Seat = 'driver';
  /** Utterances waiting to be spoken together with the next one. */
  readonly queue = new Map<Seat, string>();
  private readonly log = byId('turns');
  private readonly input = byId<HTMLInputElement>('say-text');
  private busy = 0;

  constructor(
    private readonly api: CabinApi,
    /** Called when the speaker or the queue changes, so the cabin view can mark the seats. */
    private readonly onSeatsChanged: () => void,
  ) {
    byId('say-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.speak();
    });
    byId('queue-button').addEventListener('click', () => this.enqueue());
    this.input.addEventListener('keydown', (e) => {
      // Shift+Enter queues, so a keyboard user can build an overlapping batch without the mouse.
      if (e.key === 'Enter' && e.shiftKey) {
        e.preventDefault();
        this.enqueue();
      }
    });
    this.renderTalk();
  }

  pick(seat: Seat): void {
    this.speaker = seat;
    this.renderTalk();
    this.onSeatsChanged();
    this.input.focus();
  }

  private enqueue(): void {
    const text = this.input.value.trim();
    if (!text) return;
    this.queue.set(this.speaker, text);
    this.input.value = '';
    this.renderTalk();
    this.onSeatsChanged();
  }

  /** The queue plus what is typed now go out as one batch: the dialogue treats them as overlapping speech. */
  async speak(): Promise<void> {
    const text = this.input.value.trim();
    if (text) this.queue.set(this.speaker, text);
    if (!this.queue.size) return;
    const utterances = [...this.queue].map(([speaker, t]) => ({ speaker, text: t }));
    this.queue.clear();
    this.input.value = '';
    this.renderTalk();
    this.onSeatsChanged();
    const pending = utterances.map((u) => this.pendingCard(u.speaker, u.text));
    this.busy++;
    document.body.classList.add('busy');
    try {
      await attempt(() => this.api.say({ utterances }));
    } finally {
      for (const p of pending) p.remove();
      if (--this.busy === 0) document.body.classList.remove('busy');
    }
  }

  private renderTalk(): void {
    const seats = byId('talk-seats');
    seats.replaceChildren(
      ...(Object.keys(SEAT_LABELS) as Seat[]).map((s) =>
        h('button', { type: 'button', class: `talk-seat ${s === this.speaker ? 'speaker' : ''} ${this.queue.has(s) ? 'queued' : ''}`, 'data-talk-seat': s, onclick: () => this.pick(s) }, bi(SEAT_LABELS[s])),
      ),
    );
    const queued = byId('queued');
    queued.replaceChildren(
      ...[...this.queue].map(([s, t]) =>
        h('span', { class: 'chip', 'data-queued': s }, `${SEAT_LABELS[s].en}: ${t}`, h('button', { type: 'button', class: 'chip-x', 'aria-label': 'remove', onclick: () => { this.queue.delete(s); this.renderTalk(); this.onSeatsChanged(); } }, '×')),
      ),
    );
    this.input.placeholder = `${SEAT_LABELS[this.speaker].en} says… / ${SEAT_LABELS[this.speaker].zh}说…`;
  }

  private pendingCard(speaker: Seat, text: string): HTMLElement {
    const card = h('article', { class: `turn pending ${speaker}` }, h('header', {}, bi(SEAT_LABELS[speaker], 'bi seat-badge')), h('p', { class: 'said' }, text), h('p', { class: 'reply' }, '…'));
    this.log.prepend(card);
    return card;
  }

  /** Newest first, so the last answer is where the eye lands. */
  add(t: TurnView): void {
    const latency = t.latencyMs === null ? 'no frame sent' : `${t.latencyMs.toFixed(0)} ms to first frame`;
    const card = h(
      'article',
      { class: `turn ${t.speaker}`, 'data-turn': t.turn, 'data-speaker': t.speaker, lang: t.lang === 'zh' ? 'zh' : 'en' },
      h('header', {}, bi(SEAT_LABELS[t.speaker], 'bi seat-badge'), h('span', { class: 'tag' }, t.lang === 'zh' ? '中文' : 'EN'), h('span', { class: 'tag' }, t.style), h('span', { class: 'latency' }, latency)),
      h('p', { class: 'said' }, `“${t.text}”`),
      h('dl', {},
        h('dt', {}, bi(L.understood, 'bi small')),
        h('dd', { class: 'understood' }, t.understood.length ? t.understood.join('; ') : '(nothing in the catalog)'),
        h('dt', {}, bi(L.confirmed, 'bi small')),
        h('dd', { class: `confirmed ${t.confirmed.some((c) => !/: confirmed/.test(c)) ? 'warn' : ''}` }, t.confirmed.length ? t.confirmed.join('; ') : '(nothing to confirm)'),
      ),
      h('p', { class: 'reply' }, t.reply),
    );
    this.log.prepend(card);
    while (this.log.children.length > SHOWN_TURNS) this.log.lastElementChild?.remove();
  }
}
