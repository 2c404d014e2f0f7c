import { describe, expect, it } from "vitest";
import { formatCalendarDay, formatStay } from "./calendar-dates";

describe("formatCalendarDay", () => {
  it("names the weekday, the day, the month in full and the year", () => {
    expect(formatCalendarDay("2027-06-12")).toBe("Sat 12 June 2027");
    expect(formatCalendarDay("2028-02-29")).toBe("Tue 29 February 2028");
  });

  it("keeps the day in every time zone (read in UTC)", () => {
    expect(formatCalendarDay("2027-01-01")).toBe("Fri 1 January 2027");
  });

  it("shows what came, unchanged, when it is not a day", () => {
    expect(formatCalendarDay("2027-02-30")).toBe("2027-02-30");
    expect(formatCalendarDay("soon")).toBe("soon");
    expect(formatCalendarDay("2027-06-12T10:00:00Z")).toBe("2027-06-12T10:00:00Z");
  });
});

describe("formatStay", () => {
  it("gives the year once within a year, and counts the nights", () => {
    expect(formatStay("2027-06-12", "2027-06-19")).toBe("Sat 12 June – Sat 19 June 2027, 7 nights");
    expect(formatStay("2027-06-28", "2027-07-03")).toBe("Mon 28 June – Sat 3 July 2027, 5 nights");
    expect(formatStay("2027-06-12", "2027-06-13")).toBe("Sat 12 June – Sun 13 June 2027, 1 night");
  });

  it("gives both years across new year", () => {
    expect(formatStay("2026-12-28", "2027-01-03")).toBe("Mon 28 December 2026 – Sun 3 January 2027, 6 nights");
  });

  it("counts nights across a change of clocks as whole days", () => {
    // Europe's clocks go forward on 28 March 2027: in UTC the stay is still 2 days long.
    expect(formatStay("2027-03-27", "2027-03-29")).toBe("Sat 27 March – Mon 29 March 2027, 2 nights");
  });

  it("shows a stay without its end as its first day, and what is not a day as it came", () => {
    expect(formatStay("2027-06-12", null)).toBe("Sat 12 June 2027");
    expect(formatStay("2027-06-12", "later")).toBe("Sat 12 June 2027 – later");
    expect(formatStay("someday", "2027-06-19")).toBe("someday – 2027-06-19");
    expect(formatStay("2027-06-19", "2027-06-12")).toBe("Sat 19 June – Sat 12 June 2027");
  });
});
