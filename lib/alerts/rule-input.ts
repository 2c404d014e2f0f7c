import { z } from "zod";
import { dropReasonsOf } from "../journeys/drop-reasons";
import type { JourneyCatalog } from "../journeys/catalog";
import { webhookUrlProblem } from "./webhook-guard";

/** At most 30 days: a customer not back in a month is no longer a stalled journey to chase. */
export const AFTER_MINUTES_MAX = 30 * 24 * 60;

/** A rule as an admin types it (the form, the command line): checked once, here, for both. */
export const alertRuleInputSchema = z.object({
  name: z.string().trim().min(1, "give the rule a name").max(100, "at most 100 characters"),
  journey: z.string().trim().min(1, "name a journey"),
  step: z.string().trim().min(1, "name the step the session stopped at"),
  dropReason: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  afterMinutes: z.coerce
    .number({ message: "must be a whole number of minutes" })
    .int("must be a whole number of minutes")
    .min(1, "at least 1 minute")
    .max(AFTER_MINUTES_MAX, `at most ${AFTER_MINUTES_MAX} minutes (30 days)`),
  webhookUrl: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
});
export type AlertRuleInput = z.output<typeof alertRuleInputSchema>;

/**
 * What is wrong with a parsed rule against the journeys there are, by field, or null: the journey
 * must exist, the step be one of its funnel's, the drop reason one it can have, and the webhook a
 * URL the guard lets through.
 */
export function alertRuleProblem(input: AlertRuleInput, catalog: JourneyCatalog, allow: readonly string[]): string | null {
  const definition = catalog.byName(input.journey);
  if (!definition) return `journey: "${input.journey}" is not a journey (${catalog.journeys.map((d) => d.name).join(", ")})`;
  if (!definition.funnel.some((s) => s.key === input.step))
    return `step: "${input.step}" is not a step of ${input.journey} (${definition.funnel.map((s) => s.key).join(", ")})`;
  const reasons = dropReasonsOf(definition);
  if (input.dropReason !== null && !reasons.some((r) => r.key === input.dropReason))
    return `drop reason: "${input.dropReason}" is not one of ${input.journey}'s (${reasons.map((r) => r.key).join(", ")})`;
  const webhook = input.webhookUrl === null ? null : webhookUrlProblem(input.webhookUrl, allow);
  return webhook ? `webhook: ${webhook}` : null;
}
