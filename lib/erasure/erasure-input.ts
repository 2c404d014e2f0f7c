import { z } from "zod";

/** Why a customer is erased (a ticket, a request's reference): required, on record, its personal values taken out. */
export const erasureReasonSchema = z.string().trim().min(3, "a reason is required (a ticket or request reference), at least 3 characters").max(500);

/** What the /admin/erasure form sends. */
export const erasureInputSchema = z.object({
  customer: z.string().trim().min(1, "a user id or reference is required").max(500),
  reason: erasureReasonSchema,
});
