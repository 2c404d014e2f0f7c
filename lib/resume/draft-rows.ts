import { money, travellers } from "../journeys/booking/booking-describe";
import type { ResumeChoice } from "../journeys/booking/booking-resume";
import { formatStay } from "../format/calendar-dates";

export type DraftRow = [label: string, value: string];

/**
 * The booking journey's draft in the customer's words, as their own page shows it: the place as
 * the resume point names it, the stay with its year and nights, the price. Nothing is masked: it
 * is the customer's own draft, shown only to the holder of their link.
 */
export function bookingDraftRows(c: ResumeChoice): DraftRow[] {
  const rows: DraftRow[] = [["Destination", c.destination]];
  if (c.hotel) rows.push(["Stay", `${c.hotel}${c.package ? ` (${c.package})` : ""}`]);
  if (c.checkIn) rows.push(["Dates", formatStay(c.checkIn, c.checkOut)]);
  rows.push(["Travellers", travellers(c.adults, c.children)]);
  if (c.extras.length > 0) rows.push(["Extras", c.extras.join(", ")]);
  if (c.total !== null) rows.push(["Price", money(c.total, c.currency)]);
  else if (c.pricePerPerson !== null) rows.push(["Price", `${money(c.pricePerPerson, c.currency)} per person`]);
  if (c.bookingId) rows.push(["Booking", c.bookingId]);
  return rows;
}
