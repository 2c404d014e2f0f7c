import { expect, test } from "@playwright/test";
import { appendBatch, cloudEvent, uniqueTag } from "../support/seed";
import { seedUserSession } from "../support/seed-session";
import { signedInAs, viewerIdOf } from "../support/signed-in";
import { E2E_USERS } from "../support/users";

test("the explorer lists, filters and opens an event, and shows live updates", async ({ page, request }) => {
  const tag = uniqueTag("explorer");
  await appendBatch(request, [
    cloudEvent({ id: `${tag}-1`, type: `${tag}.searched`, subject: `trip/${tag}`, userid: `${tag}-user`, data: { city: "Lisbon" } }),
    cloudEvent({ id: `${tag}-2`, type: `${tag}.booked`, subject: `trip/${tag}`, userid: `${tag}-user`, data: { ref: "BK-1" } }),
  ]);

  await page.goto(`/events?user=${tag}-user`);
  const rows = page.getByRole("table", { name: "Events" }).getByRole("row");
  await expect(rows.filter({ hasText: `${tag}.searched` })).toHaveCount(1);
  await expect(rows.filter({ hasText: `${tag}.booked` })).toHaveCount(1);

  // Filter by type through the form: only the matching event stays.
  await page.getByLabel("Type", { exact: true }).fill(`${tag}.booked`);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`type=${tag}.booked`));
  await expect(rows.filter({ hasText: `${tag}.searched` })).toHaveCount(0);
  await rows.filter({ hasText: `${tag}.booked` }).click();
  const inspector = page.getByRole("region", { name: "Event inspector" });
  await expect(inspector.getByLabel("Event JSON")).toContainText('"ref": "BK-1"');
  await expect(page).toHaveURL(/event=\d+/);

  // A live event appears without reloading.
  await page.getByRole("link", { name: "Open stream" }).click();
  // The stream's view is the one showing (the type filter had hidden .searched): only then append,
  // or the new event could be in the view's first render rather than arrive live.
  await expect(page).toHaveURL(/stream=/);
  await expect(rows.filter({ hasText: `${tag}.searched` })).toHaveCount(1);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  await appendBatch(request, [cloudEvent({ id: `${tag}-3`, type: `${tag}.paid`, subject: `trip/${tag}` })]);
  await expect(rows.filter({ hasText: `${tag}.paid` })).toHaveCount(1, { timeout: 10_000 });
  await expect(page.getByText(/1 new since you opened this view/)).toBeVisible();
});

test("a bound that is not a date is ignored, by the page and by its live updates alike", async ({ page, request }) => {
  const tag = uniqueTag("badbound");
  await page.goto(`/events?from=13/11/2026&stream=${encodeURIComponent(`e2e/${tag}`)}`);
  await expect(page.getByText(/is not a date|not a date/i).first()).toBeVisible();
  const failures: number[] = [];
  page.on("response", (r) => r.status() >= 500 && failures.push(r.status()));
  await appendBatch(request, [cloudEvent({ id: `${tag}-1`, subject: `e2e/${tag}` })]);
  // The live tail keeps working (no 500s, no "reconnecting") and shows the new event.
  await expect(page.getByRole("table", { name: "Events" })).toContainText(`e2e/${tag}`, { timeout: 10_000 });
  await expect(page.getByText("Live (reconnecting…)")).toHaveCount(0);
  expect(failures).toEqual([]);
});

test("the type filter takes a family from the visible picker, and a plain word is offered the pattern that finds its types", async ({ page, request }) => {
  const tag = uniqueTag("picker");
  await appendBatch(request, [
    cloudEvent({ id: `${tag}-1`, type: `${tag}.payment.failed`, subject: `pay/${tag}`, userid: `${tag}-user` }),
    cloudEvent({ id: `${tag}-2`, type: `${tag}.payment.succeeded`, subject: `pay/${tag}`, userid: `${tag}-user` }),
  ]);
  await page.goto(`/events?user=${tag}-user`);
  const rows = page.getByRole("table", { name: "Events" }).getByRole("row");
  // A family of the store's types, picked from the list in view: applied at once, the user filter kept.
  await page.getByLabel("Types in the store").selectOption(`${tag}.*`);
  await expect(page).toHaveURL(new RegExp(`type=${tag}\\.\\*`));
  await expect(page).toHaveURL(new RegExp(`user=${tag}-user`));
  await expect(rows.filter({ hasText: `${tag}.payment.` })).toHaveCount(2);
  // "payment" typed as a word is no stored type: exact matching finds nothing, and says which pattern would.
  await page.goto(`/events?user=${tag}-user&type=payment`);
  await expect(page.getByText("No events match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Filter by *payment*" }).click();
  await expect(rows.filter({ hasText: `${tag}.payment.` })).toHaveCount(2);
});

test("a user's view includes their events that carry no user id, marked as joined, and an audit stream says whose it is", async ({
  page,
  request,
  baseURL,
}) => {
  const tag = uniqueTag("joined");
  await appendBatch(request, [
    cloudEvent({ id: `${tag}-1`, type: `${tag}.booking.started`, subject: `booking/${tag}`, userid: `${tag}-user`, correlationid: `FL-${tag}` }),
    // The payment service's callback knows the booking's flow only.
    cloudEvent({ id: `${tag}-2`, type: `${tag}.payment.succeeded`, subject: `payment/${tag}`, correlationid: `FL-${tag}` }),
  ]);
  await page.goto(`/events?user=${tag}-user`);
  const rows = page.getByRole("table", { name: "Events" }).getByRole("row");
  await expect(rows.filter({ hasText: `${tag}.booking.started` })).toContainText(`${tag}-user`);
  await expect(rows.filter({ hasText: `${tag}.payment.succeeded` })).toContainText("joined");

  const agent = await signedInAs("agent", baseURL!);
  await agent.get(`/users/${(await seedUserSession(request)).user}`);
  await page.goto(`/events?stream=${encodeURIComponent(`rewind/audit/${await viewerIdOf(agent)}`)}`);
  await expect(rows.nth(1)).toContainText(`audit of ${E2E_USERS.agent.email}`);
});
