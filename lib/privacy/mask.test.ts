import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createMasker, isMasked, maskValue, valueAtKeys } from "./mask";
import { describePolicyChange, policySchema } from "./policy";

const policy = policySchema.parse(JSON.parse(readFileSync("prisma/personal-data-policy.json", "utf8")));
const masker = createMasker(policy);

describe("maskValue", () => {
  it("keeps the shape and the first letter of a longer value, nothing else", () => {
    expect(maskValue("ann.smith3@example.com")).toBe("a••.••••••@•••••••.•••");
    expect(maskValue("+44 7123 456789")).toBe("+•• •••• ••••••");
    expect(maskValue("4242")).toBe("••••");
    expect(maskValue("Zoë Ørsted")).toBe("Z•• ••••••");
    expect(isMasked(maskValue("Ann Smith"))).toBe(true);
  });
});

describe("the seeded policy", () => {
  it("masks the named paths of an event type, whatever they hold", () => {
    const data = {
      bookingId: "bk-1",
      travellers: [
        { name: "Ann Smith", dateOfBirth: "1984-03-02" },
        { name: "Sam Smith", dateOfBirth: "1986-11-30" },
      ],
      contact: { email: "ann@example.com", phone: "+44 7123 456789" },
    };
    const out = masker.eventData("booking.travellers.added", data) as typeof data;
    expect(JSON.stringify(out)).not.toMatch(/Ann|Sam|Smith|1984|1986|ann@|7123/);
    expect(out.bookingId).toBe("bk-1");
    expect(out.travellers).toHaveLength(2);
    expect(data.travellers[0]!.name).toBe("Ann Smith"); // the input is not changed
  });

  it("masks numbers at a path too (card digits)", () => {
    expect(masker.eventData("payment.payment.failed", { cardLast4: 4242, amount: 120 })).toEqual({ cardLast4: "••••", amount: 120 });
  });

  it("catches emails, international phone numbers and Luhn-valid card numbers anywhere", () => {
    const text = "mail ann.smith@example.co.uk or call +44 7123 456789, card 4111 1111 1111 1111";
    const out = masker.text(text);
    expect(out).not.toMatch(/ann\.smith|7123|4111 1111/);
    expect(out.startsWith("mail a")).toBe(true);
  });

  it("leaves dates, times, prices, ids and numbers that fail Luhn alone", () => {
    for (const safe of ["2026-06-12", "2026-11-28T05:50:34.141Z", "EUR 1,234.50", "bk-000123", "1764312345678", "usr-00042", "Lisbon"]) {
      expect(masker.text(safe)).toBe(safe);
    }
  });

  it("masks patterns in event types the policy does not name, deep inside", () => {
    const out = masker.eventData("some.other.event", { nested: [{ note: "write to bob@example.org" }] });
    expect(JSON.stringify(out)).not.toContain("bob@example.org");
  });
});

describe("odd shapes and folded state", () => {
  it("masks a named path whole when the data is not shaped as the path says", () => {
    const out = masker.eventData("booking.travellers.added", { travellers: { name: "Ann Smith" }, contact: "ann@example.com +44 7123 456789" });
    expect(JSON.stringify(out)).not.toMatch(/Ann|Smith|ann@|7123/);
  });

  it("masks values under personal keys in states, wherever they sit", () => {
    const state = { events: 3, lastType: "x.registered", lastFields: { name: "Ann Smith", city: "Leeds" }, list: [{ dateOfBirth: "1984-03-02" }] };
    const out = masker.state(state);
    expect(out).toEqual({ events: 3, lastType: "x.registered", lastFields: { name: "A•• •••••", city: "Leeds" }, list: [{ dateOfBirth: "••••-••-••" }] });
  });
});

describe("valueAtKeys", () => {
  it("follows keys and array indexes, and refuses a wrong shape", () => {
    const data = { travellers: [{ name: "Ann" }] };
    expect(valueAtKeys(data, ["travellers", 0, "name"])).toBe("Ann");
    expect(valueAtKeys(data, ["travellers", "0", "name"])).toBeUndefined();
    expect(valueAtKeys(data, ["contact", "email"])).toBeUndefined();
  });
});

describe("policy validation and history", () => {
  it("names what is wrong", () => {
    const bad = policySchema.safeParse({
      fields: { x: ["a..b"] },
      patterns: [
        { name: "p", regex: "(" },
        { name: "q", regex: "\\-" },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    // "\-" is fine without the u flag and invalid with it: validated as the masker compiles it.
    expect(paths).toEqual(expect.arrayContaining(["fields.x.0", "patterns.0.regex", "patterns.1.regex"]));
  });

  it("describes a change", () => {
    const next = { ...policy, fields: { ...policy.fields, "identity.user.registered": ["name", "email"], "x.y": ["a"] } };
    expect(describePolicyChange(policy, next)).toBe("identity.user.registered: − phone; x.y: + a");
    expect(describePolicyChange(null, policy)).toBe("first version");
  });
});
