import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { definitionHistory, InvalidDefinitionError, listDefinitions, readDefinition, saveDefinition } from "./definition-store";
import { seedDefinitions } from "./seed";

const SHOP = readFileSync("lib/testing/fixtures/shop-journey.json", "utf8");
const withChange = (change: (doc: Record<string, unknown>) => void) => {
  const doc = JSON.parse(SHOP) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc, null, 4);
};

describe.each(testProviders())("stored journey definitions on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("stores versions 1, 2… with who, when and what changed, and gives back the text exactly as applied", async () => {
    const first = await saveDefinition(t.store, SHOP, "ada@rewind.test");
    expect(first).toMatchObject({ saved: true, version: { name: "shop", version: 1, changedBy: "ada@rewind.test", summary: "first version" } });
    const relabelled = withChange((d) => {
      d.label = "Shop";
      (d.steps as unknown[]).pop();
      (d.outcome as Record<string, unknown>).completed = "carted";
    });
    const second = await saveDefinition(t.store, relabelled, "cli");
    expect(second).toMatchObject({ saved: true, version: { version: 2, summary: 'label "Shop visits" → "Shop"; steps − ordered; outcome changed' } });
    expect((await readDefinition(t.store, "shop"))?.source).toBe(relabelled);
    expect((await readDefinition(t.store, "shop", 1))?.source).toBe(SHOP);
    expect((await definitionHistory(t.store, "shop")).map((v) => [v.version, v.changedBy])).toEqual([
      [2, "cli"],
      [1, "ada@rewind.test"],
    ]);
    expect((await listDefinitions(t.store)).map((v) => [v.name, v.version, v.document.label])).toEqual([["shop", 2, "Shop"]]);
  });

  it("stores nothing for the document in force, however it is spaced", async () => {
    const again = withChange((d) => {
      d.label = "Shop";
      (d.steps as unknown[]).pop();
      (d.outcome as Record<string, unknown>).completed = "carted";
    }).replace(/\n\s*/g, " ");
    expect(await saveDefinition(t.store, again, "cli")).toMatchObject({ saved: false, unchanged: { version: 2 } });
    expect(await definitionHistory(t.store, "shop")).toHaveLength(2);
  });

  it.each([
    ["an invalid document", withChange((d) => Object.assign((d.steps as { when: object }[])[2]!.when, { type: "" })), "steps[2].when.type"],
    ["JSON that does not parse", '{ "name": "shop",', "(the document)"],
    ["the built-in journey's name", withChange((d) => Object.assign(d, { name: "holiday-booking" })), "name"],
    ["the generic journey's name", withChange((d) => Object.assign(d, { name: "generic" })), "name"],
  ])("refuses %s, naming the path, and writes nothing", async (_what, text, path) => {
    const before = await t.store.db.journeyDefinitionVersion.count();
    const refused = await saveDefinition(t.store, text, "cli").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidDefinitionError);
    expect((refused as InvalidDefinitionError).errors.map((e) => e.path)).toContain(path);
    expect(await t.store.db.journeyDefinitionVersion.count()).toBe(before);
  });
});

describe.each(testProviders())("seeding journey definitions on %s", (provider) => {
  let t: TestStore;
  let dir: string;
  beforeAll(async () => {
    t = await createTestStore(provider);
    dir = mkdtempSync(join(tmpdir(), "rewind-journeys-"));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.dispose();
  });

  it("refuses the whole seed when one file is invalid, naming the file and the path, and stores none", async () => {
    writeFileSync(join(dir, "a-shop.json"), SHOP);
    writeFileSync(
      join(dir, "b-bad.json"),
      withChange((d) => Object.assign(d, { name: "other", priority: "high" })),
    );
    await expect(seedDefinitions(t.store, dir)).rejects.toThrow(/journey seed b-bad\.json: priority: /);
    expect(await t.store.db.journeyDefinitionVersion.count()).toBe(0);
  });

  it("stores each *.json of the folder as version 1 on an empty store, once; later files are not read", async () => {
    writeFileSync(
      join(dir, "b-bad.json"),
      withChange((d) => Object.assign(d, { name: "other" })),
    );
    const seeded = await seedDefinitions(t.store, dir);
    expect(seeded.map((v) => [v.name, v.version, v.changedBy])).toEqual([
      ["shop", 1, `seed (${dir.split("/").at(-1)}/a-shop.json)`],
      ["other", 1, `seed (${dir.split("/").at(-1)}/b-bad.json)`],
    ]);
    writeFileSync(
      join(dir, "c-late.json"),
      withChange((d) => Object.assign(d, { name: "late" })),
    );
    expect(await seedDefinitions(t.store, dir)).toEqual([]);
    expect((await listDefinitions(t.store)).map((v) => v.name)).toEqual(["other", "shop"]);
  });
});
