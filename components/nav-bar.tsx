import Link from "next/link";
import { can, type Permission } from "@/lib/access/roles";
import type { Viewer } from "@/lib/access/viewer";
import { SignOutButton } from "./auth/sign-out-button";
import { CustomerSearchBox } from "./users/customer-search-box";

// Below lg the sections wrap onto rows of their own: a sideways-scrolling row hid the last
// sections on a 390 px phone ("Inte…") with nothing to say more were there.
const SECTION_LIST =
  "order-last -mx-2 flex w-full flex-wrap items-center gap-x-1 gap-y-0.5 whitespace-nowrap text-sm lg:order-none lg:mx-0 lg:w-auto lg:flex-nowrap xl:gap-4";

/** The dashboard's sections, each shown to the roles that may open it. */
const SECTIONS: { href: string; label: string; permission: Permission }[] = [
  { href: "/users", label: "Customers", permission: "users.find" },
  { href: "/analytics", label: "Analytics", permission: "analytics.view" },
  { href: "/sessions", label: "Sessions", permission: "sessions.replay" },
  { href: "/segments", label: "Segments", permission: "sessions.replay" },
  { href: "/events", label: "Events", permission: "events.explore" },
  { href: "/integrity", label: "Integrity", permission: "events.explore" },
  { href: "/access-log", label: "Access log", permission: "access-log.view" },
  { href: "/admin/users", label: "Admin", permission: "admin.manage" },
];

export function NavBar({ viewer, sectionsShown = true }: { viewer: Extract<Viewer, { kind: "user" }> | null; sectionsShown?: boolean }) {
  const sections = SECTIONS.filter((s) => sectionsShown && viewer && can(viewer.role, s.permission));
  const searching = viewer !== null && sectionsShown && can(viewer.role, "users.find");
  return (
    <header className="border-b border-slate-200 bg-slate-900 text-slate-100 dark:border-slate-800 print:hidden">
      {/* On a phone or a narrow window the sections take rows of their own under the brand. */}
      <nav aria-label="Main" className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 lg:h-12 lg:flex-nowrap lg:py-0">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-amber-400" />
          Rewind
        </Link>
        <ul className={SECTION_LIST}>
          {sections.map((s) => (
            <li key={s.href}>
              <Link href={s.href} className="rounded px-2 py-1 text-slate-300 hover:bg-slate-800 hover:text-white">
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
        {searching && (
          // A phone gives the box a row of its own under the brand, full width: squeezed beside the
          // account it read "Find a custor". The box's own width classes apply from sm up.
          <div className="order-1 w-full text-sm sm:order-none sm:ml-auto sm:w-auto max-sm:[&_form]:w-full max-sm:[&_input]:w-full">
            <CustomerSearchBox />
          </div>
        )}
        <div className={`flex items-center gap-3 whitespace-nowrap text-sm ${searching ? "ml-auto sm:ml-0" : "ml-auto"}`}>
          {viewer && (
            <>
              <Link
                href="/account"
                className="rounded px-1 text-slate-400 hover:bg-slate-800 hover:text-white"
                data-testid="signed-in-as"
                title={`${viewer.email}: your account`}
              >
                <span className="hidden 2xl:inline">{viewer.email} · </span>
                <span className="text-amber-300">{viewer.role}</span>
              </Link>
              <SignOutButton />
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
