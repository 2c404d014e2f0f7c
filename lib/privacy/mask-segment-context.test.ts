import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CloudEventJson } from "../eventstore/to-cloud-event";
import { createMasker, maskValue, REVEALED } from "./mask";
import { maskCloudEvent } from "./mask-events";
import { policySchema } from "./policy";

const masker = createMasker(policySchema.parse(JSON.parse(readFileSync("prisma/personal-data-policy.json", "utf8"))));

const context = {
  ip: "203.0.113.9",
  userAgent: "Mozilla/5.0 (X11; Linux x86_64)",
  location: { city: "Lisbon", latitude: 38.72 },
  device: { id: "dev-123456", model: "Pixel" },
  library: { name: "analytics-node-next", version: "3.1.0" },
  page: { url: "https://shop.example/?email=jane@example.com" },
};

const identify = (data: unknown, extra: Record<string, unknown> = {}): CloudEventJson => ({
  specversion: "1.0",
  id: "m-1",
  source: "segment",
  type: "identify",
  position: 1,
  streamversion: 1,
  recordedtime: "2026-06-01T10:00:00.000Z",
  data,
  ...extra,
});

describe("Segment's personal data, masked on the way out", () => {
  it("masks every identify trait, whatever its name (the policy's identify: [*])", () => {
    const out = maskCloudEvent(masker, identify({ plan: "gold", favouriteColour: "green", address: { city: "Lisbon" }, logins: 12 }));
    expect(out.data).toEqual({ plan: maskValue("gold"), favouriteColour: maskValue("green"), address: { city: maskValue("Lisbon") }, logins: maskValue("12") });
  });

  it("masks the context's ip, user agent, location and device id whole, and the rest through the patterns", () => {
    const out = maskCloudEvent(masker, identify({}, { segmentcontext: JSON.stringify(context) }));
    const masked = JSON.parse(out.segmentcontext as string);
    expect(masked.ip).toBe("•••.•.•••.•");
    expect(masked.userAgent).not.toContain("Linux");
    expect(masked.location).toEqual({ city: "L•••••", latitude: "••.••" });
    expect(masked.device).toEqual({ id: maskValue("dev-123456"), model: "Pixel" });
    expect(masked.library).toEqual(context.library);
    expect(masked.page.url).not.toContain("jane@example.com");
  });

  it("leaves a track event's properties to the policy's patterns, and a reveal shows the context as stored", () => {
    const track = maskCloudEvent(masker, identify({ plan: "gold" }, { type: "Order Completed" }));
    expect(track.data).toEqual({ plan: "gold" });
    const revealed = maskCloudEvent(REVEALED, identify({}, { segmentcontext: JSON.stringify(context) }));
    expect(JSON.parse(revealed.segmentcontext as string)).toEqual(context);
  });
});

describe("a * key in a policy path", () => {
  it("is every member of an object, at the top or inside, and is refused nowhere the schema checks", () => {
    const policy = policySchema.parse({ fields: { t: ["accounts.*.number", "*"], u: ["accounts.*.number"] }, patterns: [] });
    const only = createMasker(policy);
    expect(only.eventData("u", { accounts: { main: { number: "12345678", bank: "X" } }, note: "kept" })).toEqual({
      accounts: { main: { number: maskValue("12345678"), bank: "X" } },
      note: "kept",
    });
    expect(only.eventData("t", { note: "masked" })).toEqual({ note: maskValue("masked") });
    expect(policySchema.safeParse({ fields: { t: ["a.**"] }, patterns: [] }).success).toBe(false);
  });
});
