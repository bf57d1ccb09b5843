// Every way an English speaker names a seat, a group, a row, or a seat relative to themselves.
import type { Zone } from '../../../../intents/catalog.js';
import type { Ctx } from './common.js';
import { isGroup } from '../per-seat.js';

export interface SeatRef {
  zone: Zone;
  /** The noun after it should be plural ("the back seat heaters"). */
  plural: boolean;
  /** Before a feature noun ("the passenger's", "the rear left", "my"); null when only `post` fits. */
  poss: string | null;
  /** After the noun or at the end of the sentence (" for the passenger", " in the back"); "" for no seat. */
  post: string;
  /** The seat itself as an object ("the passenger seat", "the seat behind me"). */
  obj: string;
  /** The person or people ("the passenger", "the kids in the back", "me"). */
  who: string;
}

type Bank = { poss: string[]; post: string[]; obj: string[]; who: string[] };

const NAMED: Record<'driver' | 'passenger' | 'rear_left' | 'rear_right' | 'front' | 'rear' | 'all', Bank> = {
  driver: {
    poss: ["the driver's", 'the driver', "driver's", 'the driver side', 'driver side', "the driver's side", 'the driver-side'],
    post: [' for the driver', " on the driver's side", ' on the driver side', " for the driver's seat", ' for the driver seat', " in the driver's seat",
      ' for driver', ' on the driver seat', ' for the person driving', " for whoever's driving", ' on the left up front', ' for the front left seat'],
    obj: ["the driver's seat", 'the driver seat', 'driver seat', "the driver's side seat", 'the front left seat'],
    who: ['the driver', 'the person driving', "whoever's driving", 'our driver'],
  },
  passenger: {
    poss: ["the passenger's", 'the passenger', 'passenger', 'the passenger side', 'passenger side', "the front passenger's", 'the front passenger',
      "the passenger's side", 'the co-pilot', 'the right front'],
    post: [' for the passenger', ' for the front passenger', ' on the passenger side', " on the passenger's side", ' for the passenger seat',
      " for the passenger's seat", ' in the passenger seat', ' for shotgun', ' on the right up front', ' for my passenger',
      ' for the person riding shotgun', ' for the front right seat', ' for the co-pilot'],
    obj: ['the passenger seat', "the passenger's seat", 'passenger seat', 'the front passenger seat', 'the shotgun seat', 'the front right seat'],
    who: ['the passenger', 'my passenger', 'the front passenger', 'the person riding shotgun', "whoever's in the passenger seat", 'my co-pilot'],
  },
  rear_left: {
    poss: ['the rear left', 'the back left', 'the left rear', 'the left back', 'rear left', 'back left', 'the rear-left', 'the back-left', 'left rear'],
    post: [' for the rear left seat', ' in the back left', ' in the rear left', ' for the rear left passenger', ' for the left rear passenger',
      ' for the back left seat', ' on the left in the back', ' behind the driver', ' for the person behind the driver', ' for the seat behind the driver',
      ' for rear left', ' in the back on the left', ' for the left back seat', ' on the rear left', ' for the left rear seat'],
    obj: ['the rear left seat', 'the back left seat', 'the left rear seat', 'the seat behind the driver', 'rear left seat', 'the left back seat',
      'the back seat on the left'],
    who: ['the rear left passenger', 'the person behind the driver', 'the left rear passenger', "whoever's in the back left", 'the kid behind the driver',
      'the person in the back left'],
  },
  rear_right: {
    poss: ['the rear right', 'the back right', 'the right rear', 'the right back', 'rear right', 'back right', 'the rear-right', 'the back-right', 'right rear'],
    post: [' for the rear right seat', ' in the back right', ' in the rear right', ' for the rear right passenger', ' for the right rear passenger',
      ' for the back right seat', ' on the right in the back', ' behind the passenger', ' for the person behind the passenger',
      ' for the seat behind the passenger', ' for rear right', ' in the back on the right', ' for the right back seat', ' on the rear right',
      ' for the right rear seat'],
    obj: ['the rear right seat', 'the back right seat', 'the right rear seat', 'the seat behind the passenger', 'rear right seat', 'the right back seat',
      'the back seat on the right'],
    who: ['the rear right passenger', 'the person behind the passenger', 'the right rear passenger', "whoever's in the back right", 'the kid behind the passenger',
      'the person in the back right'],
  },
  front: {
    poss: ['the front', 'both front', 'the front row', 'front', 'both the front', 'the two front', 'front-row'],
    post: [' in the front', ' for the front seats', ' for both front seats', ' up front', ' for the front row', ' for both of us up front', ' in front',
      ' for the front', ' for the driver and passenger', ' for the driver and the passenger', ' in the first row', ' for the two of us in front'],
    obj: ['the front seats', 'both front seats', 'the front row', 'the two front seats', 'both seats up front', 'the first row'],
    who: ['both of us up front', 'the front row', 'the driver and the passenger', 'everyone up front', 'the people in front', 'the two of us in front'],
  },
  rear: {
    poss: ['the rear', 'the back', 'the back seat', 'both rear', 'the back row', 'rear', 'back', "the kids'", 'both back', 'the second-row', 'the rear seat'],
    post: [' in the back', ' in the rear', ' for the back seats', ' for the rear seats', ' for the kids in the back', ' for the kids', ' for everyone in the back',
      ' for the rear passengers', ' in the back row', ' for the back row', ' for the folks in the back', ' back there', ' for the back', ' in the second row',
      ' for both rear seats', ' for the guys in the back', ' for the rear'],
    obj: ['the back seats', 'the rear seats', 'both rear seats', 'the back row', 'the rear row', "the kids' seats", 'the second row', 'both back seats'],
    who: ['the kids in the back', 'the kids', 'the people in the back', 'the rear passengers', 'everyone in the back', 'the folks in the back', 'the back row',
      'the guys in the back', 'the backseat'],
  },
  all: {
    poss: ['all the', 'all', "everyone's", 'all of the', "everybody's", 'all four'],
    post: [' for everyone', ' for all seats', ' on all seats', ' for all the seats', ' everywhere', ' for everybody', ' in every seat', ' for all of us',
      ' for the whole car', ' in all seats', ' for all four seats', ' throughout the car', ' for every seat', ' across the car', ' for all passengers',
      ' in the whole car'],
    obj: ['all the seats', 'all seats', 'every seat', 'all four seats', "everyone's seats", 'all of the seats'],
    who: ['everyone', 'everybody', 'all of us', 'the whole car', 'every passenger', 'all passengers'],
  },
};

