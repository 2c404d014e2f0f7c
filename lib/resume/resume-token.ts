import { checkSignedToken, parseSignedToken, signToken, type SignedTokenProblem } from "../tokens/signed-token";

/**
 * A resume link's token: the link's id and expiry, signed by the server together with the user and
 * the session the link's row names. The ids of the user and the session are not in the token
 * (only the signature binds them), so the link shows nothing about them; a token changed in any
 * way, or presented for another user's link, fails the signature. Base64url: it sits in a URL
 * path as it is.
 */
export interface ResumeClaims {
  link: string;
  user: string;
  session: string;
  expires: number;
}

export interface ParsedToken {
  link: string;
  expires: number;
  payload: string;
  signature: string;
}

export type TokenProblem = SignedTokenProblem;

/**
 * Resume tokens are the signed-token helper's "resume" purpose with the user and session bound.
 * Their wire format must never change: the tokens are in URLs already sent to customers, and a
 * changed format would break every link still within its days. The helper's format is this one.
 */
const PURPOSE = "resume";

export function signResumeToken(secret: string, claims: ResumeClaims): string {
  return signToken(secret, PURPOSE, { link: claims.link, expires: claims.expires }, [claims.user, claims.session]);
}

/** The link a token names, before anything is trusted; null when it is not a token at all. */
export function parseResumeToken(token: string): ParsedToken | null {
  const parsed = parseSignedToken(token);
  const link = parsed?.claims.link;
  if (!parsed || typeof link !== "string") return null;
  return { link, expires: parsed.claims.expires, payload: parsed.payload, signature: parsed.signature };
}

/** Checks a parsed token against the user and session its link's row names, and its expiry. */
export function verifyResumeToken(secret: string, token: ParsedToken, row: { user: string; session: string }, now: number): TokenProblem | null {
  const parsed = { claims: { link: token.link, expires: token.expires }, payload: token.payload, signature: token.signature };
  return checkSignedToken(secret, PURPOSE, parsed, [row.user, row.session], now);
}

/**
 * The booking app's URL for this draft: `{name}` placeholders filled, URL-encoded, from the resume
 * state (REWIND_RESUME_URL_TEMPLATE). Unknown placeholders are refused when the template is read.
 */
export const TEMPLATE_FIELDS = ["bookingId", "offerId", "destination", "checkIn", "checkOut", "adults", "children", "extras", "token"] as const;
export type TemplateValues = Partial<Record<(typeof TEMPLATE_FIELDS)[number], string | number | null>>;

export function checkTemplate(template: string): string {
  // A path ("/resume/continue?…") is on the host the customer opened their link on: the demo's
  // Continue stays on Rewind whatever address it is reached at. "//host" would be another host.
  const onRewind = template.startsWith("/") && !template.startsWith("//") && !template.startsWith("/\\");
  const url = URL.parse(template.replace(/\{\w+\}/g, "x"), onRewind ? "http://rewind.invalid" : undefined);
  if (!url) throw new Error(`REWIND_RESUME_URL_TEMPLATE must be an http(s) URL or a path on Rewind ("/…"), got "${template}"`);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`REWIND_RESUME_URL_TEMPLATE must be an http(s) URL, got ${url.protocol}`);
  for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(name!)) {
      throw new Error(`REWIND_RESUME_URL_TEMPLATE: unknown placeholder {${name}}; use ${TEMPLATE_FIELDS.map((f) => `{${f}}`).join(", ")}`);
    }
  }
  return template;
}

export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(values[name as keyof TemplateValues] ?? "")));
}
