// Renderer entry: connects to the core (Electron preload or WebSocket), draws every screen from the snapshot, then follows events.
import type { Seat, VehicleState } from '../vehicle-bus/cabin/vehicle-state-types.js';
import type { AppEvent } from '../main/app/ipc-contract.js';
import { renderCabin, renderClimate } from './cabin-view.js';
import { ConversationView } from './conversation-view.js';
import { attempt, byId, showError } from './dom.js';
import { connect } from './ipc-client.js';
import { SimulatorPanel } from './simulator-panel.js';
import { StyleTunerView } from './style-tuner-view.js';
import { setupPushToTalk } from './push-to-talk.js';

function tabs(): void {
  const buttons = document.querySelectorAll<HTMLButtonElement>('[data-tab]');
  for (const b of buttons) {
    b.addEventListener('click', () => {
      for (const o of buttons) {
        o.classList.toggle('active', o === b);
        o.setAttribute('aria-selected', String(o === b));
        byId(o.dataset.tab!).classList.toggle('hidden', o !== b);
      }
    });
  }
}

async function start(): Promise<void> {
  tabs();
  const api = await connect();
  let state: VehicleState | undefined;
  let talk: ConversationView | undefined;
  const drawCabin = () => {
    if (!state || !talk) return;
    const t = talk;
    renderCabin(byId('cabin'), state, { onSeat: (s: Seat) => t.pick(s), speaker: () => t.speaker, queued: () => new Set(t.queue.keys()) });
    renderClimate(byId('climate'), state);
    byId('speed-now').textContent = `${Math.round(state.vehicle.speed_kph)} km/h`;
  };
  talk = new ConversationView(api, drawCabin);
  const sim = new SimulatorPanel(api, {});
  const tuner = new StyleTunerView(api);

  // Subscribe before the snapshot so nothing between the two is lost; a frame seen twice is harmless.
  const early: AppEvent[] = [];
  let ready = false;
  const handle = (e: AppEvent) => {
    switch (e.type) {
      case 'state':
        state = e.state;
        drawCabin();
        return;
      case 'trace':
        sim.addFrames(e.frames);
        return;
      case 'turn':
        talk!.add(e.turn);
        return;
      case 'faults':
        sim.renderFaults(e.faults);
        return;
      case 'styles':
        tuner.renderStyles(e.styleNames, e.seatStyles);
        return;
      case 'link':
        sim.showLink(e.state);
        return;
    }
  };
  api.onEvent((e) => (ready ? handle(e) : early.push(e)));

  const snap = await api.snapshot({});
  state = snap.state;
  drawCabin();
  sim.setLimits(snap.ecuLimits);
  sim.renderFaults(snap.faults);
  sim.setBus(snap.bus);
  sim.showLink(snap.link);
  sim.showSpeed(snap.state.vehicle.speed_kph);
  sim.addFrames(snap.trace);
  for (const t of snap.conversation) talk.add(t);
  tuner.renderStyles(snap.styleNames, snap.seatStyles);
  await attempt(() => tuner.load(snap.seatStyles.driver));
  setupPushToTalk(api, () => talk!.speaker, snap.talkUnavailable);
  byId('model').textContent = `model ${snap.model}`;
  byId('styles-dir').textContent = snap.userStylesDir;
  ready = true;
  for (const e of early.splice(0)) if (e.type !== 'turn') handle(e);
  document.body.classList.add('ready');
}

start().catch((err: unknown) => showError(`cannot start: ${err instanceof Error ? err.message : String(err)}`));
