import { z } from "zod";
import { searchQuerySchema, SEARCH_LIMIT_MAX } from "../../search/query";
import type { ApiOperation } from "../api-operation";
import { sessionAnswer } from "../answers/common";

const firstMatch = z
  .object({
    seq: z.number().int().meta({ description: "the event's position in the store" }),
    position: z.number().int().meta({ description: "its index within the session: the replay's `?at=`" }),
  })
  .nullable()
  .meta({ description: "the session's first event meeting hasType and every where (its first event when the search has no event condition)" });

const searchAnswer = z.object({
  total: z.number().int().meta({ description: "how many sessions match, exactly" }),
  sessions: z.array(sessionAnswer.extend({ firstMatch })),
  next: z.string().optional().meta({ description: "the cursor of the next page (absent on the last)" }),
});

/** Sessions by what happened in them (lib/search; docs/search.md). */
export const SESSION_OPERATIONS: ApiOperation[] = [
  {
    route: "/api/sessions",
    method: "GET",
    summary: "Find sessions by what happened in them, newest first",
    description:
      "Every condition given must hold. `where` is `<path>:<op>:<value>` (eq, ne, in with a JSON array, exists true/false, gt, lt on numbers), " +
      "all of them on one event matching hasType. On a path the personal-data policy marks personal only eq and exists, and only with users.find. " +
      `limit: default 50, at most ${SEARCH_LIMIT_MAX}; each session appears once across pages.`,
    query: searchQuerySchema,
    answer: { description: "the exact total and a page, each session masked with its first matching event", schema: searchAnswer },
    errors: ["not_found"],
  },
];
