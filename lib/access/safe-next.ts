/**
 * Only a path of this site: a `next` that a browser would read as another origin ("//evil",
 * "/\\evil", "/\t/evil": browsers drop tabs and newlines) would make sign-in an open redirect.
 */
export function safeNext(next: unknown): string | null {
  if (typeof next !== "string" || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) return null;
  const base = "http://rewind.invalid";
  const url = new URL(next, base);
  return url.origin === base ? url.pathname + url.search + url.hash : null;
}
