import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { identifyCaller } from "../../lib/auth/api-keys";
import { openStore } from "../../lib/db/prisma";
import { createSqliteTarget } from "../../lib/testing/test-stores";
import { runKeys } from "./keys";

describe("keys create --types", () => {
  let target: Awaited<ReturnType<typeof createSqliteTarget>>;
  const previousUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    target = await createSqliteTarget();
    process.env.DATABASE_URL = target.target.url;
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    await target.dispose();
  });

  it("creates a producer key limited to the comma-separated patterns, shown once", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await runKeys(["create", "producer", "search", "--source", "/holidays/search", "--types", "search.*,offers.offer.viewed"]);
    const printed = String(log.mock.calls[0]![0]);
    log.mockRestore();
    expect(printed).toContain('Created producer key "search" (types search.*, offers.offer.viewed)');
    const key = printed.trim().split("\n").at(-1)!;
    const store = openStore(target.target);
    expect(await identifyCaller(store, `Bearer ${key}`, {})).toMatchObject({ source: "/holidays/search", types: ["search.*", "offers.offer.viewed"] });
    await store.db.$disconnect();
  });

  it.each([
    [["create", "producer", "x", "--types", ""], "--types: give at least one type pattern"],
    [["create", "producer", "x", "--types", "search.* offers.*"], '--types: "search.* offers.*" is not one type pattern'],
    [["create", "service", "x", "--types", "search.*"], "--types: only a producer key appends"],
  ])("refuses %j naming the option", async (args, message) => {
    await expect(runKeys(args)).rejects.toThrow(message);
  });
});
