import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvents } from "../eventstore/append";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { catchUp } from "../sessions/projector";
import { findSession } from "../sessions/read-sessions";
import { createNote, deleteNote, findNote, listCustomerNotes, listSessionNotes, updateNoteText } from "./notes-store";
import { pinNote, readSessionNotes } from "./session-notes";

const NOW = () => Date.parse("2027-01-01T00:00:00Z");
const at = (second: number) => new Date(Date.UTC(2026, 5, 1, 10, 0, second));
const visit = (id: string, second: number) =>
  anEvent({
    id,
    source: "/holidays/search",
    subject: "notes/one",
    type: "search.destinations.searched",
    userid: "u-notes",
    sessionid: "ses-notes",
    time: at(second),
  });
const author = { authorId: "agent-1", authorLabel: "agent@rewind.test" };

describe.each(testProviders())("notes on a moment (%s)", (provider) => {
  let t: TestStore;
  /** each event's store position, in event-time order: the session's order, computed without the projector */
  let positions: number[] = [];
  const countNotes = () => t.store.db.note.count();
  beforeAll(async () => {
    t = await createTestStore(provider);
    // Appended out of time order: the session's order is event time, not append order.
    const seconds = [0, 20, 10, 30, 40];
    const results = await appendEvents(
      t.store,
      seconds.map((s) => visit(`n-${s}`, s)),
    );
    positions = seconds
      .map((s, i) => ({ s, p: Number(results[i]!.position) }))
      .sort((a, b) => a.s - b.s)
      .map((x) => x.p);
    await catchUp(t.store, { now: NOW });
  });
  afterAll(() => t.dispose());

  it("pins a note to the event at that index: its store position, the session's customer, the text as written", async () => {
    const pinned = await pinNote(t.store, { sessionId: "ses-notes", seq: 2, text: "  spoke to Jane Doe, jane@example.com ", ...author }, at(100));
    if (!("note" in pinned)) throw new Error(`refused: ${pinned.problem}`);
    const session = (await findSession(t.store, "ses-notes"))!;
    expect(pinned.note).toMatchObject({ sessionId: session.id, userId: "u-notes", seq: 2, position: positions[2], ...author });
    // Stored as written: trimming and masking are the edges' business, not the store's.
    expect((await findNote(t.store, pinned.note.id))!.text).toBe("  spoke to Jane Doe, jane@example.com ");
  });

  it("refuses a session or an event that is not there, and writes nothing", async () => {
    const before = await countNotes();
    expect(await pinNote(t.store, { sessionId: "ses-nobody", seq: 0, text: "x", ...author })).toEqual({ problem: "no-session" });
    expect(await pinNote(t.store, { sessionId: "ses-notes", seq: 5, text: "x", ...author })).toEqual({ problem: "no-event", eventCount: 5 });
    expect(await countNotes()).toBe(before);
  });

  it("changes a note's words only for its author, and deletes it once", async () => {
    const pinned = await pinNote(t.store, { sessionId: "ses-notes", seq: 0, text: "first words", ...author }, at(200));
    if (!("note" in pinned)) throw new Error("refused");
    const { id } = pinned.note;
    expect(await updateNoteText(t.store, id, "someone-else", "not theirs")).toBeNull();
    expect((await findNote(t.store, id))!.text).toBe("first words");
    const changed = await updateNoteText(t.store, id, author.authorId, "second words", at(300));
    expect(changed).toMatchObject({ text: "second words", updatedAt: at(300), createdAt: at(200) });
    expect(await deleteNote(t.store, id)).toBe(true);
    expect(await deleteNote(t.store, id)).toBe(false);
    expect(await findNote(t.store, id)).toBeNull();
  });

  it("lists a session's notes by moment and a customer's newest first", async () => {
    const a = await pinNote(t.store, { sessionId: "ses-notes", seq: 4, text: "late one", ...author }, at(400));
    const b = await pinNote(t.store, { sessionId: "ses-notes", seq: 1, text: "early one", ...author }, at(500));
    if (!("note" in a) || !("note" in b)) throw new Error("refused");
    const inSession = await listSessionNotes(t.store, "ses-notes");
    const seqs = inSession.map((n) => n.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    const ofCustomer = await listCustomerNotes(t.store, "u-notes");
    expect(ofCustomer.slice(0, 2).map((n) => n.id)).toEqual([b.note.id, a.note.id]);
    expect(await listCustomerNotes(t.store, "u-nobody")).toEqual([]);
  });

  it("finds a note written under an id the session absorbed in a merge", async () => {
    const session = (await findSession(t.store, "ses-notes"))!;
    // As the projector leaves a merge: the absorbed id is an alias of the survivor.
    await t.store.db.sessionAlias.create({ data: { alias: "ses-absorbed", sessionId: session.id } });
    const old = await createNote(t.store, {
      sessionId: "ses-absorbed",
      userId: "u-notes",
      seq: 3,
      position: positions[3]!,
      text: "before the merge",
      ...author,
    });
    const found = await readSessionNotes(t.store, session.id);
    expect(found.find((n) => n.note.id === old.id)).toMatchObject({ seq: 3 });
    await deleteNote(t.store, old.id);
  });

  it("follows its event when a late event lands before it", async () => {
    const before = await readSessionNotes(t.store, "ses-notes");
    await appendEvents(t.store, [visit("n-late", 5)]);
    await catchUp(t.store, { now: NOW });
    const after = await readSessionNotes(t.store, "ses-notes");
    expect(after.map((n) => n.note.id).sort()).toEqual(before.map((n) => n.note.id).sort());
    for (const { note, seq } of after) {
      // Computed again by hand: the index of the note's position among the events in time order, the late one included.
      const times = new Map(positions.map((p, i) => [p, [0, 10, 20, 30, 40][i]!]));
      const expected = [...times.entries()].filter(([, s]) => s < times.get(note.position)!).length + 1;
      expect(seq).toBe(expected);
    }
  });
});
