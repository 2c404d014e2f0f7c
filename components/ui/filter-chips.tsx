import Link from "next/link";

/** A row of mutually exclusive filters as links (the current one highlighted), e.g. outcomes or breakdowns. */
export function FilterChips({ label, items }: { label: string; items: { key: string; text: string; href: string; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 text-sm">
      {items.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={item.current ? "page" : undefined}
          className={`rounded-full px-3 py-1 ${item.current ? "bg-slate-900 text-white dark:bg-amber-500 dark:text-slate-950" : "bg-white text-slate-600 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-300"}`}
        >
          {item.text}
        </Link>
      ))}
    </nav>
  );
}
