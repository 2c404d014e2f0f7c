import { afterEach, describe, expect, it } from "vitest";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { claimPurge, PURGE_LEASE_MS, PurgeBusyError, releasePurge, runningPurge } from "./purge-lock";

describe.each(testProviders())("the purge the admin page says is running, on %s", (provider) => {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.dispose();
    t = undefined;
  });

  it("is the live claim on the lock: none before, the claimant while held, none once released or once the claim is stale", async () => {
    t = await createTestStore(provider);
    const { store } = t;
    const at = new Date("2026-03-01T10:00:00Z");
    expect(await runningPurge(store, at)).toBeNull();

    await claimPurge(store, "purge-held", at);
    expect(await runningPurge(store, new Date(at.getTime() + 60_000))).toEqual({ purgeId: "purge-held", claimedAt: at });
    // A second purge meanwhile is refused by name: what Run now answers when the page was loaded before the claim.
    await expect(claimPurge(store, "purge-second", new Date(at.getTime() + 60_000))).rejects.toThrow(PurgeBusyError);
    await expect(claimPurge(store, "purge-second", new Date(at.getTime() + 60_000))).rejects.toThrow("purge-held");

    // Past the lease the claim is from a process that died: not said to be running, and it may be taken over.
    const later = new Date(at.getTime() + PURGE_LEASE_MS + 1);
    expect(await runningPurge(store, later)).toBeNull();

    await releasePurge(store, "purge-held");
    expect(await runningPurge(store, at)).toBeNull();
  });
});
