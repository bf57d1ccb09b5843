// The DBC database as data: what the parser produces and the codec consumes (no text, no I/O here).

export type ByteOrder = 'little_endian' | 'big_endian';
export type SignalValueType = 'integer' | 'float32' | 'float64';

export interface DbcSignal {
  name: string;
  /** Start bit exactly as written in the DBC (`@1` Intel: LSB position; `@0` Motorola: MSB in sawtooth numbering). */
  startBit: number;
  length: number;
  byteOrder: ByteOrder;
  signed: boolean;
  /** From `SIG_VALTYPE_` (1 = float32, 2 = float64); integer otherwise. */
  valueType: SignalValueType;
  factor: number;
  offset: number;
  minimum: number;
  maximum: number;
  unit: string;
  receivers: string[];
  /** True for the multiplexor switch signal (`M`). */
  isMultiplexer: boolean;
  /** For a multiplexed signal (`m3`, `m3M`): the switch value that selects it; undefined when always present. */
  multiplexValue?: number;
  /** Name of the switch signal for a multiplexed signal (from SG_MUL_VAL_ where given, else the message's `M` signal). */
  multiplexerName?: string;
  /** `VAL_` table: raw value -> label. */
  valueTable?: Map<number, string>;
  comment?: string;
}

export interface DbcMessage {
  /** Arbitration id without the DBC's extended-frame flag bit. */
  id: number;
  extended: boolean;
  name: string;
  /** Payload length in bytes (up to 64 for CAN FD). */
  length: number;
  sender: string;
  signals: DbcSignal[];
  comment?: string;
  /** `GenMsgCycleTime` attribute where the file gives one. */
  cycleTimeMs?: number;
}

export interface Dbc {
  /** File name used in error messages. */
  file: string;
  version: string;
  nodes: string[];
  messages: DbcMessage[];
}

/** Physical signal values by name; a label string is accepted for signals with a value table. */
export type SignalValues = Record<string, number | string>;
