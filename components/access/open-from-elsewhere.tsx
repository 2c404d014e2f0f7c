/**
 * What an audited page shows when another site sent the browser to it: nothing of the customer's,
 * nothing on record, and a link that opens it from Rewind itself (that view is on record). A plain
 * link: a full page load from this page is same-origin for certain.
 */
export function OpenFromElsewhere({ href, what }: { href: string; what: string }) {
  return (
    <div className="mx-auto max-w-lg space-y-3 py-16 text-center">
      <h1 className="text-xl font-semibold">You followed a link from another site</h1>
      <p className="text-sm text-slate-500 dark:text-slate-400">
        Opening {what} puts your look at this customer&apos;s data on record in your name, so Rewind asks before it does.
      </p>
      <a
        href={href}
        className="inline-block rounded bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 dark:bg-amber-500 dark:text-slate-950"
      >
        Open {what}
      </a>
    </div>
  );
}
