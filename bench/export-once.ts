// Exports one session of DATABASE_URL as JSON once, streamed or built in memory (the baseline:
// how the export worked before it streamed), and prints what it cost as JSON: a process of its
// own, so its peak memory is that export's alone. Run with --expose-gc: the live heap is sampled
// after a collection at the moments the export holds the most (each few pieces written; the
// whole built and serialised), so a lazy collector's garbage does not count as memory held.
import { textStream } from "../lib/http/text-stream";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { openStore } from "../lib/db/prisma";
import { currentMasker } from "../lib/privacy/policy-store";
import { findSession } from "../lib/sessions/read-sessions";
import { exportPages, sessionExportText } from "../lib/sessions/session-export";

async function main() {
  const [sessionId, mode] = process.argv.slice(2);
  const store = openStore(parseDatabaseUrl(process.env.DATABASE_URL));
  const session = (await findSession(store, sessionId!))!;
  const masker = await currentMasker(store);
  const sessionJson = { id: session.id, eventCount: session.eventCount };
  const started = performance.now();
  let bytes = 0;
  let peakLiveMb = 0;
  const sample = () => {
    (globalThis as { gc?: () => void }).gc?.();
    peakLiveMb = Math.max(peakLiveMb, process.memoryUsage().heapUsed / 1e6);
  };
  if (mode === "stream") {
    // Consumed as a client would: chunk by chunk, each dropped once counted.
    const reader = textStream(sessionExportText(store, { ...session, journeyVersion: "bench" }, sessionJson, masker, "json")).getReader();
    let pieces = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength;
      if (++pieces % 5 === 0) sample();
    }
  } else {
    const events = [];
    for await (const page of exportPages(store, session, masker, 200_000)) events.push(...page);
    sample();
    const text = JSON.stringify({ session: sessionJson, events: events.map((e) => e.event) }, null, 2);
    sample();
    bytes = Buffer.byteLength(text);
  }
  const seconds = (performance.now() - started) / 1000;
  await store.db.$disconnect();
  console.log(JSON.stringify({ bytes, seconds, peakLiveMb, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

void main();
