import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";
import { parsePageSearchQuery, parseSearchQuery } from "./query";
import { parseWhere } from "./where";

const parse = (query: string) => parseSearchQuery(new URLSearchParams(query));
const refusal = (query: string) => {
  try {
    parse(query);
  } catch (error) {
    return error as { code: string; message: string; details: { parameter: string } };
  }
  throw new Error(`"${query}" was accepted`);
};

describe("a where", () => {
  it("splits at the first two colons, the value keeping its own", () => {
    expect(parseWhere("data.note:eq:at 10:30: late")).toEqual({ path: "data.note", steps: ["note"], op: "eq", value: "at 10:30: late" });
    expect(parseWhere("data.travellers.0.name:exists:true")).toEqual({
      path: "data.travellers.0.name",
      steps: ["travellers", 0, "name"],
      op: "exists",
      value: true,
    });
    expect(parseWhere('data.attempt:in:[1,"2",true]')).toMatchObject({ op: "in", value: [1, "2", true] });
    expect(parseWhere("data.amount:gt:1e3")).toMatchObject({ op: "gt", value: 1000 });
    expect(parseWhere("data.amount:lt:-2.5")).toMatchObject({ op: "lt", value: -2.5 });
    expect(parseWhere("data.reason:eq:")).toMatchObject({ op: "eq", value: "" });
  });

  it("says what is wrong", () => {
    expect(parseWhere("data.reason")).toEqual({ error: '"data.reason" is not <path>:<op>:<value>' });
    expect(parseWhere("data.reason:eq")).toMatchObject({ error: expect.stringContaining("is not <path>:<op>:<value>") });
    expect(parseWhere("data.reason:like:x")).toMatchObject({ error: expect.stringContaining("the op must be one of eq, ne, in, exists, gt, lt") });
    expect(parseWhere("subject:eq:x")).toMatchObject({ error: expect.stringContaining("must start with data.") });
    expect(parseWhere("data:eq:x")).toMatchObject({ error: expect.stringContaining("must start with data.") });
    expect(parseWhere("data.a b:eq:x")).toMatchObject({ error: expect.stringContaining('"a b" is not a name') });
    expect(parseWhere("data.amount:gt:ten")).toMatchObject({ error: expect.stringContaining("gt compares numbers only") });
    expect(parseWhere("data.amount:gt:0x10")).toMatchObject({ error: expect.stringContaining("gt compares numbers only") });
    expect(parseWhere("data.ok:exists:yes")).toMatchObject({ error: expect.stringContaining("exists takes true or false") });
    expect(parseWhere("data.x:in:1")).toMatchObject({ error: expect.stringContaining("in takes a JSON array") });
    expect(parseWhere("data.x:in:[]")).toMatchObject({ error: expect.stringContaining("in takes a JSON array") });
    expect(parseWhere('data.x:in:[{"a":1}]')).toMatchObject({ error: expect.stringContaining("in takes a JSON array") });
  });
});

describe("GET /api/sessions' query", () => {
  it("reads every parameter, repeatable ones as lists", () => {
    const { filter, limit, cursor } = parse(
      "journey=holiday-booking&from=2026-06-01&to=2026-06-30&outcome=booked&reached=search&reached=priced&notReached=payment&dropReason=timed_out" +
        "&hasType=payment.*&where=data.reason:eq:card_declined&where=data.amount:gt:100&minEvents=3&limit=500",
    );
    expect(filter).toMatchObject({
      journey: "holiday-booking",
      from: "2026-06-01",
      to: "2026-06-30",
      outcome: "completed",
      reached: ["search", "priced"],
      notReached: ["payment"],
      dropReason: "timed_out",
      hasType: "payment.*",
      minEvents: 3,
    });
    expect(filter.where.map((w) => w.op)).toEqual(["eq", "gt"]);
    expect(limit).toBe(500);
    expect(cursor).toBeUndefined();
    expect(parse("").limit).toBe(50);
    expect(parse("").filter).toEqual({ reached: [], notReached: [], where: [], dimensions: [] });
  });

  it("refuses with 400 naming the parameter", () => {
    const cases: [string, string, RegExp][] = [
      ["reached=search", "journey", /required with reached/],
      ["notReached=payment", "journey", /required with notReached/],
      ["dropReason=timed_out", "journey", /required with dropReason/],
      ["outcome=won", "outcome", /./],
      ["from=2026-02-30", "from", /not a calendar day/],
      ["to=June", "to", /YYYY-MM-DD/],
      ["from=2026-06-02&to=2026-06-01", "from", /must not be after to/],
      ["limit=0", "limit", /at least 1/],
      ["limit=501", "limit", /at most 500/],
      ["limit=ten", "limit", /integer/],
      ["minEvents=-1", "minEvents", /negative/],
      ["where=data.a:gt:b", "where", /numbers only/],
      ["hasType=a b", "hasType", /without spaces/],
      ["cursor=nope!", "cursor", /a `next` this API answered/],
      ["cursor=bm9wZQ", "cursor", /a `next` this API answered/],
      ["journey=a&journey=b", "journey", /given more than once/],
      ["colour=red", "colour", /not a parameter/],
    ];
    for (const [query, parameter, message] of cases) {
      const error = refusal(query);
      expect(error.code, query).toBe("invalid_request");
      expect(error.details.parameter, query).toBe(parameter);
      expect(error.message, query).toMatch(message);
      expect(error.message, query).toContain(`"${parameter}"`);
    }
  });

  it("takes back the cursors it gives, and nothing else", () => {
    const cursor = { startedAt: new Date("2026-06-03T10:00:00.123Z"), id: "s|1" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(parse(`cursor=${encodeCursor(cursor)}`).cursor).toEqual(cursor);
    expect(decodeCursor(Buffer.from('["2026-06-03", "x"]').toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from('["2026-06-03T10:00:00.123Z", ""]').toString("base64url"))).toBeNull();
  });

  it("leaves the page's extras to the page", () => {
    expect(refusal("maxEvents=3").details.parameter).toBe("maxEvents");
    const { filter } = parsePageSearchQuery(new URLSearchParams("journey=j&maxEvents=9&minDuration=60&maxDuration=120&dimension=destination:Lisbon"));
    expect(filter).toMatchObject({ maxEvents: 9, minDurationMs: 60_000, maxDurationMs: 120_000, dimensions: [{ key: "destination", value: "Lisbon" }] });
  });
});
