import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "../lib/db/prisma";
import { resumeOfSession } from "../lib/resume/find-resume";
import { rebuildProjections } from "../lib/sessions/projector";
import { selectWorkQueue, workQueueAt } from "../lib/users/work-queue";
import { fmt, median } from "./stats";
import { worldStore } from "./world-store";

const ROUNDS = 7;
const START = new Date("2026-06-01T00:00:00Z");
/** A day after the world's 30 days: holds have lapsed, as on the demo a day after loading. */
const NOW = Date.parse("2026-07-02T00:00:00Z");

/** The way the queue was judged before: every candidate checked on every load, for an exact total. */
async function judgeEveryCandidate(store: Store): Promise<number> {
  let open = 0;
  for (const session of await selectWorkQueue(store)) if ((await resumeOfSession(store, session, NOW))?.answer.resume.canContinue) open++;
  return open;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * The agent's start page's work queue on a demo-sized world (2,000 users, 30 days): its first page
 * and a page further on, against judging every candidate (the baseline), interleaved, medians.
 */
export async function benchWorkQueue(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rewind-bench-work-queue-"));
  try {
    console.log("work-queue: building a demo-sized store (2,000 users, 30 days, rebuilt read models)…");
    const { store, events } = await worldStore(dir, "demo", { users: 2_000, seed: "demo", start: START });
    await rebuildProjections(store, { now: () => NOW });
    const first = await workQueueAt(store, NOW);
    const third = (await workQueueAt(store, NOW, { after: (await workQueueAt(store, NOW, { after: first.next! })).next! })).next!;
    console.log(`work-queue: ${fmt(events)} events, ${fmt(first.stopped)} stopped sessions, ${fmt(await judgeEveryCandidate(store))} can be continued`);
    const times = { page: [] as number[], later: [] as number[], all: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      times.page.push(await timed(() => workQueueAt(store, NOW)));
      times.later.push(await timed(() => workQueueAt(store, NOW, { after: third })));
      times.all.push(await timed(() => judgeEveryCandidate(store)));
    }
    const [page, later, all] = [median(times.page), median(times.later), median(times.all)];
    console.log(`median first page of the queue: ${fmt(page, 1)} ms`);
    console.log(`median fourth page of the queue: ${fmt(later, 1)} ms`);
    console.log(`median judging every candidate (baseline): ${fmt(all, 1)} ms`);
    console.log(`ratio work-queue judge-all/first-page: ${(all / page).toFixed(2)}`);
    await store.db.$disconnect();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
