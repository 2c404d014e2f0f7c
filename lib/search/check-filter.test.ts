import { describe, expect, it } from "vitest";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { checkFilter } from "./check-filter";
import { parseSearchQuery } from "./query";

const personal = (path: string) => path === "data.contact.email";
const check = (query: string, mayFindUsers = false) =>
  checkFilter(parseSearchQuery(new URLSearchParams(query)).filter, { journey: bookingJourney, personalPath: personal, mayFindUsers });

describe("a filter checked against its journey and the policy", () => {
  it("keeps the funnel indexes of its steps", () => {
    const f = check("journey=holiday-booking&reached=priced&reached=search&notReached=payment");
    expect(f.reachedIndexes).toEqual([4, 0]);
    expect(f.notReachedIndexes).toEqual([5]);
    expect(f.personalPaths).toEqual([]);
  });

  it("refuses steps and drop reasons the journey does not have, naming the parameter", () => {
    expect(() => check("journey=holiday-booking&reached=pricing")).toThrow(/"reached": "pricing" is not a step of holiday-booking \(search, view_offer/);
    expect(() => check("journey=holiday-booking&notReached=pay")).toThrow(/"notReached": "pay" is not a step/);
    expect(() => check("journey=holiday-booking&dropReason=bored")).toThrow(/"dropReason": "bored" is not a drop reason of holiday-booking/);
    expect(check("journey=holiday-booking&dropReason=timed_out").dropReason).toBe("timed_out");
  });

  it("lets a personal path be asked about by a whole value only, by those who may find customers", () => {
    expect(() => check("where=data.contact.email:ne:x", true)).toThrow(/only eq and exists/);
    expect(() => check('where=data.contact.email:in:["x"]', true)).toThrow(/only eq and exists/);
    expect(() => check("where=data.contact.email:eq:x")).toThrow(/needs users.find/);
    expect(check("where=data.contact.email:eq:x", true).personalPaths).toEqual(["data.contact.email"]);
    expect(check("where=data.contact.email:exists:true", true).personalPaths).toEqual(["data.contact.email"]);
  });
});
