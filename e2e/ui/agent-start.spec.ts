import { devices, expect, test } from "@playwright/test";
import { seedUnfinishedBooking } from "../support/seed-booking";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("agent") });

test("the agent's start page is a work queue: a stopped journey with why and what it takes, one click from its replay and a resume link", async ({
  page,
  request,
}) => {
  const seeded = await seedUnfinishedBooking(request);
  await page.goto("/");
  await expect(page).toHaveURL(/\/users$/);
  const row = page.getByRole("list", { name: "Work queue" }).getByRole("listitem").filter({ hasText: seeded.user });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Holiday bookings");
  await expect(row).toContainText(/To continue: .*pay/i);
  await expect(row.getByRole("link", { name: "Replay" })).toHaveAttribute("href", `/sessions/${seeded.sessionId}`);
  // The queue says where this page is and how many stopped at most, and pages on by cursor when there are more than a page.
  await expect(page.getByRole("heading", { name: "Stopped journeys to follow up" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^1–\d+ of up to [\d,]+, newest stop first/ })).toBeVisible();
  await row.getByRole("button", { name: "Create a resume link" }).click();
  await expect(row.getByTestId("resume-link")).toContainText("/resume/");
  // Nothing personal on the page: the names, the email and the phone are masked on the server.
  const html = await page.content();
  for (const value of seeded.personal) expect(html).not.toContain(value);

  // The customer opened from here is first among the ones looked at recently.
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/users/${seeded.user}$`));
  await page.goto("/users");
  await expect(page.getByRole("list", { name: "Recent customers" }).getByRole("link").first()).toContainText(seeded.user);
  // A hand-edited page cursor is refused in words, and the newest are shown.
  await page.goto("/users?queue=not-a-cursor");
  await expect(page.getByRole("alert").filter({ hasText: "not valid" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Work queue" })).toBeVisible();
});

test("search suggestions while typing, newest first, told apart, and chosen with the keyboard", async ({ page, request }) => {
  const older = await seedUnfinishedBooking(request);
  const newer = await seedUnfinishedBooking(request);
  await page.goto("/users");
  const box = page.getByRole("combobox", { name: "Find a customer" });
  await box.pressSequentially("rosa resume", { delay: 20 });
  const options = page.getByRole("listbox", { name: "Suggested customers" }).getByRole("option");
  await expect(options.filter({ hasText: newer.user })).toHaveCount(1);
  const texts = await options.allTextContents();
  const at = (user: string) => texts.findIndex((t) => t.includes(user));
  // Both masked alike ("R••• R•••••"): the id, when last seen and what is open tell them apart.
  expect(at(newer.user)).toBeGreaterThanOrEqual(0);
  expect(at(older.user)).toBeGreaterThan(at(newer.user));
  await expect(options.filter({ hasText: newer.user })).toContainText(/last seen .* · \d+ sessions? · open booking/);
  expect(texts.join(" ")).not.toContain("Rosa Resume");

  for (let i = 0; i <= at(newer.user); i++) await box.press("ArrowDown");
  await expect(options.nth(at(newer.user))).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/users/${newer.user}$`));

  // Enter with nothing highlighted is the settled search, sealed in the URL as before.
  await page.goto("/users");
  await page.getByRole("combobox", { name: "Find a customer" }).fill(older.user);
  await page.getByRole("combobox", { name: "Find a customer" }).press("Enter");
  await expect(page).toHaveURL(/\/users\?q=[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("link")).toHaveCount(1);
});

test("a resume link's status on the customer's page: opened how often and when last, then revoked", async ({ page, browser, request }) => {
  const seeded = await seedUnfinishedBooking(request);
  await page.goto(`/users/${seeded.user}`);
  const resume = page.getByRole("region", { name: "Resume" });
  await resume.getByRole("button", { name: "Create a resume link" }).click();
  const url = (await resume.getByTestId("resume-link").textContent())!.trim();
  await page.reload();
  const links = page.getByRole("table", { name: "Resume links" });
  await expect(links.getByRole("row").nth(1)).toContainText("active");
  await expect(links.getByRole("row").nth(1)).toContainText("not opened");

  // The customer opens it twice, on a phone, signed in as nobody.
  const phone = await browser.newContext({ ...devices["Pixel 7"], storageState: { cookies: [], origins: [] } });
  const customer = await phone.newPage();
  for (let i = 0; i < 2; i++) {
    await customer.goto(url);
    await expect(customer.getByRole("heading", { name: "Pick up where you left off" })).toBeVisible();
  }
  await phone.close();

  await page.reload();
  const row = links.getByRole("row").nth(1);
  await expect(row).toContainText("active");
  await expect(row).toContainText(/opened twice, last /);
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  await expect(row).toContainText(/revoked .* by \S+@/);
  await expect(row).toContainText(/opened twice/);
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
});

test("on a phone the customer's sessions are stacked lines, not a table that scrolls sideways, and the strip's colours are named", async ({
  page,
  request,
}) => {
  const seeded = await seedUnfinishedBooking(request);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/users/${seeded.user}`);
  const table = page.getByRole("table", { name: "Sessions" });
  await expect(table).toBeVisible();
  // Every column's value is on screen, named: nothing hidden past the right edge.
  const box = (await table.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await table.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
  await expect(table.locator(`td[data-label="Left off at"]`).first()).toBeInViewport();
  await expect(page.getByRole("list", { name: "Colours of the strip" })).toContainText(/abandoned|browsed/);
});
