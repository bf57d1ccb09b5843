// `--voice-profile SEAT=DIR` on `cabin listen` and `cabin run`: a recogniser with that seat's enrolled voice profile;
// the other seats share one with the stock acoustic model.
import { UsageError } from '../../vehicle-bus/errors.js';
import type { Seat } from '../../vehicle-bus/cabin/vehicle-state-types.js';
import { seatSpec } from '../command.js';
import type { Recognizer } from '../../models/speech/recognizer.js';
import { readVoiceProfile } from './enrolment.js';

export interface SeatRecognizers {
  shared: Recognizer;
  bySeat: Partial<Record<Seat, Recognizer>>;
  forSeat(seat: Seat): Recognizer;
  close(): void;
}

/** Parses SEAT=DIR specs and checks each profile before any recogniser is opened (a bad one is one line, nothing opened). */
export async function profileDirs(specs: readonly string[]): Promise<Partial<Record<Seat, string>>> {
  const out: Partial<Record<Seat, string>> = {};
  for (const spec of specs) {
    const [seat, dir] = seatSpec('voice-profile', spec, 'DIR');
    if (out[seat]) throw new UsageError(`--voice-profile: ${seat} is given twice`);
    try {
      out[seat] = (await readVoiceProfile(dir)).hmmDir;
    } catch (err) {
      throw new UsageError(`--voice-profile ${spec}: ${(err as Error).message}`);
    }
  }
  return out;
}

export function openSeatRecognizers(profiles: Partial<Record<Seat, string>>, open: (hmmDir?: string) => Recognizer): SeatRecognizers {
  const shared = open();
  const bySeat: Partial<Record<Seat, Recognizer>> = {};
  const close = () => {
    shared.close();
    for (const r of Object.values(bySeat)) r.close();
  };
  try {
    for (const [seat, dir] of Object.entries(profiles) as [Seat, string][]) bySeat[seat] = open(dir);
  } catch (err) {
    close();
    throw err;
  }
  return { shared, bySeat, forSeat: (seat) => bySeat[seat] ?? shared, close };
}
