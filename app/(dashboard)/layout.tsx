import type { ReactNode } from "react";
import { NavBar } from "@/components/nav-bar";
import { currentViewer } from "@/lib/data/viewer";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  return (
    <>
      <NavBar viewer={viewer} />
      <main className="mx-auto max-w-screen-2xl px-4 py-6">{children}</main>
    </>
  );
}
