import { devices, expect, test } from "@playwright/test";
import { E2E_RESUME_CONTACT, E2E_RESUME_TEMPLATE } from "../../playwright.config";
import { serviceAuth } from "../support/seed";
import { seedUnfinishedBooking } from "../support/seed-booking";
import { signedInAs, viewerIdOf } from "../support/signed-in";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("agent") });

test("an agent creates a resume link from a replay; the customer opens it on a phone, Continue lands on Rewind's page with the draft", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const seeded = await seedUnfinishedBooking(request);
  await page.goto(`/sessions/${seeded.sessionId}`);
  await page.getByRole("button", { name: "Create a resume link" }).click();
  const url = (await page.getByTestId("resume-link").textContent())!.trim();
  expect(url).toMatch(/\/resume\/[\w-]+\.[\w-]+$/);

  // Someone else's phone: no sign-in, no cookies.
  const phone = await browser.newContext({ ...devices["Pixel 7"], storageState: { cookies: [], origins: [] } });
  const customer = await phone.newPage();
  const opened = await customer.goto(url);
  expect(opened!.status()).toBe(200);
  await expect(customer.getByRole("heading", { name: "Pick up where you left off" })).toBeVisible();
  const draft = customer.getByRole("region", { name: "Your booking so far" });
  await expect(draft).toContainText("Vista Resort Lisbon (half-board)");
  // The place, named as the events name it (the search's words for its code).
  await expect(draft.getByRole("definition").first()).toHaveText("Lisbon (LIS)");
  // The full dates, with the year and the nights: a customer books months ahead.
  await expect(draft).toContainText("Sat 12 June – Sat 19 June 2027, 7 nights");
  await expect(draft).toContainText("2 adults, 1 child");
  await expect(draft).toContainText("€2,100");
  await expect(customer.getByRole("region", { name: "What is left" })).toContainText("Pay");
  // Nothing an agent sees: no events, no user id, nobody's personal data.
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, the page as rendered, is what the customer sees
  const text = await customer.locator("body").innerText();
  for (const value of [seeded.user, seeded.sessionId, "booking.booking.priced", "Sign out", ...seeded.personal]) expect(text).not.toContain(value);
  // Fits the phone's width.
  expect(await customer.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);

  const token = url.split("/resume/")[1]!;
  const query = new URL(E2E_RESUME_TEMPLATE, baseURL).searchParams;
  await customer.getByRole("link", { name: "Continue your booking" }).click();
  await customer.waitForURL(
    (at) =>
      at.pathname === "/resume/continue" &&
      at.searchParams.get("booking") === seeded.booking &&
      at.searchParams.get("offer") === seeded.offer &&
      at.searchParams.get("checkIn") === "2027-06-12" &&
      at.searchParams.get("token") === token &&
      [...at.searchParams.keys()].join() === [...query.keys()].join(),
  );
  // Rewind's own page says where a real deployment would go, and shows the draft read again from the store.
  await expect(customer.getByRole("heading", { name: "Your booking would carry on here" })).toBeVisible();
  await expect(customer.getByText("REWIND_RESUME_URL_TEMPLATE")).toBeVisible();
  const again = customer.getByRole("region", { name: "Your booking so far" });
  await expect(again.getByRole("definition").first()).toHaveText("Lisbon (LIS)");
  await expect(again).toContainText("Vista Resort Lisbon (half-board)");
  await expect(again).toContainText("Sat 12 June – Sat 19 June 2027, 7 nights");
  await expect(again).toContainText("€2,100");
  await expect(customer.getByRole("region", { name: "What the booking app receives" })).toContainText(seeded.booking);
  // biome-ignore lint/performance/useDomNodeTextContent: as above, the page as rendered
  const continued = await customer.locator("body").innerText();
  for (const value of [seeded.user, seeded.sessionId, "Sign out", ...seeded.personal]) expect(continued).not.toContain(value);
  expect(await customer.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);

  // Both are on record: the agent created it, the customer opened it.
  const agentId = await viewerIdOf(await signedInAs("agent", baseURL!));
  const stream = async (viewer: string) =>
    (await (await request.get(`/api/streams/${encodeURIComponent(`rewind/audit/${viewer}`)}?limit=1000`, { headers: serviceAuth })).json()).events;
  expect(
    (await stream(agentId)).filter((e: { type: string; userid: string }) => e.type === "rewind.audit.resume-link.created" && e.userid === seeded.user),
  ).toHaveLength(1);
  const linkId = JSON.parse(Buffer.from(url.split("/resume/")[1]!.split(".")[0]!, "base64url").toString()).link;
  const openedEvents = await stream(`resume-link:${linkId}`);
  expect(openedEvents.map((e: { type: string }) => e.type)).toEqual(["rewind.audit.resume-link.opened", "rewind.audit.resume-link.continued"]);

  // The agent sees the link on the customer's page and revokes it; the link stops working.
  await page.goto(`/users/${seeded.user}`);
  const links = page.getByRole("table", { name: "Resume links" });
  await expect(links).toContainText("active");
  page.once("dialog", (dialog) => dialog.accept());
  await links.getByRole("button", { name: "Revoke" }).click();
  await expect(links).toContainText("revoked");
  expect((await request.get(new URL(url).pathname)).status()).toBe(403);

  // The customer, refused, is told whom to ask (REWIND_RESUME_CONTACT), with the address and number tappable.
  const refused = await customer.goto(url);
  expect(refused!.status()).toBe(403);
  await expect(customer.getByRole("heading", { name: "This link can no longer be used" })).toBeVisible();
  const ask = customer.getByRole("region", { name: "Whom to ask" });
  await expect(ask).toContainText(E2E_RESUME_CONTACT);
  await expect(ask.getByRole("link", { name: "care@holidays.example" })).toHaveAttribute("href", "mailto:care@holidays.example");
  await expect(ask.getByRole("link", { name: "+44 20 7946 0000" })).toHaveAttribute("href", "tel:+442079460000");
  // The page Continue led to refuses the withdrawn link too, and shows nothing of the draft.
  expect((await customer.goto(`/resume/continue?token=${token}`))!.status()).toBe(403);
  await expect(customer.getByRole("region", { name: "Whom to ask" })).toContainText(E2E_RESUME_CONTACT);
  await expect(customer.getByText("Vista Resort Lisbon")).toHaveCount(0);
  await phone.close();
});

test("a changed link is refused on a phone with whom to ask, and Continue's page refuses it the same way", async ({ browser }) => {
  const phone = await browser.newContext({ ...devices["Pixel 7"], storageState: { cookies: [], origins: [] } });
  const customer = await phone.newPage();
  for (const path of ["/resume/eyJsaW5rIjoicmxfbm9uZSJ9.changed-signature", "/resume/continue?token=eyJsaW5rIjoicmxfbm9uZSJ9.changed-signature"]) {
    expect((await customer.goto(path))!.status()).toBe(404);
    await expect(customer.getByRole("heading", { name: "This link isn't valid" })).toBeVisible();
    await expect(customer.getByRole("region", { name: "Whom to ask" })).toContainText(E2E_RESUME_CONTACT);
    expect(await customer.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
  }
  await phone.close();
});
