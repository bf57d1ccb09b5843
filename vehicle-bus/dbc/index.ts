// Public face of the DBC package: the model types, the text parser and the codec.
export type * from './model.js';
export { parseDbc } from './parser.js';
export { compileMessage, decodeMessage, encodeMessage, labelFor, type CompiledMessage, type RawValues } from './codec.js';
export { bitPositions, signalByteSpan } from './bit-layout.js';
