import "server-only";
import { getStore } from "../db/prisma";
import { applyDefinition } from "../journey-store/apply-definition";
import {
  type BasedOn,
  checkDefinitionText,
  DefinitionConflictError,
  type DefinitionError,
  definitionHistory,
  InvalidDefinitionError,
  listDefinitions,
} from "../journey-store/definition-store";
import { catalogOfDocuments } from "../journey-store/journey-catalog";
import { listJourneySummaries } from "../journey-store/journey-list";
import { previewFold } from "../journey-store/preview-fold";
import { loadPreviewSample, PREVIEW_SESSIONS } from "../journey-store/preview-sample";
import { buildingGeneration } from "../sessions/generations";
import { getMasker } from "./privacy";

/** /admin/journeys: every journey, the one being edited with its history, and a generation being prepared. */
export async function getJourneysAdmin(name: string | null) {
  const store = getStore();
  const [journeys, building] = await Promise.all([listJourneySummaries(store), buildingGeneration(store)]);
  const history = name ? await definitionHistory(store, name) : [];
  return { journeys, history, building };
}

export const PREVIEW_ROWS = 12;

/** How the sample of recent sessions would fold with a draft, beside how they fold now; errors at their paths for an invalid one. */
export async function previewDraft(text: string) {
  const checked = checkDefinitionText(text);
  if (!checked.ok) return { ok: false as const, errors: checked.errors };
  const store = getStore();
  const others = (await listDefinitions(store)).filter((v) => v.name !== checked.document.name).map((v) => v.document);
  const catalog = catalogOfDocuments([...others, checked.document]);
  const [sample, masker] = await Promise.all([loadPreviewSample(store), getMasker()]);
  const rows = previewFold(catalog, checked.document.name, sample, PREVIEW_ROWS).map((r) => ({
    ...r,
    startedAt: r.startedAt.toISOString(),
    current: { ...r.current, lastStep: masker.text(r.current.lastStep) },
    draft: { ...r.draft, lastStep: masker.text(r.draft.lastStep) },
  }));
  const claimed = sample.filter((s) => catalog.journeyOf(s.events).name === checked.document.name).length;
  return { ok: true as const, rows, sampled: Math.min(sample.length, PREVIEW_SESSIONS), claimed, steps: checked.document.steps.length };
}

export type DraftPreview = Extract<Awaited<ReturnType<typeof previewDraft>>, { ok: true }>;

export type SaveDraftResult = { ok: false; errors: DefinitionError[] } | { ok: false; conflict: string } | { ok: true; message: string };

/**
 * Saves a draft as a new version and starts the generation that folds with it; the same text as a
 * version that failed to build builds it again. `basedOn`: the version the admin edited, so a
 * version saved by someone else meanwhile is a conflict, not overwritten.
 */
export async function saveDraft(text: string, changedBy: string, basedOn?: BasedOn): Promise<SaveDraftResult> {
  try {
    const result = await applyDefinition(getStore(), text, changedBy, basedOn);
    if (!result.applied) return { ok: true, message: `No change: ${result.unchanged.name} v${result.unchanged.version} is already this definition.` };
    const { version, generation, retried } = result;
    const what = retried
      ? `Retrying ${version.name} v${version.version}, whose build failed.`
      : `Saved ${version.name} v${version.version} (${version.summary}).`;
    return {
      ok: true,
      message: `${what} A new version of the read models is being prepared (generation ${generation.id}); pages show the current one until it has caught up.`,
    };
  } catch (error) {
    if (error instanceof InvalidDefinitionError) return { ok: false, errors: error.errors };
    if (error instanceof DefinitionConflictError) return { ok: false, conflict: error.message };
    throw error;
  }
}
