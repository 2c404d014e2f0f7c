import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Notice } from "@/components/ui/notice";
import { landingPage } from "@/lib/access/roles";
import { safeNext } from "@/lib/access/safe-next";
import { currentViewer } from "@/lib/data/viewer";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next, ended } = await searchParams;
  const viewer = await currentViewer();
  if (viewer) redirect(safeNext(next) ?? landingPage(viewer.role));
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <Card as="div" tone="raised-compact" flush className="w-full max-w-sm space-y-6 p-8">
        <div className="flex items-center gap-2 text-lg font-semibold">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-amber-400" />
          Rewind
        </div>
        {ended === "1" && (
          <Notice role="status" tone="warning">
            Your sign-in has ended: it expired, or your password was changed or reset. Sign in again to go on.
          </Notice>
        )}
        <SignInForm next={safeNext(next)} />
        <p className="text-xs text-slate-500 dark:text-slate-400">Accounts are created by an admin. Forgot your password? Ask your admin to reset it.</p>
      </Card>
    </main>
  );
}
