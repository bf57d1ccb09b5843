// The dialogue's vehicle port on a real transport: commands encoded and sent, status from the state tracker.
import type { VehiclePort } from '../../intents/dialogue/dialogue.js';
import type { CommandEncoder } from '../../vehicle-bus/cabin/commands.js';
import type { VehicleStateTracker } from '../../vehicle-bus/cabin/vehicle-state.js';
import type { Transport } from '../../vehicle-bus/transport.js';

export interface PortOptions {
  /** Called with each frame's send failure (a bus that went away); the closed loop then reports no response. */
  onSendError?: (err: Error) => void;
  /** Called for every command frame put on the bus. */
  onFrame?: () => void;
}

export function transportPort(transport: Transport, tracker: VehicleStateTracker, encoder: CommandEncoder, opts: PortOptions = {}): VehiclePort {
  return {
    state: () => tracker.state,
    telemetry: () => tracker.telemetry,
    send(cmd) {
      for (const frame of encoder.frames(cmd)) {
        opts.onFrame?.();
        transport.send(frame).catch((err: unknown) => opts.onSendError?.(err instanceof Error ? err : new Error(String(err))));
      }
    },
    onStatus: (listener) => tracker.onStatus((e) => listener(e.message)),
  };
}
