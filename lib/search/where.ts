import { type DataCondition, WHERE_OPS, type WhereOp } from "./filter";

/** A number as a person writes one in a URL: `12`, `-3.5`, `1e3` (not `0x1f`, `""` or `Infinity`). */
const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
export const asNumber = (text: string): number | null => (NUMBER.test(text) ? Number(text) : null);

const STEP = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const MAX_PATH = 200;

/** `data.travellers.0.name` → ["travellers", 0, "name"]: inside the event's data only. */
export function parsePath(path: string): (string | number)[] | string {
  if (path.length > MAX_PATH) return `the path is at most ${MAX_PATH} characters`;
  const [head, ...rest] = path.split(".");
  if (head !== "data" || rest.length === 0) return "the path must start with data. (a condition is on the event's data)";
  const steps: (string | number)[] = [];
  for (const step of rest) {
    if (/^\d{1,6}$/.test(step)) steps.push(Number(step));
    else if (STEP.test(step)) steps.push(step);
    else return `"${step}" is not a name in a path (letters, digits, _ and -) or an index`;
  }
  return steps;
}

/**
 * A `where` as the URL has it: `<path>:<op>:<value>`, split at the first two colons (the value may
 * hold colons). Pure; the error says what is wrong in words, for the 400 naming `where`.
 */
export function parseWhere(text: string): DataCondition | { error: string } {
  const first = text.indexOf(":");
  const second = first < 0 ? -1 : text.indexOf(":", first + 1);
  if (second < 0) return { error: `"${text.slice(0, 80)}" is not <path>:<op>:<value>` };
  const path = text.slice(0, first);
  const op = text.slice(first + 1, second);
  const raw = text.slice(second + 1);
  const steps = parsePath(path);
  if (typeof steps === "string") return { error: `${path.slice(0, 80)}: ${steps}` };
  if (!(WHERE_OPS as readonly string[]).includes(op)) return { error: `${path}: the op must be one of ${WHERE_OPS.join(", ")} (not "${op.slice(0, 20)}")` };
  switch (op as WhereOp) {
    case "eq":
    case "ne":
      return { path, steps, op: op as "eq" | "ne", value: raw };
    case "exists":
      if (raw !== "true" && raw !== "false") return { error: `${path}: exists takes true or false` };
      return { path, steps, op: "exists", value: raw === "true" };
    case "gt":
    case "lt": {
      const n = asNumber(raw);
      if (n === null) return { error: `${path}: ${op} compares numbers only, and "${raw.slice(0, 40)}" is not one` };
      return { path, steps, op: op as "gt" | "lt", value: n };
    }
    case "in": {
      let list: unknown;
      try {
        list = JSON.parse(raw);
      } catch {
        list = null;
      }
      const ok = Array.isArray(list) && list.length > 0 && list.length <= 100 && list.every((v) => ["string", "number", "boolean"].includes(typeof v));
      if (!ok) return { error: `${path}: in takes a JSON array of 1 to 100 strings, numbers or booleans` };
      return { path, steps, op: "in", value: list as (string | number | boolean)[] };
    }
  }
}
