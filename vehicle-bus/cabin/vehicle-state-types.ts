// The vehicle state exactly as DESIGN.md's JSON shows it, its vocabulary (seats, rows, colours) and defaults.

export const SEATS = ['driver', 'passenger', 'rear_left', 'rear_right'] as const;
export type Seat = (typeof SEATS)[number];

export const ROWS = ['front', 'rear'] as const;
export type Row = (typeof ROWS)[number];

/** Palette order is the wire encoding of the colour fields in cabin.dbc. */
export const AMBIENT_COLORS = ['red', 'orange', 'yellow', 'green', 'cyan', 'blue', 'purple', 'pink', 'white', 'warm_white'] as const;
export type AmbientColor = (typeof AMBIENT_COLORS)[number];

/** RGB of each palette entry, for a UI and for the VSS `#RRGGBB` colour (same values as the DBC comment). */
export const AMBIENT_RGB: Readonly<Record<AmbientColor, string>> = {
  red: '#FF0000',
  orange: '#FF8000',
  yellow: '#FFD700',
  green: '#00C000',
  cyan: '#00FFFF',
  blue: '#0040FF',
  purple: '#8000FF',
  pink: '#FF60B0',
  white: '#FFFFFF',
  warm_white: '#FFD8A0',
};

/** Order is the wire encoding of the airflow fields in cabin.dbc. */
export const AIRFLOWS = ['face', 'feet', 'face_feet', 'windshield_feet'] as const;
export type Airflow = (typeof AIRFLOWS)[number];

export interface SeatState {
  heat: number;
  vent: number;
  massage: number;
  recline: number;
  slide: number;
}

export interface VehicleState {
  vehicle: { speed_kph: number };
  seats: Record<Seat, SeatState>;
  lights: {
    reading: Record<Seat, boolean>;
    ambient: { on: boolean; color: AmbientColor; brightness: number };
    dome: boolean;
  };
  hvac: {
    power: boolean;
    auto: boolean;
    ac: boolean;
    recirc: boolean;
    defrost_front: boolean;
    defrost_rear: boolean;
    sync: boolean;
    temp: Record<Seat, number>;
    fan: Record<Row, number>;
    airflow: Record<Row, Airflow>;
  };
}

/** Valid ranges of the state's numbers; ECUs clamp to these unless a fault says otherwise. */
export const LIMITS = {
  level: { min: 0, max: 3 },
  percent: { min: 0, max: 100 },
  temp: { min: 16, max: 30, step: 0.5 },
  fan: { min: 0, max: 7 },
} as const;

const defaultSeat = (): SeatState => ({ heat: 0, vent: 0, massage: 0, recline: 20, slide: 50 });

/** A fresh copy of DESIGN.md's default state (key order as printed there). */
export function defaultVehicleState(): VehicleState {
  return {
    vehicle: { speed_kph: 0 },
    seats: { driver: defaultSeat(), passenger: defaultSeat(), rear_left: defaultSeat(), rear_right: defaultSeat() },
    lights: {
      reading: { driver: false, passenger: false, rear_left: false, rear_right: false },
      ambient: { on: true, color: 'white', brightness: 50 },
      dome: false,
    },
    hvac: {
      power: true,
      auto: false,
      ac: true,
      recirc: false,
      defrost_front: false,
      defrost_rear: false,
      sync: false,
      temp: { driver: 22, passenger: 22, rear_left: 22, rear_right: 22 },
      fan: { front: 3, rear: 2 },
      airflow: { front: 'face', rear: 'face' },
    },
  };
}

/** Deep copy; the state is plain JSON data. */
export function cloneState(state: VehicleState): VehicleState {
  return structuredClone(state);
}
