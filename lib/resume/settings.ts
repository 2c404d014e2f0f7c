import { positiveFromEnv, type Env } from "../config/env-number";
import { checkTemplate } from "./resume-token";

/** Resume links last REWIND_RESUME_LINK_DAYS (default 7). */
export function resumeLinkDays(env: Env = process.env): number {
  return positiveFromEnv(env, "REWIND_RESUME_LINK_DAYS", 7);
}

/**
 * Where Continue goes: REWIND_RESUME_URL_TEMPLATE, `{placeholders}` filled from the draft. The
 * default names the reference world's booking app; set it to your own.
 */
export function resumeUrlTemplate(env: Env = process.env): string {
  return checkTemplate(
    env.REWIND_RESUME_URL_TEMPLATE ||
      "https://booking.holidays.example/resume?booking={bookingId}&offer={offerId}&checkIn={checkIn}&checkOut={checkOut}" +
        "&adults={adults}&children={children}&extras={extras}",
  );
}

/**
 * Whom a customer whose link is refused (changed, expired, withdrawn) should ask for a new one:
 * REWIND_RESUME_CONTACT, plain text shown as it is, its email addresses, web addresses and phone
 * numbers made tappable. The default points back at whoever sent the link, which is always true.
 */
export function resumeContact(env: Env = process.env): string {
  return env.REWIND_RESUME_CONTACT?.trim() || "Reply to the message this link came with, and whoever sent it will send you a new one.";
}

/**
 * REWIND_RESUME_URL_TEMPLATE for a Rewind with no booking app behind it (the demo, the e2e suite):
 * Continue lands on Rewind's own /resume/continue, on the host the link was opened on, which says
 * where a real deployment would send the customer and shows the draft. Every placeholder is in it.
 */
export const REWIND_CONTINUE_TEMPLATE =
  "/resume/continue?booking={bookingId}&offer={offerId}&destination={destination}&checkIn={checkIn}&checkOut={checkOut}" +
  "&adults={adults}&children={children}&extras={extras}&token={token}";
