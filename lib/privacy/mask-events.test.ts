import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CloudEventJson } from "../eventstore/to-cloud-event";
import { createMasker } from "./mask";
import { maskCloudEvent, maskJourneyEvent } from "./mask-events";
import { policySchema } from "./policy";

const masker = createMasker(policySchema.parse(JSON.parse(readFileSync("prisma/personal-data-policy.json", "utf8"))));
const EMAIL = "jane.doe@example.com";

function event(overrides: Partial<CloudEventJson> = {}): CloudEventJson {
  return {
    specversion: "1.0",
    id: `evt-${EMAIL}`,
    source: `/shop/${EMAIL}`,
    type: "identity.user.registered",
    position: 7,
    streamversion: 1,
    recordedtime: "2026-11-28T05:50:34.141Z",
    time: "2026-11-28T05:50:34.000Z",
    subject: `customer/${EMAIL}`,
    userid: EMAIL,
    anonymousid: EMAIL,
    sessionid: `s-${EMAIL}`,
    correlationid: `c-${EMAIL}`,
    causationid: `e-${EMAIL}`,
    dataschema: `https://x.test/${EMAIL}`,
    datacontenttype: "application/json",
    tenant: EMAIL,
    data: { [EMAIL]: { note: "ok" }, email: EMAIL, plan: "gold" },
    ...overrides,
  };
}

describe("maskCloudEvent", () => {
  it("masks every attribute a producer sets, the envelope and keys inside data included", () => {
    const out = maskCloudEvent(masker, event());
    expect(JSON.stringify(out)).not.toContain("jane.doe");
    expect(out.subject).toBe("customer/j•••.•••@•••••••.•••");
    expect(out.userid).toBe("j•••.•••@•••••••.•••");
    for (const name of ["id", "source", "anonymousid", "sessionid", "correlationid", "causationid", "dataschema", "tenant"]) {
      expect(String(out[name]), name).toContain("@•••••••.•••");
    }
    expect(out.data).toEqual({ "j•••.•••@•••••••.•••": { note: "ok" }, email: "j•••.•••@•••••••.•••", plan: "gold" });
  });

  it("leaves what Rewind writes and what holds nothing personal as it was", () => {
    const plain = event({
      id: "evt-1",
      source: "/shop",
      subject: "booking/bk-1",
      userid: "usr-00042",
      anonymousid: "anon-1",
      sessionid: "s1",
      correlationid: "c1",
      causationid: "e1",
      dataschema: "https://x.test/schema",
      tenant: "t1",
      data: { plan: "gold" },
    });
    expect(maskCloudEvent(masker, plain)).toEqual(plain);
  });

  it("finds the policy's paths by the type as stored, and masks the type like any string", () => {
    const out = maskCloudEvent(masker, event({ type: "identity.user.registered", data: { name: "Ann Smith" } }));
    expect(out.data).toEqual({ name: "A•• •••••" });
    expect(maskCloudEvent(masker, event({ type: `x/${EMAIL}` })).type).toBe("x/j•••.•••@•••••••.•••");
  });

  it("numbers keys that mask alike instead of dropping one", () => {
    const out = maskCloudEvent(masker, event({ data: { "ann@x.com": 1, "amy@x.com": 2, __proto__key: 3 } }));
    expect(out.data).toEqual({ "a••@•.•••": 1, "a••@•.••• (2)": 2, __proto__key: 3 });
  });

  it("numbers 10,000 keys that mask alike in one pass, each once (the numbering restarted at 2 for every key: 97 s)", () => {
    const data = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`a${String(i).padStart(5, "0")}@x.io`, i]));
    const out = maskCloudEvent(masker, event({ data })).data as Record<string, number>;
    const keys = Object.keys(out);
    expect(new Set(keys).size).toBe(10_000);
    expect(keys[0]).toBe("a•••••@•.••");
    expect(keys.slice(1)).toEqual(Array.from({ length: 9_999 }, (_, i) => `a•••••@•.•• (${i + 2})`));
    expect(Object.values(out)).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
  });

  it("numbers past a key that already holds the next number", () => {
    const out = maskCloudEvent(masker, event({ data: { "ann@x.com": 1, "a••@•.••• (2)": 2, "amy@x.com": 3 } }));
    expect(out.data).toEqual({ "a••@•.•••": 1, "a••@•.••• (2)": 2, "a••@•.••• (3)": 3 });
  });

  it("keeps a __proto__ key a plain key", () => {
    const data = JSON.parse('{"__proto__": {"polluted": "jane@example.com"}}');
    const out = maskCloudEvent(masker, event({ data })).data as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(out)).not.toContain("jane@");
  });
});

describe("maskJourneyEvent", () => {
  it("masks the ids and the type a journey sees, and the data by the policy", () => {
    const out = maskJourneyEvent(masker, {
      position: 1,
      time: 0,
      type: "identity.user.registered",
      source: "/shop",
      subject: `customer/${EMAIL}`,
      userid: EMAIL,
      anonymousid: null,
      sessionid: EMAIL,
      correlationid: EMAIL,
      causationid: EMAIL,
      data: { name: "Ann Smith", [EMAIL]: true },
    });
    expect(JSON.stringify(out)).not.toContain("jane.doe");
    expect(out).toMatchObject({ type: "identity.user.registered", anonymousid: null, data: { name: "A•• •••••", "j•••.•••@•••••••.•••": true } });
  });
});

describe("state and deep", () => {
  it("mask keys in folded state and in any JSON", () => {
    expect(masker.state({ byEmail: { [EMAIL]: { name: "Ann Smith" } } })).toEqual({ byEmail: { "j•••.•••@•••••••.•••": { name: "A•• •••••" } } });
    expect(masker.deep([{ [EMAIL]: EMAIL }])).toEqual([{ "j•••.•••@•••••••.•••": "j•••.•••@•••••••.•••" }]);
  });
});
