import { expect, test } from "@playwright/test";
import { seedUnfinishedBooking } from "../support/seed-booking";

test("the search box finds a customer whose id is an email, and neither the URL nor the page shows it", async ({ page, request }) => {
  const seeded = await seedUnfinishedBooking(request, { user: (tag) => `jane.${tag}@example.com` });
  const email = seeded.user;
  await page.goto("/sessions");
  await page.getByRole("combobox", { name: "Find a customer" }).fill(email);
  await page.keyboard.press("Enter");
  const result = page.getByRole("list", { name: "Search results" }).getByRole("link");
  await expect(result).toHaveCount(1);
  // The query travels sealed: not in the address bar, the history or a log.
  expect(page.url()).toMatch(/\/users\?q=[A-Za-z0-9_-]+$/);
  expect(decodeURIComponent(page.url())).not.toContain(email);
  await expect(result).toHaveAttribute("href", /^\/users\/cus_[0-9a-f]{20}$/);
  // A masked id tells two customers of one shape apart no better than their masked names: the
  // reference does, shown in the row.
  await expect(result).toContainText(/cus_[0-9a-f]{20}/);
  // The server never sends it back: not in the page it renders, nor in the results; only the
  // agent's own box keeps what they typed.
  expect(await (await page.request.get(page.url())).text()).not.toContain(email);
  expect(await page.locator("main").innerHTML()).not.toContain(email);

  await result.click();
  await expect(page).toHaveURL(/\/users\/cus_[0-9a-f]{20}$/);
  await expect(page.getByRole("table", { name: "Sessions" })).toBeVisible();
  expect(await (await page.request.get(page.url())).text()).not.toContain(email);
  expect(await page.locator("main").innerHTML()).not.toContain(email);
  // A sealed query that was changed opens nothing.
  await page.goto("/users?q=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(page.getByRole("list", { name: "Search results" })).toHaveCount(0);
});

test("a settled search keeps its words in the box; a hand-typed ?q= works; a 1-character search says why it did not run", async ({ page, request }) => {
  const seeded = await seedUnfinishedBooking(request);
  await page.goto("/users");
  const box = page.getByRole("combobox", { name: "Find a customer" });
  await box.fill(seeded.booking);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/users\?q=[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("link")).toHaveCount(1);
  await expect(box).toHaveValue(seeded.booking);

  // Typed into the address bar by hand: a plain q is a query too.
  await page.goto(`/users?q=${encodeURIComponent(seeded.booking)}`);
  await expect(page.getByRole("list", { name: "Search results" }).getByRole("link")).toHaveCount(1);

  await page.goto("/users?q=B");
  await expect(page.getByRole("alert").filter({ hasText: "at least 2 characters" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Search results" })).toHaveCount(0);
});
