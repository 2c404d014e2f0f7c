export interface MediaType {
  /** `type/subtype`, lower-cased, without parameters */
  essence: string;
  params: Record<string, string>;
}

export function parseMediaType(header: string | null | undefined): MediaType | null {
  if (!header || header.trim() === "") return null;
  const [essence = "", ...rest] = header.split(";");
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    params[part.slice(0, eq).trim().toLowerCase()] = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
  }
  return { essence: essence.trim().toLowerCase(), params };
}

/** JSON media types: application/json, text/json and any `+json` suffix. */
export function isJsonMediaType(essence: string | undefined): boolean {
  if (!essence) return false;
  return essence === "application/json" || essence === "text/json" || essence.endsWith("+json");
}

/** Media types whose bytes are text we can keep as a string (the rest is kept as base64). */
export function isTextMediaType(essence: string | undefined): boolean {
  if (!essence) return false;
  return (
    essence.startsWith("text/") ||
    essence === "application/xml" ||
    essence.endsWith("+xml") ||
    essence === "application/javascript" ||
    essence === "application/x-www-form-urlencoded"
  );
}
