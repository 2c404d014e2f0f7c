import { describe, expect, it } from "vitest";
import { copiedIndexSql, copiedTableSql } from "./table-copies";

describe("copying a SQLite table's statements", () => {
  it("the table's CREATE takes the copy's name, quoted or not, columns untouched (added ones included)", () => {
    const created = `CREATE TABLE "sessions" ("id" TEXT NOT NULL PRIMARY KEY, "person" TEXT NOT NULL, "analytics" JSONB)`;
    const copied = `CREATE TABLE "sessions__g3" ("id" TEXT NOT NULL PRIMARY KEY, "person" TEXT NOT NULL, "analytics" JSONB)`;
    expect(copiedTableSql(created, "sessions__g3")).toBe(copied);
    expect(copiedTableSql("CREATE TABLE sessions (id TEXT)", "sessions__g3")).toBe(`CREATE TABLE "sessions__g3" (id TEXT)`);
  });

  it("an index is named after the copy and what it covers, whichever generation's name it had", () => {
    const original = `CREATE INDEX "sessions_user_id_started_at_idx" ON "sessions"("user_id", "started_at")`;
    expect(copiedIndexSql(original, "sessions_user_id_started_at_idx", "sessions__g3", "sessions")).toBe(
      `CREATE INDEX "sessions__g3_user_id_started_at_idx" ON "sessions__g3" ("user_id", "started_at")`,
    );
    // After a switch the live table carries the index names of the generation it was built as.
    const renamed = `CREATE UNIQUE INDEX "sessions__g3_user_id_started_at_idx" ON "sessions"("user_id", "started_at")`;
    expect(copiedIndexSql(renamed, "sessions__g3_user_id_started_at_idx", "sessions__g7", "sessions")).toBe(
      `CREATE UNIQUE INDEX "sessions__g7_user_id_started_at_idx" ON "sessions__g7" ("user_id", "started_at")`,
    );
  });

  it("refuses a statement it does not recognise rather than copy it wrong", () => {
    expect(() => copiedTableSql("CREATE VIEW x AS SELECT 1", "x__g2")).toThrow();
    expect(() => copiedIndexSql("CREATE TRIGGER t", "t", "x__g2", "x")).toThrow();
  });
});
