import { describe, expect, it } from "vitest";
import type { ResumeChoice } from "../journeys/booking/booking-resume";
import { bookingDraftRows } from "./draft-rows";

const draft: ResumeChoice = {
  destination: "Malta (MLA)",
  destinationCode: "MLA",
  offerId: "OF-1",
  hotel: "Vista Resort",
  package: "half-board",
  checkIn: "2027-06-12",
  checkOut: "2027-06-19",
  adults: 2,
  children: 1,
  extras: ["Airport transfer"],
  pricePerPerson: 700,
  total: 2100,
  currency: "EUR",
  bookingId: "BK-1",
};

describe("bookingDraftRows", () => {
  it("names the place as the resume point gives it and the dates with their year", () => {
    expect(bookingDraftRows(draft)).toEqual([
      ["Destination", "Malta (MLA)"],
      ["Stay", "Vista Resort (half-board)"],
      ["Dates", "Sat 12 June – Sat 19 June 2027, 7 nights"],
      ["Travellers", "2 adults, 1 child"],
      ["Extras", "Airport transfer"],
      ["Price", "€2,100"],
      ["Booking", "BK-1"],
    ]);
  });

  it("leaves out what was not chosen yet, and prices per person before a total", () => {
    const rows = bookingDraftRows({ ...draft, hotel: null, checkIn: null, checkOut: null, extras: [], total: null, bookingId: null });
    expect(rows).toEqual([
      ["Destination", "Malta (MLA)"],
      ["Travellers", "2 adults, 1 child"],
      ["Price", "€700 per person"],
    ]);
  });
});
