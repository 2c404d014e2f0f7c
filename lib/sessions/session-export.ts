import type { Store } from "../db/prisma";
import { toJourneyEvent } from "../eventstore/journey-events";
import { readEventsAt } from "../eventstore/read";
import { toCloudEventJson } from "../eventstore/to-cloud-event";
import { journeyByName } from "../journeys/registry";
import type { Masker } from "../privacy/mask";
import { maskCloudEvent, maskJourneyEvent } from "../privacy/mask-events";
import { SESSION_CSV_HEADER, sessionCsvLine } from "../replay/export-csv";
import { jsonExportEnd, jsonExportEvent, jsonExportStart } from "../replay/export-json";
import { serviceLabel } from "../replay/service-label";
import { readSessionPositions } from "./read-sessions";

export type ExportFormat = "json" | "csv";

/** What an export needs of the session: which events are its own, and how many there were when it began. */
export interface ExportedSession {
  id: string;
  journey: string;
  eventCount: number;
}

/**
 * Events read per page. Measured by `npm run bench -- exports`: at 500 a 100k-event export peaks
 * at about the same memory as a 10k one; a page is also readEventsAt's IN-list chunk.
 */
export const EXPORT_PAGE = 500;

/**
 * A session's events in pages, each masked and described, in session order. Bounded by the
 * count the session had when the export began, so the file agrees with its own header while
 * a live session keeps growing.
 */
export async function* exportPages(store: Store, session: ExportedSession, masker: Masker, pageSize = EXPORT_PAGE) {
  const definition = journeyByName(session.journey);
  for (let from = 0; from < session.eventCount; from += pageSize) {
    const members = await readSessionPositions(store, session.id, from, Math.min(pageSize, session.eventCount - from));
    if (members.length === 0) return;
    const events = await readEventsAt(store, members.map((m) => m.position));
    yield events.map((e) => ({
      event: maskCloudEvent(masker, toCloudEventJson(e)),
      // Described from the masked event: a description quotes data.
      description: masker.text(definition.describe(maskJourneyEvent(masker, toJourneyEvent(e)))),
      // A source is a producer's string like any other: through the patterns.
      service: masker.text(serviceLabel(definition, e, (source) => source)),
    }));
  }
}

/** The export's text, piece by piece: `sessionJson` is the session as it may leave the server. */
export async function* sessionExportText(store: Store, session: ExportedSession, sessionJson: unknown, masker: Masker, format: ExportFormat, pageSize = EXPORT_PAGE) {
  if (format === "csv") {
    yield SESSION_CSV_HEADER;
    for await (const page of exportPages(store, session, masker, pageSize)) {
      yield page.map((e) => sessionCsvLine({ time: String(e.event.time ?? e.event.recordedtime), service: e.service, event: e.event.type, description: e.description })).join("");
    }
    return;
  }
  yield jsonExportStart(sessionJson);
  let written = 0;
  for await (const page of exportPages(store, session, masker, pageSize)) {
    yield page.map((e) => jsonExportEvent(e.event, written++)).join("");
  }
  yield jsonExportEnd(written);
}
