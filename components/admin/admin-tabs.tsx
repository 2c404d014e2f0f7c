import Link from "next/link";

const TABS = [
  { href: "/admin/users", label: "Dashboard users" },
  { href: "/admin/keys", label: "API keys" },
  { href: "/admin/policy", label: "Personal-data policy" },
  { href: "/admin/dead-letters", label: "Set-aside events" },
];

/** The admin section's heading and its tabs. */
export function AdminTabs({ current }: { current: string }) {
  return (
    <>
      <h1 className="text-xl font-semibold">Admin</h1>
      <nav aria-label="Admin" className="flex gap-1 border-b border-slate-200 text-sm dark:border-slate-800">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.href === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 ${t.href === current ? "border-amber-500 font-medium" : "border-transparent text-slate-500 hover:text-slate-900 dark:hover:text-white"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
    </>
  );
}
