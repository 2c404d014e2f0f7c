import { expect, test } from "@playwright/test";
import { EVENT_TYPES as T } from "../../lib/journeys/booking/booking-events";
import { simulateWorld } from "../../lib/simulate/world";
import { appendBatch, serviceAuth } from "../support/seed";

// A small seeded reference world, appended through the API as its services would.
test("on the reference world: find a customer by email and replay a booking they abandoned", async ({ page, request }) => {
  // A fixed seed: the same world every run (appending it twice is a no-op: the store is idempotent).
  const world = simulateWorld({ users: 12, days: 5, seed: "e2e-world", start: new Date("2026-03-02T00:00:00Z") }).map((w) => w.event);
  for (let i = 0; i < world.length; i += 1_000) await appendBatch(request, world.slice(i, i + 1_000));

  // Someone whose one booking was started and never confirmed: their registration gives the email.
  const started = world.filter((e) => e.type === T.bookingStarted);
  const confirmed = new Set(world.filter((e) => e.type === T.bookingConfirmed).map((e) => e.correlationid));
  const abandoned = started.find((e) => !confirmed.has(e.correlationid) && started.filter((s) => s.userid === e.userid).length === 1);
  expect(abandoned, "the seeded world has a customer with one abandoned booking").toBeDefined();
  const registered = world.find((e) => e.type === T.userRegistered && e.userid === abandoned!.userid)!;
  const email = (registered.data as { email: string }).email;
  const booking = (abandoned!.data as { bookingId: string }).bookingId;

  for (let i = 0; i < 100; i++) {
    const { users } = await (await request.get(`/api/users?query=${encodeURIComponent(email)}`, { headers: serviceAuth })).json();
    if (users.length > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await page.goto("/events");
  await page.getByRole("combobox", { name: "Find a customer" }).fill(email);
  await page.keyboard.press("Enter");
  await page.getByRole("list", { name: "Search results" }).getByRole("link").first().click();
  await expect(page.getByRole("region", { name: "Open booking" })).toContainText(booking);
  await page.getByRole("link", { name: "Replay the session where it stopped →" }).click();

  await expect(page.getByRole("region", { name: "Where they left off" })).toContainText(booking);
  const slider = page.getByRole("slider", { name: "Playhead" });
  const list = page.getByRole("list", { name: "Session events" });
  await expect(list).toContainText(`Started booking ${booking}`);
  // Step back to the booking's start: the state panel shows it.
  const item = list.getByRole("listitem").filter({ hasText: `Started booking ${booking}` });
  const at = await item.getAttribute("data-index");
  await item.click();
  await expect(slider).toHaveAttribute("aria-valuenow", at!);
  await expect(page.getByRole("region", { name: "Journey state" })).toContainText(`${booking} · started`);
});
