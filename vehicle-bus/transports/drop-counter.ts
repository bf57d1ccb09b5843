// Counts dropped bad input by reason and logs each reason once, so a noisy peer cannot flood the log.

export type LogFn = (line: string) => void;

/** Default log: one stderr line prefixed with who is speaking (a transport URI or a server). */
export function stderrLog(prefix: string): LogFn {
  return (line) => {
    process.stderr.write(`[${prefix}] ${line}\n`);
  };
}

export class DropCounter {
  private readonly counts: Record<string, number> = {};

  /** `tally`, when given, also receives every count (a server sums its connections into one record). */
  constructor(private readonly log: LogFn, private readonly tally?: Record<string, number>) {}

  /** Count one drop; only the first of each reason reaches the log (per counter, i.e. per connection). */
  drop(reason: string, detail?: string): void {
    const n = (this.counts[reason] ?? 0) + 1;
    this.counts[reason] = n;
    if (this.tally) this.tally[reason] = (this.tally[reason] ?? 0) + 1;
    if (n === 1) {
      this.log(`dropped ${reason}${detail ? `: ${detail}` : ''} (further "${reason}" drops are counted, not logged)`);
    }
  }

  snapshot(): Record<string, number> {
    return { ...this.counts };
  }
}

/** Shortens untrusted input before it goes into a log line. */
export function preview(text: string, max = 40): string {
  const clean = text.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return clean.length > max ? `${clean.slice(0, max)}…(${text.length} chars)` : clean;
}