const SELF: Bank = {
  poss: ['my', 'my', 'the', 'the', 'my own'],
  post: [' for me', ' on my side', ' on my seat', ' for my seat', ' here', " where I'm sitting", ' on my end', ' for myself', ' in my seat'],
  obj: ['my seat', 'the seat', 'my chair', 'this seat', 'my own seat'],
  who: ['me', 'myself'],
};

const BEHIND: Bank = {
  poss: [],
  post: [' for the person behind me', " for whoever's behind me", ' for the guy behind me', ' for the seat behind me', ' behind me', ' for the kid behind me',
    ' for the one sitting behind me', ' for the person sitting behind me', ' for the seat right behind me'],
  obj: ['the seat behind me', 'the seat right behind me', 'the seat back of me'],
  who: ['the person behind me', 'the guy behind me', 'whoever is behind me', 'the kid behind me', 'the one behind me', 'the person sitting behind me'],
};
const BESIDE: Bank = {
  poss: [],
  post: [' for the person next to me', ' for the seat next to me', ' for the one next to me', ' for the person beside me', ' for my neighbor'],
  obj: ['the seat next to me', 'the seat beside me', 'the other seat in my row'],
  who: ['the person next to me', 'the person beside me', 'my neighbor', 'the one sitting next to me'],
};
const IN_FRONT: Bank = {
  poss: [],
  post: [' for the person in front of me', ' for the seat in front of me', ' in front of me', ' for the one in front of me'],
  obj: ['the seat in front of me', 'the seat ahead of me'],
  who: ['the person in front of me', 'the one in front of me', 'whoever sits in front of me'],
};

function fromBank(ctx: Ctx, zone: Zone, b: Bank, plural: boolean): SeatRef {
  return {
    zone,
    plural,
    poss: b.poss.length ? ctx.name(b.poss) : null,
    post: ctx.name(b.post),
    obj: ctx.name(b.obj),
    who: ctx.name(b.who),
  };
}

/** A named seat or group ("the passenger seat", "the rear seats"). */
export function namedRef(ctx: Ctx, zone: keyof typeof NAMED): SeatRef {
  return fromBank(ctx, zone, NAMED[zone], isGroup(zone));
}

