import "server-only";
import { headers } from "next/headers";
import { PAGE_PATH_HEADER } from "../access/page-path";
import { safeNext } from "../access/safe-next";

/**
 * Whether this page load is a navigation another site started (Fetch Metadata). The session cookie
 * is SameSite=Lax, so it rides along on such a navigation: a page that puts a look at a customer on
 * record would then record one in the viewer's name that they never chose, for any id another site
 * picks. Those pages ask first (components/access/open-from-elsewhere.tsx); a link pasted in a
 * ticket still works, one click later. A typed or bookmarked address is "none", not cross-site.
 */
export async function arrivedFromAnotherSite(): Promise<boolean> {
  // A sibling subdomain ("same-site") is another site too: the Lax cookie rides on its navigations.
  const site = (await headers()).get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

/** The path and query this page was asked for (set by proxy.ts), to open it from here. */
export async function requestedPage(fallback: string): Promise<string> {
  return safeNext((await headers()).get(PAGE_PATH_HEADER)) ?? fallback;
}
