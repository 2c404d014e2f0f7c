import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { createApiKey, identifyCaller } from "./api-keys";
import { EVERY_KEY_PERMISSION, SERVICE_PERMISSIONS, typedKeyPermissionsSchema } from "./key-permissions";

describe.each(testProviders())("a service key's reads (%s)", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(() => t.dispose());

  it("holds the reads it was given, and only those", async () => {
    const permissions = typedKeyPermissionsSchema.parse("analytics.view, sessions.replay");
    const key = await createApiKey(t.store, "service", "reporting", { permissions, createdBy: "test" });
    expect((await identifyCaller(t.store, `Bearer ${key}`, {}))!.permissions).toEqual(["analytics.view", "sessions.replay"]);
  });

  it("a key made without permissions, as every key before them, does all a key did before (what-if jobs too)", async () => {
    const key = await createApiKey(t.store, "service", "old script", { createdBy: "test" });
    expect((await identifyCaller(t.store, `Bearer ${key}`, {}))!.permissions).toEqual([...SERVICE_PERMISSIONS, "admin.manage"]);
    // The row says so by holding nothing: a key made before the column existed reads the same.
    const row = await t.store.db.apiKey.findFirstOrThrow({ where: { name: "old script" } });
    expect(row.permissions).toBeNull();
  });

  it("a producer key reads nothing, whatever it is given", async () => {
    const key = await createApiKey(t.store, "producer", "search", { source: "/holidays/search", permissions: ["users.find"], createdBy: "test" });
    expect((await identifyCaller(t.store, `Bearer ${key}`, {}))!.permissions).toEqual([]);
    expect((await t.store.db.apiKey.findFirstOrThrow({ where: { name: "search" } })).permissions).toBeNull();
  });

  it("the environment's service key reads everything, as it always has", async () => {
    const caller = await identifyCaller(t.store, "Bearer env-service-key-0123456789", { REWIND_API_KEY: "env-service-key-0123456789" });
    expect(caller).toMatchObject({ kind: "service", permissions: EVERY_KEY_PERMISSION });
  });
});

describe("reads as typed", () => {
  it("refuses what a service key may not hold, naming it and listing what it may", () => {
    const refused = typedKeyPermissionsSchema.safeParse("analytics.view, personal-data.reveal");
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.message).toBe(`"personal-data.reveal" is not a permission a service key may hold (${SERVICE_PERMISSIONS.join(", ")})`);
    expect(typedKeyPermissionsSchema.safeParse("admin.manage").success).toBe(false);
  });
  it("reads a comma-separated list once each; nothing typed means none chosen (every API)", () => {
    expect(typedKeyPermissionsSchema.parse(" users.find ,users.find,analytics.view ")).toEqual(["users.find", "analytics.view"]);
    expect(typedKeyPermissionsSchema.parse("")).toBeNull();
    expect(typedKeyPermissionsSchema.parse(" , ")).toBeNull();
  });
});
