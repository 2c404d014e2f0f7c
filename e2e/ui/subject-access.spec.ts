import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_KEYS } from "../../playwright.config";
import { cloudEvent, headPosition, producerAuth, uniqueTag } from "../support/seed";
import { lisbonOfferViewed, seedUserSession } from "../support/seed-session";

const postBatch = (request: APIRequestContext, events: Record<string, unknown>[]) =>
  request.post("/api/events", { headers: { ...producerAuth, "content-type": "application/cloudevents-batch+json" }, data: JSON.stringify(events) });

test("an admin downloads everything held about a customer: their events, the correlation-joined payment callback, their session, on record", async ({
  page,
  request,
}) => {
  const seeded = await seedUserSession(request, (user, tag) => [
    lisbonOfferViewed(user, tag, { correlationid: `BK-${tag}` }),
    // The payment service knows the booking, not the customer.
    cloudEvent({ id: `${tag}-paid`, source: "/holidays/payment", type: "payment.payment.succeeded", correlationid: `BK-${tag}`, time: "2026-06-01T10:03:00Z" }),
  ]);
  await page.goto("/admin/subject-access");
  const form = page.getByRole("form", { name: "Subject-access export" });
  await form.getByLabel("User id or reference").fill(seeded.user);
  const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download everything we hold" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^subject-access-cus_[0-9a-f]{20}-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(form.getByRole("status")).toContainText("on record in the access log");
  const file = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(file.customer.userId).toBe(seeded.user);
  expect(file.events.map((e: { id: string }) => e.id)).toEqual([`${seeded.tag}-1`, `${seeded.tag}-2`, `${seeded.tag}-3`, `${seeded.tag}-paid`]);
  expect(file.sessions.map((s: { id: string }) => s.id)).toContain(seeded.sessionId);
  expect(file.views.at(-1)).toMatchObject({ action: "customer.exported", customer: seeded.user });

  // Nobody under that name: said on the page, nothing downloaded.
  await form.getByLabel("User id or reference").fill(uniqueTag("usr-nobody"));
  await form.getByRole("button", { name: "Download everything we hold" }).click();
  await expect(form.getByRole("alert")).toContainText("Rewind holds nothing under that user id or reference");
});

test("an admin blocks a user id: a batch with one of its events is refused whole with 422 and the reason; unblocked, it is accepted", async ({
  page,
  request,
}) => {
  const tag = uniqueTag("blocked");
  const user = `usr-${tag}`;
  const reason = `fraud case ${tag}`;
  await page.goto("/admin/subject-access");
  const form = page.getByRole("form", { name: "Block from ingestion" });
  await form.getByLabel("User id").fill(user);
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: "Block from ingestion" }).click();
  await expect(form.getByRole("status")).toContainText("Blocked");
  const row = page.getByRole("row").filter({ hasText: reason });
  await expect(row).toContainText(user);

  const batch = [cloudEvent({ id: `${tag}-other`, userid: `usr-other-${tag}` }), cloudEvent({ id: `${tag}-theirs`, userid: user })];
  const head = await headPosition(request);
  const refused = await postBatch(request, batch);
  expect(refused.status()).toBe(422);
  const { error } = await refused.json();
  expect(error).toMatchObject({ code: "invalid_event", details: { index: 1, id: `${tag}-theirs`, reason } });
  expect(error.message).toBe(`event 1 (id "${tag}-theirs"): its user id is blocked: ${reason}`);
  expect(JSON.stringify(error)).not.toContain(user);
  expect(await headPosition(request)).toBe(head);

  // Segment's tracking API refuses it the same way.
  const track = await request.post("/v1/track", {
    headers: { Authorization: `Basic ${Buffer.from(`${E2E_KEYS.ingest}:`).toString("base64")}`, "content-type": "application/json" },
    data: { userId: user, event: "Offer Viewed", messageId: `${tag}-seg`, timestamp: "2026-06-01T10:00:00Z" },
  });
  expect(track.status()).toBe(422);
  expect((await track.json()).error.message).toContain(`its user id is blocked: ${reason}`);

  // Unblocking asks first.
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Unblock" }).click();
  await expect(page.getByRole("row").filter({ hasText: reason })).toHaveCount(0);
  const accepted = await postBatch(request, batch);
  expect(accepted.status()).toBe(200);
  expect((await accepted.json()).results).toHaveLength(2);
});
