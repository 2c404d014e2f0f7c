import Link from "next/link";

const CURRENT = "border-amber-500 font-medium";
const OTHER = "border-transparent text-slate-500 hover:text-slate-900 dark:hover:text-white";

export type Tab = { href: string; label: string; current: boolean };

/** A section's pages as tabs over a rule, the current one underlined. */
export function Tabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  return (
    // On a phone the tabs wrap onto a second row: scrolled sideways, the last ones were cut at the
    // edge ("Personal-data po") with nothing to say more were there. From sm up they fit one row.
    <nav aria-label={label} className="flex flex-wrap gap-x-1 border-b border-slate-200 text-sm sm:flex-nowrap sm:overflow-x-auto dark:border-slate-800">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.current ? "page" : undefined}
          className={`-mb-px shrink-0 whitespace-nowrap border-b-2 px-3 py-2 ${t.current ? CURRENT : OTHER}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
