import Link from "next/link";

/** The dashboard's sections; each issue that adds a page adds its entry here. */
const SECTIONS = [
  { href: "/users", label: "Customers" },
  { href: "/events", label: "Events" },
] as const;

export function NavBar() {
  return (
    <header className="border-b border-slate-200 bg-slate-900 text-slate-100 print:hidden">
      <nav aria-label="Main" className="mx-auto flex h-12 max-w-screen-2xl items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-amber-400" />
          Rewind
        </Link>
        <ul className="flex items-center gap-4 text-sm">
          {SECTIONS.map((s) => (
            <li key={s.href}>
              <Link href={s.href} className="rounded px-2 py-1 text-slate-300 hover:bg-slate-800 hover:text-white">
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
        <form action="/users" role="search" className="ml-auto">
          <input
            name="query"
            type="search"
            aria-label="Find a customer"
            placeholder="Find a customer: id, name, email, booking ref"
            className="w-80 rounded bg-slate-800 px-3 py-1 text-sm text-white placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-amber-400"
          />
        </form>
      </nav>
    </header>
  );
}
