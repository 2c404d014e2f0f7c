import Link from "next/link";

const CURRENT = "border-amber-500 font-medium";
const OTHER = "border-transparent text-slate-500 hover:text-slate-900 dark:hover:text-white";

export type Tab = { href: string; label: string; current: boolean };

/** A section's pages as tabs over a rule, the current one underlined. */
export function Tabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  return (
    // On a phone the row scrolls sideways instead of widening the page (the admin section has five tabs).
    <nav aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-200 text-sm dark:border-slate-800">
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
