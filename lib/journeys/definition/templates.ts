import { globMatches } from "../../glob/glob";
import { shown } from "../generic/generic-journey";
import type { JourneyEvent } from "../journey-event";
import { type CompiledPath, compilePath, isEventPath, valueText } from "./paths";

/**
 * `describe` templates: an event type glob → words with `{path}` placeholders (`Viewed {data.name}`,
 * `{type}`). The template for an event is the one whose glob matches its type and is the most
 * specific: a glob without `*` (the type itself) first, then the glob with the most characters
 * besides `*`; of equally specific globs, the one written first. A placeholder reads the path in
 * the event (several values are joined by ", "; none is "—"); text in braces that is not a path
 * stays as written. Events no template matches are described as the generic journey does.
 */
type Part = string | CompiledPath;

const PLACEHOLDER = /\{([^{}]+)\}/g;

function compileTemplate(template: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (!isEventPath(m[1]!)) continue;
    parts.push(template.slice(last, m.index), compilePath(m[1]!));
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  return parts.filter((p) => p !== "");
}

/** Describe's words are read from masked events, so a value is cut for display here only. */
function fill(parts: Part[], event: JourneyEvent): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") out += part;
    else {
      const values = part(event)
        .map(valueText)
        .filter((t): t is string => t !== null);
      out += values.length === 0 ? "—" : shown(values.join(", "));
    }
  }
  return out;
}

const specificity = (glob: string) => (glob.includes("*") ? glob.replaceAll("*", "").length : Number.MAX_SAFE_INTEGER);

export function compileDescribe(describe: Record<string, string>): (event: JourneyEvent) => string | null {
  const templates = Object.entries(describe)
    .map(([glob, template], order) => ({ glob, parts: compileTemplate(template), order, rank: specificity(glob) }))
    .sort((a, b) => b.rank - a.rank || a.order - b.order);
  const byType = new Map<string, Part[] | null>();
  return (event) => {
    let parts = byType.get(event.type);
    if (parts === undefined) {
      parts = templates.find((t) => globMatches(t.glob, event.type))?.parts ?? null;
      if (byType.size >= 1_000) byType.clear();
      byType.set(event.type, parts);
    }
    return parts ? fill(parts, event) : null;
  };
}

export interface ResumeUrlValues {
  facts: Record<string, string>;
  userid: string | null;
  sessionid: string;
  token: string;
}

/** The placeholders a resume URL may hold: `{facts.<key>}`, `{userid}`, `{sessionid}`, `{token}`. */
export const RESUME_PLACEHOLDER = /^(facts\.[A-Za-z0-9_-]{1,40}|userid|sessionid|token)$/;

/**
 * A resume URL with its placeholders filled in, each value URL-encoded (a fact holding `&` or `/`
 * stays one parameter). A fact the session does not have, or no user id, fills in as empty.
 */
export function fillResumeUrl(template: string, values: ResumeUrlValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!RESUME_PLACEHOLDER.test(name)) return whole;
    const value = name.startsWith("facts.") ? values.facts[name.slice(6)] : values[name as "userid" | "sessionid" | "token"];
    return encodeURIComponent(value ?? "");
  });
}

/** The placeholders of a template (what the schema checks a resume URL's against). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}
