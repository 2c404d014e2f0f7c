/**
 * A dynamic route segment as text. Segments may arrive still percent-encoded; a malformed one
 * (a lone "%") is nothing to look up, not a server error: null.
 */
export function decodeRouteParam(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
