"use server";

import { z } from "zod";
import { ApiError } from "../http/errors";
import { getReplayIndex } from "../data/replay";
import { revealField, revealSession } from "../data/reveal";
import { requireViewer } from "../data/viewer";

// A reveal needs the permission and a reason (a ticket reference); each is one audit event.
const reason = z.string().trim().min(3, "give a reason: a ticket reference or why you need it").max(200);

export type RevealResult<T> = { ok: true; value: T } | { ok: false; error: string };

function failure(error: unknown): { ok: false; error: string } {
  if (error instanceof z.ZodError) return { ok: false, error: error.issues.map((i) => i.message).join("; ") };
  if (error instanceof ApiError) return { ok: false, error: error.message };
  throw error;
}

export async function revealSessionAction(sessionId: string, why: string) {
  const viewer = await requireViewer("personal-data.reveal");
  try {
    const [id, r] = z.tuple([z.string().min(1).max(200), reason]).parse([sessionId, why]);
    const grant = await revealSession(viewer, id, r);
    const replay = await getReplayIndex(id, true);
    return { ok: true as const, value: { grant, replay: replay! } };
  } catch (error) {
    return failure(error);
  }
}

const keys = z
  .array(z.union([z.string().max(200), z.number().int().nonnegative()]))
  .min(1)
  .max(20);

export async function revealFieldAction(position: number, path: (string | number)[], why: string, sessionId: string | null): Promise<RevealResult<unknown>> {
  const viewer = await requireViewer("personal-data.reveal");
  try {
    const [p, k, r, s] = z.tuple([z.number().int().positive(), keys, reason, z.string().min(1).max(200).nullable()]).parse([position, path, why, sessionId]);
    return { ok: true, value: await revealField(viewer, p, k, r, s) };
  } catch (error) {
    return failure(error);
  }
}
