// Requests are planned against where the seat motors are heading; seats not yet reported keep their position.
import { describe, expect, it } from 'vitest';
import { planningState } from '../../../intents/dialogue/planning-state.js';
import { emptyTelemetry } from '../../../vehicle-bus/cabin/status-frames.js';
import { defaultVehicleState } from '../../../vehicle-bus/cabin/vehicle-state-types.js';

describe('planningState', () => {
  it('puts each reported motor target in place of the position, and leaves the reported state alone', () => {
    const state = defaultVehicleState();
    state.seats.passenger.recline = 23;
    const telemetry = emptyTelemetry();
    telemetry.seat_motion.passenger = { recline_target: 40, slide_target: 50, recline_moving: true, slide_moving: false };
    const planned = planningState(state, telemetry);
    expect(planned.seats.passenger).toEqual({ ...state.seats.passenger, recline: 40, slide: 50 });
    expect(planned.seats.driver).toEqual(state.seats.driver);
    expect(state.seats.passenger.recline).toBe(23);
    expect(planned.hvac).toBe(state.hvac);
  });
});
