import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FileRecord } from "../read-records";
import { TRIVAGO_COLUMNS, TRIVAGO_TYPES, trivagoRecords, trivagoRowToEvent } from "./trivago-recsys2019";

const dir = mkdtempSync(join(tmpdir(), "rewind-trivago-"));
const HEADER = TRIVAGO_COLUMNS.join(",");
const row = (over: Record<string, string> = {}) => ({
  user_id: "00RL8Z82B2Z1",
  session_id: "aff3928535f48",
  timestamp: "1541037460",
  step: "7",
  action_type: "clickout item",
  reference: "666856",
  platform: "AU",
  city: "Sydney, Australia",
  device: "mobile",
  current_filters: "Sort by Price|Hotel",
  impressions: "666856|109038|3495",
  prices: "119|89|200",
  ...over,
});

async function collect(file: string): Promise<FileRecord[]> {
  const out: FileRecord[] = [];
  for await (const r of trivagoRecords(file)) out.push(r);
  return out;
}

describe("the trivago RecSys 2019 mapping", () => {
  describe("Happy path", () => {
    it("puts the user, session and time in attributes and the other columns in data, lists split", () => {
      expect(trivagoRowToEvent(row())).toEqual({
        value: {
          specversion: "1.0",
          id: "aff3928535f48-7",
          source: "/trivago/recsys2019",
          type: "trivago.item.clicked_out",
          subject: "trivago/aff3928535f48",
          time: "2018-11-01T01:57:40.000Z",
          userid: "00RL8Z82B2Z1",
          sessionid: "aff3928535f48",
          data: {
            step: 7,
            reference: "666856",
            platform: "AU",
            city: "Sydney, Australia",
            device: "mobile",
            current_filters: ["Sort by Price", "Hotel"],
            impressions: ["666856", "109038", "3495"],
            prices: [119, 89, 200],
          },
        },
      });
    });

    it("leaves empty cells out, so a withheld clickout has no reference at all", () => {
      const mapped = trivagoRowToEvent(row({ reference: "", current_filters: "", impressions: "", prices: "" }));
      expect("value" in mapped && mapped.value.data).toEqual({ step: 7, platform: "AU", city: "Sydney, Australia", device: "mobile" });
    });

    it("maps each of the ten actions to its own past-tense type", () => {
      expect(Object.keys(TRIVAGO_TYPES)).toHaveLength(10);
      expect(new Set(Object.values(TRIVAGO_TYPES)).size).toBe(10);
      for (const [action, type] of Object.entries(TRIVAGO_TYPES)) {
        const mapped = trivagoRowToEvent(row({ action_type: action, impressions: "", prices: "" }));
        expect("value" in mapped && mapped.value.type).toBe(type);
      }
    });

    it("streams a file, numbering records by their line, whatever the line ends", async () => {
      const file = join(dir, "crlf.csv");
      const lines = [
        HEADER,
        TRIVAGO_COLUMNS.map((c) => JSON.stringify(row()[c])).join(","),
        TRIVAGO_COLUMNS.map((c) => JSON.stringify(row({ step: "8" })[c])).join(","),
      ];
      writeFileSync(file, `${lines.join("\r\r\n")}\r\r\n`);
      const records = await collect(file);
      expect(records.map((r) => [r.line, "value" in r && (r.value as { id: string }).id])).toEqual([
        [2, "aff3928535f48-7"],
        [3, "aff3928535f48-8"],
      ]);
    });
  });

  describe("Sad path: errors name the line and the column", () => {
    it.each([
      [{ user_id: "" }, "user_id: empty"],
      [{ timestamp: "2018-11-01" }, 'timestamp: "2018-11-01" is not Unix seconds'],
      [{ step: "0" }, 'step: "0" is not a whole number from 1'],
      [{ action_type: "booked" }, 'action_type: "booked" is not one of the ten actions of RecSys 2019'],
      [{ prices: "119|x|200" }, 'prices: "x" is not a whole number'],
      [{ prices: "119|89" }, "prices: 2 prices for 3 impressions"],
    ])("refuses %j: %s", (over, error) => {
      expect(trivagoRowToEvent(row(over))).toEqual({ error });
    });

    it("refuses a row with the wrong number of fields on its own, and reads on", async () => {
      const file = join(dir, "ragged.csv");
      writeFileSync(file, `${HEADER}\na,b,c\n${TRIVAGO_COLUMNS.map((c) => JSON.stringify(row()[c])).join(",")}\n`);
      const records = await collect(file);
      expect(records[0]).toEqual({ line: 2, error: "has 3 fields, the header has 12" });
      expect(records[1]).toMatchObject({ line: 3, value: { id: "aff3928535f48-7" } });
    });

    it("refuses a file whose header is not the challenge's before reading a row", async () => {
      const file = join(dir, "header.csv");
      writeFileSync(file, "user_id,session_id,timestamp\nu,s,1\n");
      await expect(collect(file)).rejects.toThrow(/line 1: the header lacks the trivago RecSys 2019 column\(s\) step, action_type, reference/);
    });

    it("stops at a quote left open, naming its line", async () => {
      const file = join(dir, "quote.csv");
      writeFileSync(file, `${HEADER}\n${TRIVAGO_COLUMNS.map((c) => JSON.stringify(row()[c])).join(",")}\nu,s,1,1,"clickout item\n`);
      await expect(collect(file)).rejects.toThrow(/Quote Not Closed.*line 3/);
    });
  });
});
