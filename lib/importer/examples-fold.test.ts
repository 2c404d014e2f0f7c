import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateJourneyDocument } from "../journeys/definition/definition-schema";
import { dataJourney } from "../journeys/definition/data-journey";
import { foldEvents } from "../journeys/journey-definition";
import type { JourneyEvent } from "../journeys/journey-event";
import { DEFAULT_TIMEOUT_MS, sessionize } from "../sessions/sessionize";
import { OTTO_FIXTURE, realDataDir, realDataSkipped } from "../testing/realdata";
import { ottoReference, type ReferenceSession, trivagoReference } from "../testing/reference-sessions";
import { IMPORT_FORMATS, type ImportFormat } from "./import-formats";

/**
 * The example definitions folded (pure, no store) over what `rewind import` makes of the real files,
 * session by session, against the plain loop over the raw files: the fold and the reference must
 * agree before the stored figures can. The stored figures are compared in
 * lib/importer/realdata-journeys.int.test.ts.
 */
const NOW = Date.parse("2030-01-01T00:00:00Z");
const root = join(__dirname, "../..");

function journey(name: string) {
  const result = validateJourneyDocument(JSON.parse(readFileSync(join(root, "journeys/examples", `${name}.json`), "utf8")));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return dataJourney(result.document);
}

async function importedEvents(format: ImportFormat, paths: string[]): Promise<JourneyEvent[]> {
  const events: JourneyEvent[] = [];
  for (const path of paths) {
    for await (const r of IMPORT_FORMATS[format](path)) {
      if (!("value" in r)) throw new Error(`line ${r.line}: ${r.error}`);
      const e = r.value as Record<string, unknown> & { data: unknown };
      events.push({
        position: events.length + 1,
        type: e.type as string,
        source: e.source as string,
        subject: e.subject as string,
        time: Date.parse(e.time as string),
        userid: e.userid as string,
        anonymousid: null,
        sessionid: (e.sessionid as string | undefined) ?? null,
        correlationid: null,
        causationid: null,
        data: e.data,
      });
    }
  }
  return events;
}

/** The fold's view of every session, in the reference's shape. */
function folded(name: string, events: JourneyEvent[]): ReferenceSession[] {
  const j = journey(name);
  const byPerson = new Map<string, JourneyEvent[]>();
  for (const e of events) byPerson.set(e.userid!, [...(byPerson.get(e.userid!) ?? []), e]);
  return [...byPerson].flatMap(([person, list]) =>
    sessionize(list, { timeoutMs: DEFAULT_TIMEOUT_MS, now: NOW, boundary: j.boundary }).map((draft) => {
      const state = foldEvents(j, draft.events);
      const open = draft.endReason === "open";
      const outcome = j.outcome(state, open);
      const reached = j.funnelReached(state).length;
      const values = j.dimensionValues(state, draft.events);
      return {
        journey: name,
        userId: person,
        start: draft.events[0]!.time,
        end: draft.events[draft.events.length - 1]!.time,
        events: draft.events.length,
        outcome,
        reachedAt: Array.from({ length: reached }, () => 0),
        dropReason: j.dropReason(state, outcome, draft.endReason),
        dimensions: Object.fromEntries(j.dimensions.map((d) => [d.key, (values[d.key] ?? []).map((v) => v.value)])),
      };
    }),
  );
}

/** Sessions compared as a sorted list, step times aside (the fold keeps how many steps, not when). */
const comparable = (sessions: ReferenceSession[]) =>
  sessions
    .map((s) => ({ ...s, reachedAt: s.reachedAt.length, dimensions: Object.fromEntries(Object.entries(s.dimensions).map(([k, v]) => [k, [...v].sort()])) }))
    .sort((a, b) => a.userId.localeCompare(b.userId) || a.start - b.start);

describe("the example definitions fold the real data as the plain loop does", () => {
  it("OTTO (the committed fixture): every visit's steps, outcome, drop reason and dimensions", async () => {
    const events = await importedEvents("otto", [OTTO_FIXTURE]);
    expect(comparable(folded("otto", events))).toEqual(comparable(ottoReference(OTTO_FIXTURE, NOW)));
  });

  it.skipIf(realDataSkipped())("trivago RecSys 2019 (the three samples): every session's steps, outcome, drop reason and dimensions", async () => {
    const paths = ["train_small.csv", "test_small.csv", "train500_sooah.csv"].map((f) => join(realDataDir(), "trivago_recsys2019", f));
    const events = await importedEvents("trivago-recsys2019", paths);
    expect(comparable(folded("trivago-recsys2019", events))).toEqual(comparable(trivagoReference(paths, NOW)));
  });
});
