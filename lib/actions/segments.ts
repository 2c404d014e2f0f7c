"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeSegment, removeSegment, saveSegment } from "../data/segments";
import { requireViewer } from "../data/viewer";
import { ApiError } from "../http/errors";
import type { ActionResult } from "./action-result";

// Server actions are public endpoints: each checks the role itself and validates its input.

/** What a segment keeps of a sessions page's address: its filters, not where the page was (cursor, older). */
function savedQuery(text: string): string {
  const params = new URLSearchParams(text.startsWith("?") ? text.slice(1) : text);
  for (const name of ["cursor", "after"]) params.delete(name);
  return params.toString();
}

const segmentSchema = z.object({
  name: z.string().trim().min(1, { error: "give the segment a name" }).max(80, { error: "a name is at most 80 characters" }),
  query: z.string().max(4_000, { error: "the filter is at most 4,000 characters" }).transform(savedQuery),
});

const problems = (error: z.ZodError) => error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");

async function refusedAsResult(run: () => Promise<string>): Promise<ActionResult> {
  try {
    const message = await run();
    revalidatePath("/segments");
    return { ok: true, message };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.message };
    throw error;
  }
}

export async function saveSegmentAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer("segments.save");
  const input = segmentSchema.safeParse({ name: form.get("name"), query: form.get("query") ?? "" });
  if (!input.success) return { ok: false, error: problems(input.error) };
  return refusedAsResult(async () => {
    await saveSegment(viewer, input.data.name, input.data.query);
    return `Saved as segment “${input.data.name}”: the team finds it under Segments.`;
  });
}

export async function updateSegmentAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const viewer = await requireViewer("segments.save");
  const id = z.uuid().safeParse(form.get("id"));
  if (!id.success) return { ok: false, error: "id: not a segment" };
  const input = segmentSchema.safeParse({ name: form.get("name"), query: form.get("query") ?? "" });
  if (!input.success) return { ok: false, error: problems(input.error) };
  return refusedAsResult(async () => {
    await changeSegment(viewer, id.data, input.data.name, input.data.query);
    return `Segment “${input.data.name}” changed.`;
  });
}

export async function deleteSegmentAction(form: FormData): Promise<void> {
  await requireViewer("segments.save");
  const id = z.uuid().safeParse(form.get("id"));
  if (id.success) await removeSegment(id.data);
  revalidatePath("/segments");
}
