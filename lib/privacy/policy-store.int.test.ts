import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { currentMasker, forgetMasker, policyHistory, readPolicy, savePolicy } from "./policy-store";

describe.each(testProviders())("saving the personal-data policy on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    forgetMasker();
    await t.dispose();
  });

  it("refuses a pattern that backtracks catastrophically, naming it, and writes nothing", async () => {
    const first = await readPolicy(t.store);
    const bad = { ...first.policy, patterns: [...first.policy.patterns, { name: "nested plus", regex: "(a+)+$" }] };
    const refused = await savePolicy(t.store, bad, "root@rewind.test").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ZodError);
    expect((refused as ZodError).issues).toMatchObject([
      { path: ["patterns", 3, "regex"], message: expect.stringContaining('pattern "nested plus" can backtrack catastrophically') },
    ]);
    expect((await policyHistory(t.store)).map((v) => v.version)).toEqual([1]);
  }, 30_000);

  it("fails closed on a version stored before patterns were checked: every string masked whole, no regex run", async () => {
    const first = await readPolicy(t.store);
    // Written as an older release would have: past savePolicy and its check.
    await t.store.db.personalDataPolicy.create({
      data: {
        policy: { ...first.policy, patterns: [{ name: "nested plus", regex: "(a+)+$" }] },
        changedBy: "old release",
        changedAt: new Date(),
        summary: "pattern + nested plus",
      },
    });
    forgetMasker();
    const masker = await currentMasker(t.store);
    // Run as a regex, this string would take minutes on "(a+)+$".
    expect(masker.text(`${"a".repeat(40)}!`)).toBe(`a${"•".repeat(39)}!`);
    expect(masker.text("bk-1")).toBe("••-•");
  }, 30_000);
});
