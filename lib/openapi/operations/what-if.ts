import { z } from "zod";
import { whatIfBodySchema, whatIfCancelledSchema, whatIfJobAnswerSchema, whatIfStartedSchema } from "../../what-if/what-if-schemas";
import type { ApiOperation } from "../api-operation";

const jobId = z.object({ id: z.string() });

/** What-if jobs: a draft definition tried on history beside the current version (lib/data/what-if.ts answers them). */
export const WHAT_IF_OPERATIONS: ApiOperation[] = [
  {
    route: "/api/journeys/what-if",
    method: "POST",
    summary: "Start a what-if: fold a draft definition over history beside the current version, writing no read model",
    description:
      "Runs in the background; poll GET /api/journeys/what-if/{id}. One runs at a time per definition name: " +
      "a second is refused with 409 and the running job's id (also at the top of the body).",
    body: { schema: whatIfBodySchema },
    answer: { status: 202, description: "the job, started", schema: whatIfStartedSchema },
    errors: ["conflict"],
  },
  {
    route: "/api/journeys/what-if/[id]",
    method: "GET",
    summary: "A what-if job: its state and progress, then the two funnels, the outcome changes and the changed sessions",
    description: "Finished jobs are kept for a day.",
    params: jobId,
    answer: { description: "the job", schema: whatIfJobAnswerSchema },
    errors: ["not_found"],
  },
  {
    route: "/api/journeys/what-if/[id]",
    method: "DELETE",
    summary: "Cancel a running what-if (it stops at its next page, with no result); a finished one answers its final state",
    params: jobId,
    answer: { description: "the job's state", schema: whatIfCancelledSchema },
    errors: ["not_found"],
  },
];
