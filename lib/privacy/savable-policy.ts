import { checkPattern } from "./pattern-safety";
import { policySchema } from "./policy";

const HOW_TO_FIX = "(write it without nested quantifiers or overlapping neighbours such as \\s*#\\s*)";

/**
 * A policy as it may be saved: valid, and every pattern safe to run over every string the
 * server sends (pattern-safety.ts). A refusal names the pattern, at `patterns.<i>.regex`.
 * Parse with `safeParseAsync`: the check runs outside the event loop.
 */
export const savablePolicySchema = policySchema.superRefine(async (policy, ctx) => {
  const verdicts = await Promise.all(policy.patterns.map((p) => checkPattern(p.regex)));
  verdicts.forEach((verdict, i) => {
    if (verdict.safe) return;
    ctx.addIssue({
      code: "custom",
      path: ["patterns", i, "regex"],
      message: `pattern "${policy.patterns[i]!.name}" ${verdict.reason}: refused, since every string the server sends passes it ${HOW_TO_FIX}`,
    });
  });
});
