import { describe, expect, it } from "vitest";
import { parseRfc3339 } from "./event-schema";

describe("parseRfc3339", () => {
  it.each([
    ["2026-06-01T10:00:00Z", "2026-06-01T10:00:00.000Z"],
    ["2026-06-01t10:00:00.5z", "2026-06-01T10:00:00.500Z"],
    ["2026-06-01T12:00:00.123456+02:00", "2026-06-01T10:00:00.123Z"],
    ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"],
  ])("reads %s as the instant %s", (input, instant) => {
    expect(parseRfc3339(input)?.toISOString()).toBe(instant);
  });

  it.each(["2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-06-01T24:00:00Z", "2026-06-01 10:00:00Z", "2026-06-01T10:00:00", "yesterday", "1900-02-29T00:00:00Z"])(
    "refuses %s",
    (input) => {
      expect(parseRfc3339(input)).toBeNull();
    },
  );
});
