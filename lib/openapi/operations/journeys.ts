import { z } from "zod";
import { journeyQuerySchema } from "../../api/journey-schemas";
import type { ApiOperation } from "../api-operation";

const journeySummary = z.object({
  name: z.string(),
  label: z.string(),
  priority: z.number(),
  version: z.number().int().nullable().describe("the newest stored version; null for a built-in journey"),
  liveVersion: z.number().int().nullable().describe("the version the live read models fold with (older than version while a new one is prepared)"),
  build: z
    .object({
      state: z.enum(["live", "preparing", "failed", "not-built"]),
      version: z.number().int().describe("the newest stored version, the one this state is about"),
      liveVersion: z.number().int().nullable().describe("the version pages fold with"),
      generation: z.number().int().nullable().describe("the generation of the read models built for it"),
      error: z.string().nullable().describe("what stopped a failed build: the error's class and code, never its message"),
      position: z.number().int().nullable(),
      head: z.number().int().nullable(),
      endedAt: z.string().nullable(),
      message: z.string().nullable().describe('in words, when it is not live: "failed to build (Error); live v2"'),
    })
    .nullable()
    .describe("where the newest version stands in the read models; null for a built-in journey"),
  builtIn: z.boolean(),
  steps: z.array(z.object({ key: z.string(), label: z.string() })),
  changedAt: z.string().nullable(),
  changedBy: z.string().optional().describe("who changed it last: answered to admins only"),
});

const versionLine = z.object({
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string().optional().describe("answered to admins only"),
  summary: z.string(),
});

/** Journey definitions, built-in and stored (lib/data/journeys.ts answers them). */
export const JOURNEY_OPERATIONS: ApiOperation[] = [
  {
    route: "/api/journeys",
    method: "GET",
    summary: "Every journey, built-in and described as data, highest priority first",
    answer: { description: "the journeys", schema: z.object({ journeys: z.array(journeySummary) }) },
  },
  {
    route: "/api/journeys/[name]",
    method: "GET",
    summary: "One journey: its definition (the newest version, or ?version=n) and its history",
    description: "A built-in journey answers definition null and an empty history.",
    params: z.object({ name: z.string() }),
    query: journeyQuerySchema,
    answer: {
      description: "the journey",
      schema: journeySummary.extend({
        latestVersion: z.number().int().optional(),
        definition: z.unknown().describe("the JSON definition exactly as applied (docs/journeys.md); null when built-in"),
        history: z.array(versionLine),
      }),
    },
    errors: ["not_found"],
  },
];
