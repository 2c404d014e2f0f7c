/**
 * The version of the booking fold (lib/journeys/booking/): raise it in a release that changes what
 * the fold makes of events (states, outcomes, facts, boundaries, words stored in the read
 * models). The server's start then folds the store again with it in a new generation and switches
 * it in once caught up (lib/sessions/generations/release.ts); pages show the old one meanwhile.
 * v3: the daily path counters name the finer ending ("path-label"), which a store rolled up by v2
 * lacks; a live correction there would subtract rows it never wrote.
 * v4: the platform dimension's values are named ("iOS", not "ios") in the dimension-label counters,
 * and every session's facts keep its event path ("event-path" counters). A release generation folds
 * the whole store, data journeys too, so this raise also gives their sessions event paths; a later
 * change to every journey's facts with no change to the booking fold still needs a raise here.
 */
export const BOOKING_FOLD_VERSION = 4;

/** A built-in journey's fold, as a generation's definitions map records it (`{"@booking": 1}`). */
export interface BuiltInFold {
  /** its key in the definitions map: "@" and a short name, so no stored definition can take it */
  key: string;
  /** in words: "booking" (the reason of a release's generation says "release: booking fold v2") */
  label: string;
  /** the journey's name in the catalog */
  journey: string;
  version: number;
}

export const BUILT_IN_FOLDS: readonly BuiltInFold[] = [{ key: "@booking", label: "booking", journey: "holiday-booking", version: BOOKING_FOLD_VERSION }];

/** A generation made before fold versions were recorded has no "@" keys: it was folded with version 1 of each. */
export const FOLD_VERSION_BEFORE_RECORDS = 1;
