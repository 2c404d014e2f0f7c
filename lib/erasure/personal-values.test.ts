import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contentHash } from "../eventstore/canonical";
import { contentMatches } from "../integrity/chain";
import { startVerification, verifyPage, type VerifiedRow } from "../integrity/verify";
import { createMasker, maskValue } from "../privacy/mask";
import { policySchema } from "../privacy/policy";
import { eraseEvent, type ErasableEvent } from "./erase-event";
import { collectPersonalValues, createValueReplacer, ERASED } from "./personal-values";

const policy = policySchema.parse(JSON.parse(readFileSync("prisma/personal-data-policy.json", "utf8")));

function stored(overrides: Partial<ErasableEvent>): ErasableEvent {
  const row = {
    position: 7,
    stream: "user/usr-1",
    specversion: "1.0",
    eventId: "e-1",
    source: "/identity",
    type: "identity.user.registered",
    subject: "user/usr-1",
    time: new Date("2026-06-01T10:00:00Z"),
    datacontenttype: "application/json",
    dataschema: null,
    userid: "usr-1",
    anonymousid: "anon-1",
    sessionid: null,
    correlationid: null,
    causationid: null,
    dataJson: { name: "Anna Berg", email: "anna.berg@example.com", phone: "+44 20 7946 0958", country: "GB" },
    dataText: null,
    dataBase64: null,
    extensions: {},
    contentHash: "",
    ...overrides,
  };
  const hash = contentHash({
    ...row,
    id: row.eventId,
    specversion: "1.0",
    data: { kind: "json", value: row.dataJson },
    extensions: row.extensions as Record<string, string>,
    expectedVersion: null,
  });
  return { ...row, contentHash: hash };
}

describe("the customer's personal values", () => {
  it("are what the policy's paths and detectors find in their events", () => {
    const found = collectPersonalValues([stored({})], policy);
    expect([...found].sort()).toEqual(["+44 20 7946 0958", "Anna Berg", "anna.berg@example.com"]);
  });

  it("are replaced where they stand on their own, case aside, never inside a longer word", () => {
    const replace = createValueReplacer(
      new Map([
        ["anna.berg@example.com", ERASED],
        ["usr-1", "erased:cus_x"],
      ]),
    );
    expect(replace.text("to ANNA.BERG@example.com and hanna.berg@example.com")).toBe(`to ${ERASED} and hanna.berg@example.com`);
    expect(replace.text("user/usr-1, usr-10")).toBe("user/erased:cus_x, usr-10");
    expect(replace.deep({ "anna.berg@example.com": ["usr-1"] })).toEqual({ [ERASED]: ["erased:cus_x"] });
  });

  it("a short user id is replaced only where a whole value is it; numbers and longer ids are left alone", () => {
    const replace = createValueReplacer(new Map([["5", "erased:cus_x"]]), new Set(["5"]));
    expect(replace.deep({ userId: "5", positions: [5, 6], stream: "user/5", other: "other-5" })).toEqual({
      userId: "erased:cus_x",
      positions: [5, 6],
      stream: "user/5",
      other: "other-5",
    });
    const long = createValueReplacer(new Map([["usr-5", "erased:cus_y"]]));
    expect(long.text("other-usr-5 and usr-5.")).toBe("other-usr-5 and erased:cus_y.");
  });

  it("masking shows the marker as it is", () => {
    expect(maskValue(ERASED)).toBe(ERASED);
    expect(createMasker(policy).eventData("identity.user.registered", { name: ERASED })).toEqual({ name: ERASED });
  });
});

describe("an erased event", () => {
  const row = stored({});
  const values = createValueReplacer(new Map([["usr-1", "erased:cus_x"]]));
  const erased = eraseEvent(row, { policy: createMasker(policy, { replace: () => ERASED }), values, keys: values })!;

  it("loses its values, keeps the rest, and names its hashes before and after", () => {
    expect(erased.row.dataJson).toEqual({ name: ERASED, email: ERASED, phone: ERASED, country: "GB" });
    expect([erased.row.userid, erased.row.subject, erased.row.stream, erased.row.anonymousid]).toEqual([
      "erased:cus_x",
      "user/erased:cus_x",
      "user/erased:cus_x",
      "anon-1",
    ]);
    expect(erased.before).toBe(row.contentHash);
    expect(contentMatches(erased.row, erased.after)).toBe(true);
    expect(eraseEvent(erased.row, { policy: null, values, keys: values })).toBeNull();
  });

  const verified = (r: ErasableEvent): VerifiedRow => ({ ...r, streamVersion: 1, recordedAt: r.time!, occurredAt: r.time!, chainHash: null });
  const vouch = { position: 7, before: erased.before, after: erased.after, previous: null, link: null, record: 9 };

  it("verifies as erased only when a record vouches for exactly what it holds", () => {
    const ok = verifyPage(startVerification(null, new Map([[7, [vouch]]])), [verified({ ...erased.row, contentHash: row.contentHash })]);
    expect([ok.erased, ok.problemCount, ok.erasures]).toEqual([1, 0, [{ record: 9, events: 1, afterDigest: false }]]);
    const changedAgain = { ...erased.row, contentHash: row.contentHash, dataJson: { name: "Someone" } };
    const bad = verifyPage(startVerification(null, new Map([[7, [vouch]]])), [verified(changedAgain)]);
    expect([bad.erased, bad.problems]).toEqual([0, [{ kind: "content", position: 7 }]]);
    const unvouched = verifyPage(startVerification(), [verified({ ...erased.row, contentHash: row.contentHash })]);
    expect(unvouched.problems).toEqual([{ kind: "content", position: 7 }]);
  });
});
