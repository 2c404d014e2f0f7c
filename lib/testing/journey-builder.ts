import type { JourneyEvent } from "../journeys/journey-event";

const MINUTE = 60_000;

/** Builds journey events one after another, a minute apart unless told otherwise. */
export function journeyBuilder(start = Date.parse("2026-06-01T10:00:00Z")) {
  let position = 0;
  let time = start;
  return {
    event(type: string, data: Record<string, unknown> = {}, extra: Partial<JourneyEvent> & { after?: number } = {}): JourneyEvent {
      const { after, ...rest } = extra;
      time += after ?? MINUTE;
      position += 1;
      return {
        position,
        type,
        // The reference world's producers (/holidays/payment for payment.*): the ones the booking journey trusts.
        source: `/holidays/${type.split(".")[0]}`,
        subject: null,
        time,
        userid: "u-1",
        anonymousid: null,
        sessionid: null,
        correlationid: null,
        causationid: null,
        data,
        ...rest,
      };
    },
    get time() {
      return time;
    },
  };
}

export { MINUTE };
