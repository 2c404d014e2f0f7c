import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OTTO_FIXTURE } from "../../testing/realdata";
import type { FileRecord } from "../read-records";
import { ottoLineToRecords, ottoRecords } from "./otto";

describe("the OTTO mapping", () => {
  describe("Happy path", () => {
    it("makes one event per entry, the shopper as user, the article in data", () => {
      const line = JSON.stringify({
        session: 12,
        events: [
          { aid: 1517085, ts: 1659304800025, type: "clicks" },
          { aid: 1517085, ts: 1659304904511, type: "carts" },
          { aid: 1517085, ts: 1659304904511, type: "orders" },
        ],
      });
      const records = ottoLineToRecords(line, 4);
      expect(records.map((r) => ("value" in r ? r.value : r))).toEqual([
        {
          specversion: "1.0",
          id: "12-0",
          source: "/otto/recsys-dataset",
          type: "otto.article.clicked",
          subject: "otto/12",
          time: "2022-07-31T22:00:00.025Z",
          userid: "otto-12",
          data: { aid: 1517085 },
        },
        expect.objectContaining({ id: "12-1", type: "otto.article.added_to_cart", time: "2022-07-31T22:01:44.511Z" }),
        expect.objectContaining({ id: "12-2", type: "otto.article.ordered" }),
      ]);
      expect(records.map((r) => [r.line, r.at])).toEqual([
        [4, "events[0]"],
        [4, "events[1]"],
        [4, "events[2]"],
      ]);
    });

    it("reads the committed fixture as its 862 events, in file order, ids unique", async () => {
      const records: FileRecord[] = [];
      for await (const r of ottoRecords(OTTO_FIXTURE)) records.push(r);
      const raw = readFileSync(OTTO_FIXTURE, "utf8").trim().split("\n");
      expect(records).toHaveLength(raw.reduce((n, l) => n + (JSON.parse(l) as { events: unknown[] }).events.length, 0));
      expect(records.filter((r) => "error" in r)).toEqual([]);
      const ids = records.map((r) => ("value" in r ? (r.value as { id: string }).id : ""));
      expect(new Set(ids).size).toBe(records.length);
      expect(records[records.length - 1]!.line).toBe(raw.length);
    });
  });

  describe("Sad path: errors name the line and the field", () => {
    it.each([
      ["{not json", /^not valid JSON/],
      ["[1]", /^not a JSON object$/],
      ['{"session":"a","events":[]}', /^session: "a" is not a session id/],
      ['{"session":1}', /^events: not an array$/],
    ])("refuses the whole line %s", (line, error) => {
      const records = ottoLineToRecords(line, 9);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ line: 9, error: expect.stringMatching(error) });
    });

    it("refuses one bad event of a session and keeps the others", () => {
      const line = JSON.stringify({
        session: 3,
        events: [
          { aid: 1, ts: 1659304800025, type: "clicks" },
          { aid: 1, ts: "soon", type: "clicks" },
          { aid: 1, ts: 1, type: "views" },
          { ts: 1, type: "clicks" },
          7,
        ],
      });
      const records = ottoLineToRecords(line, 2);
      expect(records.map((r) => ("error" in r ? r.error : "ok"))).toEqual([
        "ok",
        'events[1].ts: "soon" is not Unix milliseconds',
        'events[2].type: "views" is not clicks, carts or orders',
        "events[3].aid: missing is not an article id (a whole number)",
        "events[4]: not an object",
      ]);
    });
  });
});
