import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { createApiKey, identifyCaller, listApiKeys } from "./api-keys";
import { LAST_USED_GRANULARITY_MS, recordKeyUse } from "./key-last-used";

describe.each(testProviders())("a producer key's last use (%s)", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(() => t.dispose());

  const lastUsedOf = async (name: string) => (await listApiKeys(t.store)).find((k) => k.name === name)?.lastUsedAt ?? null;

  it("is written once, then at most once a minute however often the key is used", async () => {
    const key = await createApiKey(t.store, "producer", "search service", { source: "/holidays/search" });
    const caller = (await identifyCaller(t.store, `Bearer ${key}`, {}))!;
    expect(await lastUsedOf("search service")).toBeNull();

    const first = new Date("2026-12-02T10:00:00.000Z");
    expect(await recordKeyUse(t.store, caller, first)).toBe(true);
    expect(await lastUsedOf("search service")).toEqual(first);

    // A burst within the minute writes nothing: the time kept stays the first one.
    const burst = [1, 500, 20_000, LAST_USED_GRANULARITY_MS - 1].map((ms) => new Date(first.getTime() + ms));
    const written = [];
    for (const at of burst) written.push(await recordKeyUse(t.store, caller, at));
    expect(written).toEqual([false, false, false, false]);
    expect(await lastUsedOf("search service")).toEqual(first);

    // A minute and a bit later it moves on.
    const later = new Date(first.getTime() + LAST_USED_GRANULARITY_MS + 1);
    expect(await recordKeyUse(t.store, caller, later)).toBe(true);
    expect(await lastUsedOf("search service")).toEqual(later);
  });

  it("is per key: one key's use leaves another's alone", async () => {
    const a = await createApiKey(t.store, "producer", "payments", { source: "/holidays/payment" });
    await createApiKey(t.store, "producer", "offers", { source: "/holidays/offers" });
    const at = new Date("2026-12-02T11:00:00.000Z");
    expect(await recordKeyUse(t.store, (await identifyCaller(t.store, `Bearer ${a}`, {}))!, at)).toBe(true);
    expect(await lastUsedOf("payments")).toEqual(at);
    expect(await lastUsedOf("offers")).toBeNull();
  });

  it("writes nothing for a key from the environment (it has no row)", async () => {
    const env = { REWIND_INGEST_KEY: "rwp_env_key_for_the_test" };
    const caller = (await identifyCaller(t.store, "Bearer rwp_env_key_for_the_test", env))!;
    const before = await listApiKeys(t.store);
    expect(await recordKeyUse(t.store, caller, new Date())).toBe(false);
    expect(await listApiKeys(t.store)).toEqual(before);
  });
});
