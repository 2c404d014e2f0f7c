import { notFound } from "next/navigation";
import { z } from "zod";
import { openOrRefuse } from "../open-or-refuse";
import { DraftCard } from "@/components/resume/draft-card";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  token: z
    .string()
    .min(10)
    .max(2_000)
    .regex(/^[\w-]+\.[\w-]+$/),
});

/** The query Continue carries, the token aside (the customer's key, whatever the template calls it, not part of their draft). */
function receivedFields(continueUrl: string | null, token: string): [string, string][] {
  if (!continueUrl) return [];
  // A template may be a path on Rewind's own host (the demo's): any base reads its query.
  return [...new URL(continueUrl, "http://rewind.invalid").searchParams].filter(([, value]) => value !== token);
}

/**
 * Rewind's own stand-in for the booking app, where the demo's Continue lands
 * (REWIND_RESUME_URL_TEMPLATE pointed here): it says where a real deployment sends the customer
 * and shows the draft, read again from the store through the link's token (never from the query,
 * which anyone could write), so it shows what the customer's own page shows, to the same holder.
 * A refused token is refused as there: 404 or 403, no data. Arriving is an audit event.
 */
export default async function ContinuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = querySchema.safeParse(await searchParams);
  if (!query.success) notFound();
  const { opened, booking, rows } = await openOrRefuse(query.data.token, "resume-link.continued");
  const { resume } = opened.answer;
  const received = receivedFields(opened.continueUrl, query.data.token);
  const app = booking ? "the booking app" : "the journey's own app";
  return (
    <article className="space-y-5">
      <header className="space-y-2">
        <p className="text-sm font-medium text-amber-700 dark:text-amber-400">{booking ? "Your holiday booking" : opened.journeyLabel}</p>
        <h1 className="text-2xl font-semibold">Your {booking ? "booking" : "journey"} would carry on here</h1>
        <p className="text-slate-600 dark:text-slate-300">
          This is a page of Rewind&apos;s own demo. In a real deployment, Continue takes the customer to {app}, at the address set in{" "}
          <code className="rounded bg-slate-100 px-1 text-sm dark:bg-slate-800">{booking ? "REWIND_RESUME_URL_TEMPLATE" : "the journey's resume.url"}</code>,
          with this draft filled in, and it goes on from there.
        </p>
      </header>

      <DraftCard label={booking ? "Your booking so far" : "What you had done so far"} rows={rows} stepLabel={resume.stepLabel} />

      {received.length > 0 && (
        <Card tone="raised" flush aria-label={`What ${app} receives`} className="space-y-2 p-5">
          <h2 className="font-semibold">What {app} receives</h2>
          <p className="text-sm text-slate-600 dark:text-slate-300">Query parameters of the Continue address, with the link&apos;s token beside them.</p>
          <dl className="divide-y divide-slate-100 font-mono text-sm dark:divide-slate-800">
            {received.map(([name, value]) => (
              <div key={name} className="flex justify-between gap-4 py-1.5">
                <dt className="text-slate-500 dark:text-slate-400">{name}</dt>
                <dd className="min-w-0 break-all text-right">{value || "(empty)"}</dd>
              </div>
            ))}
          </dl>
        </Card>
      )}

      <a href={`/resume/${query.data.token}`} className="block text-center text-sm font-medium text-amber-800 underline underline-offset-2 dark:text-amber-300">
        {booking ? "Back to your booking summary" : "Back to where you left off"}
      </a>
    </article>
  );
}
