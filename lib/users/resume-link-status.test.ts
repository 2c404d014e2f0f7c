import { describe, expect, it } from "vitest";
import { linkStatusOf, opensInWords, tallyOpens } from "./resume-link-status";

const T = (minute: number) => Date.UTC(2026, 5, 1, 10, minute);
const row = (over: Partial<{ id: string; expiresAt: Date; revokedAt: Date | null; revokedBy: string | null }> = {}) => ({
  id: "L1",
  expiresAt: new Date(T(60)),
  revokedAt: null,
  revokedBy: null,
  ...over,
});

describe("a resume link's status", () => {
  it("counts each link's opens and keeps the newest, whatever the order the records come in", () => {
    const opens = tallyOpens([
      { target: "L1", at: T(5) },
      { target: "L2", at: T(1) },
      { target: "L1", at: T(9) },
      { target: "L1", at: T(7) },
    ]);
    expect(opens.get("L1")).toEqual({ count: 3, last: T(9) });
    expect(opens.get("L2")).toEqual({ count: 1, last: T(1) });
    expect(opens.has("L3")).toBe(false);
  });

  it("says active, expired or revoked, a revoke winning over an expiry, and keeps the opens beside", () => {
    const opens = tallyOpens([{ target: "L1", at: T(5) }]);
    expect(linkStatusOf(row(), opens, T(10))).toEqual({ link: { state: "active" }, opens: { count: 1, last: T(5) } });
    expect(linkStatusOf(row(), new Map(), T(60)).link).toEqual({ state: "expired", at: T(60) });
    const revoked = row({ revokedAt: new Date(T(30)), revokedBy: "agent@example.com" });
    expect(linkStatusOf(revoked, opens, T(90))).toEqual({ link: { state: "revoked", at: T(30), by: "agent@example.com" }, opens: { count: 1, last: T(5) } });
  });

  it("puts the opens in words", () => {
    const when = (ms: number) => `@${(ms - T(0)) / 60_000}`;
    expect(opensInWords(null, when)).toBe("not opened");
    expect(opensInWords({ count: 1, last: T(3) }, when)).toBe("opened once, last @3");
    expect(opensInWords({ count: 2, last: T(4) }, when)).toBe("opened twice, last @4");
    expect(opensInWords({ count: 5, last: T(8) }, when)).toBe("opened 5 times, last @8");
  });
});
