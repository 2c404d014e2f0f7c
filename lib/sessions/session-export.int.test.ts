import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { textStream } from "../http/text-stream";
import { appendEvents } from "../eventstore/append";
import { toJourneyEvent } from "../eventstore/journey-events";
import { toCloudEventJson } from "../eventstore/to-cloud-event";
import { journeyByName } from "../journeys/registry";
import { maskCloudEvent, maskJourneyEvent } from "../privacy/mask-events";
import { currentMasker } from "../privacy/policy-store";
import { EVENT_TYPES as T, SOURCES } from "../journeys/booking/booking-events";
import { describeEvents } from "../journeys/journey-definition";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { rebuildProjections } from "./projector";
import { findSession } from "./read-sessions";
import { sessionExportText } from "./session-export";
import type { PublicNote } from "../notes/note-json";

const EVENTS = 23; // not a multiple of the page size below: the last page is short
const VERSION = "generic (built-in)"; // what the data layer passes: the CSV repeats it on every line

describe.each(testProviders())("the streamed session export (%s)", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
    await appendEvents(
      t.store,
      Array.from({ length: EVENTS }, (_, i) =>
        anEvent({
          id: `ex-${i}`,
          // Each type from its own service, as the reference world sends it (the journey believes no other).
          source: i % 2 ? SOURCES.offers : SOURCES.search,
          subject: "export/one",
          type: i === 4 ? '=HYPERLINK("http://x","y")' : i % 2 ? "offers.offer.viewed" : "search.destinations.searched",
          userid: "u-export",
          sessionid: "ses-export",
          time: new Date(Date.UTC(2026, 5, 1, 10, 0, i)),
          data: { kind: "json", value: { query: `Lisbon ${i}`, contact: "jane.doe@example.com", note: 'line\nbreak, "quoted"' } },
        }),
      ),
    );
    await rebuildProjections(t.store, { now: () => Date.parse("2027-01-01T00:00:00Z") });
  });
  afterAll(() => t.dispose());

  it("names an offer saved on a later page as the timeline does, from the page that viewed it", async () => {
    const event = (i: number, type: string, value: Record<string, unknown>) =>
      anEvent({
        id: `named-${i}`,
        source: SOURCES.offers,
        subject: "export/named",
        type,
        userid: "u-named",
        sessionid: "ses-named",
        time: new Date(Date.UTC(2026, 5, 2, 10, 0, i)),
        data: { kind: "json", value },
      });
    const offer = { offerId: "OF-MLA-1", destination: "MLA", hotel: "Blue Bay Resort Malta", package: "all-inclusive", pricePerPerson: 900 };
    await appendEvents(t.store, [event(0, T.offerViewed, offer), event(1, T.offerViewed, offer), event(2, T.offerSaved, { offerId: "OF-MLA-1" })]);
    await rebuildProjections(t.store, { now: () => Date.parse("2027-01-01T00:00:00Z") });
    const session = (await findSession(t.store, "ses-named"))!;
    const masker = await currentMasker(t.store);
    const text = await new Response(textStream(sessionExportText(t.store, { ...session, journeyVersion: VERSION }, {}, masker, "csv", 2))).text();
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    // The saved offer is on the second page of two events each: its name came from the first.
    expect(rows[2]!.description).toBe("Saved Blue Bay Resort Malta (all-inclusive)");
    // By another route: the timeline's words, the session read whole.
    const all = await t.store.db.storedEvent.findMany({ where: { sessionid: "ses-named" }, orderBy: { position: "asc" } });
    expect(rows.map((r) => r.description)).toEqual(describeEvents(journeyByName(session.journey), all.map(toJourneyEvent)));
  });

  /** The whole export the way it was built before it streamed: every event of the session at once, by another read. */
  async function inMemory() {
    const session = (await findSession(t.store, "ses-export"))!;
    const masker = await currentMasker(t.store);
    const rows = await t.store.db.storedEvent.findMany({ where: { sessionid: "ses-export" }, orderBy: { position: "asc" } });
    const definition = journeyByName(session.journey);
    return {
      session,
      masker,
      events: rows.map((e) => maskCloudEvent(masker, toCloudEventJson(e))),
      descriptions: rows.map((e) => masker.text(definition.describe(maskJourneyEvent(masker, toJourneyEvent(e))))),
    };
  }

  const streamed = async (format: "json" | "csv", pageSize: number, notes: PublicNote[] | null = null) => {
    const { session, masker } = await inMemory();
    const sessionJson = { id: session.id, eventCount: session.eventCount };
    return new Response(textStream(sessionExportText(t.store, { ...session, journeyVersion: VERSION }, sessionJson, masker, format, pageSize, notes))).text();
  };

  it("carries the notes it is given: after the events in JSON, in a trailing column on their event's line in CSV", async () => {
    const note = (id: string, seq: number, text: string): PublicNote => ({
      ...{ id, sessionId: "ses-export", seq, position: 0, author: "agent@rewind.test", createdAt: "2026-06-01T11:00:00.000Z" },
      ...{ updatedAt: "2026-06-01T11:00:00.000Z", edited: false, text },
    });
    const notes = [note("n1", 7, "called back"), note("n2", 7, "=1+1 second"), note("n3", 22, "last one")];
    const json = JSON.parse(await streamed("json", 5, notes));
    expect(json.notes).toEqual(notes);
    expect(json.events).toHaveLength(EVENTS);
    const rows = parse(await streamed("csv", 5, notes), { columns: true }) as Record<string, string>[];
    // Computed again by a plain loop: each line's cell is its event's notes, in order, one a line.
    rows.forEach((row, seq) => {
      const on = notes.filter((n) => n.seq === seq).map((n) => `${n.author} (${n.createdAt}): ${n.text}`);
      expect(row.notes, `line of event ${seq}`).toBe(on.join("\n"));
    });
    // Without notes (a reader who may not see them), neither the key nor the column.
    expect(JSON.parse(await streamed("json", 5))).not.toHaveProperty("notes");
    expect(Object.keys((parse(await streamed("csv", 5), { columns: true }) as Record<string, string>[])[0]!)).not.toContain("notes");
  });

  it.each([5, 23, 500])("JSON in pages of %i is byte for byte the in-memory build, masked", async (pageSize) => {
    const { session, events } = await inMemory();
    expect(session.eventCount).toBe(EVENTS);
    const text = await streamed("json", pageSize);
    expect(text).toBe(JSON.stringify({ session: { id: session.id, eventCount: EVENTS }, events }, null, 2));
    expect(text).not.toContain("jane.doe@example.com");
    expect(JSON.parse(text).events).toHaveLength(EVENTS);
  });

  it("CSV in pages reads back as the in-memory rows, formulas neutralised", async () => {
    const { events, descriptions } = await inMemory();
    const rows = parse(await streamed("csv", 5), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual(
      events.map((e, i) => ({
        time: String(e.time),
        service: e.type.startsWith("=") ? e.source : e.type.split(".")[0],
        event: e.type.startsWith("=") ? `'${e.type}` : e.type,
        description: descriptions[i]!.startsWith("=") ? `'${descriptions[i]}` : descriptions[i],
        journey_version: VERSION,
      })),
    );
    expect(rows[4]!.event).toBe(`'=HYPERLINK("http://x","y")`);
  });
});
