import { policyErrorList, retentionPolicySchema, type RetentionPolicy } from "./policy";

/** A problem in the policy's text, at its JSON path ("" or "(the document)" for the whole text). */
export interface PolicyProblem {
  path: string;
  message: string;
}

/** The largest policy text read: 100 rules of 50 globs fit well within it. */
const MAX_POLICY_CHARS = 200_000;

/** The editor's text as a policy, or each problem at its path (JSON that does not parse is one problem for the whole document). */
export function readRetentionDraft(text: string): { ok: true; policy: RetentionPolicy } | { ok: false; errors: PolicyProblem[] } {
  if (text.length > MAX_POLICY_CHARS)
    return { ok: false, errors: [{ path: "(the document)", message: `a policy has at most ${MAX_POLICY_CHARS} characters` }] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: "(the document)", message: `not valid JSON: ${error instanceof Error ? error.message : "parse error"}` }] };
  }
  const parsed = retentionPolicySchema.safeParse(json);
  if (parsed.success) return { ok: true, policy: parsed.data };
  return { ok: false, errors: policyErrorList(parsed.error).map((e) => ({ path: e.path || "(the document)", message: e.message })) };
}
