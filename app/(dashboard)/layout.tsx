import type { ReactNode } from "react";
import { NavBar } from "@/components/nav-bar";
import { ReadModelNotices } from "@/components/read-model-notices";
import { currentSignIn } from "@/lib/data/viewer";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const signedIn = await currentSignIn();
  return (
    <>
      {/* Until a temporary password is changed, no section opens: the bar offers none. */}
      <NavBar viewer={signedIn?.viewer ?? null} sectionsShown={!signedIn?.mustChangePassword} />
      <main className="mx-auto max-w-screen-2xl px-4 py-6">
        {/* Behind the store, or a new version being prepared: said once, for every page that shows sessions or analytics. */}
        {signedIn && !signedIn.mustChangePassword ? <ReadModelNotices /> : null}
        {children}
      </main>
    </>
  );
}
