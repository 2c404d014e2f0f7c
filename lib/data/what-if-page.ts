import "server-only";
import { getStore } from "../db/prisma";
import { ApiError } from "../http/errors";
import type { JourneyDocument } from "../journeys/definition/definition-schema";
import { checkDefinitionText, readDefinition } from "../journey-store/definition-store";
import { readWhatIfJob } from "../what-if/job-store";
import { type WhatIfAnswer, latestWhatIfOf, readWhatIf } from "./what-if";

/**
 * The what-if /admin/journeys shows on load: the one its URL names (what the page put there when it
 * started it), else the newest of the definition being edited; null when neither is kept (a day).
 */
export async function findWhatIf(id: string | null, name: string | null): Promise<WhatIfAnswer | null> {
  if (id !== null) {
    try {
      return await readWhatIf(id);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "not_found")) throw error;
    }
  }
  return name ? latestWhatIfOf(name) : null;
}

/** A what-if's draft as the replay folds it beside the current version (`?whatIf=<id>`). */
export interface WhatIfDraft {
  id: string;
  name: string;
  from: string;
  to: string;
  document: JourneyDocument;
  /** the draft's JSON as it was tried (laid out two spaces deep: the API stores it as sent), for the editor opened on this what-if */
  source: string;
  /** whether a definition of this name is stored (its page in /admin/journeys is ?name=<name>) */
  stored: boolean;
}

/** The draft a what-if job folded with; null for an unknown (or expired) job, or one whose document no longer validates. */
export async function getWhatIfDraft(id: string): Promise<WhatIfDraft | null> {
  const store = getStore();
  const job = await readWhatIfJob(store, id);
  if (!job) return null;
  const checked = checkDefinitionText(job.document);
  if (!checked.ok) return null;
  const stored = (await readDefinition(store, job.name)) !== null;
  return {
    id: job.id,
    name: job.name,
    from: job.from,
    to: job.to,
    document: checked.document,
    source: JSON.stringify(JSON.parse(job.document), null, 2),
    stored,
  };
}
