import { Card } from "@/components/ui/card";
import { contactParts } from "@/lib/resume/contact-parts";

const LINK = "font-medium text-amber-800 underline underline-offset-2 dark:text-amber-300";

/** A link the customer cannot use: why, and whom to ask for a new one (REWIND_RESUME_CONTACT). */
export function LinkRefused({ title, why, contact }: { title: string; why: string; contact: string }) {
  return (
    <Card tone="raised" flush className="space-y-3 p-6 text-center">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-slate-600 dark:text-slate-300">{why}</p>
      <section aria-label="Whom to ask" className="rounded-xl bg-slate-50 px-4 py-3 text-slate-800 dark:bg-slate-800 dark:text-slate-100">
        <h2 className="text-sm font-semibold">For a new link</h2>
        <p className="mt-1 break-words">
          {contactParts(contact).map((part, i) =>
            part.href ? (
              // A phone number kept on one line: "+44" alone at a line's end reads as a different number.
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts are the text in order and never reordered
              <a key={i} href={part.href} className={part.href.startsWith("tel:") ? `${LINK} whitespace-nowrap` : LINK}>
                {part.text}
              </a>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
      </section>
    </Card>
  );
}
