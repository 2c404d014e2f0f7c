import { expect, test } from "@playwright/test";
import { cloudEvent, serviceAuth, uniqueTag } from "../support/seed";

test(
  "a producer key limited to types in /admin/keys appends those only: " +
    "another type is 403 naming the event and the attribute, and the batch writes nothing",
  async ({ page, request }) => {
    const name = uniqueTag("search-key");
    await page.goto("/admin/keys");
    const form = page.getByRole("form", { name: "Create key" });
    await form.getByLabel("Kind").selectOption("producer");
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Source (producer keys)").fill("/holidays/search");
    await form.getByLabel("Types (producer keys, optional)").fill("search.*, offers.offer.viewed");
    await form.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByTestId("secret").textContent())!.trim();
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("search.*, offers.offer.viewed");

    const tag = uniqueTag("typed");
    const subject = `search/${tag}`;
    const post = (events: Record<string, unknown>[]) =>
      request.post("/api/events", {
        headers: { Authorization: `Bearer ${key}`, "content-type": "application/cloudevents-batch+json" },
        data: JSON.stringify(events),
      });
    const allowed = cloudEvent({ id: `${tag}-1`, source: "/holidays/search", subject, type: "search.destinations.searched" });
    const forged = cloudEvent({ id: `${tag}-pay`, source: "/holidays/search", subject, type: "payment.payment.succeeded" });

    const refused = await post([allowed, forged]);
    expect(refused.status()).toBe(403);
    const { error } = await refused.json();
    expect(error).toMatchObject({
      code: "forbidden",
      details: { index: 1, id: `${tag}-pay`, attribute: "type", type: "payment.payment.succeeded", allowed: ["search.*", "offers.offer.viewed"] },
    });
    expect(error.message).toContain(`event 1 (id "${tag}-pay")`);
    // A refused request writes nothing, not even its allowed first event.
    expect((await request.get(`/api/streams/${encodeURIComponent(subject)}`, { headers: serviceAuth })).status()).toBe(404);

    expect((await post([allowed, cloudEvent({ id: `${tag}-2`, source: "/holidays/search", subject, type: "offers.offer.viewed" })])).status()).toBe(200);
    const { events } = await (await request.get(`/api/streams/${encodeURIComponent(subject)}`, { headers: serviceAuth })).json();
    expect(events.map((e: { id: string }) => e.id)).toEqual([`${tag}-1`, `${tag}-2`]);
  },
);

test("a key's types are checked when it is created: a pattern with a space inside is refused, naming the field", async ({ page }) => {
  await page.goto("/admin/keys");
  const form = page.getByRole("form", { name: "Create key" });
  await form.getByLabel("Name").fill(uniqueTag("bad-types"));
  await form.getByLabel("Source (producer keys)").fill("/holidays/search");
  await form.getByLabel("Types (producer keys, optional)").fill("search.* offers.*");
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "types" })).toContainText('types: "search.* offers.*" is not one type pattern');
  await expect(page.getByTestId("secret")).toHaveCount(0);
});

test("a service key given only some reads in /admin/keys reads those APIs and is refused the others, naming what it needs", async ({ page, request }) => {
  const name = uniqueTag("reporting-key");
  await page.goto("/admin/keys");
  const form = page.getByRole("form", { name: "Create key" });
  await form.getByLabel("Kind").selectOption("service");
  await form.getByLabel("Name").fill(name);
  await form.getByRole("checkbox", { name: /analytics\.view/ }).check();
  await form.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("secret").textContent())!.trim();
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("analytics.view");

  const auth = { Authorization: `Bearer ${key}` };
  expect((await request.get("/api/analytics/overview?journey=holiday-booking&from=2026-06-01&to=2026-06-01", { headers: auth })).status()).toBe(200);
  const refused = await request.get("/api/users?query=usr-", { headers: auth });
  expect(refused.status()).toBe(403);
  const { error } = await refused.json();
  expect(error).toMatchObject({ code: "forbidden", details: { required: "users.find", held: ["analytics.view"] } });
  expect(error.message).toContain("this service key may not find customers");
  // The environment's key, made before keys had reads, still reads customers.
  expect((await request.get("/api/users?query=usr-", { headers: serviceAuth })).status()).toBe(200);
});
