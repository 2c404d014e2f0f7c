import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../importer/import-events";
import { rebuildProjections } from "../sessions/projector";
import type { Session } from "../sessions/read-sessions";
import { simulateWorld } from "../simulate/world";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { latestResume } from "../resume/find-resume";
import { parseQueueCursor, QUEUE_CURSOR, selectWorkQueue, workQueueAt } from "./work-queue";

const START = new Date("2026-06-01T00:00:00Z");
const NOW = Date.parse("2026-06-25T00:00:00Z");

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

/** The queue's rule by another route: every session row read, the rule applied in a plain loop. */
function queueByLoop(all: Session[], limit: number): string[] {
  const out: Session[] = [];
  for (const s of all) {
    if (s.userId === null || s.endReason === "open" || s.dropReason === null || s.resumePoint === null) continue;
    let superseded = false;
    for (const l of all) {
      if (l.userId !== s.userId || l.id === s.id || l.startedAt.getTime() <= s.startedAt.getTime()) continue;
      if ((l.resumePoint !== null && l.endReason !== "open") || (l.journey === s.journey && l.outcome === "completed")) superseded = true;
    }
    if (!superseded) out.push(s);
  }
  out.sort((a, b) => b.lastEventAt.getTime() - a.lastEventAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return out.slice(0, limit).map((s) => s.id);
}

describe.each(testProviders())("the agent's work queue on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
    const world = simulateWorld({ users: 60, days: 14, seed: "work-queue", start: START }).map((w) => w.event);
    await importRecords(t.store, records(world));
    await rebuildProjections(t.store, { now: () => NOW });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("lists what a plain loop over every session finds, in the same order (newest stop first)", async () => {
    const all = await t.store.db.session.findMany();
    const expected = queueByLoop(all, 1000);
    // The world has stopped journeys to continue, and customers whose older stops are superseded.
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(all.filter((s) => s.dropReason !== null && s.resumePoint !== null).length);
    expect((await selectWorkQueue(t.store, 1000)).map((s) => s.id)).toEqual(expected);
    expect((await selectWorkQueue(t.store, 7)).map((s) => s.id)).toEqual(expected.slice(0, 7));
  });

  it("lists one session per customer, every one stopped with a drop reason and a resume point", async () => {
    const queue = await selectWorkQueue(t.store, 1000);
    expect(new Set(queue.map((s) => s.userId)).size).toBe(queue.length);
    for (const s of queue) {
      expect(s.dropReason).not.toBeNull();
      expect(s.resumePoint).not.toBeNull();
      expect(s.endReason).not.toBe("open");
    }
  });

  it("judges what remains at now as the customer page's Resume card does, and lists nothing it says cannot be continued", async () => {
    const all = await t.store.db.session.findMany();
    for (const now of [NOW, Date.parse("2026-06-02T00:00:00Z")]) {
      // The customer page's way: each customer's latest resume (lib/resume/find-resume.ts), kept when it can be continued.
      const expected: { id: string; at: number; remaining: string[] }[] = [];
      for (const userId of new Set(all.flatMap((s) => (s.userId === null ? [] : [s.userId])))) {
        const found = await latestResume(t.store, userId, now);
        const session = all.find((s) => s.id === found?.answer.sessionId);
        if (!found?.answer.resume.canContinue || !session || session.dropReason === null) continue;
        if (all.some((l) => l.userId === userId && l.journey === session.journey && l.outcome === "completed" && l.startedAt > session.startedAt)) continue;
        expected.push({ id: session.id, at: session.lastEventAt.getTime(), remaining: found.answer.resume.remaining });
      }
      expected.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      const queue = await workQueueAt(t.store, now, { limit: 1000 });
      expect(queue.items.map((q) => q.session.id)).toEqual(expected.map((e) => e.id));
      expect(queue.items.map((q) => q.resume.remaining)).toEqual(expected.map((e) => e.remaining));
      // Every candidate judged on one page of 1000: the stopped count is the candidates', at least what can be continued.
      expect(queue.stopped).toBe((await selectWorkQueue(t.store, 1000)).length);
      expect(queue.stopped).toBeGreaterThanOrEqual(expected.length);
      expect(queue.next).toBeNull();
      for (const q of queue.items) expect(q.resume.canContinue).toBe(true);
      // By the end, some stopped journeys can no longer be continued (booked since, offer gone): left out, not refused later.
      if (now === NOW) expect(queue.items.length).toBeLessThan(queue.stopped);
    }
  });

  it("judged later, what remains is not the resume point as folded: a lapsed hold asks for pricing again", async () => {
    const queue = await workQueueAt(t.store, NOW, { limit: 1000 });
    const folded = queue.items.filter(
      (q) => JSON.stringify(q.resume.remaining) !== JSON.stringify((q.session.resumePoint as { remaining: string[] }).remaining),
    );
    expect(folded.length).toBeGreaterThan(0);
  });

  it("pages by cursor: the pages are the whole queue in order, each counted on from the last, the stopped count the same on each", async () => {
    const whole = await workQueueAt(t.store, NOW, { limit: 1000 });
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await workQueueAt(t.store, NOW, { limit: 4, after });
      expect(page.stopped).toBe(whole.stopped);
      expect(page.items.length).toBeLessThanOrEqual(4);
      expect(page.from).toBe(seen.length);
      seen.push(...page.items.map((q) => q.session.id));
      if (page.next === null) break;
      expect(page.next).toMatch(QUEUE_CURSOR);
      after = page.next;
    }
    expect(seen).toEqual(whole.items.map((q) => q.session.id));
    // The last page says there is none after it: a page that ends exactly at the queue's end has no Show more.
    const size = whole.items.length;
    const exact = await workQueueAt(t.store, NOW, { limit: size });
    expect(exact.items.length).toBe(size);
    expect(exact.next).toBeNull();
    expect((await workQueueAt(t.store, NOW, { limit: size - 1 })).next).toMatch(QUEUE_CURSOR);
  });

  it("reads the cursor it wrote; past the oldest candidate there is nothing further", async () => {
    const first = await workQueueAt(t.store, NOW, { limit: 2 });
    expect(parseQueueCursor(first.next!)).toEqual({
      at: first.items[1]!.session.lastEventAt.getTime(),
      id: first.items[1]!.session.id,
      listed: 2,
    });
    // A cursor past the oldest candidate: nothing further, and no Show more.
    const past = await workQueueAt(t.store, NOW, { after: "0~40~a" });
    expect(past).toMatchObject({ items: [], from: 40, next: null });
  });
});
