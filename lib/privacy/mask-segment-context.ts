import type { Masker } from "./mask";

/**
 * What in a Segment message's `context` (kept as the `segmentcontext` extension, JSON text) is
 * personal whatever the policy says: the visitor's address and browser (an IP address is personal
 * data under the GDPR; a user agent, with it, fingerprints a person), the traits Segment copies
 * into the context, where they are, and the device's advertising and device ids. The rest of the
 * context (library, page, app, campaign…) passes the policy's patterns like every attribute.
 */
export const PERSONAL_CONTEXT_PATHS = ["ip", "userAgent", "userAgentData", "traits", "location", "device.id", "device.advertisingId"] as const;

function maskWhole(masker: Masker, value: unknown): unknown {
  if (typeof value === "string") return masker.value(value);
  if (typeof value === "number") {
    const masked = masker.value(String(value));
    // A reveal masks nothing: the number stays a number.
    return masked === String(value) ? value : masked;
  }
  if (Array.isArray(value)) return value.map((v) => maskWhole(masker, v));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskWhole(masker, v)]));
  return value;
}

function maskAt(masker: Masker, value: unknown, keys: readonly string[]): unknown {
  if (keys.length === 0) return maskWhole(masker, value);
  if (!value || typeof value !== "object" || Array.isArray(value) || !(keys[0]! in value)) return value;
  const record = value as Record<string, unknown>;
  return { ...record, [keys[0]!]: maskAt(masker, record[keys[0]!], keys.slice(1)) };
}

/** The extension's text as it may leave the server: the personal paths masked whole, then the patterns over all of it. */
export function maskSegmentContext(masker: Masker, text: string): string {
  let context: unknown;
  try {
    context = JSON.parse(text);
  } catch {
    return masker.text(text);
  }
  if (!context || typeof context !== "object" || Array.isArray(context)) return masker.text(text);
  for (const path of PERSONAL_CONTEXT_PATHS) context = maskAt(masker, context, path.split("."));
  return JSON.stringify(masker.deep(context));
}
