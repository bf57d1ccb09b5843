// Push-to-talk: hold the button (or Space/Enter on it) and the head unit's microphones capture for the picked seat.
import type { Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';
import type { CabinApi } from '../main/app/ipc-contract.js';
import { attempt, byId } from './dom.js';

/**
 * The microphones belong to the head unit, not to the page: the button only starts and stops the host's
 * capture, so the same screen works in Electron (no web media permission) and in a browser.
 */
export function setupPushToTalk(api: CabinApi, speaker: () => Seat, unavailable: string | null): void {
  const button = byId<HTMLButtonElement>('talk-button');
  if (unavailable) {
    button.disabled = true;
    button.title = unavailable;
    return;
  }
  let talking = false;
  const begin = async () => {
    if (talking) return;
    talking = true;
    button.classList.add('listening');
    button.setAttribute('aria-pressed', 'true');
    if (!(await attempt(() => api.talkStart({ speaker: speaker() })))) end(false);
  };
  const end = (send = true) => {
    if (!talking) return;
    talking = false;
    button.classList.remove('listening');
    button.setAttribute('aria-pressed', 'false');
    if (send) void attempt(() => api.talkStop({}));
  };
  button.addEventListener('pointerdown', (e) => {
    button.setPointerCapture(e.pointerId);
    void begin();
  });
  button.addEventListener('pointerup', () => end());
  button.addEventListener('pointercancel', () => end());
  button.addEventListener('keydown', (e) => {
    if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) {
      e.preventDefault();
      void begin();
    }
  });
  button.addEventListener('keyup', (e) => {
    if (e.key === ' ' || e.key === 'Enter') end();
  });
}
