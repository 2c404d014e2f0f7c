/**
 * The opaque cursor of a search's next page: where the last session shown sits in the order
 * (newest start first, then id), so a page starts after it whatever was added meanwhile and a
 * session is never answered twice. base64url of `[startedAt ISO, id]`; callers must not read it.
 */
export interface SearchCursor {
  startedAt: Date;
  id: string;
}

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.startedAt.toISOString(), cursor.id])).toString("base64url");
}

/** The cursor a `next` carried; null for anything else. */
export function decodeCursor(text: string): SearchCursor | null {
  if (!/^[A-Za-z0-9_-]{1,700}$/.test(text)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "string" || typeof value[1] !== "string") return null;
    const startedAt = new Date(value[0]);
    if (Number.isNaN(startedAt.getTime()) || startedAt.toISOString() !== value[0] || value[1].length === 0) return null;
    return { startedAt, id: value[1] };
  } catch {
    return null;
  }
}
