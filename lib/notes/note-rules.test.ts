import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer";
import { createMasker } from "../privacy/mask";
import { policySchema } from "../privacy/policy";
import { toNoteJson } from "./note-json";
import { mayDeleteNote, mayEditNote, mayReadNotes, mayWriteNotes, newNoteSchema, noteHref, noteTextSchema } from "./note-rules";
import type { NoteRow } from "./notes-store";

const user = (id: string, role: "agent" | "analyst" | "auditor" | "admin"): Viewer => ({
  kind: "user",
  id,
  email: `${id}@rewind.test`,
  name: id,
  role,
  signIn: "s",
});
const key = (permissions: Extract<Viewer, { kind: "service" }>["permissions"]): Viewer => ({
  kind: "service",
  id: "key:1",
  name: "k",
  role: "service",
  permissions,
});

describe("who may read and write notes", () => {
  it("reads: those allowed to see customers, never analysts or a key without users.find", () => {
    expect(["agent", "auditor", "admin", "analyst"].map((r) => mayReadNotes(user("u", r as never)))).toEqual([true, true, true, false]);
    expect(mayReadNotes(key(["users.find", "sessions.replay"]))).toBe(true);
    expect(mayReadNotes(key(["sessions.replay", "sessions.export"]))).toBe(false);
  });

  it("writes: agents and admins; auditors read and do not write; a key never", () => {
    expect(["agent", "auditor", "admin", "analyst"].map((r) => mayWriteNotes(user("u", r as never)))).toEqual([true, false, true, false]);
    expect(mayWriteNotes(key(["users.find"]))).toBe(false);
  });

  it("edits: only the author; deletes: the author, or an admin", () => {
    const note = { authorId: "a1" };
    expect(mayEditNote(user("a1", "agent"), note)).toBe(true);
    expect(mayEditNote(user("a2", "agent"), note)).toBe(false);
    expect(mayEditNote(user("ad", "admin"), note)).toBe(false);
    expect(mayDeleteNote(user("a2", "agent"), note)).toBe(false);
    expect(mayDeleteNote(user("ad", "admin"), note)).toBe(true);
    // Re-roled to auditor: their own note stays, but they no longer write.
    expect(mayDeleteNote(user("a1", "auditor"), note)).toBe(false);
  });
});

describe("a note's input", () => {
  it("takes 1 to 2,000 characters, trimmed, and says what is wrong", () => {
    expect(noteTextSchema.parse("  called back  ")).toBe("called back");
    expect(noteTextSchema.parse("x".repeat(2000))).toHaveLength(2000);
    expect(noteTextSchema.safeParse("   ").error?.issues[0]?.message).toBe("text: a note cannot be empty");
    expect(noteTextSchema.safeParse("x".repeat(2001)).error?.issues[0]?.message).toBe("text: a note holds at most 2,000 characters");
    expect(newNoteSchema.safeParse({ sessionId: "s", seq: -1, text: "x" }).error?.issues[0]?.message).toBe("seq: 0 or more");
    expect(newNoteSchema.safeParse({ sessionId: "s", seq: 1.5, text: "x" }).success).toBe(false);
  });

  it("links to the replay at the note's moment with the note open", () => {
    expect(noteHref({ id: "note_1", sessionId: "ses/1", seq: 7 })).toBe("/sessions/ses%2F1?at=7&note=note_1");
  });
});

describe("a note as it leaves the server", () => {
  // The seed policy, as every store starts with it: its patterns catch the email, not the name.
  const masker = createMasker(policySchema.parse(JSON.parse(readFileSync("prisma/personal-data-policy.json", "utf8"))));
  const row: NoteRow = {
    id: "note_1",
    sessionId: "ses-1",
    userId: "u-1",
    seq: 3,
    position: 42,
    text: "spoke to Jane Doe, jane@example.com",
    authorId: "a1",
    authorLabel: "a1@rewind.test",
    createdAt: new Date("2026-06-01T10:00:00Z"),
    updatedAt: new Date("2026-06-01T10:00:00Z"),
  };

  it("masks what the patterns catch, for everyone, and gives only its author their own words to edit", () => {
    const other = toNoteJson(row, masker, user("a2", "agent"));
    expect(other.text).not.toContain("jane@example.com");
    expect(other.text).toContain("spoke to Jane Doe");
    expect(other).toMatchObject({ mayEdit: false, mayDelete: false, edited: false });
    expect(other.ownText).toBeUndefined();
    const own = toNoteJson({ ...row, updatedAt: new Date("2026-06-01T11:00:00Z") }, masker, user("a1", "agent"), 5);
    expect(own).toMatchObject({ ownText: row.text, mayEdit: true, mayDelete: true, edited: true, seq: 5 });
    expect(own.text).not.toContain("jane@example.com");
  });
});
