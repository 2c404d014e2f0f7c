import { expect, test, type Page } from "@playwright/test";
import { seedUnfinishedBooking } from "../support/seed-booking";
import { storageStateOf } from "../support/users";

test.use({ storageState: storageStateOf("agent") });

/**
 * A browser that copies nothing: no Clipboard API (as over plain http from another machine) and an
 * execCommand("copy") that declines. Copy buttons then select the text and ask for Ctrl+C.
 */
async function withoutClipboard(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
    document.execCommand = () => false;
  });
}

async function createLink(page: Page, user: string) {
  await page.goto(`/users/${user}`);
  const resume = page.getByRole("region", { name: "Resume" });
  await resume.getByRole("button", { name: "Create a resume link" }).click();
  await expect(resume.getByTestId("resume-link")).toContainText("/resume/");
  return resume;
}

test("without a clipboard, the resume link's Copy selects the link and says Press Ctrl+C, never Copied", async ({ page, request }) => {
  await withoutClipboard(page);
  const seeded = await seedUnfinishedBooking(request);
  const resume = await createLink(page, seeded.user);
  const url = (await resume.getByTestId("resume-link").textContent())!.trim();
  await resume.getByRole("button", { name: "Copy" }).click();
  await expect(resume.getByRole("button", { name: "Press Ctrl+C to copy" })).toBeVisible();
  await expect(resume.getByRole("button", { name: "Copied" })).toHaveCount(0);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(url);
});

test("with a clipboard, Copy puts the link on it and says Copied", async ({ page, request }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const seeded = await seedUnfinishedBooking(request);
  const resume = await createLink(page, seeded.user);
  const url = (await resume.getByTestId("resume-link").textContent())!.trim();
  await resume.getByRole("button", { name: "Copy" }).click();
  await expect(resume.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
});
