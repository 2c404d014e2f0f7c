import { money } from "./booking-describe";
import type { BookingDraft } from "./booking-state";

const clock = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** Whether the booking's held price had run out at `at` (an event says so, or the hold's time passed). */
export function holdRanOut(b: BookingDraft, at: number | null): boolean {
  if (b.status === "hold_expired") return true;
  if (b.status === "paid" || b.holdExpiresAt === null || at === null) return false;
  return Date.parse(b.holdExpiresAt) <= at;
}

/**
 * What an open booking still needs, from what no longer holds: one list for the left-off card, the
 * customer's open booking and the resume page, so none of them says "Pay" beside "the hold has run
 * out". A hold still running is named with its limit: whoever reads it later can tell it may have
 * run out since.
 */
export function remainingSteps(b: BookingDraft, ranOut: boolean, { amounts = true } = {}): string[] {
  if (b.status === "paid") return amounts ? ["Wait for the confirmation"] : [];
  const pay = amounts && b.total !== null && !ranOut ? `Pay ${money(b.total, b.currency)}` : "Pay";
  const held =
    amounts && !ranOut && b.holdExpiresAt && !Number.isNaN(Date.parse(b.holdExpiresAt))
      ? ` (price held until ${clock.format(new Date(b.holdExpiresAt))} UTC)`
      : "";
  return [...(!b.travellersAdded ? ["Add the travellers"] : []), ...(b.status === "started" || ranOut ? ["Get the booking priced"] : []), `${pay}${held}`];
}
