// Error base with stable codes, shared by every module; the CLI and pipeline turn these into one line or one event.

export class CabinError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A user-facing mistake (bad flag, missing file): printed as one line, never with a stack. */
export class UsageError extends CabinError {
  constructor(message: string) {
    super('E_USAGE', message);
  }
}

export class DbcParseError extends CabinError {
  readonly file: string;
  readonly line: number;

  constructor(file: string, line: number, detail: string) {
    super('E_DBC_PARSE', `${file}:${line}: ${detail}`);
    this.file = file;
    this.line = line;
  }
}

export class CodecError extends CabinError {
  constructor(message: string) {
    super('E_CODEC', message);
  }
}

export class TransportError extends CabinError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_TRANSPORT', message, options);
  }
}

/** The transport cannot exist on this machine (e.g. no AF_CAN in the kernel). */
export class TransportUnavailableError extends CabinError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_TRANSPORT_UNAVAILABLE', message, options);
  }
}

export class BusTimeoutError extends CabinError {
  constructor(message: string) {
    super('E_BUS_TIMEOUT', message);
  }
}
