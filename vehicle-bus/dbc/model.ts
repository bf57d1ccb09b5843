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
  /** `SG_MUL_VAL_` switch-value ranges (inclusive) that select this signal; when set they replace `multiplexValue`. */
  multiplexRanges?: Array<[number, number]>;
  /** `VAL_` table: raw value -> label. */
  valueTable?: Map<number, string>;
  comment?: string;
  /** `BA_` values given for this signal, by attribute name (enum attributes keep the index as written). */
  attributes?: Record<string, number | string>;
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
  /** CAN FD frame: `VFrameFormat` says so, or the length exceeds 8. */
  fd?: boolean;
  /** `BA_` values given for this message, by attribute name. */
  attributes?: Record<string, number | string>;
}

export type DbcAttributeScope = 'network' | 'node' | 'message' | 'signal' | 'env';

export interface DbcAttributeDefinition {
  name: string;
  scope: DbcAttributeScope;
  type: 'INT' | 'HEX' | 'FLOAT' | 'STRING' | 'ENUM';
  minimum?: number;
  maximum?: number;
  /** ENUM labels in index order. */
  values?: string[];
  /** From `BA_DEF_DEF_`. */
  defaultValue?: number | string;
}

export interface DbcEnvironmentVariable {
  name: string;
  type: 'integer' | 'float' | 'string';
  minimum: number;
  maximum: number;
  unit: string;
  initialValue: number;
  comment?: string;
}

export interface Dbc {
  /** File name used in error messages. */
  file: string;
  version: string;
  nodes: string[];
  messages: DbcMessage[];
  /** Global `CM_ "..."` comment. */
  comment?: string;
  /** `CM_ BU_` comments by node name. */
  nodeComments?: Map<string, string>;
  /** Named `VAL_TABLE_` tables: raw value -> label. */
  valueTables?: Map<string, Map<number, string>>;
  attributeDefinitions?: Map<string, DbcAttributeDefinition>;
  /** Network-scope `BA_` values. */
  attributes?: Record<string, number | string>;
  environmentVariables?: DbcEnvironmentVariable[];
  /** Tolerated oddities (references to unknown messages or signals), as `file:line: detail`. */
  warnings?: string[];
}

/** Physical signal values by name; a label string is accepted for signals with a value table. */
export type SignalValues = Record<string, number | string>;
