// The desktop vehicle simulator: vehicle speed, ECU fault injection, and the live CAN trace (pause, filter, only changes, candump export).
import { traceFilter, type BusView, type LinkState, type CabinApi, type FaultView, type TraceFrame } from '../main/app/ipc-contract.js';
import { attempt, bi, byId, h } from './dom.js';
import { ECU_LABELS, L } from './labels.js';

/** Rows in the table; a 10 Hz status bus would otherwise grow the page without bound. */
const ROWS = 200;
/** The tester's controls: they act on the simulated car only. */
const CAR_CONTROLS = ['speed', 'speed-value', 'fault-spec', 'fault-apply', 'fault-clear'];
/** Signals that change on every frame by design; "only changes" must look past them. Fields a command leaves alone (no_request) are not shown either. */
const ALWAYS_CHANGING = new Set(['COUNTER', 'CHECKSUM']);

export class SimulatorPanel {
  private paused = false;
  private filterText = '';
  private changesOnly = true;
  private readonly lastSeen = new Map<string, string>();
  private readonly body = byId('trace-rows');

  constructor(
    private readonly api: CabinApi,
    private ecuLimits: Record<string, string[]>,
  ) {
    const speed = byId<HTMLInputElement>('speed');
    const speedValue = byId<HTMLInputElement>('speed-value');
    speed.addEventListener('input', () => (speedValue.value = speed.value));
    const setSpeed = (v: string) => void attempt(async () => this.showSpeed((await this.api.setSpeed({ speedKph: Number(v) })).speedKph));
    speed.addEventListener('change', () => setSpeed(speed.value));
    speedValue.addEventListener('change', () => setSpeed(speedValue.value));
    byId('fault-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const input = byId<HTMLInputElement>('fault-spec');
      void attempt(async () => {
        this.renderFaults(await this.api.applyFault({ spec: input.value.trim() }));
        input.value = '';
      });
    });
    byId('fault-clear').addEventListener('click', () => void attempt(async () => this.renderFaults(await this.api.clearFaults({}))));
    const pause = byId('trace-pause');
    pause.addEventListener('click', () => {
      this.paused = !this.paused;
      pause.replaceChildren(bi(this.paused ? L.resume : L.pause));
      pause.classList.toggle('on', this.paused);
    });
    byId<HTMLInputElement>('trace-filter').addEventListener('input', (e) => (this.filterText = (e.target as HTMLInputElement).value));
    byId<HTMLInputElement>('trace-changes').addEventListener('change', (e) => (this.changesOnly = (e.target as HTMLInputElement).checked));
    byId('trace-export').addEventListener('click', () => void attempt(() => this.exportTrace()));
  }

  /**
   * On an external bus the speed and the faults are that car's own: the controls stay in view but disabled,
   * the reason takes the place of the ECU fault switches, and the trace keeps running.
   */
  setBus(bus: BusView): void {
    const external = bus.kind === 'external';
    for (const id of CAR_CONTROLS) byId<HTMLInputElement | HTMLButtonElement>(id).disabled = external;
    byId('ecus').classList.toggle('hidden', external);
    byId('faults-active').classList.toggle('hidden', external);
    const reason = byId('sim-reason');
    reason.classList.toggle('hidden', !external);
    if (bus.kind === 'external') {
      reason.replaceChildren(
        h('div', {}, h('b', {}, `External bus ${bus.uri}`), ' — speed and ECU faults belong to that car and cannot be set here; the CAN trace below is live.'),
        h('div', { lang: 'zh' }, '外部总线：车速与故障由该车决定，此处不可设置；下方报文实时显示。'),
      );
    }
    byId('bus').textContent = bus.kind === 'external' ? `CAN ${bus.uri} 外部总线` : 'simulated car 模拟车辆';
  }

  /** A dropped connection shows in the top bar at once: the cabin view would otherwise silently go stale. */
  showLink(state: LinkState): void {
    const link = byId('link');
    link.classList.toggle('hidden', state === 'open');
    link.textContent = state === 'opening' ? 'connecting… 连接中' : `CAN link ${state} — the cabin view is no longer live / 总线连接已断开`;
  }

  showSpeed(kph: number): void {
    byId<HTMLInputElement>('speed').value = String(kph);
    byId<HTMLInputElement>('speed-value').value = String(Math.round(kph));
    byId('speed-now').textContent = `${Math.round(kph)} km/h`;
  }

  /** One button per ECU for the faults a tester reaches for most; anything else through the spec field. */
  renderFaults(f: FaultView): void {
    const rows = Object.entries(f.ecus).map(([name, e]) => {
      const toggle = (label: string, on: boolean, spec: string, off: string) =>
        h('button', { type: 'button', class: `toggle ${on ? 'on' : ''}`, 'data-fault': `${name}:${label}`, onclick: () => void attempt(async () => this.renderFaults(await this.api.applyFault({ spec: on ? off : spec }))) }, label);
      const limits = Object.entries(e.limits).map(([k, v]) => `${k}=${v}`).join(' ');
      return h('div', { class: 'ecu' },
        bi(ECU_LABELS[name] ?? { en: name, zh: name }, 'bi small'),
        toggle('silent', e.silent, `${name}:silent`, `${name}:ok`),
        toggle('late', e.lateMs > 0, `${name}:late=800`, `${name}:ok`),
        h('span', { class: 'limits', title: `limits: ${(this.ecuLimits[name] ?? []).join(', ')}` }, limits),
      );
    });
    byId('ecus').replaceChildren(...rows);
    byId('faults-active').textContent = f.active.length ? `Active: ${f.active.join('  ')}` : 'Healthy: no faults injected / 无故障';
    byId('faults-active').classList.toggle('warn', f.active.length > 0);
  }

  setLimits(limits: Record<string, string[]>): void {
    this.ecuLimits = limits;
    byId<HTMLInputElement>('fault-spec').placeholder = 'e.g. climate:temp_max=26, bus:drop=10, light:ok';
  }

  /** A status frame is "a change" when a signal other than counter and checksum differs from that id's last frame. */
  private isChange(f: TraceFrame): boolean {
    if (!f.name || !f.signals) return true;
    const key = JSON.stringify(Object.entries(f.signals).filter(([k]) => !ALWAYS_CHANGING.has(k)));
    const before = this.lastSeen.get(f.id);
    this.lastSeen.set(f.id, key);
    return before !== key || f.name.startsWith('HU_') || f.name.startsWith('TESTER_');
  }

  addFrames(frames: TraceFrame[]): void {
    const match = traceFilter(this.filterText);
    const rows: HTMLElement[] = [];
    for (const f of frames) {
      const changed = this.isChange(f);
      if (this.paused || (this.changesOnly && !changed) || !match(f)) continue;
      const signals = Object.entries(f.signals ?? {}).filter(([k, v]) => !ALWAYS_CHANGING.has(k) && v !== 'no_request').map(([k, v]) => `${k}=${v}`).join(' ');
      const time = new Date(f.t * 1000).toISOString().slice(11, 23);
      const kind = f.name?.startsWith('HU_') || f.name?.startsWith('TESTER_') ? 'cmd' : 'status';
      rows.push(h('tr', { class: kind, 'data-name': f.name ?? '', 'data-id': f.id }, h('td', {}, time), h('td', { class: 'id' }, f.id), h('td', { class: 'name' }, f.name ?? '(not in DBC)', h('div', { class: 'data' }, f.data)), h('td', { class: 'signals' }, f.error ? `!! ${f.error}` : signals)));
    }
    if (!rows.length) return;
    this.body.prepend(...rows.reverse());
    while (this.body.children.length > ROWS) this.body.lastElementChild?.remove();
  }

  private async exportTrace(): Promise<void> {
    const { fileName, text, frames } = await this.api.exportTrace({ filter: this.filterText });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = h('a', { href: url, download: fileName });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    byId('trace-info').textContent = `exported ${frames} frames to ${fileName}`;
  }
}
