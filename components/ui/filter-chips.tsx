import Link from "next/link";

const CURRENT = "bg-slate-900 text-white dark:bg-amber-500 dark:text-slate-950";
const OTHER = "bg-white text-slate-600 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-300";

/** A row of mutually exclusive filters as links (the current one highlighted), e.g. outcomes or breakdowns. */
export function FilterChips({ label, items }: { label: string; items: { key: string; text: string; href: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 text-sm">
      {items.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={item.current ? "page" : undefined}
          className={`rounded-full px-3 py-1 ${item.current ? CURRENT : OTHER}`}
        >
          {item.text}
        </Link>
      ))}
    </nav>
  );
}
