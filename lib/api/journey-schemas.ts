import { z } from "zod";

/** GET /api/journeys/<name>?version=<n>: an older version's definition instead of the newest. */
export const journeyQuerySchema = z.object({
  version: z.coerce
    .number({ error: "version must be an integer" })
    .int({ error: "version must be an integer" })
    .min(1, { error: "version must be at least 1" })
    .optional(),
});
