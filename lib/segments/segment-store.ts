import { randomUUID } from "node:crypto";
import type { Store } from "../db/prisma";
import { isUniqueViolation } from "../db/unique-violation";
import { ApiError } from "../http/errors";

/** A saved search of sessions: its name, the sessions page's query string, who saved and changed it. */
export interface Segment {
  id: string;
  name: string;
  query: string;
  createdBy: string;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** One segment per name, whatever its case or spacing ("Card declined" and "card  declined" are one). */
export const segmentNameKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

const nameTaken = (name: string) => new ApiError("conflict", `a segment named "${name}" exists already: choose another name, or edit that one`, { name });

export async function createSegment(store: Store, input: { name: string; query: string; by: string }, now = new Date()): Promise<Segment> {
  try {
    return await store.db.segment.create({
      data: { id: randomUUID(), name: input.name, nameKey: segmentNameKey(input.name), query: input.query, createdBy: input.by, createdAt: now },
      omit: { nameKey: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/** Renames a segment or changes its filter; 404 when it is gone (deleted meanwhile), 409 when the name is another's. */
export async function updateSegment(store: Store, id: string, input: { name: string; query: string; by: string }, now = new Date()): Promise<Segment> {
  try {
    const { count } = await store.db.segment.updateMany({
      where: { id },
      data: { name: input.name, nameKey: segmentNameKey(input.name), query: input.query, updatedBy: input.by, updatedAt: now },
    });
    if (count === 0) throw new ApiError("not_found", "that segment no longer exists: it was deleted", { segment: id });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
  return (await getSegment(store, id))!;
}

/** Deletes a segment; false when there was none (deleted already), so a second click changes nothing. */
export async function deleteSegment(store: Store, id: string): Promise<boolean> {
  return (await store.db.segment.deleteMany({ where: { id } })).count === 1;
}

export async function getSegment(store: Store, id: string): Promise<Segment | null> {
  return store.db.segment.findUnique({ where: { id }, omit: { nameKey: true } });
}

/** Every segment, by name: a team keeps tens, not thousands. */
export async function listSegments(store: Store): Promise<Segment[]> {
  return store.db.segment.findMany({ orderBy: { nameKey: "asc" }, omit: { nameKey: true } });
}
