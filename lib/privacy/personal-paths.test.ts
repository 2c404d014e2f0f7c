import { describe, expect, it } from "vitest";
import { personalFacts, personalDimension } from "../journeys/definition/personal-reads";
import { SHOP_DOCUMENT } from "../testing/shop-journey";
import { createMasker, REVEALED } from "./mask";
import { maskCloudEvent, maskJourneyEvent } from "./mask-events";
import { attributeOf, personalEventPaths, readsPersonalPath } from "./personal-paths";

const PEOPLE = ["data.customer.name", "data.guests[*].email", "subject", "traceparent"];

describe("does a path read personal data", () => {
  it.each([
    ["data.customer.name", true],
    ["data.customer.name.first", true],
    ["data.customer", true],
    ["data", true],
    ["data.guests[*].email", true],
    ["data.guests.email", true],
    ["data.guests[*]", true],
    ["subject", true],
    ["traceparent", true],
    ["data.customer.id", false],
    ["data.productId", false],
    ["type", false],
    ["userid", false],
    ["comexample", false],
  ])("%s: %s", (path, personal) => expect(readsPersonalPath(path, PEOPLE)).toBe(personal));

  it("takes the policy's paths as paths in data, for every type, a `*` matching any name", () => {
    const paths = personalEventPaths({ fields: { "identity.user.registered": ["email"], "segment.identify": ["*"] }, patterns: [] }, ["subject"]);
    expect(paths).toEqual(["data.email", "data.*", "subject"]);
    expect(readsPersonalPath("data.email", paths)).toBe(true);
    expect(readsPersonalPath("data.anything.below", paths)).toBe(true);
    expect(readsPersonalPath("type", paths)).toBe(false);
  });

  it("names the attribute a path outside data starts at", () => {
    expect([attributeOf("subject"), attributeOf("segmentcontext.page.url"), attributeOf("data.customer.name")]).toEqual(["subject", "segmentcontext", null]);
  });
});

const document = {
  ...SHOP_DOCUMENT,
  facts: [
    ...(SHOP_DOCUMENT.facts ?? []),
    { key: "buyer", label: "Bought by", from: "data.customer.name", keep: "last" as const },
    { key: "trace", label: "Trace", from: "traceparent", keep: "first" as const },
    { key: "orders", label: "Orders by a named buyer", from: "data.customer.name", keep: "count" as const },
  ],
  dimensions: [
    { key: "product", label: "Product", from: "data.productId", labelFrom: "data.name" },
    { key: "buyer", label: "Buyer", from: "data.customer.name" },
    { key: "named", label: "Named product", from: "data.productId", labelFrom: "subject" },
  ],
};

describe("this fact reads a personal path", () => {
  const masker = createMasker({ fields: {}, patterns: [] }, { journeyPaths: PEOPLE });

  it("names the facts whose `from` is personal; a count keeps no value, so it reads none", () => {
    expect(personalFacts(document, masker.personalPath)).toEqual(["buyer", "trace"]);
    expect(personalFacts(SHOP_DOCUMENT, masker.personalPath)).toEqual([]);
  });

  it("a dimension's values are personal when `from` is, its labels also when `labelFrom` is", () => {
    expect(personalDimension(document, "product", masker.personalPath)).toEqual({ values: false, labels: false });
    expect(personalDimension(document, "buyer", masker.personalPath)).toEqual({ values: true, labels: true });
    expect(personalDimension(document, "named", masker.personalPath)).toEqual({ values: false, labels: true });
  });

  it("nothing is personal once revealed", () => {
    expect(personalFacts(document, REVEALED.personalPath)).toEqual([]);
  });
});

describe("values read from a personal path, in the masker", () => {
  const reads = [
    { keys: ["buyer", "Bought by"], path: "data.customer.name" },
    { keys: ["product", "Product"], path: "data.productId" },
  ];
  const masker = createMasker({ fields: {}, patterns: [] }, { journeyPaths: PEOPLE, journeyReads: reads });

  it("masks a fact read from a personal path under its key and its label, wherever a state keeps it, and no other", () => {
    const point = {
      step: "carted",
      label: "Added to cart",
      facts: { buyer: "Ada Lovelace", product: "P-1" },
      chosen: { "Bought by": "Ada Lovelace", Product: "P-1" },
    };
    expect(masker.state(point)).toEqual({
      step: "carted",
      label: "Added to cart",
      facts: { buyer: "A•• ••••••••", product: "P-1" },
      chosen: { "Bought by": "A•• ••••••••", Product: "P-1" },
    });
    expect(masker.state({ reached: 2, facts: { buyer: "Ada Lovelace" }, drop: null })).toEqual({ reached: 2, facts: { buyer: "A•• ••••••••" }, drop: null });
    expect(REVEALED.state(point)).toEqual(point);
  });

  it("masks people paths outside data whole: an attribute, an extension", () => {
    const event = {
      position: 1,
      type: "shop.cart.added",
      source: "web",
      subject: "customer/ada",
      time: 0,
      userid: "u-1",
      anonymousid: null,
      sessionid: null,
      correlationid: null,
      causationid: null,
      data: { customer: { name: "Ada Lovelace" }, productId: "P-1" },
      extensions: { traceparent: "00-abcdef-01", comexample: "kept" },
    };
    expect(maskJourneyEvent(masker, event)).toEqual({
      ...event,
      subject: "c•••••••/•••",
      data: { customer: { name: "A•• ••••••••" }, productId: "P-1" },
      extensions: { traceparent: "••-••••••-••", comexample: "kept" },
    });
    expect(maskJourneyEvent(REVEALED, event)).toEqual(event);
  });

  it("masks them whole in a served CloudEvent too (the player's blocks), Segment's context still by its own paths", () => {
    const served = {
      specversion: "1.0",
      id: "e-1",
      source: "web",
      type: "shop.cart.added",
      position: 1,
      streamversion: 1,
      recordedtime: "2026-06-01T10:00:00.000Z",
      subject: "customer/ada",
      traceparent: "00-abcdef-01",
      comexample: "kept",
      segmentcontext: JSON.stringify({ ip: "10.0.0.1", page: { url: "/cart" } }),
      data: { customer: { name: "Ada Lovelace" } },
    };
    const masked = maskCloudEvent(masker, served);
    expect(masked).toMatchObject({ subject: "c•••••••/•••", traceparent: "••-••••••-••", comexample: "kept", data: { customer: { name: "A•• ••••••••" } } });
    expect(JSON.parse(masked.segmentcontext as string)).toEqual({ ip: "••.•.•.•", page: { url: "/cart" } });
    expect(maskCloudEvent(REVEALED, served)).toMatchObject({ subject: "customer/ada", traceparent: "00-abcdef-01" });
  });
});
