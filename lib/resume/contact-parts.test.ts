import { describe, expect, it } from "vitest";
import { resumeContact } from "./settings";
import { contactParts } from "./contact-parts";

describe("resumeContact", () => {
  it("is the configured text, or whoever sent the link", () => {
    expect(resumeContact({ REWIND_RESUME_CONTACT: "  Call us on +44 20 7946 0000  " })).toBe("Call us on +44 20 7946 0000");
    expect(resumeContact({})).toMatch(/whoever sent it/);
    expect(resumeContact({ REWIND_RESUME_CONTACT: " " })).toMatch(/whoever sent it/);
  });
});

describe("contactParts", () => {
  it("makes email addresses, web addresses and phone numbers tappable, and keeps every character", () => {
    const text = "Write to help@holidays.example, call +44 (20) 7946-0000 or see https://holidays.example/help.";
    const parts = contactParts(text);
    expect(parts.map((p) => p.text).join("")).toBe(text);
    expect(parts.filter((p) => p.href)).toEqual([
      { text: "help@holidays.example", href: "mailto:help@holidays.example" },
      { text: "+44 (20) 7946-0000", href: "tel:+442079460000" },
      { text: "https://holidays.example/help", href: "https://holidays.example/help" },
    ]);
  });

  it("leaves plain words and other schemes as text", () => {
    expect(contactParts("Ask the agent who sent it")).toEqual([{ text: "Ask the agent who sent it" }]);
    expect(contactParts("javascript:alert(1)").every((p) => !p.href)).toBe(true);
    expect(contactParts("Open 9 to 5")).toEqual([{ text: "Open 9 to 5" }]);
  });
});
