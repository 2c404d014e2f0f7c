import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { serviceAuth } from "../support/seed";
import { lisbonOfferViewed, seedUserSession } from "../support/seed-session";
import { builtActions, callAction } from "../support/server-action";
import { signedInAs, viewerIdOf } from "../support/signed-in";
import { storageStateOf } from "../support/users";
import { createServiceKey } from "../support/service-key";

test.use({ storageState: storageStateOf("agent") });

const EMAIL = "rita.notes@example.com";

/** A visit of three events: signed in, searched Lisbon, viewed an offer. */
const seedVisit = (request: APIRequestContext) => seedUserSession(request, (user, tag) => [lisbonOfferViewed(user, tag)]);

/** The viewer's audit events by type, and their data (read with the service key). */
async function auditOf(request: APIRequestContext, viewerId: string) {
  const response = await request.get(`/api/streams/${encodeURIComponent(`rewind/audit/${viewerId}`)}?limit=1000`, { headers: serviceAuth });
  return ((await response.json()).events ?? []) as { type: string; data: Record<string, unknown> }[];
}

const playhead = (page: Page) => page.getByRole("slider", { name: "Playhead" });

test("an agent adds a note at the playhead, sees it on the scrubber, opens it by its link, edits and deletes it; each is on record without its words", async ({
  page,
  request,
  baseURL,
}) => {
  const seeded = await seedVisit(request);
  const agentId = await viewerIdOf(await signedInAs("agent", baseURL!));
  const before = (await auditOf(request, agentId)).length;
  await page.goto(`/sessions/${seeded.sessionId}?at=1`);
  const notes = page.getByRole("region", { name: "Notes" });
  await expect(notes).toContainText("No notes on this session yet.");
  await notes.getByRole("textbox", { name: "Add a note at this moment (event 2)" }).fill(`Called back about Lisbon; wrote to ${EMAIL}`);
  await notes.getByRole("button", { name: "Add note" }).click();
  const item = notes.getByRole("listitem", { name: "Note at event 2" });
  await expect(item).toContainText("Called back about Lisbon; wrote to");
  // Masked like every string that leaves the server, even for its author.
  await expect(item).not.toContainText(EMAIL);
  await expect(item).toContainText("agent@e2e.test");
  await expect(page.getByRole("button", { name: /^Note at event 2: Called back/ })).toBeVisible();
  const noteId = new URL(page.url()).searchParams.get("note");
  expect(noteId).toMatch(/^note_/);

  // The marker opens it from elsewhere in the session; its link opens the replay there, the note open.
  await page.goto(`/sessions/${seeded.sessionId}?at=0`);
  await expect(playhead(page)).toHaveAttribute("aria-valuenow", "0");
  await page.getByRole("button", { name: /^Note at event 2/ }).click();
  await expect(playhead(page)).toHaveAttribute("aria-valuenow", "1");
  await expect(notes.getByRole("listitem", { name: "Note at event 2" })).toHaveAttribute("aria-current", "true");
  await page.goto(`/sessions/${seeded.sessionId}?at=1&note=${noteId}`);
  await expect(playhead(page)).toHaveAttribute("aria-valuenow", "1");
  await expect(item).toHaveAttribute("aria-current", "true");
  await expect(item.getByRole("button", { name: "Copy link to this note" })).toBeVisible();

  // On the customer page, the printable summary and both exports.
  await page.goto(`/users/${seeded.user}`);
  const onCustomer = page.getByRole("region", { name: "Notes" });
  await expect(onCustomer).toContainText("Called back about Lisbon");
  await expect(onCustomer.getByRole("link", { name: `event 2 of session ${seeded.sessionId}` })).toHaveAttribute(
    "href",
    `/sessions/${encodeURIComponent(seeded.sessionId)}?at=1&note=${noteId}`,
  );
  await page.goto(`/sessions/${seeded.sessionId}/print`);
  await expect(page.getByRole("region", { name: "Notes" })).toContainText("Called back about Lisbon");
  const exported = await (await page.request.get(`/sessions/${seeded.sessionId}/export/json`)).json();
  expect(exported.notes).toEqual([expect.objectContaining({ id: noteId, seq: 1, author: "agent@e2e.test" })]);
  expect(JSON.stringify(exported.notes)).not.toContain(EMAIL);
  const csv = await (await page.request.get(`/sessions/${seeded.sessionId}/export/csv`)).text();
  expect(csv.split("\n")[0]).toContain("notes");
  expect(csv).toContain("Called back about Lisbon");

  // Edit: the author's box holds their own words as written; then delete, asked first.
  await page.goto(`/sessions/${seeded.sessionId}?at=1&note=${noteId}`);
  await item.getByRole("button", { name: "Edit" }).click();
  const box = item.getByRole("textbox", { name: "Edit the note" });
  await expect(box).toHaveValue(`Called back about Lisbon; wrote to ${EMAIL}`);
  await box.fill("Called back: paying tomorrow");
  await item.getByRole("button", { name: "Save" }).click();
  await expect(item).toContainText("Called back: paying tomorrow");
  await expect(item).toContainText("edited");
  await item.getByRole("button", { name: "Delete" }).click();
  await item.getByRole("button", { name: "Yes, delete" }).click();
  await expect(notes).toContainText("No notes on this session yet.");
  await expect(page.getByRole("button", { name: /^Note at event/ })).toHaveCount(0);

  const audit = (await auditOf(request, agentId)).slice(before);
  const ofNote = audit.filter((e) => e.type.startsWith("rewind.audit.note.") && e.data.session === seeded.sessionId);
  expect(ofNote.map((e) => e.type)).toEqual(["rewind.audit.note.written", "rewind.audit.note.changed", "rewind.audit.note.deleted"]);
  for (const e of ofNote) {
    expect(e.data).toMatchObject({ session: seeded.sessionId, target: `note ${noteId} at event 1` });
    // The customer is on record; read back through a key it is masked when a policy another spec saved marks user ids.
    expect([seeded.user, seeded.user.replace(/[^-]/g, "•").replace(/^•/, seeded.user[0]!)]).toContain(e.data.customer);
  }
  expect(JSON.stringify(audit)).not.toContain("Called back");
});

