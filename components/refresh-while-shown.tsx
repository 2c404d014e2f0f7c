"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** How often a page showing read-model notices asks the server again (the layout is not re-rendered by navigation). */
const REFRESH_MS = 10_000;

/**
 * Mounted only while a read-model notice shows: refreshes the page's server components now and
 * then, so the progress moves and the page shows the new version once it is switched in.
 */
export function RefreshWhileShown() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
