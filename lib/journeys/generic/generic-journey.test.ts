import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createMasker } from "../../privacy/mask";
import { maskJourneyEvent } from "../../privacy/mask-events";
import { policySchema } from "../../privacy/policy";
import { foldEvents } from "../journey-definition";
import type { JourneyEvent } from "../journey-event";
import { aJourneyEvent } from "../../testing/event-factory";
import { genericJourney, KEPT_WHOLE, SHOWN } from "./generic-journey";

const masker = createMasker(policySchema.parse(JSON.parse(readFileSync("prisma/personal-data-policy.json", "utf8"))));

const event = (data: unknown, position = 1): JourneyEvent => aJourneyEvent("crm.note.added", data, { position, source: "/crm", time: position });

// An email that straddles the 80th character: cut first, `jane.doe@exa` no longer looks like one.
const NOTE = `${"x".repeat(68)} jane.doe@example.com`;

describe("the generic journey masks, then cuts", () => {
  it("keeps a value whole in its state, so masking the state still catches it", () => {
    const state = foldEvents(genericJourney, [event({ note: NOTE })], genericJourney.initialState());
    expect(state.lastFields.note).toBe(NOTE);
    expect(JSON.stringify(masker.state(state))).not.toContain("jane.doe");
  });

  it("cuts the facts and the description for display only, from masked values", () => {
    const state = masker.state(foldEvents(genericJourney, [event({ note: NOTE })], genericJourney.initialState()));
    const note = genericJourney.facts(state).note!;
    expect(note).toBe(`${"x".repeat(68)} j•••.•••@••…`);
    expect([...note].length).toBe(SHOWN + 1);
    const description = genericJourney.describe(maskJourneyEvent(masker, event({ note: NOTE })));
    expect(description).toBe(`crm.note.added (note: ${"x".repeat(68)} j•••.•••@••…)`);
  });

  it("withholds a value too long to keep in every snapshot rather than cut it", () => {
    const long = `${"y".repeat(KEPT_WHOLE - 5)} jane.doe@example.com`;
    const state = foldEvents(genericJourney, [event({ note: long, other: "short" })], genericJourney.initialState());
    expect(state.lastFields).toEqual({ note: `[${long.length.toLocaleString("en-GB")} characters]`, other: "short" });
    expect(JSON.stringify(masker.state(state))).not.toContain("jane");
  });

  it("never cuts a surrogate pair in two", () => {
    const emoji = `${"z".repeat(SHOWN - 1)}😀tail`;
    expect(genericJourney.facts(foldEvents(genericJourney, [event({ e: emoji })], genericJourney.initialState())).e).toBe(`${"z".repeat(SHOWN - 1)}…`);
  });
});
