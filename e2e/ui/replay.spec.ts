import { expect, test, type APIRequestContext } from "@playwright/test";
import { maskValue } from "../../lib/privacy/mask";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";

const at = (minutes: number) => new Date(Date.parse("2026-05-02T09:00:00Z") + minutes * 60_000).toISOString();

async function seedJourney(request: APIRequestContext) {
  const tag = uniqueTag("rp");
  const user = `u-${tag}`;
  const e = (i: number, type: string, minutes: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    cloudEvent({ id: `${tag}-${i}`, source: `/holidays/${type.split(".")[0]}`, subject: `s/${tag}`, type, time: at(minutes), userid: user, data, ...extra });
  await appendBatch(request, [
    e(1, "identity.user.registered", 0, { name: "Rita Replay", email: `${tag}@example.com` }),
    e(2, "identity.user.signed_in", 0.2, { platform: "web", device: "desktop", country: "PT" }),
    e(3, "search.destinations.searched", 1, { query: "Lisbon", checkIn: "2026-06-12", checkOut: "2026-06-19", adults: 2, children: 0 }),
    e(4, "offers.offer.viewed", 2, { offerId: "OF-LIS-1", hotel: "Vista Resort Lisbon", package: "half-board", pricePerPerson: 700 }),
    e(5, "search.destinations.searched", 30, { query: "Crete", checkIn: "2026-07-01", checkOut: "2026-07-08", adults: 1, children: 0 }),
  ]);
  for (let i = 0; i < 50; i++) {
    const { sessions = [] } = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
    if (sessions.length > 0) return { tag, user };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the projector did not make a session");
}

test("find a customer by email, open a session and replay it", async ({ page, request }) => {
  const { tag } = await seedJourney(request);
  await page.goto("/events");
  await page.getByRole("combobox", { name: "Find a customer" }).fill(`${tag}@example.com`);
  await page.keyboard.press("Enter");
  // The match is on the server; the name comes back masked.
  await page
    .getByRole("list", { name: "Search results" })
    .getByRole("link", { name: maskValue("Rita Replay") })
    .click();
  await expect(page.getByRole("heading", { name: maskValue("Rita Replay") })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Rita Replay");
  await page.getByRole("table", { name: "Sessions" }).getByRole("link").first().click();

  const slider = page.getByRole("slider", { name: "Playhead" });
  // It opens where they left off: the last event.
  await expect(slider).toHaveAttribute("aria-valuemax", "4");
  await expect(slider).toHaveAttribute("aria-valuenow", "4");
  await expect(page.getByRole("region", { name: "Where they left off" })).toContainText("Searched for a holiday");

  // Keyboard: ← steps back; the state panel shows the state at that event.
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(slider).toHaveAttribute("aria-valuenow", "2");
  const state = page.getByRole("region", { name: "Journey state" });
  await expect(state).toContainText("Lisbon");
  await expect(state).toContainText("12–19 Jun 2026");
  await expect(state).toContainText("After: Searched Lisbon, 12–19 Jun 2026, 2 adults");
  await expect(state.locator("[data-changed]")).toContainText(["Searched for a holiday"]);

  // Deep link: the moment survives a reload.
  await expect(page).toHaveURL(/at=2/);
  await page.reload();
  await expect(slider).toHaveAttribute("aria-valuenow", "2");
  await expect(state).toContainText("Lisbon");

  // Play and pause, by button and by Space.
  await page.getByRole("button", { name: "Play" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();

  // Drag the scrubber to its start: the playhead is at the first event.
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 1, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(slider).toHaveAttribute("aria-valuenow", "0");
  await page.getByRole("button", { name: "Next event" }).click();
  await expect(slider).toHaveAttribute("aria-valuenow", "1");

  // Exports for a dispute: the events as stored, a CSV timeline, a printable summary.
  const base = new URL(page.url()).pathname;
  const json = await (await request.get(`${base}/export/json`)).json();
  expect(json.events.map((e: { id: string }) => e.id)).toEqual([1, 2, 3, 4, 5].map((i) => `${tag}-${i}`));
  const csv = await (await request.get(`${base}/export/csv`)).text();
  // The four columns a dispute file always had, in their places; then which journey version described them, and (for an agent,
  // who may see them) the notes on each event.
  expect(csv.split("\r\n")[0]).toBe("time,service,event,description,journey_version,notes");
  expect(csv).toContain('"Searched Lisbon, 12–19 Jun 2026, 2 adults"');
  const print = await page.context().newPage();
  await print.goto(`${base}/print`);
  await expect(print.getByRole("heading", { name: "Session summary" })).toBeVisible();
  await expect(print.getByRole("table")).toContainText("Viewed Vista Resort Lisbon (half-board), €700 per person");
  // For evidence: who printed it and when; a Print button and a way back, neither on paper.
  await expect(print.getByText(/^Printed by .+ at \d/)).toBeVisible();
  await expect(print.getByRole("button", { name: "Print" })).toBeVisible();
  await print.getByRole("link", { name: "← Back to the replay" }).click();
  await expect.poll(() => new URL(print.url()).pathname).toBe(base);
  await print.close();

  // ? lists the shortcuts.
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
});

test("a moment link keeps the playhead's time, between two events too (?t= as well as ?at=); Home / End anywhere", async ({ page, request }) => {
  const { user } = await seedJourney(request);
  const { sessions } = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
  const base = `/sessions/${encodeURIComponent(sessions[0].id)}`;
  const slider = page.getByRole("slider", { name: "Playhead" });
  const elapsed = page.getByTestId("elapsed");
  // 10:00 falls between the offer viewed at 2:00 and the second search at 30:00: the time, not the 2:00 event.
  await page.goto(`${base}?t=600`);
  await expect(elapsed).toContainText("10:00 / 30:00");
  await expect(slider).toHaveAttribute("aria-valuenow", "3");
  await expect(page.getByRole("region", { name: "Journey state" })).toContainText("After: Viewed Vista Resort Lisbon");
  // The URL carries both, so the link copied now (or a reload) opens at 10:00 again.
  await expect(page).toHaveURL(/[?&]at=3(&|$)/);
  await expect(page).toHaveURL(/[?&]t=600(&|$)/);
  await page.reload();
  await expect(elapsed).toContainText("10:00 / 30:00");
  // The time wins over an index that disagrees with it; an index alone still opens its event.
  await page.goto(`${base}?at=1&t=66.5`);
  await expect(elapsed).toContainText("1:06 / 30:00");
  await expect(slider).toHaveAttribute("aria-valuenow", "2");
  await page.goto(`${base}?at=1`);
  await expect(slider).toHaveAttribute("aria-valuenow", "1");
  await expect(elapsed).toContainText("0:12 / 30:00");

  // Home and End work without the scrubber having focus, and the shortcuts list says so.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("End");
  await expect(slider).toHaveAttribute("aria-valuenow", "4");
  await page.keyboard.press("Home");
  await expect(slider).toHaveAttribute("aria-valuenow", "0");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("First / last event");
});

test("a session still open updates while it is watched, and follow keeps the playhead at the end", async ({ page, request }) => {
  const tag = uniqueTag("live");
  const user = `u-${tag}`;
  const now = Date.now();
  const e = (i: number, type: string, minutesAgo: number, data: Record<string, unknown>) =>
    cloudEvent({
      id: `${tag}-${i}`,
      source: `/holidays/${type.split(".")[0]}`,
      subject: `s/${tag}`,
      type,
      time: new Date(now - minutesAgo * 60_000).toISOString(),
      userid: user,
      data,
    });
  await appendBatch(request, [
    e(1, "identity.user.signed_in", 3, { platform: "ios", device: "mobile", country: "GB" }),
    e(2, "search.destinations.searched", 2, { query: "Malta", checkIn: "2026-09-01", checkOut: "2026-09-05", adults: 2, children: 0 }),
  ]);
  let sessionId = "";
  for (let i = 0; i < 50 && !sessionId; i++) {
    const { sessions = [] } = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
    sessionId = sessions[0]?.id ?? "";
    if (!sessionId) await new Promise((r) => setTimeout(r, 100));
  }
  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await page.getByLabel("Follow live").check();
  const slider = page.getByRole("slider", { name: "Playhead" });
  await expect(slider).toHaveAttribute("aria-valuemax", "1");

  await appendBatch(request, [
    e(3, "offers.offer.viewed", 0, { offerId: "OF-MLA-1", hotel: "Harbour Hotel Malta", package: "bed-and-breakfast", pricePerPerson: 540 }),
  ]);
  await expect(slider).toHaveAttribute("aria-valuemax", "2", { timeout: 10_000 });
  await expect(slider).toHaveAttribute("aria-valuenow", "2");
  await expect(page.getByRole("list", { name: "Session events" })).toContainText("Viewed Harbour Hotel Malta (bed-and-breakfast)");
  await expect(page.getByRole("region", { name: "Journey state" })).toContainText("Harbour Hotel Malta");
});

test("arriving at a replay from a list, the loading line says what is known, never '0 of'", async ({ page, request }) => {
  const { user } = await seedJourney(request);
  // Watches every change of the page, from its first paint: the line may show for a frame only.
  await page.addInitScript(() => {
    const w = window as unknown as { loadingLines: string[] };
    w.loadingLines = [];
    new MutationObserver(() => {
      const line = document.querySelector('[aria-label="Loading the session"]')?.textContent;
      if (line && w.loadingLines.at(-1) !== line) w.loadingLines.push(line);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(`/users/${encodeURIComponent(user)}`);
  await page.getByRole("table", { name: "Sessions" }).getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "Player" })).toHaveAttribute("data-loaded", "true");
  const lines = await page.evaluate(() => (window as unknown as { loadingLines: string[] }).loadingLines);
  for (const line of lines) {
    expect(line).not.toMatch(/\b0 of\b/);
    expect(line).toMatch(/^5 events over 30:00, /);
  }
});
