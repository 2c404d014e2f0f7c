import { expect, test } from "@playwright/test";
import { E2E_KEYS } from "../../playwright.config";
import { ensureProductionServer, freshStore, roleOf, startNode } from "../support/production-nodes";
import { cloudEvent } from "../support/seed";

const BATCH = 400;
const WORKERS = 4;

interface Sent {
  ids: string[];
  sentAt: number;
  answeredAt?: number;
  positions?: number[];
}

test("SIGTERM under sustained ingest: every acknowledged event is stored once, at the position it was answered with", async () => {
  test.setTimeout(120_000);
  ensureProductionServer();
  const { url, dispose } = await freshStore();
  const node = startNode(url, 3185);
  let after: ReturnType<typeof startNode> | null = null;
  try {
    await expect.poll(() => roleOf(node), { timeout: 60_000 }).toBe("leader");
    const sent: Sent[] = [];
    // Workers append batch after batch, each waiting for its answer, until the server stops answering.
    const worker = async (w: number) => {
      for (let b = 0; ; b++) {
        const ids = Array.from({ length: BATCH }, (_, i) => `w${w}-b${b}-e${i}`);
        const batch: Sent = { ids, sentAt: Date.now() };
        sent.push(batch);
        const events = ids.map((id) => cloudEvent({ id, subject: `shutdown/${w}`, userid: `usr-shutdown-${w}` }));
        const answer = await fetch(`${node.url}/api/events`, {
          method: "POST",
          headers: { Authorization: `Bearer ${E2E_KEYS.ingest}`, "content-type": "application/cloudevents-batch+json" },
          body: JSON.stringify(events),
        }).catch(() => null);
        // Refused or cut off (the server has stopped): not acknowledged, and this worker is done.
        if (answer?.status !== 200) return;
        const { results } = (await answer.json()) as { results: { position: number }[] };
        batch.positions = results.map((r) => r.position);
        batch.answeredAt = Date.now();
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const exited = new Promise<number | null>((resolve) => node.child.on("exit", (code) => resolve(code)));
    const killedAt = Date.now();
    node.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await Promise.all(workers);

    const acknowledged = sent.filter((b) => b.positions);
    expect(acknowledged.length).toBeGreaterThan(WORKERS);
    // Appends under way when the signal came were finished and answered, not cut off.
    expect(acknowledged.filter((b) => b.sentAt < killedAt && b.answeredAt! >= killedAt).length).toBeGreaterThanOrEqual(1);

    // A new node on the same store reads back everything there is.
    after = startNode(url, 3186);
    await expect.poll(() => roleOf(after!), { timeout: 60_000 }).not.toBeNull();
    const stored = new Map<string, number>();
    let duplicates = 0;
    for (let cursor = 0; ; ) {
      const page = await fetch(`${after.url}/api/events?after=${cursor}&limit=1000`, { headers: { Authorization: `Bearer ${E2E_KEYS.api}` } });
      const { events } = (await page.json()) as { events: { id: string; position: number }[] };
      if (events.length === 0) break;
      for (const e of events) {
        if (stored.has(e.id)) duplicates++;
        stored.set(e.id, e.position);
      }
      cursor = events[events.length - 1]!.position;
    }
    expect(duplicates).toBe(0);
    // Every acknowledged event is there, at the position its answer named.
    const lost = acknowledged.flatMap((b) => b.ids.filter((id, i) => stored.get(id) !== b.positions![i]));
    expect(lost).toEqual([]);
    // Nothing is there that was not sent, and an unanswered batch is there whole or not at all.
    const sentIds = new Set(sent.flatMap((b) => b.ids));
    expect([...stored.keys()].filter((id) => !sentIds.has(id))).toEqual([]);
    for (const batch of sent.filter((b) => !b.positions)) {
      const kept = batch.ids.filter((id) => stored.has(id)).length;
      expect([0, BATCH]).toContain(kept);
    }
  } finally {
    node.child.kill("SIGKILL");
    after?.child.kill("SIGKILL");
    await dispose();
  }
});
