import { describe, expect, it } from "vitest";
import { dialectOf, inList } from "./dialect";
import { jsonRowsInsert } from "./json-rows";
import { decodeJson, sql, toMs } from "./sql";

const sqlite = dialectOf("sqlite");
const pg = dialectOf("postgresql");

// Prisma's Sql: `.sql` is the statement with `?` (SQLite), `.text` with `$n` (PostgreSQL).
describe("the dialect module", () => {
  it("writes dates as each adapter does: SQLite with a +00:00 offset, PostgreSQL as ISO", () => {
    const at = Date.parse("2026-06-01T10:00:00.123Z");
    expect(sqlite.encodeDate(at)).toBe("2026-06-01T10:00:00.123+00:00");
    expect(pg.encodeDate(new Date(at))).toBe("2026-06-01T10:00:00.123Z");
    expect(pg.timestamp(at).text).toBe("$1::timestamp(3)");
    expect(sqlite.timestamp(at).values).toEqual(["2026-06-01T10:00:00.123+00:00"]);
  });

  it("binds a JSON parameter as text, cast to jsonb on PostgreSQL, and null as SQL NULL", () => {
    expect(sqlite.json({ a: 1 }).values).toEqual(['{"a":1}']);
    expect(pg.json([1]).text).toBe("$1::jsonb");
    expect(pg.json(null).values).toEqual([null]);
    expect(sqlite.json(undefined).values).toEqual([null]);
  });

  it("decodes a JSON column whether it comes back as text or as an object", () => {
    expect(decodeJson('{"a":[1]}')).toEqual({ a: [1] });
    expect(decodeJson({ a: [1] })).toEqual({ a: [1] });
    expect(decodeJson(null)).toBeNull();
  });

  it("reads timestamps as milliseconds from a Date, ISO text or a number", () => {
    const ms = Date.parse("2026-06-01T10:00:00Z");
    expect([toMs(new Date(ms)), toMs("2026-06-01T10:00:00+00:00"), toMs(BigInt(ms)), toMs(ms)]).toEqual([ms, ms, ms, ms]);
  });

  it("writes an IN list as one JSON parameter, whatever the number of values", () => {
    const q = sql`SELECT 1 FROM "t" WHERE ${inList(sqlite, sql`"id"`, ["a", "b", "c"])}`;
    expect(q.sql).toBe(`SELECT 1 FROM "t" WHERE "id" IN (SELECT "value" FROM json_each(?))`);
    expect(q.values).toEqual(['["a","b","c"]']);
    expect(sql`${inList(pg, sql`"id"`, [])}`.text).toBe(`"id" IN (SELECT jsonb_array_elements_text($1::jsonb))`);
  });

  it("numbers placeholders across nested fragments on PostgreSQL", () => {
    const q = sql`SELECT 1 WHERE "a" = ${1} AND ${inList(pg, sql`"b"`, ["x"])} AND "c" = ${pg.timestamp(0)}`;
    expect(q.text).toBe(`SELECT 1 WHERE "a" = $1 AND "b" IN (SELECT jsonb_array_elements_text($2::jsonb)) AND "c" = $3::timestamp(3)`);
  });

  it("reads fields of JSON with json_extract on SQLite and ->> on PostgreSQL", () => {
    const a = sql`"analytics"`;
    expect(sqlite.jsonText(a, "platform").sql).toBe(`json_extract("analytics", '$.platform')`);
    expect(pg.jsonText(a, "platform").text).toBe(`("analytics" ->> 'platform')`);
    expect(pg.jsonTrue(a, "booked").text).toBe(`("analytics" ->> 'booked')::boolean`);
    expect(() => sqlite.jsonText(a, "x') OR 1=1 --")).toThrow(/not a plain name/);
  });

  it("inserts JSON rows in array order, casting on PostgreSQL, skipping existing keys where asked", () => {
    const rows = [["u1", 2, Date.parse("2026-06-01T00:00:00Z")]];
    const columns = [
      ["user_id", "text"],
      ["n", "integer"],
      ["at", "timestamp"],
    ] as const;
    const lite = jsonRowsInsert(sqlite, "t", columns, rows, { ignoreExisting: true });
    expect(lite.sql).toBe(
      `INSERT OR IGNORE INTO "t" ("user_id","n","at") SELECT r."value" ->> 0, r."value" ->> 1, r."value" ->> 2 FROM json_each(?) r ORDER BY r."key"`,
    );
    expect(lite.values).toEqual(['[["u1",2,"2026-06-01T00:00:00.000+00:00"]]']);
    const post = jsonRowsInsert(pg, "t", columns, rows, { ignoreExisting: true, returning: `"n"` });
    expect(post.text).toBe(
      `INSERT INTO "t" ("user_id","n","at") SELECT r."value" ->> 0, (r."value" ->> 1)::integer, (r."value" ->> 2)::timestamp(3) ` +
        `FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r("value", "key") ORDER BY r."key" ON CONFLICT DO NOTHING RETURNING "n"`,
    );
  });

  it("drops a trigger as each provider names it", () => {
    expect(sqlite.dropTrigger("guard", "events").sql).toBe(`DROP TRIGGER "guard"`);
    expect(pg.dropTrigger("guard", "events").text).toBe(`DROP TRIGGER "guard" ON "events"`);
  });
});
