import { forbidden, notFound } from "next/navigation";
import { openLink } from "@/lib/data/resume";
import { bookingDraftRows, type DraftRow } from "@/lib/resume/draft-rows";

/**
 * A resume link opened for its holder, or refused as both customer pages refuse one: changed or
 * never made is a 404, expired or withdrawn a 403, and neither shows any data. With it, the draft
 * as rows (the booking's own fields, or the journey's facts).
 */
export async function openOrRefuse(token: string, action?: Parameters<typeof openLink>[2]) {
  const opened = await openLink(token, Date.now(), action);
  if (!opened.ok) {
    if (opened.problem === "tampered" || opened.problem === "unknown") notFound();
    forbidden();
  }
  const { chosen } = opened.answer.resume;
  const rows: DraftRow[] = chosen ? bookingDraftRows(chosen) : Object.entries(opened.chosen);
  return { opened, booking: chosen !== undefined, rows };
}
