import "server-only";
import { liveJourney, liveJourneyVersion } from "./catalog";
import { getStore } from "../db/prisma";
import { textStream } from "../http/text-stream";
import { findSession } from "../sessions/read-sessions";
import { sessionExportText, type ExportFormat } from "../sessions/session-export";
import { getMasker } from "./privacy";
import type { PublicNote } from "../notes/note-json";
import { referencesFor } from "./customers";
import { toSessionJson } from "./sessions";
import { removedGaps } from "./replay";

/**
 * A session's export as a response body that reads, masks and writes one page of events at a time
 * (flat memory whatever the session's length), with the session as it may leave the server.
 * Null when there is no such session. The masker is taken once: one policy for the whole file.
 * `notes`: the session's, for a reader who may see them (lib/data/notes.ts exportedNotes), else null.
 */
export async function openSessionExport(sessionId: string, format: ExportFormat, notes: readonly PublicNote[] | null = null, revealed = false) {
  const store = getStore();
  const session = await findSession(store, sessionId);
  if (!session) return null;
  const masker = await getMasker(revealed);
  const journeyVersion = await liveJourneyVersion(session.journey);
  // Which version folded the session travels in the file itself (a saved export keeps it): in the JSON's session, as the CSV's last column.
  // What a retention purge removed: in the JSON's session (the events list holds what remains), a CSV row each where it was.
  const removed = await removedGaps(session.id, masker);
  const sessionJson = {
    ...toSessionJson(session, masker, await referencesFor([session.userId])),
    journeyVersion,
    ...(removed.length > 0 ? { removedByRetention: removed } : {}),
  };
  const exported = { ...session, definition: await liveJourney(session.journey), journeyVersion: journeyVersion.label, removed };
  return {
    session: sessionJson,
    customer: session.userId,
    body: textStream(sessionExportText(store, exported, sessionJson, masker, format, undefined, notes)),
  };
}
