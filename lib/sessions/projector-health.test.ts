import { describe, expect, it } from "vitest";
import { healthOf } from "./projector-health";

const base = { position: 10, head: 10, deadLetters: 0, building: false, failing: false, role: "leader" as const };

describe("the health answer", () => {
  it("is ok and caught up when the live generation has folded the head", () => {
    expect(healthOf(base)).toEqual({ status: "ok", projector: { state: "caught-up", position: 10, head: 10, lag: 0, deadLetters: 0, role: "leader" } });
  });

  it("is catching up while the live generation is behind, with the lag", () => {
    expect(healthOf({ ...base, position: 4, deadLetters: 2 }).projector).toEqual({
      state: "catching-up",
      position: 4,
      head: 10,
      lag: 6,
      deadLetters: 2,
      role: "leader",
    });
  });

  it("is rebuilding while a new generation is built, behind or not", () => {
    expect(healthOf({ ...base, building: true }).projector.state).toBe("rebuilding");
    expect(healthOf({ ...base, position: 4, building: true })).toMatchObject({ status: "ok", projector: { state: "rebuilding", lag: 6 } });
  });

  it("is degraded (not down) when the runner's last page failed, whatever else holds", () => {
    expect(healthOf({ ...base, position: 4, building: true, failing: true })).toMatchObject({ status: "degraded", projector: { state: "failing" } });
  });
});
