import { describe, expect, it } from "vitest";
import type { ResumePoint } from "../journeys/journey-definition";
import { summariseUser, type SummarisedSession } from "./user-summary";

const rp = (chosen: Record<string, string>): ResumePoint => ({ step: "priced", label: "Priced", chosen, facts: chosen, remaining: [], blockers: [] });
const session = (id: string, startedAt: number, fields: Partial<SummarisedSession> = {}): SummarisedSession => ({
  id,
  journey: "holiday-booking",
  startedAt,
  lastEventAt: startedAt + 10,
  outcome: "browsed",
  resumePoint: null,
  personName: null,
  ...fields,
});

describe("a user's summary", () => {
  it("counts sessions, spans first to last seen, and takes the latest outcome and name", () => {
    const s = summariseUser("u1", [session("b", 200, { outcome: "booked", personName: "Ana" }), session("a", 100, { personName: "Old" })]);
    expect(s).toEqual({ userId: "u1", sessionCount: 2, firstSeen: 100, lastSeen: 210, lastOutcome: "booked", openBooking: null, displayName: "Ana" });
  });

  it("the open booking is the latest session whose journey says its resume point leaves one open", () => {
    const open = rp({ booking: "bk-1", destination: "Lisbon" });
    const s = summariseUser("u1", [session("a", 100, { resumePoint: open }), session("b", 200, { resumePoint: rp({ destination: "Porto" }) })]);
    expect(s?.openBooking).toEqual({ sessionId: "a", ...open });
    // The generic journey never leaves a booking open.
    expect(summariseUser("u1", [session("a", 100, { journey: "generic", resumePoint: open })])?.openBooking).toBeNull();
  });

  it("no sessions, no summary", () => {
    expect(summariseUser("u1", [])).toBeNull();
  });
});
