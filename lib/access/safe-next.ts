const BASE = "http://rewind.invalid";
/** What a browser reads as another origin at the start of a path: two slashes, either way round. */
const OTHER_ORIGIN = /^[\\/][\\/]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The path with its escapes undone; one that cannot be undone ("%zz") reads as unsafe. */
function unescaped(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return "//";
  }
}

/**
 * Only a path of this site: a `next` that a browser would read as another origin ("//evil",
 * "/\\evil", "/\t/evil": browsers drop tabs and newlines) would make sign-in an open redirect.
 * The normalised path is what is checked, because it is what the browser is sent: "/.//evil"
 * normalises to "//evil". Escaped slashes, backslashes and control characters ("/%2f%2fevil",
 * "/%5cevil", "/%09/evil") are refused too, for whatever decodes them before a browser does.
 */
export function safeNext(next: unknown): string | null {
  if (typeof next !== "string" || !next.startsWith("/") || /[\\]/.test(next) || CONTROL.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname + url.search + url.hash;
  if (OTHER_ORIGIN.test(path)) return null;
  // The same path once unescaped, and normalised again: still a path of this site.
  const plain = unescaped(url.pathname);
  if (CONTROL.test(plain) || plain.includes("\\") || OTHER_ORIGIN.test(plain)) return null;
  const again = new URL(plain, BASE);
  return again.origin === BASE && !OTHER_ORIGIN.test(again.pathname) ? path : null;
}
