/**
 * Where masking changed a value: the paths of the leaves of `masked` that differ from `raw`
 * (`travellers[0].name`, `email`). What the policy page's preview lists beside the masked data, so
 * an admin sees what the policy hides without the preview ever sending a raw value.
 */
export function maskedPaths(raw: unknown, masked: unknown, path = ""): string[] {
  if (Array.isArray(raw) && Array.isArray(masked)) {
    return raw.flatMap((item, i) => maskedPaths(item, masked[i], `${path}[${i}]`));
  }
  if (isObject(raw) && isObject(masked)) {
    return Object.keys(raw).flatMap((key) => maskedPaths(raw[key], masked[key], path === "" ? key : `${path}.${key}`));
  }
  // A whole object or list masked at once (a path naming it) is one masked value.
  return raw === masked ? [] : [path === "" ? "(the whole value)" : path];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
