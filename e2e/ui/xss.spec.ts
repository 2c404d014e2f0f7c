import { expect, test } from "@playwright/test";
import { maskValue } from "../../lib/privacy/mask";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";

const NAME = `<img src=x onerror="window.__xss='name'">`;
const HOTEL = `<script>window.__xss='hotel'</script>`;

test("markup in event data renders as text in every view", async ({ page, request }) => {
  const tag = uniqueTag("xss");
  const user = `u-${tag}`;
  const at = (m: number) => new Date(Date.parse("2026-04-01T10:00:00Z") + m * 60_000).toISOString();
  await appendBatch(request, [
    cloudEvent({
      id: `${tag}-1`,
      source: "/holidays/identity",
      subject: `user/${user}`,
      type: "identity.user.registered",
      time: at(0),
      userid: user,
      data: { name: NAME, email: `${tag}@example.com` },
    }),
    cloudEvent({
      id: `${tag}-2`,
      source: "/holidays/offers",
      subject: `offer/${tag}`,
      type: "offers.offer.viewed",
      time: at(1),
      userid: user,
      correlationid: `FL-${tag}`,
      data: { offerId: "OF-X", hotel: HOTEL, package: "room-only", pricePerPerson: 1 },
    }),
  ]);
  let sessionId = "";
  for (let i = 0; i < 50 && !sessionId; i++) {
    const { sessions = [] } = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
    sessionId = sessions[0]?.id ?? "";
    if (!sessionId) await new Promise((r) => setTimeout(r, 100));
  }

  const views: [string, string][] = [
    // The name is personal data: masked, and still text.
    // (a user id matches by a prefix, not any part)
    [`/users?query=${user}`, maskValue(NAME)],
    [`/users/${user}`, maskValue(NAME)],
    [`/sessions/${sessionId}`, HOTEL],
    [`/events?user=${user}`, "offers.offer.viewed"],
    // The flow page shows the raw event in place.
    [`/flows/FL-${tag}`, "offers.offer.viewed"],
  ];
  for (const [path, text] of views) {
    await page.goto(path);
    // Visible ones only: the explorer's type picker holds the same words in an <option>.
    await expect(page.getByText(text, { exact: false }).filter({ visible: true }).first(), path).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), path).toBeUndefined();
  }
  // The flow's raw event, opened in place, is text too.
  await page.goto(`/flows/FL-${tag}`);
  await page.getByText(/as stored/).click();
  await expect(page.getByRole("table", { name: "Flow" }).locator("pre")).toContainText("window.__xss='hotel'");
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  // The replay shows the hotel and the raw event as text.
  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByRole("list", { name: "Session events" })).toContainText(HOTEL);
  await expect(page.getByRole("region", { name: "Raw event" })).toContainText("window.__xss='hotel'");
  // The explorer's inspector too.
  await page.goto(`/events?user=${user}`);
  await page.getByRole("table", { name: "Events" }).getByRole("row").filter({ hasText: "offers.offer.viewed" }).click();
  await expect(page.getByLabel("Event JSON")).toContainText("<script>");
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  // Revealed (with a reason), the name is shown as the text it is.
  await page.getByRole("table", { name: "Events" }).getByRole("row").filter({ hasText: "identity.user.registered" }).click();
  const masked = page.getByRole("region", { name: "Event inspector" }).getByLabel("Masked fields");
  await masked.getByRole("listitem").filter({ hasText: "data.name" }).getByRole("button", { name: "Reveal…" }).click();
  await masked.getByLabel("Reason (ticket reference)").fill("XSS-1");
  await masked.getByRole("button", { name: "Reveal", exact: true }).click();
  await expect(masked.getByTestId("revealed-value")).toHaveText(NAME);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
});