/** With `--seat-pairs`, `share` of the time a group for a one-seat feature ("recline the rear seats"); otherwise `seatRef`. */
export function moveRef(ctx: Ctx, pSelf: number, share = 0.12): SeatRef {
  if (ctx.pairs(share, 'groups')) return namedRef(ctx, ctx.pick(['front', 'rear', 'rear', 'all'] as const));
  return seatRef(ctx, false, pSelf);
}

export function selfRef(ctx: Ctx): SeatRef {
  const r = fromBank(ctx, 'self', SELF, false);
  // Most requests name no seat at all: "turn on the seat heater".
  if (ctx.chance(0.6)) r.post = '';
  return r;
}

/** A seat relative to the speaker ("behind me", "next to me", "in front of me"), or null when none fits. */
export function relativeRef(ctx: Ctx): SeatRef | null {
  const s = ctx.speaker;
  const front = s === 'driver' || s === 'passenger';
  const r = ctx.random();
  if (front && r < 0.6) return fromBank(ctx, s === 'driver' ? 'rear_left' : 'rear_right', BEHIND, false);
  if (!front && r < 0.5) return fromBank(ctx, s === 'rear_left' ? 'driver' : 'passenger', IN_FRONT, false);
  const other: Zone = s === 'driver' ? 'passenger' : s === 'passenger' ? 'driver' : s === 'rear_left' ? 'rear_right' : 'rear_left';
  return fromBank(ctx, other, BESIDE, false);
}

/**
 * A seat reference: about `pSelf` of the time none is named (zone self), otherwise a named seat, a group
 * (when `groups`), or a seat relative to the speaker.
 */
export function seatRef(ctx: Ctx, groups: boolean, pSelf = 0.4): SeatRef {
  const r = ctx.random();
  if (r < pSelf) return selfRef(ctx);
  if (r < pSelf + 0.1) {
    const rel = relativeRef(ctx);
    if (rel) return rel;
  }
  if (groups && ctx.chance(0.35)) {
    const g = ctx.pick(['front', 'rear', 'rear', 'all'] as const);
    return fromBank(ctx, g, NAMED[g], true);
  }
  const seat = ctx.pick(['driver', 'passenger', 'passenger', 'rear_left', 'rear_right'] as const);
  return fromBank(ctx, seat, NAMED[seat], false);
}

/** A noun phrase for a seat feature at a seat: `head` ("the passenger's seat heater") and a `tail` for the sentence end. */
export function seatNP(ctx: Ctx, ref: SeatRef, sg: string, pl: string = sg): { head: string; tail: string } {
  const noun = ref.plural ? pl : sg;
  if (ref.zone === 'self' && ref.post === '') {
    return { head: `${ctx.pick(['my', 'the', 'the', 'my', ''])} ${noun}`.trim(), tail: '' };
  }
  if (ref.poss && ctx.chance(0.55)) return { head: `${ref.poss} ${noun}`, tail: '' };
  return { head: `${ctx.chance(0.85) ? 'the ' : ''}${noun}`, tail: ref.post };
}

export interface RowRef {
  zone: Zone;
  /** Before "fan"/"vents": "the rear", "the", "my"; null when the row is only said after. */
  poss: string | null;
  /** After the noun or at the end: " in the back", " for me"; "" for the speaker's row unnamed. */
  post: string;
}

const ROW_POSS = {
  front: ['the front', 'front', 'the front row', 'the front-seat', 'the first-row'],
  rear: ['the rear', 'the back', 'rear', 'back', 'the back row', 'the rear-seat', 'the backseat', 'the second-row'],
};
const ROW_POST = {
  front: [' in the front', ' up front', ' for the front', ' in the front row', ' for the front seats', ' at the front', ' for the first row'],
  rear: [' in the back', ' in the rear', ' for the back', ' for the rear', ' for the kids in the back', ' back there', ' for the back seats',
    ' in the back row', ' for the people in the back', ' for the rear passengers', ' in the backseat', ' for the second row'],
};
const ROW_SELF_POST = [' for me', ' here', ' in my row', ' on my side', ' where I am', ' for my row', ' for us'];

/** A row for the fan and airflow: self (the speaker's row), front or rear. */
export function rowRef(ctx: Ctx, pSelf = 0.55): RowRef {
  if (ctx.chance(pSelf)) return { zone: 'self', poss: ctx.pick(['the', 'the', 'my', '']), post: ctx.chance(0.2) ? ctx.name(ROW_SELF_POST) : '' };
  const z = ctx.chance(0.45) ? 'front' : 'rear';
  return { zone: z, poss: ctx.name(ROW_POSS[z]), post: ctx.name(ROW_POST[z]) };
}
