import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { createDashboardUser } from "../lib/auth/dashboard-users";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";
import { openStore } from "../lib/db/prisma";
import { rebuildProjections } from "../lib/sessions/projector";
import { appendLongSession } from "./long-session";
import { startBenchServer } from "./server";
import { median } from "./stats";

const SEEKS = 40;
const BENCH_AGENT = { email: "bench-agent@rewind.bench", password: "bench-agent-password" };

/**
 * In Chromium, on the real replay page: the time from a seek (a click on the scrubber) to the
 * slider and the state panel both showing the new moment, for a 10k- and a 100k-event session.
 * Seeks alternate between the two sessions' pages so machine noise hits both alike.
 */
export async function benchReplay(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rewind-bench-replay-"));
  const url = `file:${join(dir, "replay.db")}`;
  await migrateDatabase(parseDatabaseUrl(url));
  const store = openStore(parseDatabaseUrl(url));
  const start = new Date("2026-06-01T00:00:00Z");
  const ids = { "10k": await appendLongSession(store, "r10k", 10_000, start), "100k": await appendLongSession(store, "r100k", 100_000, start) };
  await rebuildProjections(store, { now: () => Date.parse("2027-01-01T00:00:00Z") });
  // Replays need a signed-in role: an agent, as support would open them.
  await createDashboardUser(store, { ...BENCH_AGENT, name: "Bench agent", role: "agent" });
  await store.db.$disconnect();

  const server = await startBenchServer({ DATABASE_URL: url, REWIND_PROJECTOR: "off" }, 3198);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const signIn = await context.request.post(`${server.url}/api/auth/sign-in/email`, { headers: { origin: server.url }, data: BENCH_AGENT });
    if (!signIn.ok()) throw new Error(`bench sign-in refused: ${signIn.status()}`);
    const pages = {} as Record<"10k" | "100k", import("@playwright/test").Page>;
    for (const size of ["10k", "100k"] as const) {
      const page = await context.newPage();
      const loadStarted = performance.now();
      await page.goto(`${server.url}/sessions/${ids[size]}`);
      await page.locator('[aria-label="Journey state"][data-moment-index]').waitFor({ timeout: 120_000 });
      const shown = performance.now() - loadStarted;
      // Seeks are measured once the session has loaded in the background (the page shows progress meanwhile).
      await page.locator('[aria-label="Player"][data-loaded]').waitFor({ timeout: 300_000 });
      console.log(
        `replay: ${size}-event session showing its state after ${Math.round(shown)} ms, fully loaded after ${Math.round(performance.now() - loadStarted)} ms`,
      );
      pages[size] = page;
    }
    const times: Record<"10k" | "100k", number[]> = { "10k": [], "100k": [] };
    for (let i = 0; i < SEEKS; i++) {
      for (const size of ["10k", "100k"] as const) {
        const fraction = ((i * 7919) % 997) / 997;
        times[size].push(await seekOnce(pages[size], fraction));
      }
    }
    const m10 = median(times["10k"]);
    const m100 = median(times["100k"]);
    console.log(`median seek to state and slider, 10k events: ${m10.toFixed(1)} ms`);
    console.log(`median seek to state and slider, 100k events: ${m100.toFixed(1)} ms`);
    console.log(`ratio seek 100k/10k: ${(m100 / m10).toFixed(3)}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Clicks the scrubber at a fraction and times, inside the page, until slider and state panel agree
 * on the new event. The page code is a string: tsx rewrites functions in ways a browser cannot run.
 */
const SEEK_IN_PAGE = `async (f) => {
  const slider = document.querySelector('[role="slider"][aria-label="Playhead"]');
  const panel = document.querySelector('[aria-label="Journey state"]');
  const before = slider.getAttribute("aria-valuenow");
  const rect = slider.getBoundingClientRect();
  const x = rect.left + rect.width * f;
  const y = rect.top + rect.height / 2;
  const shows = () => {
    const now = slider.getAttribute("aria-valuenow");
    return panel.dataset.momentIndex === now && now !== before;
  };
  let started = 0;
  // The moment the DOM shows the new event, seen by a MutationObserver (not rounded up to a frame).
  const done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (shows()) {
        observer.disconnect();
        resolve(performance.now() - started);
      }
    });
    observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ["aria-valuenow", "data-moment-index"] });
    setTimeout(() => { observer.disconnect(); resolve(performance.now() - started); }, 10000);
  });
  started = performance.now();
  slider.dispatchEvent(new PointerEvent("pointerdown", { clientX: x, clientY: y, bubbles: true, pointerId: 1 }));
  slider.dispatchEvent(new PointerEvent("pointerup", { clientX: x, clientY: y, bubbles: true, pointerId: 1 }));
  if (shows()) return performance.now() - started;
  return done;
}`;

async function seekOnce(page: import("@playwright/test").Page, fraction: number): Promise<number> {
  return page.evaluate(`(${SEEK_IN_PAGE})(${fraction})`) as Promise<number>;
}
