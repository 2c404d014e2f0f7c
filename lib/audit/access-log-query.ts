import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "./audit-event";

const day = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/)
  .optional()
  .catch(undefined);

/**
 * The access log's filters as its URL carries them, shared by the page and its CSV export so the
 * file holds exactly what the page showed. A malformed filter is dropped (the page shows the
 * field empty) rather than refused: these are links people edit by hand.
 */
export const accessLogQuerySchema = z.object({
  customer: z.string().trim().min(1).max(200).optional().catch(undefined),
  viewer: z.string().trim().min(1).max(200).optional().catch(undefined),
  action: z
    .enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]])
    .optional()
    .catch(undefined),
  from: day,
  to: day,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export type AccessLogQuery = z.output<typeof accessLogQuerySchema>;

/** The query as the data layer's filter: "to" is a whole day, inclusive. */
export function accessLogFilterOf(query: AccessLogQuery) {
  return {
    customer: query.customer,
    viewerId: query.viewer,
    action: query.action,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) : undefined,
    before: query.before,
  };
}

/** The query back as URL parameters (what "Older" and "Export" link to), empty ones left out. */
export function accessLogParams(query: Partial<AccessLogQuery>): URLSearchParams {
  return new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined || v === null ? [] : [[k, String(v)]])));
}
