import { describe, expect, it } from "vitest";
import type { Generation } from "../sessions/generations";
import { buildOf, buildWords, failedToBuild } from "./build-status";

const generation = (id: number, state: Generation["state"], definitions: Record<string, number>, errorKind: string | null = null): Generation => ({
  id,
  state,
  definitions,
  reason: "test",
  position: 40,
  head: 90,
  rollups: "deferred",
  retiredAt: null,
  errorKind,
  createdAt: new Date(0),
  switchedAt: null,
  endedAt: state === "failed" ? new Date(1) : null,
});

describe("a definition's build state", () => {
  const live = generation(3, "live", { shop: 1 });

  it("is live when the live generation folds with its newest version", () => {
    expect(buildOf("shop", 1, live, [live])).toMatchObject({ state: "live", version: 1, liveVersion: 1, generation: 3, error: null });
    expect(buildWords(buildOf("shop", 1, live, [live]))).toBeNull();
  });

  it("is failed, with the error kind and the live version, when the newest generation with that version failed", () => {
    const failed = generation(4, "failed", { shop: 2 }, "TypeError");
    const build = buildOf("shop", 2, live, [failed, live]);
    expect(build).toMatchObject({ state: "failed", version: 2, liveVersion: 1, generation: 4, error: "TypeError", position: 40, head: 90 });
    expect(failedToBuild(build)).toBe(true);
    expect(buildWords(build)).toBe("failed to build (TypeError); live v1");
  });

  it("is preparing when a later generation with that version is building, even after an earlier one failed", () => {
    const gens = [generation(4, "failed", { shop: 2 }, "TypeError"), generation(5, "building", { shop: 2 }), live];
    expect(buildOf("shop", 2, live, gens)).toMatchObject({ state: "preparing", generation: 5 });
    expect(buildWords(buildOf("shop", 2, live, gens))).toBe("being prepared; live v1");
  });

  it("superseded is not a failure of the version (a new generation folds it), and a version no generation has is not built", () => {
    const superseded = buildOf("shop", 2, live, [generation(4, "failed", { shop: 2 }, "superseded"), live]);
    expect(superseded.state).toBe("failed");
    expect(failedToBuild(superseded)).toBe(false);
    expect(buildOf("shop", 2, live, [live])).toMatchObject({ state: "not-built", liveVersion: 1 });
    expect(buildWords(buildOf("new", 1, live, [live]))).toBe("not built; none live");
  });
});
