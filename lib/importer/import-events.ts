import type { Store } from "../db/prisma";
import { appendEvents } from "../eventstore/append";
import { DuplicateIdConflictError, WrongExpectedVersionError } from "../eventstore/errors";
import type { IncomingEvent } from "../ingest/cloud-event";
import { eventShapeLimits } from "../ingest/limits";
import { reservedNamespaceError, validateStructuredEvent } from "../ingest/normalise";
import { blockListOf } from "../users/blocked-users";
import { firstBlocked } from "../ingest/blocked-check";
import type { FileRecord } from "./read-records";

export interface Refusal {
  line: number;
  reason: string;
}

export interface ImportSummary {
  read: number;
  appended: number;
  duplicates: number;
  refused: Refusal[];
}

export const IMPORT_BATCH = 1_000;

/** Refusals kept for the summary; the rest are only counted, so memory stays flat. */
const KEEP_REFUSALS = 1_000;

/**
 * Appends records through the same validation as the HTTP API, in batches. A bad record is
 * refused on its own (with its line and reason) and the import goes on; within a batch, an event
 * that conflicts with the store is taken out and the rest of its batch appended.
 */
export async function importRecords(
  store: Store,
  records: AsyncIterable<FileRecord>,
  onProgress: (summary: ImportSummary) => void = () => {},
): Promise<ImportSummary & { refusedCount: number }> {
  const summary: ImportSummary & { refusedCount: number } = { read: 0, appended: 0, duplicates: 0, refused: [], refusedCount: 0 };
  const refuse = (line: number, reason: string) => {
    summary.refusedCount += 1;
    if (summary.refused.length < KEEP_REFUSALS) summary.refused.push({ line, reason });
  };

  // The same limits as the HTTP API: an import cannot put in the store what ingestion refuses.
  const shapeLimits = eventShapeLimits();
  let batch: { line: number; at?: string; event: IncomingEvent }[] = [];
  const flush = async () => {
    while (batch.length > 0) {
      try {
        const results = await appendEvents(
          store,
          batch.map((b) => b.event),
        );
        for (const r of results) {
          if (r.duplicate) summary.duplicates += 1;
          else summary.appended += 1;
        }
        batch = [];
      } catch (error) {
        if (error instanceof DuplicateIdConflictError || error instanceof WrongExpectedVersionError) {
          const [bad] = batch.splice(error.index, 1);
          refuse(bad!.line, (bad!.at ? `${bad!.at}: ` : "") + error.message.replace(/^event \d+: /, ""));
        } else {
          throw error;
        }
      }
    }
    onProgress(summary);
  };

  for await (const record of records) {
    summary.read += 1;
    if ("error" in record) {
      refuse(record.line, record.error);
      continue;
    }
    const where = record.at ? `${record.at}: ` : "";
    const result = validateStructuredEvent(record.value, 0, shapeLimits);
    if (!result.ok) {
      refuse(record.line, where + result.issues.map((i) => (i.attribute ? `${i.attribute}: ${i.message}` : i.message)).join("; "));
      continue;
    }
    const reserved = reservedNamespaceError([result.event]);
    if (reserved) {
      refuse(record.line, where + reserved.message.replace(/^event \d+, /, ""));
      continue;
    }
    // A blocked user id (lib/users/blocked-users.ts) is refused like any other bad record: on its line, the rest imported.
    const blocked = firstBlocked([result.event], await blockListOf(store));
    if (blocked) {
      refuse(record.line, where + blocked.message.replace(/^event \d+ /, "event "));
      continue;
    }
    batch.push({ line: record.line, at: record.at, event: result.event });
    if (batch.length >= IMPORT_BATCH) await flush();
  }
  await flush();
  return summary;
}
