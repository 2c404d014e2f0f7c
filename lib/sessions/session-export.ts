import type { Store } from "../db/prisma";
import { toJourneyEvent } from "../eventstore/journey-events";
import { readEventsAt } from "../eventstore/read";
import { toCloudEventJson } from "../eventstore/to-cloud-event";
import { describerOf, type JourneyDefinition } from "../journeys/journey-definition";
import { journeyByName } from "../journeys/registry";
import type { Masker } from "../privacy/mask";
import { maskCloudEvent, maskJourneyEvent } from "../privacy/mask-events";
import { SESSION_CSV_HEADER, SESSION_CSV_HEADER_WITH_NOTES, sessionCsvLine } from "../replay/export-csv";
import { notesCell, type PublicNote } from "../notes/note-json";
import { jsonExportEnd, jsonExportEvent, jsonExportStart } from "../replay/export-json";
import { gapWords, type GapRow } from "../replay/removed-gaps";
import { serviceLabel } from "../replay/service-label";
import { readSessionPositions } from "./read-sessions";

export type ExportFormat = "json" | "csv";

/** What an export needs of the session: which events are its own, and how many there were when it began. */
export interface ExportedSession {
  id: string;
  journey: string;
  eventCount: number;
  /** the journey that describes its events (the live catalog's, for a data journey); default: the built-in one of that name */
  definition?: JourneyDefinition<unknown>;
  /** events a retention purge removed, masked, as gaps among the remaining ones: the CSV has a row for each where it was */
  removed?: readonly GapRow[];
}

/**
 * Events read per page; also readEventsAt's IN-list chunk. Measured by `npm run bench -- exports`
 * (peak live heap): 29.7 MB for a 10k-event session, 33.9 MB for 100k (ratio 1.143, the positions
 * snapshot: about 45 bytes an event while it is read); the in-memory build it replaced held
 * 41.2 MB and 164.4 MB (ratio 3.986).
 */
export const EXPORT_PAGE = 500;

/**
 * A session's events in pages, each masked and described, in session order. The session's
 * positions are read first, in one query (one consistent snapshot: a live session re-folded by
 * the projector mid-export cannot shift a page and repeat or drop an event), and kept as plain
 * numbers, 8 bytes an event (0.8 MB for 100k); the events themselves, a few hundred bytes each
 * masked, are only ever held one page at a time. Bounded by the count the session had when the
 * export began, so the file agrees with its own header while the session keeps growing.
 */
export async function* exportPages(store: Store, session: ExportedSession, masker: Masker, pageSize = EXPORT_PAGE) {
  const definition = session.definition ?? journeyByName(session.journey);
  // One describer for the whole export: an offer is named as the timeline names it, from any earlier page.
  const words = describerOf(definition);
  const positions = Float64Array.from((await readSessionPositions(store, session.id, 0, session.eventCount)).map((m) => m.position));
  for (let from = 0; from < positions.length; from += pageSize) {
    const events = await readEventsAt(store, Array.from(positions.subarray(from, from + pageSize)));
    // Described from the masked events: a description quotes data.
    const descriptions = words(events.map((e) => maskJourneyEvent(masker, toJourneyEvent(e))));
    yield events.map((e, i) => ({
      event: maskCloudEvent(masker, toCloudEventJson(e)),
      description: masker.text(descriptions[i] ?? e.type),
      // A source is a producer's string like any other: through the patterns.
      service: masker.text(serviceLabel(definition, e, (source) => source)),
    }));
  }
}

/** The export's text, piece by piece: `sessionJson` is the session as it may leave the server. */
export async function* sessionExportText(
  store: Store,
  /** journeyVersion: which version of the journey folded it ("shop v3"), the CSV's trailing column (the JSON carries it in its session) */
  session: ExportedSession & { journeyVersion: string },
  sessionJson: unknown,
  masker: Masker,
  format: ExportFormat,
  pageSize = EXPORT_PAGE,
  /** the session's notes, masked, for a reader who may see them; null: the file has none, not even their column */
  notes: readonly PublicNote[] | null = null,
) {
  if (format === "csv") {
    yield notes === null ? SESSION_CSV_HEADER : SESSION_CSV_HEADER_WITH_NOTES;
    let seq = 0;
    const bySeq = new Map<number, PublicNote[]>();
    for (const n of notes ?? []) bySeq.set(n.seq, [...(bySeq.get(n.seq) ?? []), n]);
    const gaps = session.removed ?? [];
    let g = 0;
    // A removed event's row: its time and type from the tombstone, and which rule removed it when.
    const gapLines = (upTo: number) => {
      let text = "";
      for (; g < gaps.length && gaps[g]!.after <= upTo; g++) {
        const gap = gaps[g]!;
        text += sessionCsvLine(
          { time: gap.occurredAt, service: "", event: gap.type, description: gapWords(gap) },
          session.journeyVersion,
          notes === null ? undefined : "",
        );
      }
      return text;
    };
    yield gapLines(-1);
    for await (const page of exportPages(store, session, masker, pageSize)) {
      yield page
        .map((e) => {
          const line = sessionCsvLine(
            { time: String(e.event.time ?? e.event.recordedtime), service: e.service, event: e.event.type, description: e.description },
            session.journeyVersion,
            notes === null ? undefined : notesCell(bySeq.get(seq) ?? []),
          );
          return line + gapLines(seq++);
        })
        .join("");
    }
    yield gapLines(Number.POSITIVE_INFINITY);
    return;
  }
  yield jsonExportStart(sessionJson);
  let written = 0;
  for await (const page of exportPages(store, session, masker, pageSize)) {
    yield page.map((e) => jsonExportEvent(e.event, written++)).join("");
  }
  yield jsonExportEnd(written, notes);
}
