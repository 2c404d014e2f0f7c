import { describe, expect, it } from "vitest";
import { parseRfc3339 } from "./event-schema";
import { validateStructuredEvent } from "./normalise";

describe("parseRfc3339", () => {
  it.each([
    ["2026-06-01T10:00:00Z", "2026-06-01T10:00:00.000Z"],
    ["2026-06-01t10:00:00.5z", "2026-06-01T10:00:00.500Z"],
    ["2026-06-01T12:00:00.123456+02:00", "2026-06-01T10:00:00.123Z"],
    ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"],
  ])("reads %s as the instant %s", (input, instant) => {
    expect(parseRfc3339(input)?.toISOString()).toBe(instant);
  });

  it.each([
    "2026-02-29T00:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-06-01T24:00:00Z",
    "2026-06-01 10:00:00Z",
    "2026-06-01T10:00:00",
    "yesterday",
    "1900-02-29T00:00:00Z",
  ])("refuses %s", (input) => {
    expect(parseRfc3339(input)).toBeNull();
  });
});

describe("strings the stores cannot keep: the NUL character, a lone surrogate", () => {
  const event = (extra: Record<string, unknown>) => ({ specversion: "1.0", id: "e-1", source: "/s", type: "t", ...extra });

  it.each([
    [{ data: { contact: { email: "a\u0000b" } } }, "data.contact.email"],
    [{ data: { list: ["ok", "x\u0000"] } }, "data.list.1"],
    [{ data: { "k\u0000": 1 } }, "data.k\u0000"],
    [{ subject: "s\u0000" }, "subject"],
    [{ traceparent: "\u0000" }, "traceparent"],
    [{ subject: "lone\ud800x" }, "subject"],
    [{ data: { note: "\udc00" } }, "data.note"],
  ])("is refused wherever it is, naming where (%o)", (extra, where) => {
    const result = validateStructuredEvent(event(extra), 3);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([
        expect.objectContaining({
          index: 3,
          attribute: where.split(".")[0],
          message: expect.stringContaining(`${where} contains the NUL character (\\u0000) or a lone UTF-16 surrogate`),
        }),
      ]);
  });

  it("leaves every other character alone", () => {
    expect(validateStructuredEvent(event({ data: { text: "é ü \u0001 \t 😀" } }), 0).ok).toBe(true);
  });
});

describe("a user id shaped like a customer reference", () => {
  const event = (userid: string) => ({ specversion: "1.0", id: "e-1", source: "/s", type: "t", userid });

  it("is refused, naming the attribute: pages and the audit record resolve a reference first", () => {
    const result = validateStructuredEvent(event("cus_0123456789abcdef0123"), 2);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([expect.objectContaining({ index: 2, attribute: "userid", message: expect.stringContaining("customer reference") })]);
  });

  it.each(["cus_0123456789ABCDEF0123", "cus_0123", "xcus_0123456789abcdef0123", "customer-1"])("leaves %s alone", (userid) => {
    expect(validateStructuredEvent(event(userid), 0).ok).toBe(true);
  });
});
