"use client";

/**
 * GET one of the dashboard's own reads (app/api/replay/…, app/api/explorer/…) with the sign-in
 * cookie. Route handlers, not server actions: React runs server actions one at a time, so the
 * player's block loads, its background fold and its live tail would queue behind each other
 * (docs/decisions.md, "Reads over HTTP, mutations as server actions"). Null for a 404 (nothing
 * there: a session merged away); a sign-in that has ended goes to sign-in again, as a page would.
 */
export async function getDashboardJson<T>(path: string, query: Record<string, string | number>): Promise<T | null> {
  // Start the request in a task of its own: a seek's effects start its block reads, and a fetch
  // begun inside the seek's task delayed the moment on screen (median seek 16.8 ms against 10.8 ms
  // with server actions, `npm run bench -- replay`, 400 ms between seeks; 9.9 against 8.8 after).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const response = await fetch(`${path}?${params}`, { headers: { accept: "application/json" } });
  if (response.status === 404) return null;
  if (response.status === 401) {
    const next = window.location.pathname + window.location.search;
    window.location.assign(`/sign-in?${new URLSearchParams({ ended: "1", ...(next !== "/" ? { next } : {}) })}`);
  }
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}
