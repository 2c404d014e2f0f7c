import { expect, test } from "@playwright/test";
import { appendBatch, cloudEvent, uniqueTag } from "../support/seed";

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
  await page.getByLabel("Type").fill(`${tag}.booked`);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`type=${tag}.booked`));
  await expect(rows.filter({ hasText: `${tag}.searched` })).toHaveCount(0);
  await rows.filter({ hasText: `${tag}.booked` }).click();
  const inspector = page.getByRole("region", { name: "Event inspector" });
  await expect(inspector.getByLabel("Event JSON")).toContainText('"ref": "BK-1"');
  await expect(page).toHaveURL(/event=\d+/);

  // A live event appears without reloading.
  await page.getByRole("link", { name: "Open stream" }).click();
  await expect(rows.filter({ hasText: `${tag}.booked` })).toHaveCount(1);
  await appendBatch(request, [cloudEvent({ id: `${tag}-3`, type: `${tag}.paid`, subject: `trip/${tag}` })]);
  await expect(rows.filter({ hasText: `${tag}.paid` })).toHaveCount(1, { timeout: 10_000 });
  await expect(page.getByText(/1 new since you opened this view/)).toBeVisible();
});
