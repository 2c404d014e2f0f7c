import { expect, test } from "@playwright/test";
import { EVENT_TYPES as T } from "../../lib/journeys/booking/booking-events";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("auditor") });

test("an auditor reconstructs a booking flow across services: lanes, causes, the order the store heard of it, masked data, on record", async ({
  page,
  request,
}) => {
  const tag = uniqueTag("flow");
  const user = `usr-${tag}`;
  const flow = `BK-${tag}`;
  const at = (minute: number) => `2026-06-02T10:0${minute}:00Z`;
  const booking = { source: "/holidays/booking", subject: `booking/${flow}`, userid: user, correlationid: flow };
  const payment = { source: "/holidays/payment", subject: `payment/PAY-${tag}`, correlationid: flow };
  const started = cloudEvent({
    ...booking,
    id: `${tag}-b1`,
    type: T.bookingStarted,
    time: at(0),
    data: { bookingId: flow, offerId: "OF-1", destination: "LIS", hotel: "Vista Resort Lisbon", package: "half-board", pricePerPerson: 700 },
  });
  const failed = cloudEvent({
    ...payment,
    id: `${tag}-p1`,
    type: T.paymentFailed,
    causationid: `${tag}-b1`,
    time: at(2),
    data: { bookingId: flow, paymentId: `PAY-${tag}`, amount: 1400, currency: "EUR", attempt: 1, reason: "card_declined", cardLast4: "9876" },
  });
  const paid = cloudEvent({
    ...payment,
    id: `${tag}-p2`,
    type: T.paymentSucceeded,
    causationid: `${tag}-p1`,
    time: at(3),
    data: { bookingId: flow, paymentId: `PAY-${tag}`, amount: 1400, currency: "EUR", attempt: 2, cardLast4: "9876" },
  });
  const confirmed = cloudEvent({
    ...booking,
    id: `${tag}-b2`,
    type: T.bookingConfirmed,
    causationid: `${tag}-p2`,
    time: at(4),
    data: { bookingId: flow, reference: flow, total: 1400, currency: "EUR" },
  });
  // The failed payment's callback reaches the store after the success: appended out of order.
  await appendBatch(request, [started, paid, confirmed, failed]);

  // From a replay of the customer's session, the raw event leads to its flow.
  let sessionId = "";
  await expect(async () => {
    const { sessions } = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
    sessionId = sessions[0].id;
  }).toPass({ timeout: 15_000 });
  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByRole("region", { name: "Raw event" }).getByRole("link", { name: `Flow ${flow} across services` })).toHaveAttribute(
    "href",
    new RegExp(`^/flows/${flow}#event-\\d+$`),
  );

  await page.goto(`/events?${new URLSearchParams({ correlation: flow })}`);
  await page.getByRole("row").filter({ hasText: T.bookingConfirmed }).first().click();
  await page.getByRole("link", { name: `Flow ${flow} across services` }).click();
  // It opens on the event it came from, highlighted.
  await expect(page).toHaveURL(new RegExp(`/flows/${flow}#event-\\d+$`));
  await expect(page.locator(":target")).toHaveAttribute("data-type", T.bookingConfirmed);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(flow);
  const table = page.getByRole("table", { name: "Flow" });
  await expect(table.getByRole("columnheader")).toHaveText(["When", "/holidays/booking", "/holidays/payment"]);
  // Event-time order, whatever the append order.
  await expect(table.locator("[role=row][data-type]")).toHaveCount(4);
  expect(await table.locator("[role=row][data-type]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-type")))).toEqual([
    T.bookingStarted,
    T.paymentFailed,
    T.paymentSucceeded,
    T.bookingConfirmed,
  ]);
  const failedRow = table.locator(`[role=row][data-type="${T.paymentFailed}"]`);
  await expect(failedRow).toContainText(`caused by 1. ${T.bookingStarted}`);
  await expect(failedRow).toContainText("appended out of order");
  await expect(table.locator(`[role=row][data-type="${T.bookingConfirmed}"]`)).toContainText(`caused by 3. ${T.paymentSucceeded}`);
  await expect(page.getByRole("status", { name: "Delivery" })).toContainText(`1 appended after an event that happened later (2. ${T.paymentFailed})`);
  // Each event checked against what was recorded when it was appended.
  await expect(page.getByRole("status", { name: "Integrity" })).toContainText("Each of these 4 events still hashes to what was recorded");
  await expect(table.getByText("✓ as appended")).toHaveCount(4);
  // The booking service's lane holds the booking's events, the payment service's the payments.
  await expect(failedRow.getByRole("cell").nth(2)).toContainText(T.paymentFailed);
  await expect(failedRow.getByRole("cell").nth(1)).toBeEmpty();

  // Personal data stays masked, in the words and in the raw event.
  await failedRow.getByText(/as stored/).click();
  await expect(failedRow.locator("pre")).toContainText('"cardLast4"');
  await expect(page.locator("body")).not.toContainText("9876");

  // The customer behind the flow, and the session it happened in, to replay from their side.
  await expect(page.getByRole("link", { name: `Customer ${user}` })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`^Replay ${user}'s session of`) })).toHaveAttribute("href", `/sessions/${sessionId}`);
  // And the look is on record, once.
  const me = (await (await page.request.get("/api/auth/get-session")).json()).user.id as string;
  const audit = await (await request.get(`/api/streams/${encodeURIComponent(`rewind/audit/${me}`)}?limit=1000`, { headers: serviceAuth })).json();
  const views = audit.events.filter(
    (e: { type: string; data: { target: string } }) => e.type === "rewind.audit.flow.viewed" && e.data.target === `/flows/${flow}`,
  );
  expect(views).toHaveLength(1);
  expect(views[0].userid).toBe(user);

  expect((await page.goto("/flows/no-such-flow"))!.status()).toBe(404);
});
