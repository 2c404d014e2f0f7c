import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../http/errors";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment } from "./segment-store";

const refusal = async (p: Promise<unknown>) => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
};

describe.each(testProviders())("saved segments (%s)", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(() => t.dispose());

  it("keeps a segment as saved, with who saved it and when, listed by name", async () => {
    const at = new Date("2026-06-01T10:00:00Z");
    const saved = await createSegment(t.store, { name: "Card declined", query: "hasType=payment.*&where=data.reason%3Aeq%3Acard_declined", by: "ann@x" }, at);
    await createSegment(t.store, { name: "abandoned at pricing", query: "journey=holiday-booking&outcome=abandoned", by: "bob@x" }, at);
    expect(await getSegment(t.store, saved.id)).toEqual({
      id: saved.id,
      name: "Card declined",
      query: "hasType=payment.*&where=data.reason%3Aeq%3Acard_declined",
      createdBy: "ann@x",
      createdAt: at,
      updatedBy: null,
      updatedAt: null,
    });
    expect((await listSegments(t.store)).map((s) => s.name)).toEqual(["abandoned at pricing", "Card declined"]);
  });

  it("one segment per name whatever its case and spacing: a second is 409 and writes nothing", async () => {
    const before = await listSegments(t.store);
    const error = await refusal(createSegment(t.store, { name: " card   DECLINED ", query: "outcome=browsed", by: "cy@x" }));
    expect(error.code).toBe("conflict");
    expect(error.message).toContain('a segment named " card   DECLINED " exists already');
    expect(await listSegments(t.store)).toEqual(before);
  });

  it("an edit changes name and filter and says who; a clash with another's name is 409 and changes nothing", async () => {
    const [abandoned, card] = await listSegments(t.store);
    const at = new Date("2026-06-02T09:00:00Z");
    const edited = await updateSegment(
      t.store,
      abandoned!.id,
      { name: "Abandoned, pricing", query: "journey=holiday-booking&outcome=abandoned&reached=priced", by: "cy@x" },
      at,
    );
    expect(edited).toMatchObject({
      name: "Abandoned, pricing",
      query: "journey=holiday-booking&outcome=abandoned&reached=priced",
      updatedBy: "cy@x",
      updatedAt: at,
      createdBy: "bob@x",
    });
    const error = await refusal(updateSegment(t.store, abandoned!.id, { name: "CARD declined", query: "outcome=browsed", by: "cy@x" }));
    expect(error.code).toBe("conflict");
    expect(await getSegment(t.store, abandoned!.id)).toEqual(edited);
    expect(await getSegment(t.store, card!.id)).toEqual(card);
  });

  it("a deleted segment is gone; deleting or editing it again says so and changes nothing", async () => {
    const [first] = await listSegments(t.store);
    expect(await deleteSegment(t.store, first!.id)).toBe(true);
    expect(await deleteSegment(t.store, first!.id)).toBe(false);
    expect(await getSegment(t.store, first!.id)).toBeNull();
    expect((await refusal(updateSegment(t.store, first!.id, { name: "back", query: "", by: "cy@x" }))).code).toBe("not_found");
    expect(await listSegments(t.store)).toHaveLength(1);
  });
});
