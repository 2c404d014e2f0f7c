import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = { title: "Continue your booking", robots: { index: false, follow: false } };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** The end user's own page: no dashboard around it, made for a phone first. */
export default function ResumeLayout({ children }: { children: ReactNode }) {
  return <main className="mx-auto min-h-screen max-w-lg px-4 py-6 sm:py-10">{children}</main>;
}
