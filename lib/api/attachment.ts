/**
 * A Content-Disposition for a download named after data (a session id is the producer's own
 * string): a header value cannot hold a character past U+00FF or a line break (the response
 * would fail as a 500), and a quote would end the name early. So: an ASCII-safe `filename` for
 * old clients, and the exact name percent-encoded in `filename*` (RFC 6266 / RFC 8187).
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
