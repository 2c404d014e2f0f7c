import { describe, expect, it } from "vitest";
import { lowerFirst, stepsInWords } from "./steps-in-words";

describe("steps in words", () => {
  it("lowers an ordinary first letter only, never a code, an acronym or a date", () => {
    expect(lowerFirst("Pay")).toBe("pay");
    expect(lowerFirst("Payment failed")).toBe("payment failed");
    expect(lowerFirst("MLA offer")).toBe("MLA offer");
    expect(lowerFirst("2 Dec, 00:13 UTC")).toBe("2 Dec, 00:13 UTC");
    expect(lowerFirst("€2,490")).toBe("€2,490");
    expect(lowerFirst("")).toBe("");
    expect(lowerFirst("A")).toBe("a");
  });

  it("keeps the first step as written and what each step quotes in its own case", () => {
    expect(stepsInWords(["Get the booking priced", "Pay"])).toBe("Get the booking priced, pay");
    expect(stepsInWords(["Add the travellers", "Pay €2,490 (price held until 2 Dec, 00:13 UTC)"])).toBe(
      "Add the travellers, pay €2,490 (price held until 2 Dec, 00:13 UTC)",
    );
    expect(stepsInWords([])).toBe("");
  });
});
