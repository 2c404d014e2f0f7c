import { expect, test } from "@playwright/test";
import { EVENT_TYPES as T } from "../../lib/journeys/booking/booking-events";
import { appendBatch, cloudEvent, serviceAuth, uniqueTag } from "../support/seed";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("agent") });

// Searched Lisbon, looked at Malta, booked Malta, got a price that went down, and left: the hold has run out since.
test("the open booking and the Resume card agree on what remains; the destination is the booked place; the timeline names the offer", async ({
  page,
  request,
}) => {
  const tag = uniqueTag("agree");
  const user = `usr-${tag}`;
  const bk = `BK-${tag}`;
  const start = Date.now() - 3 * 3_600_000;
  const at = (m: number) => new Date(start + m * 60_000).toISOString();
  const e = (n: number, type: string, m: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    cloudEvent({ id: `${tag}-${n}`, source: `/holidays/${type.split(".")[0]}`, type, subject: `s/${tag}`, userid: user, time: at(m), data, ...extra });
  const trip = { checkIn: "2027-07-01", checkOut: "2027-07-08", adults: 2, children: 0 };
  const offer = { offerId: "OF-MLA-3", destination: "MLA", hotel: "Blue Bay Resort Malta", package: "all-inclusive", currency: "EUR" };
  await appendBatch(request, [
    e(1, T.userSignedIn, 0, { platform: "web", device: "desktop", country: "GB" }),
    e(2, T.destinationViewed, 1, { destination: "MLA", name: "Malta" }),
    e(3, T.offerViewed, 2, { ...offer, pricePerPerson: 1300 }),
    e(4, T.offerSaved, 3, { offerId: "OF-MLA-3" }),
    e(5, T.destinationsSearched, 4, { query: "Lisbon", destination: "LIS", ...trip }),
    e(6, T.bookingStarted, 5, { bookingId: bk, ...offer, ...trip, pricePerPerson: 1300 }, { correlationid: bk }),
    e(7, T.travellersAdded, 6, { bookingId: bk, travellers: [{ name: "A" }, { name: "B" }] }, { correlationid: bk }),
    e(
      8,
      T.bookingPriced,
      7,
      { bookingId: bk, offerId: "OF-MLA-3", pricePerPerson: 1245, previousPricePerPerson: 1300, total: 2490, currency: "EUR", holdExpiresAt: at(27) },
      { correlationid: bk },
    ),
  ]);
  let sessionId = "";
  for (let i = 0; i < 50 && !sessionId; i++) {
    const { sessions = [] } = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
    sessionId = sessions[0]?.id ?? "";
    if (!sessionId) await new Promise((r) => setTimeout(r, 100));
  }

  await page.goto(`/users/${encodeURIComponent(user)}`);
  const resume = page.getByRole("region", { name: "Resume" });
  await expect(resume).toContainText("the hold has run out");
  await expect(resume).toContainText("Malta (MLA)");
  // Not "Pay €2,490" beside "the hold has run out".
  await expect(page.getByRole("region", { name: "Open booking" })).toContainText("To continue: Get the booking priced, pay");
  await expect(resume).toContainText("Left to do: get the booking priced, pay.");
  // Trip dates with their year, as the resume page says them.
  await expect(page.getByRole("region", { name: "Open booking" })).toContainText("Thu 1 July – Thu 8 July 2027, 7 nights");

  // The work queue judges it now, as the Resume card does: priced again, not "pay €2,490 (price held until …)".
  await page.goto("/users");
  const row = page.getByRole("list", { name: "Work queue" }).getByRole("listitem").filter({ hasText: user });
  await expect(row).toContainText("To continue: Get the booking priced, pay");
  await expect(row).toContainText("the hold has run out");
  await expect(row).not.toContainText("price held until");

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  const leftOff = page.getByRole("region", { name: "Where they left off" });
  await expect(leftOff).toContainText("Malta (MLA)");
  // A price that went down is said beside the price, not as a blocker.
  await expect(leftOff).toContainText("down from €1,300 to €1,245 per person");
  await expect(page.getByRole("region", { name: "Journey state" })).toContainText("Malta (MLA)");
  await expect(page.getByRole("list", { name: "Session events" })).toContainText("Saved Blue Bay Resort Malta (all-inclusive)");
});

// Searched Lisbon and booked a Malta offer without ever looking at Malta: the place is named as another session named it.
test("a destination the session never named reads as the place the store named it; the left-off card is judged now; exports name the offer", async ({
  page,
  request,
}) => {
  const tag = uniqueTag("place");
  const user = `usr-${tag}`;
  const bk = `BK-${tag}`;
  const start = Date.now() - 3 * 3_600_000;
  const at = (m: number) => new Date(start + m * 60_000).toISOString();
  const e = (n: number, type: string, m: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    cloudEvent({ id: `${tag}-${n}`, source: `/holidays/${type.split(".")[0]}`, type, subject: `s/${tag}`, userid: user, time: at(m), data, ...extra });
  const trip = { checkIn: "2027-07-01", checkOut: "2027-07-08", adults: 2, children: 0 };
  const offer = { offerId: "OF-MLA-4", destination: "MLA", hotel: "Blue Bay Resort Malta", package: "all-inclusive", currency: "EUR" };
  await appendBatch(request, [
    // Someone else's visit named the code.
    cloudEvent({
      id: `${tag}-0`,
      source: "/holidays/search",
      type: T.destinationViewed,
      subject: `o/${tag}`,
      userid: `other-${tag}`,
      time: at(0),
      data: { destination: "MLA", name: "Malta" },
    }),
    e(1, T.userSignedIn, 0, { platform: "web", device: "desktop", country: "GB" }),
    e(2, T.destinationsSearched, 1, { query: "Lisbon", destination: "LIS", ...trip }),
    e(3, T.offerViewed, 2, { ...offer, pricePerPerson: 1300 }),
    e(4, T.offerSaved, 3, { offerId: "OF-MLA-4" }),
    e(5, T.bookingStarted, 5, { bookingId: bk, ...offer, ...trip, pricePerPerson: 1300 }, { correlationid: bk }),
    e(6, T.travellersAdded, 6, { bookingId: bk, travellers: [{ name: "A" }, { name: "B" }] }, { correlationid: bk }),
    e(
      7,
      T.bookingPriced,
      7,
      { bookingId: bk, offerId: "OF-MLA-4", pricePerPerson: 1300, total: 2600, currency: "EUR", holdExpiresAt: at(27) },
      { correlationid: bk },
    ),
  ]);
  let sessionId = "";
  for (let i = 0; i < 50 && !sessionId; i++) {
    const { sessions = [] } = await (await request.get(`/api/users/${user}/sessions`, { headers: serviceAuth })).json();
    sessionId = sessions[0]?.id ?? "";
    if (!sessionId) await new Promise((r) => setTimeout(r, 100));
  }
  const resumeApi = await (await request.get(`/api/users/${user}/resume`, { headers: serviceAuth })).json();
  expect(resumeApi.resume.chosen.destination).toBe("Malta (MLA)");

  await page.goto(`/users/${encodeURIComponent(user)}`);
  await expect(page.getByRole("region", { name: "Resume" })).toContainText("Malta (MLA)");
  await expect(page.getByRole("region", { name: "Open booking" })).toContainText("To continue: Get the booking priced, pay");

  await page.goto(`/sessions/${encodeURIComponent(sessionId)}`);
  const leftOff = page.getByRole("region", { name: "Where they left off" });
  await expect(leftOff).toContainText("Malta (MLA)");
  // Judged now, as the Resume card: the hold ran out after the session, so no "Pay … (price held until …)".
  await expect(leftOff).toContainText("the hold has run out");
  await expect(leftOff).not.toContainText("price held until");
  await expect(page.getByRole("region", { name: "Journey state" })).toContainText("Malta (MLA)");

  const csv = await (await page.request.get(`/sessions/${encodeURIComponent(sessionId)}/export/csv`)).text();
  expect(csv).toContain("Saved Blue Bay Resort Malta (all-inclusive)");
  await page.goto(`/sessions/${encodeURIComponent(sessionId)}/print`);
  await expect(page.getByRole("table")).toContainText("Saved Blue Bay Resort Malta (all-inclusive)");
  await expect(page.getByRole("region", { name: "Where they left off" })).toContainText("Malta (MLA)");
});
