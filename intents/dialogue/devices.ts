// Which ECU confirms which vehicle-state path: the status message that carries it and the device a reply names.
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';

/** The devices an occupant can be told about ("the rear seat module did not respond"). */
export type Device = 'front_seats' | 'rear_seats' | 'lights' | 'climate';

export interface StatusSource {
  /** Status message name in cabin.dbc. */
  message: string;
  device: Device;
}

const SEAT_MESSAGE: Record<Seat, string> = {
  driver: 'SEAT_Status_Driver',
  passenger: 'SEAT_Status_Passenger',
  rear_left: 'SEAT_Status_RearLeft',
  rear_right: 'SEAT_Status_RearRight',
};

/**
 * `path` is a vehicle-state path (`seats.driver.heat`, `hvac.temp.rear_left`) or a seat-motion
 * telemetry path (`seat_motion.driver.recline_target`), as expectations name them.
 */
export function statusSourceOf(path: string): StatusSource {
  const [root, a] = path.split('.') as [string, string | undefined];
  if (root === 'seats' || root === 'seat_motion') {
    const seat = a as Seat;
    const device: Device = seat === 'driver' || seat === 'passenger' ? 'front_seats' : 'rear_seats';
    return { message: SEAT_MESSAGE[seat], device };
  }
  if (root === 'lights') return { message: 'LIGHT_Status', device: 'lights' };
  if (root === 'hvac') return { message: a === 'temp' ? 'CLIMATE_TempStatus' : 'CLIMATE_Status', device: 'climate' };
  throw new Error(`no status message carries "${path}"`);
}
