import type { Store } from "../db/prisma";
import { type DefinitionError, type JourneyDocument, journeyDocumentSchema, validateJourneyDocument } from "../journeys/definition/definition-schema";

export type { DefinitionError };
import { describeDefinitionChange } from "./describe-change";
import { isUniqueViolation } from "../db/unique-violation";

/** One stored version of a journey definition. */
export interface DefinitionVersion {
  name: string;
  version: number;
  document: JourneyDocument;
  /** the JSON text exactly as applied: what `journeys export` prints */
  source: string;
  changedBy: string;
  changedAt: Date;
  summary: string;
}

/**
 * Names a stored definition may not take: the built-in journeys are TypeScript folds (holds,
 * repricing, blockers) that a document cannot describe, and two journeys of one name would make
 * every session's journey ambiguous.
 */
export const RESERVED_NAMES: Readonly<Record<string, string>> = {
  "holiday-booking": "the built-in booking journey; a stored definition cannot replace it, choose another name",
  generic: "the journey of sessions no definition claims; choose another name",
};

/** A document refused before anything was written, with each error at its JSON path. */
export class InvalidDefinitionError extends Error {
  constructor(readonly errors: DefinitionError[]) {
    super(`invalid journey definition: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
  }
}

/**
 * Someone else stored a version of this definition between the caller's read and its save (two
 * admins, or an admin and `journeys apply`): nothing was written; the caller reloads and decides.
 */
export class DefinitionConflictError extends Error {
  constructor(
    readonly journey: string,
    readonly version: number,
  ) {
    super(`journey ${journey}: version ${version} was saved by someone else meanwhile; reload and try again`);
    this.name = "DefinitionConflictError";
  }
}

/** Far above any real definition (the booking-sized example is 4 KB): a bound on what one save stores. */
export const MAX_DEFINITION_CHARS = 256_000;

/** Parses JSON text and validates it as a definition (the reserved names included); errors name their path. */
export function checkDefinitionText(text: string): { ok: true; document: JourneyDocument } | { ok: false; errors: DefinitionError[] } {
  if (text.length > MAX_DEFINITION_CHARS)
    return { ok: false, errors: [{ path: "(the document)", message: `${text.length} characters; a definition has at most ${MAX_DEFINITION_CHARS}` }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: "(the document)", message: `not valid JSON: ${error instanceof Error ? error.message : "parse error"}` }] };
  }
  const checked = validateJourneyDocument(value);
  if (!checked.ok) return checked;
  const reserved = RESERVED_NAMES[checked.document.name];
  if (reserved) return { ok: false, errors: [{ path: "name", message: `"${checked.document.name}" is ${reserved}` }] };
  return { ok: true, document: checked.document };
}

type Row = { name: string; version: number; document: string; changedBy: string; changedAt: Date; summary: string };

function toVersion(row: Row): DefinitionVersion {
  const { document: source, ...rest } = row;
  return { ...rest, source, document: journeyDocumentSchema.parse(JSON.parse(source)) };
}

/** The newest version of every stored definition, by name. */
export async function listDefinitions(store: Store): Promise<DefinitionVersion[]> {
  const heads = await store.db.journeyDefinitionVersion.groupBy({ by: ["name"], _max: { version: true }, orderBy: { name: "asc" } });
  if (heads.length === 0) return [];
  const rows = await store.db.journeyDefinitionVersion.findMany({
    where: { OR: heads.map((h) => ({ name: h.name, version: h._max.version ?? 0 })) },
    orderBy: { name: "asc" },
  });
  return rows.map(toVersion);
}

/** The newest version of one definition, or a given version; null when there is none. */
export async function readDefinition(store: Store, name: string, version?: number): Promise<DefinitionVersion | null> {
  const row = await store.db.journeyDefinitionVersion.findFirst({
    where: { name, ...(version === undefined ? {} : { version }) },
    orderBy: { version: "desc" },
  });
  return row ? toVersion(row) : null;
}

/** Every version of one definition, newest first (empty when there is none). */
export async function definitionHistory(store: Store, name: string, limit = 100): Promise<DefinitionVersion[]> {
  const rows = await store.db.journeyDefinitionVersion.findMany({ where: { name }, orderBy: { version: "desc" }, take: limit });
  return rows.map(toVersion);
}

/** The stored versions named by a generation's `{"<name>": <version>}`; throws naming one that is missing. */
export async function readDefinitionVersions(store: Store, versions: Record<string, number>): Promise<DefinitionVersion[]> {
  const wanted = Object.entries(versions);
  if (wanted.length === 0) return [];
  const rows = await store.db.journeyDefinitionVersion.findMany({ where: { OR: wanted.map(([name, version]) => ({ name, version })) } });
  for (const [name, version] of wanted) {
    if (!rows.some((r) => r.name === name && r.version === version)) throw new Error(`journey definition ${name} v${version} is not stored`);
  }
  return rows.map(toVersion).sort((a, b) => a.name.localeCompare(b.name));
}

export type SaveResult = { saved: true; version: DefinitionVersion } | { saved: false; unchanged: DefinitionVersion };

/** The version the caller's draft was based on (0: the name had none): a save on top of a newer one is a conflict. */
export interface BasedOn {
  name: string;
  version: number;
}

/**
 * Stores a new version of a definition from its JSON text, with what changed in words. An invalid
 * document (or a reserved name) throws InvalidDefinitionError and writes nothing; a document equal
 * to the version in force is not stored again (answered `saved: false`), so re-applying a file
 * does not re-fold the read models for nothing. A save that finds a newer version than `basedOn`
 * (when it names this document's name), or loses the race for the next version number to another
 * save, throws DefinitionConflictError and writes nothing.
 */
export async function saveDefinition(store: Store, text: string, changedBy: string, basedOn?: BasedOn): Promise<SaveResult> {
  const checked = checkDefinitionText(text);
  if (!checked.ok) throw new InvalidDefinitionError(checked.errors);
  const { name } = checked.document;
  const expected = basedOn?.name === name ? basedOn.version : undefined;
  let next = 0;
  try {
    return await store.db.$transaction(async (tx) => {
      const head = await tx.journeyDefinitionVersion.findFirst({ where: { name }, orderBy: { version: "desc" } });
      const before = head ? toVersion(head) : null;
      if (expected !== undefined && (before?.version ?? 0) !== expected) throw new DefinitionConflictError(name, before?.version ?? 0);
      if (before && JSON.stringify(before.document) === JSON.stringify(checked.document)) return { saved: false, unchanged: before } as const;
      next = (before?.version ?? 0) + 1;
      // Two saves of one name at once: the second insert fails on the (name, version) key (caught
      // below); nothing is lost or overwritten.
      const row = await tx.journeyDefinitionVersion.create({
        data: {
          name,
          version: next,
          document: text,
          changedBy,
          changedAt: new Date(),
          summary: describeDefinitionChange(before?.document ?? null, checked.document),
        },
      });
      return { saved: true, version: toVersion(row) } as const;
    });
  } catch (error) {
    if (next > 0 && isUniqueViolation(error)) throw new DefinitionConflictError(name, next);
    throw error;
  }
}
