import { notFound } from "next/navigation";
import { z } from "zod";
import { openOrRefuse } from "../open-or-refuse";
import { DraftCard } from "@/components/resume/draft-card";

/** A change that stops the booking from going on, and one the customer should only know of. */
const BLOCKING_TONE = "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100";
const ADVISORY_TONE = "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100";
const CONTINUE_BUTTON =
  "block w-full rounded-xl bg-amber-500 px-5 py-4 text-center text-lg font-semibold text-slate-950 shadow hover:bg-amber-400 " +
  "focus:outline-none focus:ring-4 focus:ring-amber-300";

export const dynamic = "force-dynamic";

const tokenSchema = z
  .string()
  .min(10)
  .max(2_000)
  .regex(/^[\w-]+\.[\w-]+$/);

/**
 * An end user's interrupted journey (a booking, or any journey with a resume URL), from the link an
 * agent or the booking system sent them: what they had chosen (a booking's draft, another
 * journey's facts) in plain words, what is left, what has changed since, and Continue. Nothing of
 * anyone else, nothing an agent sees. A link that was changed or never existed is a 404; one that
 * expired or was withdrawn a 403; neither shows any data.
 */
export default async function ResumePage({ params }: { params: Promise<{ token: string }> }) {
  // Next has decoded the segment already; a token is base64url, so nothing needs decoding again.
  const token = tokenSchema.safeParse((await params).token);
  if (!token.success) notFound();
  const { opened, booking, rows } = await openOrRefuse(token.data);
  const { resume } = opened.answer;
  return (
    <article className="space-y-5">
      <header className="space-y-1">
        <p className="text-sm font-medium text-amber-700 dark:text-amber-400">{booking ? "Your holiday booking" : opened.journeyLabel}</p>
        <h1 className="text-2xl font-semibold">{resume.canContinue ? "Pick up where you left off" : "There is nothing left to continue"}</h1>
      </header>

      <DraftCard label={booking ? "Your booking so far" : "What you had done so far"} rows={rows} stepLabel={resume.stepLabel} />

      {resume.noLongerHolds.length > 0 && (
        <section aria-label="What has changed" className="space-y-2">
          {resume.noLongerHolds.map((n) => (
            <p key={n.code} className={`rounded-xl px-4 py-3 text-sm ${n.blocking ? BLOCKING_TONE : ADVISORY_TONE}`}>
              {n.message}
            </p>
          ))}
        </section>
      )}

      {resume.canContinue && opened.continueUrl && (
        <section aria-label="What is left" className="space-y-4">
          <ol className="list-inside list-decimal space-y-1 text-slate-700 dark:text-slate-200">
            {resume.remaining.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <a href={opened.continueUrl} rel="noreferrer" className={CONTINUE_BUTTON}>
            {booking ? "Continue your booking" : "Continue where you left off"}
          </a>
        </section>
      )}
    </article>
  );
}
