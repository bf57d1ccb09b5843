// The cabin from above (seats, reading lights, ambient and dome light) and the climate strip, drawn only from what the ECUs report.
import { AMBIENT_RGB, type Seat, type VehicleState } from '../vehicle-bus/cabin/vehicle-state-types.js';
import { SEAT_NAMES } from '../main/app/ipc-contract.js';
import { bi, h } from './dom.js';
import { AIRFLOW_LABELS, L, SEAT_LABELS, type Label } from './labels.js';

export interface CabinViewHooks {
  /** A seat was tapped: it becomes the speaker. */
  onSeat(seat: Seat): void;
  speaker(): Seat;
  queued(): ReadonlySet<Seat>;
}

/** Filled and empty dots for a 0–max level, so "level 2" reads without reading a number. */
function pips(level: number, max: number, kind: string): HTMLElement {
  const dots = Array.from({ length: max }, (_, i) => h('i', { class: i < level ? 'pip lit' : 'pip' }));
  return h('span', { class: `pips ${kind}`, 'aria-label': `${kind} ${level} of ${max}` }, ...dots);
}

function levelRow(label: Label, level: number, max: number, kind: string): HTMLElement {
  return h('div', { class: `level ${level ? 'active' : ''}` }, bi(label), pips(level, max, kind));
}

function seatCard(seat: Seat, state: VehicleState, hooks: CabinViewHooks): HTMLElement {
  const s = state.seats[seat];
  const reading = state.lights.reading[seat];
  const cls = ['seat', seat, hooks.speaker() === seat ? 'speaker' : '', hooks.queued().has(seat) ? 'queued' : '', reading ? 'reading-on' : ''].join(' ');
  // The glyph: the backrest grows with recline (upright 0 .. flat 100), the whole seat moves with slide.
  const glyph = h('div', { class: 'seat-glyph' }, h('div', { class: 'back' }), h('div', { class: 'cushion' }));
  const back = glyph.firstElementChild as HTMLElement;
  back.style.setProperty('--recline', String(s.recline / 100));
  glyph.style.setProperty('--slide', String(s.slide / 100));
  if (s.heat) glyph.classList.add('heated');
  if (s.vent) glyph.classList.add('vented');
  return h(
    'button',
    {
      class: cls,
      'data-seat': seat,
      'data-heat': s.heat,
      'data-vent': s.vent,
      'data-massage': s.massage,
      'data-reading': reading,
      title: `${SEAT_LABELS[seat].en}: tap to speak as this occupant`,
      onclick: () => hooks.onSeat(seat),
    },
    h('div', { class: 'seat-head' }, bi(SEAT_LABELS[seat], 'bi seat-name'), h('span', { class: `bulb ${reading ? 'on' : ''}`, title: 'Reading light' }, reading ? '● ' : '○ ', bi(L.reading, 'bi small'))),
    h('div', { class: 'seat-body' }, glyph, h('div', { class: 'levels' }, levelRow(L.heat, s.heat, 3, 'heat'), levelRow(L.vent, s.vent, 3, 'vent'), levelRow(L.massage, s.massage, 3, 'massage'))),
    h('div', { class: 'positions' }, bi(L.recline, 'bi small'), h('b', {}, `${s.recline}%`), bi(L.slide, 'bi small'), h('b', {}, `${s.slide}%`)),
    h('div', { class: 'zone-temp' }, `${state.hvac.temp[seat].toFixed(1)}°`),
  );
}

export function renderCabin(root: HTMLElement, state: VehicleState, hooks: CabinViewHooks): void {
  const amb = state.lights.ambient;
  const car = h(
    'div',
    { class: `car ${amb.on ? 'ambient-on' : ''} ${state.lights.dome ? 'dome-on' : ''}`, 'data-ambient': amb.on ? amb.color : 'off', 'data-dome': state.lights.dome },
    h('div', { class: 'windscreen' }, bi({ en: 'Front', zh: '车头' }, 'bi small')),
    h('div', { class: 'dome' }, bi(L.dome, 'bi small'), h('b', {}, state.lights.dome ? L.on.en : L.off.en)),
    h('div', { class: 'seats' }, ...SEAT_NAMES.map((s) => seatCard(s, state, hooks))),
    h(
      'div',
      { class: 'ambient-legend' },
      h('i', { class: 'swatch' }),
      bi(L.ambient, 'bi small'),
      h('b', {}, amb.on ? `${amb.color.replace('_', ' ')} · ${amb.brightness}%` : L.off.en),
    ),
  );
  car.style.setProperty('--ambient', AMBIENT_RGB[amb.color]);
  car.style.setProperty('--ambient-alpha', amb.on ? String(0.25 + (0.75 * amb.brightness) / 100) : '0');
  root.replaceChildren(car);
}

function flag(label: Label, on: boolean, key: string): HTMLElement {
  return h('span', { class: `flag ${on ? 'on' : ''}`, 'data-flag': key, 'data-on': on }, bi(label));
}

function fan(row: 'front' | 'rear', level: number, airflow: string): HTMLElement {
  const bars = Array.from({ length: 7 }, (_, i) => h('i', { class: i < level ? 'bar lit' : 'bar' }));
  return h(
    'div',
    { class: 'fan', 'data-row': row, 'data-fan': level },
    bi(row === 'front' ? L.front : L.rear, 'bi small'),
    bi(L.fan, 'bi small'),
    h('span', { class: 'bars' }, ...bars),
    h('b', {}, String(level)),
    bi(AIRFLOW_LABELS[airflow] ?? { en: airflow, zh: airflow }, 'bi small airflow'),
  );
}

export function renderClimate(root: HTMLElement, state: VehicleState): void {
  const c = state.hvac;
  const temps = SEAT_NAMES.map((s) => h('div', { class: 'temp', 'data-zone': s }, bi(SEAT_LABELS[s], 'bi small'), h('b', {}, `${c.temp[s].toFixed(1)}°C`)));
  root.replaceChildren(
    h('div', { class: `climate ${c.power ? '' : 'climate-off'}` },
      h('div', { class: 'temps' }, ...temps),
      h('div', { class: 'fans' }, fan('front', c.fan.front, c.airflow.front), fan('rear', c.fan.rear, c.airflow.rear)),
      h('div', { class: 'flags' }, flag(L.power, c.power, 'power'), flag(L.auto, c.auto, 'auto'), flag(L.ac, c.ac, 'ac'), flag(L.recirc, c.recirc, 'recirc'), flag(L.defrost_front, c.defrost_front, 'defrost_front'), flag(L.defrost_rear, c.defrost_rear, 'defrost_rear'), flag(L.sync, c.sync, 'sync')),
    ),
  );
}