test("a note's text is 1 to 2,000 characters, refused clearly, and a refused write changes nothing", async ({ request, baseURL }) => {
  const seeded = await seedVisit(request);
  const agent = await signedInAs("agent", baseURL!);
  const add = builtActions().get("lib/actions/notes.ts#addNoteAction")!;
  const page = `/sessions/${encodeURIComponent(seeded.sessionId)}`;
  const call = (args: unknown[]) => callAction(agent, baseURL!, page, add.id, args);
  expect((await call([seeded.sessionId, 0, "   "])).result).toEqual({ ok: false, error: "text: a note cannot be empty" });
  expect((await call([seeded.sessionId, 0, "x".repeat(2001)])).result).toEqual({ ok: false, error: "text: a note holds at most 2,000 characters" });
  expect((await call([seeded.sessionId, 3, "past the end"])).result).toEqual({ ok: false, error: "seq: the session has 3 events, so seq is 0 to 2" });
  expect((await call(["no-such-session", 0, "x"])).result).toEqual({ ok: false, error: 'session "no-such-session" not found' });
  const answer = await (await request.get(`/api/sessions/${seeded.sessionId}/notes`, { headers: serviceAuth })).json();
  expect(answer).toEqual({ sessionId: seeded.sessionId, notes: [] });
  // Exactly 2,000 is taken (read back through the API: a long string travels in a row of its own in the action's answer).
  expect((await call([seeded.sessionId, 2, "x".repeat(2000)])).status).toBe(200);
  const taken = await (await request.get(`/api/sessions/${seeded.sessionId}/notes`, { headers: serviceAuth })).json();
  expect(taken.notes.map((n: { seq: number; text: string }) => [n.seq, n.text.length])).toEqual([[2, 2000]]);
});

test("analysts and keys without users.find see no note; auditors read and do not write; admins delete and do not edit", async ({
  browser,
  request,
  baseURL,
}) => {
  const seeded = await seedVisit(request);
  const agent = await signedInAs("agent", baseURL!);
  const add = builtActions().get("lib/actions/notes.ts#addNoteAction")!;
  const added = await callAction(agent, baseURL!, `/sessions/${encodeURIComponent(seeded.sessionId)}`, add.id, [seeded.sessionId, 1, "Spoke to Jane Doe"]);
  expect(added.result).toMatchObject({ ok: true });
  const as = async (role: "analyst" | "auditor" | "admin") => (await browser.newContext({ storageState: storageStateOf(role) })).newPage();

  const analyst = await as("analyst");
  await analyst.goto(`/sessions/${seeded.sessionId}`);
  await expect(playhead(analyst)).toBeVisible();
  await expect(analyst.getByRole("region", { name: "Notes" })).toHaveCount(0);
  await expect(analyst.getByRole("button", { name: /^Note at event/ })).toHaveCount(0);
  expect(await analyst.content()).not.toContain("Jane Doe");
  expect((await analyst.request.get(`/api/sessions/${seeded.sessionId}/notes`)).status()).toBe(403);

  // A key given replays and exports but not users.find: its export has no notes, the notes API refuses it.
  const narrow = { Authorization: `Bearer ${createServiceKey(`notes-narrow-${seeded.tag}`, "sessions.replay,sessions.export")}` };
  const json = await (await request.get(`/sessions/${seeded.sessionId}/export/json`, { headers: narrow })).json();
  expect(json).not.toHaveProperty("notes");
  const csv = await (await request.get(`/sessions/${seeded.sessionId}/export/csv`, { headers: narrow })).text();
  expect(csv.split("\n")[0]).not.toContain("notes");
  expect(csv).not.toContain("Jane Doe");
  expect((await request.get(`/api/sessions/${seeded.sessionId}/notes`, { headers: narrow })).status()).toBe(403);
  // A key with users.find reads them.
  const read = await (await request.get(`/api/sessions/${seeded.sessionId}/notes`, { headers: serviceAuth })).json();
  expect(read.notes).toEqual([expect.objectContaining({ seq: 1, text: "Spoke to Jane Doe", author: "agent@e2e.test", edited: false })]);
  expect(read.notes[0]).not.toHaveProperty("ownText");

  const auditor = await as("auditor");
  await auditor.goto(`/sessions/${seeded.sessionId}?at=1&note=${read.notes[0].id}`);
  const seen = auditor.getByRole("region", { name: "Notes" });
  await expect(seen).toContainText("Spoke to Jane Doe");
  await expect(seen.getByRole("textbox")).toHaveCount(0);
  await expect(seen.getByRole("button", { name: /Edit|Delete/ })).toHaveCount(0);

  const admin = await as("admin");
  await admin.goto(`/sessions/${seeded.sessionId}?at=1&note=${read.notes[0].id}`);
  const item = admin.getByRole("region", { name: "Notes" }).getByRole("listitem", { name: "Note at event 2" });
  await expect(item.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await item.getByRole("button", { name: "Delete" }).click();
  await item.getByRole("button", { name: "Yes, delete" }).click();
  await expect(admin.getByRole("region", { name: "Notes" })).toContainText("No notes on this session yet.");
});
