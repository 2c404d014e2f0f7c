import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { verifySignature } from "../../lib/alerts/signature";
import { seedUnfinishedBooking } from "../support/seed-booking";
import { uniqueTag } from "../support/seed";

/** Fills /admin/alerts' form and answers the secret it shows once. */
async function createRule(page: Page, rule: { name: string; step: string; minutes: string; webhook?: string }): Promise<string> {
  await page.goto("/admin/alerts");
  const form = page.getByRole("form", { name: "Create rule" });
  await form.getByLabel("Name").fill(rule.name);
  await form.getByLabel("Journey").selectOption("holiday-booking");
  await form.getByLabel("Stopped at step").selectOption({ label: rule.step });
  await form.getByLabel("Minutes without a further event").fill(rule.minutes);
  if (rule.webhook) await form.getByLabel("Webhook (optional)").fill(rule.webhook);
  await form.getByRole("button", { name: "Create rule" }).click();
  await expect(form.getByRole("status")).toContainText(`Created alert rule “${rule.name}”`);
  return (await form.getByTestId("secret").textContent())!.trim();
}

test("an admin creates a rule at /admin/alerts, sees it listed without its secret, and a delete asks first", async ({ page }) => {
  const name = uniqueTag("stuck-at-pricing");
  const secret = await createRule(page, { name, step: "Priced", minutes: "20", webhook: "https://hooks.example/rewind" });
  expect(secret).toMatch(/^rws_[A-Za-z0-9_-]{43}$/);
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("stopped at “Priced”, nothing further for 20 min");
  await expect(row).toContainText("https://hooks.example/rewind");
  await expect(page.getByText(secret)).toHaveCount(0);

  // Dismissed: nothing deleted.
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await row.getByRole("button", { name: "Delete" }).click();
  expect(asked).toContain(`Delete the alert rule “${name}”?`);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(1);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("row").filter({ hasText: name }).getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
});

test("a rule's input is checked once, naming the field: plain http to a host not allowed is refused, and nothing is made", async ({ page }) => {
  const name = uniqueTag("plain-http");
  await page.goto("/admin/alerts");
  const form = page.getByRole("form", { name: "Create rule" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Webhook (optional)").fill("http://hooks.example/rewind");
  await form.getByRole("button", { name: "Create rule" }).click();
  await expect(form.getByRole("alert")).toContainText("webhook: must be https://");
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
});

test("a stalled journey fires on the running server: in the agents' queue with its resume link, and POSTed signed to the webhook", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done));
  const name = uniqueTag("queue-alert");
  try {
    // The e2e server allows 127.0.0.1 (REWIND_WEBHOOK_ALLOW in playwright.config.ts), as the tests name it.
    const secret = await createRule(page, { name, step: "Priced", minutes: "1", webhook: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` });
    const seeded = await seedUnfinishedBooking(request);
    // A minute of recorded time, then the next pass (every 15 s).
    await expect(async () => {
      await page.goto("/users");
      await expect(page.getByRole("list", { name: "Alerts" })).toContainText(name);
    }).toPass({ timeout: 120_000, intervals: [5_000] });
    const item = page.getByRole("list", { name: "Alerts" }).getByRole("listitem").filter({ hasText: name });
    await expect(item).toContainText("To continue:");
    await expect(item.getByRole("link", { name: "Replay" })).toHaveAttribute("href", `/sessions/${encodeURIComponent(seeded.sessionId)}`);
    await expect(item.getByRole("button", { name: /resume link/i })).toBeVisible();

    await expect(() => expect(received.length).toBeGreaterThan(0)).toPass({ timeout: 30_000 });
    const [hook] = received.filter((r) => JSON.parse(r.body).rule.name === name);
    const body = JSON.parse(hook!.body);
    expect(body).toMatchObject({ type: "journey.stalled", session: { id: seeded.sessionId, step: "priced", customer: expect.stringMatching(/^cus_/) } });
    expect(verifySignature(secret, hook!.body, String(hook!.headers["rewind-signature"]))).toBe(true);
    for (const value of [seeded.user, ...seeded.personal]) expect(hook!.body).not.toContain(value);

    await page.goto("/admin/alerts");
    const delivery = page.getByRole("row").filter({ hasText: body.id });
    await expect(delivery).toContainText("delivered");
    await expect(delivery).toContainText("200");
  } finally {
    receiver.close();
    // The rule goes, and its alerts with it, so other tests' start pages are as they were.
    await page.goto("/admin/alerts");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("row").filter({ hasText: name }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  }
});
